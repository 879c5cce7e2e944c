/**
 * The one list of venues. Each venue is its folder (core/venues/<venue>/); this file names the
 * folders once, and every other registry is derived from them, so adding a venue is its folder,
 * its fixtures and one line here. Only descriptors (facts, no parsers) are imported, so the
 * content script carries no venue's market-data or stream code.
 */
import { venue as binance } from './binance/venue';
import { venue as okx } from './okx/venue';
import { venue as bybit } from './bybit/venue';
import { venue as htx } from './htx/venue';
import { venue as bitget } from './bitget/venue';
import { venue as gate } from './gate/venue';
import { venue as mexc } from './mexc/venue';
import { venue as hyperliquid } from './hyperliquid/venue';
import type { VenueDescriptor } from './venue-types';
import type { HostLimit } from '../net/rate-limit';
import type { ErrorEnvelope } from '../net/errors';

export const VENUES = [binance, okx, bybit, htx, bitget, gate, mexc, hyperliquid] as const;

export type VenueId = (typeof VENUES)[number]['id'];
export const VENUE_IDS: readonly VenueId[] = VENUES.map((v) => v.id);

export function isVenueId(value: unknown): value is VenueId {
  return typeof value === 'string' && (VENUE_IDS as readonly string[]).includes(value);
}

const BY_ID = new Map<string, VenueDescriptor<VenueId>>(VENUES.map((v) => [v.id, v]));

export function venueOf(id: VenueId): VenueDescriptor<VenueId> {
  return BY_ID.get(id)!;
}

/** Pages on any venue that must never run the content script, whatever a venue's match says. */
const SENSITIVE_PATHS = ['*login*', '*register*', '*api-management*', '*apikey*', '*api-key*', '*withdraw*', '*security*'];

export function contentScriptMatches(): string[] {
  return VENUES.flatMap((v) => v.site.pageMatches);
}

export function contentScriptExcludes(): string[] {
  const origins = new Set(VENUES.flatMap((v) => v.site.pageMatches.map((m) => new URL(m.replace(/\*/g, 'x')).origin)));
  const generic = [...origins].flatMap((origin) => SENSITIVE_PATHS.map((p) => `${origin}/${p}`));
  return [...VENUES.flatMap((v) => v.site.pageExcludes), ...generic];
}

/** The venue whose trading pages live on this host (the content script only runs on those). */
export function venueForPageHost(hostname: string): VenueId | null {
  return VENUES.find((v) => v.site.pageMatches.some((pattern) => /^https:\/\/([^/]+)\//.exec(pattern)?.[1] === hostname))?.id ?? null;
}

export function apiHostPermissions(): string[] {
  return [...new Set(VENUES.flatMap((v) => v.api.origins))];
}

/** Every venue's request budget per API host. */
export function venueHostLimits(): Record<string, HostLimit> {
  return Object.assign({}, ...VENUES.map((v) => v.api.limits)) as Record<string, HostLimit>;
}

/** The error envelope of the venue that owns `host`, or undefined for a host no venue declares. */
export function errorEnvelopeForHost(host: string): ErrorEnvelope | undefined {
  return VENUES.find((v) => host in v.api.limits)?.api.errorEnvelope;
}

/** Venues the key-less model can read (public klines and open-interest history). */
export const MODEL_VENUE_IDS: readonly VenueId[] = VENUES.filter((v) => v.capabilities.openInterestHistory === true).map((v) => v.id);

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
