import type { LeverageWeight, ModelSettings } from './types';

const textbookWeights: LeverageWeight[] = [
  { leverage: 5, weight: 0.15 },
  { leverage: 10, weight: 0.3 },
  { leverage: 25, weight: 0.25 },
  { leverage: 50, weight: 0.2 },
  { leverage: 100, weight: 0.1 },
];

// The textbook model of issue 5: OI change in coins (that is what reproduces its published
// figures, docs/model-tuning.md), taker split, ohlc4 entry, every level at exactly its leverage.
const base: Omit<ModelSettings, 'preset' | 'leverageWeights'> = {
  lookbackDays: 30,
  decayHalfLifeHours: null,
  entry: 'ohlc4',
  entrySpread: 0,
  leverageSpread: 0,
  consumeFraction: 1,
  netConsumedFromOiDecrease: false,
  sideSplit: 'taker',
  oiDecrease: 'pro-rata',
  oiUnits: 'base',
  turnover: 0,
  turnoverOf: 'oi',
  interval: '1h',
};

const conservativeWeights: LeverageWeight[] = [
  { leverage: 5, weight: 0.3 },
  { leverage: 10, weight: 0.3 },
  { leverage: 20, weight: 0.2 },
  { leverage: 25, weight: 0.1 },
  { leverage: 50, weight: 0.07 },
  { leverage: 100, weight: 0.03 },
];

/**
 * Named model settings. 'textbook' is the published OI-delta model (gptprojectmanager/liquidations
 * weights, taker split, ohlc4 entry, no decay) kept as the reference the default must beat.
 */
export const MODEL_PRESETS: Record<string, ModelSettings> = {
  /**
   * The default, chosen by the backtest on Dec 2025 (docs/model-tuning.md): turnover (volume ÷ OI
   * of open interest closes pro rata and reopens each bar), entries over the bar's whole range
   * around its VWAP, leverage buckets ±20% wide, lower leverage, and liquidations netted against
   * the OI drop they cause. Ranks realized liquidations above the range baseline on both sides on
   * every window measured, held-out ones included.
   */
  liqlens: {
    ...base,
    preset: 'liqlens',
    leverageWeights: conservativeWeights,
    entry: 'vwap',
    entrySpread: 1,
    leverageSpread: 0.2,
    turnover: 1,
    netConsumedFromOiDecrease: true,
  },
  textbook: { ...base, preset: 'textbook', leverageWeights: textbookWeights },
  // RSTEIN2525 liquidation-map profiles, leverage tiers 5…125x.
  conservative: { ...base, preset: 'conservative', leverageWeights: conservativeWeights },
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

export const DEFAULT_PRESET = 'liqlens';

/** Settings for a preset name, with the bar interval of the data the caller has. */
export function modelSettings(preset: string = DEFAULT_PRESET, overrides: Partial<ModelSettings> = {}): ModelSettings {
  const found = MODEL_PRESETS[preset];
  if (!found) throw new Error(`unknown model preset "${preset}" (known: ${Object.keys(MODEL_PRESETS).join(', ')})`);
  for (const key of Object.keys(overrides)) {
    if (!(key in found)) throw new Error(`model settings: unknown setting "${key}"`);
  }
  const settings = { ...found, leverageWeights: found.leverageWeights.map((w) => ({ ...w })), ...overrides };
  validateSettings(settings);
  return settings;
}

/** Throws a plain message for settings the model cannot run with (hostile or mistyped overrides). */
export function validateSettings(s: ModelSettings): void {
  const bad = (what: string) => {
    throw new Error(`model settings: ${what}`);
  };
  if (!Array.isArray(s.leverageWeights) || s.leverageWeights.length === 0) bad('leverageWeights is empty');
  for (const w of s.leverageWeights) {
    if (!(w.leverage >= 1 && w.leverage <= 1000)) bad(`leverage ${w.leverage} outside 1…1000`);
    if (!(w.weight >= 0 && Number.isFinite(w.weight))) bad(`weight ${w.weight} is not a non-negative number`);
  }
  if (!(s.leverageWeights.reduce((a, w) => a + w.weight, 0) > 0)) bad('leverage weights sum to 0');
  if (s.decayHalfLifeHours !== null && !(s.decayHalfLifeHours > 0)) bad('decayHalfLifeHours must be > 0 or null');
  if (!['ohlc4', 'hlc3', 'close', 'vwap'].includes(s.entry)) bad(`unknown entry "${s.entry}"`);
  if (!(s.entrySpread >= 0 && s.entrySpread <= 1)) bad('entrySpread must be within 0…1');
  if (!(s.leverageSpread >= 0 && s.leverageSpread < 1)) bad('leverageSpread must be within 0…<1');
  if (!(s.consumeFraction > 0 && s.consumeFraction <= 1)) bad('consumeFraction must be within >0…1');
  if (!['taker', 'candle'].includes(s.sideSplit)) bad(`unknown sideSplit "${s.sideSplit}"`);
  if (!['pro-rata', 'nearest'].includes(s.oiDecrease)) bad(`unknown oiDecrease "${s.oiDecrease}"`);
  if (!['usd', 'base'].includes(s.oiUnits)) bad(`unknown oiUnits "${s.oiUnits}"`);
  if (typeof s.netConsumedFromOiDecrease !== 'boolean') bad('netConsumedFromOiDecrease must be true or false');
  if (!(s.turnover >= 0 && s.turnover <= 1000)) bad('turnover must be within 0…1000');
  if (!['oi', 'book'].includes(s.turnoverOf)) bad(`unknown turnoverOf "${s.turnoverOf}"`);
  if (!(s.lookbackDays > 0)) bad('lookbackDays must be > 0');
}
