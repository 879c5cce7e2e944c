import type { VenueId } from '../types';
import type { VenueSite } from './site-types';
import { site as binance } from './binance/site';
import { site as okx } from './okx/site';
import { site as bybit } from './bybit/site';
import { site as htx } from './htx/site';
import { site as bitget } from './bitget/site';
import { site as gate } from './gate/site';
import { site as mexc } from './mexc/site';
import { site as hyperliquid } from './hyperliquid/site';

export const SITES: Record<VenueId, VenueSite> = { binance, okx, bybit, htx, bitget, gate, mexc, hyperliquid };

/** Pages on any venue that must never run the content script, whatever the match above says. */
const SENSITIVE_PATHS = ['*login*', '*register*', '*api-management*', '*apikey*', '*api-key*', '*withdraw*', '*security*'];

export function contentScriptMatches(): string[] {
  return Object.values(SITES).flatMap((s) => s.pageMatches);
}

export function contentScriptExcludes(): string[] {
  const origins = new Set(Object.values(SITES).flatMap((s) => s.pageMatches.map((m) => new URL(m.replace(/\*/g, 'x')).origin)));
  const generic = [...origins].flatMap((origin) => SENSITIVE_PATHS.map((p) => `${origin}/${p}`));
  return [...Object.values(SITES).flatMap((s) => s.pageExcludes), ...generic];
}

export function apiHostPermissions(): string[] {
  return [...new Set(Object.values(SITES).flatMap((s) => s.apiHosts))];
}
