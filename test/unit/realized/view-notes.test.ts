import { describe, expect, it } from 'vitest';
import { coverageNotes, splitAssets } from '@/core/realized/view-notes';
import type { VenueCoverage } from '@/core/realized/types';

const H = 3_600_000;
const NOW = Date.UTC(2026, 0, 2, 12);
const base = (venue: VenueCoverage['venue'], over: Partial<VenueCoverage>): VenueCoverage => ({
  venue,
  feed: 'stream',
  reason: null,
  enabled: true,
  state: 'collecting',
  since: null,
  gaps: [],
  backfill: null,
  sampled: null,
  ...over,
});

describe('what each figure covers', () => {
  it('says "since" when collection started inside the window, the window when it covers it all, and each gap in the window', () => {
    const venues = [
      base('binance', { since: NOW - 3 * H, sampled: 'at most one order per symbol per second' }),
      base('bybit', {
        since: NOW - 30 * H,
        gaps: [
          { from: NOW - 20 * H, to: NOW - 19 * H },
          { from: NOW - 2 * H, to: NOW - H },
        ],
      }),
      base('okx', { since: NOW - 2 * H, backfill: { span: { from: NOW - 24 * H, to: NOW - 2 * H }, families: ['BTC-USDT', 'ETH-USDT'] } }),
      base('htx', { enabled: false }),
      base('hyperliquid', { feed: 'none', reason: 'none public' }),
    ];
    const four = coverageNotes(venues, NOW, 4 * H, '4h');
    const kinds = (v: string) => four.filter((n) => n.venue === v).map((n) => n.kind);
    expect(kinds('binance')).toEqual(['since', 'sampled']);
    expect(four.find((n) => n.venue === 'binance')!.times).toEqual({ time: NOW - 3 * H });
    // Only the gap inside the last 4 h is named.
    expect(kinds('bybit')).toEqual(['full', 'gap']);
    expect(four.find((n) => n.kind === 'gap')!.times).toEqual({ from: NOW - 2 * H, to: NOW - H });
    expect(kinds('okx')).toEqual(['since', 'backfill']);
    expect(four.find((n) => n.kind === 'backfill')!.params.families).toBe('BTC-USDT, ETH-USDT');
    expect(kinds('htx')).toEqual(['off']);
    expect(four.find((n) => n.venue === 'hyperliquid')).toMatchObject({ kind: 'no-feed', params: { reason: 'none public' } });
    // Over 24 h Bybit is complete but has two gaps; Binance only since 3 h ago.
    const day = coverageNotes(venues, NOW, 24 * H, '24h');
    expect(day.filter((n) => n.venue === 'bybit').map((n) => n.kind)).toEqual(['full', 'gap', 'gap']);
  });

  it('a venue read only from its REST history: its window, what the history filled and any gap; never collected; or off', () => {
    const filled = { span: { from: NOW - 24 * H, to: NOW - 30 * 60_000 }, families: ['BTC_USDT', 'ETH_USDT'] };
    const gate = base('gate', { feed: 'history', reason: 'public feed not recorded or wired', state: 'stopped', since: NOW - 24 * H, backfill: filled });
    const day = coverageNotes(
      [gate, base('gate', { feed: 'history', state: 'stopped', gaps: [{ from: NOW - 30 * 60_000, to: NOW }], since: NOW - 24 * H, backfill: filled })],
      NOW,
      24 * H,
      '24h',
    );
    expect(day.slice(0, 2).map((n) => [n.kind, n.message])).toEqual([
      ['full', 'liqVenueFull'],
      ['backfill', 'liqVenueBackfill'],
    ]);
    expect(day[0]!.params.window).toBe('24h');
    expect(day[1]!.params.families).toBe('BTC_USDT, ETH_USDT');
    expect(day.slice(2).map((n) => n.kind)).toEqual(['full', 'gap', 'backfill']);
    expect(coverageNotes([{ ...gate, since: null, backfill: null }], NOW, 24 * H).map((n) => n.kind)).toEqual(['never']);
    expect(coverageNotes([{ ...gate, enabled: false }], NOW, 24 * H).map((n) => n.kind)).toEqual(['off']);
  });

  it('splits totals into BTC, ETH and the rest', () => {
    expect(splitAssets({ BTC: { longUsd: 5, shortUsd: 1 }, SOL: { longUsd: 2, shortUsd: 0 }, DOGE: { longUsd: 0, shortUsd: 3 } })).toEqual([
      { asset: 'BTC', longUsd: 5, shortUsd: 1 },
      { asset: 'ETH', longUsd: 0, shortUsd: 0 },
      { asset: '*', longUsd: 2, shortUsd: 3 },
    ]);
  });
});
