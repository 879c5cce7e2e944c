import type { Bar } from '@/core/model/book';
import { modelSettings } from '@/core/model/presets';
import type { ModelSettings } from '@/core/model/types';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2025, 11, 1);

/** A bar built by hand: `takerShare` of the volume bought by takers (1 = all longs). */
export function bar(i: number, o: number, h: number, l: number, c: number, takerShare = 1): Bar {
  return { time: T0 + i * HOUR, open: o, high: h, low: l, close: c, volume: 100, takerBuyVolume: 100 * takerShare };
}

/** One leverage bucket, entry at close, OI in USD, no decay: every level is easy to compute by hand. */
export function simpleSettings(overrides: Partial<ModelSettings> = {}): ModelSettings {
  return modelSettings('textbook', {
    leverageWeights: [{ leverage: 10, weight: 1 }],
    entry: 'close',
    oiUnits: 'usd',
    ...overrides,
  });
}
