import type { LeverageWeight, ModelSettings } from './types';

const textbookWeights: LeverageWeight[] = [
  { leverage: 5, weight: 0.15 },
  { leverage: 10, weight: 0.3 },
  { leverage: 25, weight: 0.25 },
  { leverage: 50, weight: 0.2 },
  { leverage: 100, weight: 0.1 },
];

const base: Omit<ModelSettings, 'preset' | 'leverageWeights'> = {
  lookbackDays: 30,
  decayHalfLifeHours: null,
  entry: 'ohlc4',
  entrySpread: 'point',
  sideSplit: 'taker',
  oiDecrease: 'pro-rata',
  oiUnits: 'usd',
  interval: '1h',
};

/**
 * Named model settings. 'textbook' is the published OI-delta model (gptprojectmanager/liquidations
 * weights, taker split, ohlc4 entry, no decay) kept as the reference the default must beat.
 */
export const MODEL_PRESETS: Record<string, ModelSettings> = {
  textbook: { ...base, preset: 'textbook', leverageWeights: textbookWeights },
  // RSTEIN2525 liquidation-map profiles, leverage tiers 5…125x.
  conservative: {
    ...base,
    preset: 'conservative',
    leverageWeights: [
      { leverage: 5, weight: 0.3 },
      { leverage: 10, weight: 0.3 },
      { leverage: 20, weight: 0.2 },
      { leverage: 25, weight: 0.1 },
      { leverage: 50, weight: 0.07 },
      { leverage: 100, weight: 0.03 },
    ],
  },
  aggressive: {
    ...base,
    preset: 'aggressive',
    leverageWeights: [
      { leverage: 10, weight: 0.1 },
      { leverage: 20, weight: 0.15 },
      { leverage: 25, weight: 0.15 },
      { leverage: 50, weight: 0.25 },
      { leverage: 75, weight: 0.15 },
      { leverage: 100, weight: 0.12 },
      { leverage: 125, weight: 0.08 },
    ],
  },
};

export const DEFAULT_PRESET = 'textbook';

/** Settings for a preset name, with the bar interval of the data the caller has. */
export function modelSettings(preset: string = DEFAULT_PRESET, overrides: Partial<ModelSettings> = {}): ModelSettings {
  const found = MODEL_PRESETS[preset];
  if (!found) throw new Error(`unknown model preset "${preset}" (known: ${Object.keys(MODEL_PRESETS).join(', ')})`);
  return { ...found, leverageWeights: found.leverageWeights.map((w) => ({ ...w })), ...overrides };
}
