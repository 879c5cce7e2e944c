/**
 * The one list of venues. Each venue is its folder (core/venues/<venue>/); this file names the
 * folders once, and every other registry is derived from them, so adding a venue is its folder,
 * its fixtures and one line here. Only each venue's basics are imported (id, name, pages, API
 * origins): the content script imports this file and carries nothing else of any venue's.
 * The background's facts (budgets, codecs, capabilities) are in descriptors.ts.
 */
import { basics as binance } from './binance/venue';
import { basics as okx } from './okx/venue';
import { basics as bybit } from './bybit/venue';
import { basics as htx } from './htx/venue';
import { basics as bitget } from './bitget/venue';
import { basics as gate } from './gate/venue';
import { basics as mexc } from './mexc/venue';
import { basics as hyperliquid } from './hyperliquid/venue';
import type { VenueBasics } from './venue-types';

export const VENUES = [binance, okx, bybit, htx, bitget, gate, mexc, hyperliquid] as const;

export type VenueId = (typeof VENUES)[number]['id'];
export const VENUE_IDS: readonly VenueId[] = VENUES.map((v) => v.id);

export function isVenueId(value: unknown): value is VenueId {
  return typeof value === 'string' && (VENUE_IDS as readonly string[]).includes(value);
}

export function basicsOf(id: VenueId): VenueBasics<VenueId> {
  return VENUES.find((v) => v.id === id)!;
}

/** Pages on any venue that must never run the content script, whatever a venue's match says. */
const SENSITIVE_PATHS = ['*login*', '*register*', '*api-management*', '*apikey*', '*api-key*', '*withdraw*', '*security*'];

export function contentScriptMatches(): string[] {
  return VENUES.flatMap((v) => v.pageMatches);
}

export function contentScriptExcludes(): string[] {
  const origins = new Set(VENUES.flatMap((v) => v.pageMatches.map((m) => new URL(m.replace(/\*/g, 'x')).origin)));
  const generic = [...origins].flatMap((origin) => SENSITIVE_PATHS.map((p) => `${origin}/${p}`));
  return [...VENUES.flatMap((v) => v.pageExcludes), ...generic];
}

/** The venue whose trading pages live on this host (the content script only runs on those). */
export function venueForPageHost(hostname: string): VenueId | null {
  return VENUES.find((v) => v.pageMatches.some((pattern) => /^https:\/\/([^/]+)\//.exec(pattern)?.[1] === hostname))?.id ?? null;
}

/** The same for a whole page URL (a sender's, say); null for one that does not parse. */
export function venueForPageUrl(url: string): VenueId | null {
  try {
    return venueForPageHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

export function apiHostPermissions(): string[] {
  return [...new Set(VENUES.flatMap((v) => v.apiOrigins))];
}

/**
 * A registry of one part of every venue folder, from Vite's `import.meta.glob` of that file name:
 * each concern imports only its own file from each folder (the page reader never pulls in a
 * stream parser). A folder missing the file, or a folder that is not a listed venue, is an error
 * at load, and the venue meta-test fails first.
 */
export function fromVenueFolders<M, T>(file: string, modules: Record<string, M>, pick: (module: M, venue: VenueId) => T): Record<VenueId, T> {
  const out: Partial<Record<VenueId, T>> = {};
  for (const [path, module] of Object.entries(modules)) {
    const id = /\/([^/]+)\/[^/]+$/.exec(path)?.[1];
    if (!isVenueId(id)) throw new Error(`${path}: ${id} is not listed in core/venues/registry.ts`);
    out[id] = pick(module, id);
  }
  const missing = VENUE_IDS.filter((v) => !(v in out));
  if (missing.length) throw new Error(`core/venues/${missing.join(', ')}: no ${file}`);
  return out as Record<VenueId, T>;
}
