import type { SourceStatus } from '@/core/messages/protocol';

/** A source's error message without its own name repeated in front ("binance:tiers: HTTP 404" → "HTTP 404"). */
export function sourceMessage(s: Pick<SourceStatus, 'source' | 'lastError'>): string {
  const m = s.lastError?.message ?? '';
  return m.startsWith(`${s.source}: `) ? m.slice(s.source.length + 2) : m;
}
