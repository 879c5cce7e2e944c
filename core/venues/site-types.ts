import type { VenueId } from '../types';

/** The manifest-facing facts of one venue: where its trading pages are and which hosts we call. */
export interface VenueSite {
  venue: VenueId;
  label: string;
  /** Match patterns for the content script: trading pages only. */
  pageMatches: string[];
  /** Login, account, API-key and withdrawal pages that a broad pattern could reach. */
  pageExcludes: string[];
  /** Public API hosts the background fetches from (host_permissions). */
  apiHosts: string[];
}
