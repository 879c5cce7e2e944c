/**
 * Hand-built view-model inputs for the overlay tests. The band numbers are the ones of the
 * market report LiqLens starts from (≈$286M of longs $80.0k–$79.2k, ≈$698M of shorts above
 * $85.0k); they are not model output, and the tests only check how they are shown.
 */
import type { Band, HeatmapSnapshot } from '@/core/model/types';
import type { MarketSnapshot } from '@/core/messages/protocol';
import type { RealizedTotals } from '@/core/realized/types';

export const PRICE = 82_560;

export function band(side: 'long' | 'short', near: number, far: number, usd: number, price = PRICE): Band {
  return { side, near, far, usd, cumulativeUsd: usd, distancePct: ((near - price) / price) * 100 };
}

export const LONG_NEAR = band('long', 80_000, 79_200, 286e6);
export const LONG_BIG = band('long', 76_000, 75_000, 512e6);
export const SHORT_NEAR = band('short', 85_000, 85_900, 698e6);

export function heatmap(overrides: Partial<HeatmapSnapshot> = {}): HeatmapSnapshot {
  const min = 70_000;
  const step = 100;
  const count = 250;
  const longUsd = Array.from({ length: count }, (_, i) => {
    const p = min + (i + 0.5) * step;
    return p >= 79_200 && p < 80_000 ? 286e6 / 8 : p >= 75_000 && p < 76_000 ? 512e6 / 10 : 0;
  });
  const shortUsd = Array.from({ length: count }, (_, i) => {
    const p = min + (i + 0.5) * step;
    return p >= 85_000 && p < 85_900 ? 698e6 / 9 : 0;
  });
  return {
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    price: PRICE,
    grid: { min, step, count },
    longUsd,
    shortUsd,
    cumulative: { long: [], short: [] },
    bands: { long: [LONG_NEAR, LONG_BIG], short: [SHORT_NEAR], windowPct: 10 },
    imbalance: { longUsd: 798e6, shortUsd: 698e6 },
    venues: ['binance', 'bybit', 'okx'],
    venueDataTime: {},
    settings: {
      preset: 'default',
      leverageWeights: [{ leverage: 25, weight: 1 }],
      lookbackDays: 7,
      decayHalfLifeHours: null,
      entry: 'ohlc4',
      entrySpread: 'point',
      sideSplit: 'taker',
      oiDecrease: 'pro-rata',
      oiUnits: 'usd',
      interval: '5m',
    },
    provenance: { source: 'model:liqlens-oi-delta', kind: 'estimate', access: 'keyless', dataTime: NOW - 120_000, fetchedAt: NOW - 60_000 },
    ...overrides,
  } as HeatmapSnapshot;
}

export const NOW = Date.UTC(2026, 10, 25, 1, 0, 0);

const totals = (longUsd: number, shortUsd: number): RealizedTotals => ({
  totalUsd: longUsd + shortUsd,
  longUsd,
  shortUsd,
  byVenue: { binance: { longUsd: longUsd * 0.6, shortUsd: shortUsd * 0.6 }, bybit: { longUsd: longUsd * 0.4, shortUsd: shortUsd * 0.4 } },
  byAsset: { BTC: { longUsd, shortUsd } },
});

export function snapshot(overrides: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return {
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    mark: { price: PRICE, time: NOW - 1000, source: 'binance:premiumIndex' },
    heatmap: heatmap(),
    realized: {
      windows: { '1h': totals(1e6, 2e6), '4h': totals(5e6, 4e6), '12h': totals(20e6, 9e6), '24h': totals(41.2e6, 18.9e6) },
      collectingSince: NOW - 30 * 3600_000,
      lowerBound: true,
      provenance: { source: 'binance:forceOrder', kind: 'realized', access: 'keyless', dataTime: NOW - 5000, fetchedAt: NOW - 5000 },
    },
    comparisons: [],
    sources: [{ source: 'binance', lastSuccess: NOW - 60_000, lastError: null }],
    stale: false,
    asOf: NOW - 120_000,
    ...overrides,
  };
}
