/**
 * The background's facts about every venue (core/venues/<venue>/venue.ts `venue`), taken from the
 * folders listed in registry.ts. Not for the content script: it needs only the basics.
 */
import type { HostLimit } from '../net/rate-limit';
import type { ErrorEnvelopeSpec } from '../net/errors';
import type { VenueDescriptor } from './venue-types';
import { fromVenueFolders, VENUE_IDS, type VenueId } from './registry';

export const DESCRIPTORS = fromVenueFolders(
  'venue.ts',
  import.meta.glob<VenueDescriptor<VenueId>>('./*/venue.ts', { eager: true, import: 'venue' }),
  (descriptor) => descriptor,
);

/** In registry order. */
export const DESCRIPTOR_LIST: readonly VenueDescriptor<VenueId>[] = VENUE_IDS.map((id) => DESCRIPTORS[id]);

export function descriptorOf(id: VenueId): VenueDescriptor<VenueId> {
  return DESCRIPTORS[id];
}

/** Every venue's request budget per API host. */
export function venueHostLimits(): Record<string, HostLimit> {
  return Object.assign({}, ...DESCRIPTOR_LIST.map((v) => v.api.limits)) as Record<string, HostLimit>;
}

/** The error envelope of the venue that owns `host`, or undefined for a host no venue declares. */
export function errorEnvelopeForHost(host: string): readonly ErrorEnvelopeSpec[] | undefined {
  return DESCRIPTOR_LIST.find((v) => host in v.api.limits)?.api.errorEnvelope;
}

/** Venues the key-less model can read (public klines and open-interest history). */
export const MODEL_VENUE_IDS: readonly VenueId[] = DESCRIPTOR_LIST.filter((v) => v.capabilities.openInterestHistory === true).map((v) => v.basics.id);
