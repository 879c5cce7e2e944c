/**
 * Display formatting for figures a trader reads at a glance: compact USD ($286M, $80.0k),
 * signed percentages with a true minus sign (−3.1%), exact prices, and ages.
 * Pure and locale-light on purpose: Intl.NumberFormat is slow to construct on every keystroke,
 * and the separators we need are fixed per number-format setting.
 */
import type { NUMBER_FORMATS } from '../settings/settings';

export type NumberFormatSetting = (typeof NUMBER_FORMATS)[number];
export type NumberStyle = Exclude<NumberFormatSetting, 'auto'>;

interface Separators {
  decimal: string;
  group: string;
}

const SEPARATORS: Record<NumberStyle, Separators> = {
  en: { decimal: '.', group: ',' },
  zh: { decimal: '.', group: ',' },
  de: { decimal: ',', group: '.' },
  // French groups with a narrow no-break space (U+202F), as CLDR does.
  fr: { decimal: ',', group: '\u202f' },
};

export const MINUS = '\u2212';
const EM_DASH = '—';

/** 'auto' follows the UI language (zh → zh, de/fr → their style, anything else → en). */
export function resolveNumberStyle(setting: NumberFormatSetting, uiLanguage: string): NumberStyle {
  if (setting !== 'auto') return setting;
  const lang = uiLanguage.toLowerCase();
  if (lang.startsWith('zh')) return 'zh';
  if (lang.startsWith('de')) return 'de';
  if (lang.startsWith('fr')) return 'fr';
  return 'en';
}

function group(integerDigits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < integerDigits.length; i++) {
    const fromEnd = integerDigits.length - i;
    out += integerDigits[i];
    if (fromEnd > 1 && fromEnd % 3 === 1) out += sep;
  }
  return out;
}

/** Fixed decimals with the style's separators; no sign handling beyond a true minus. */
export function formatNumber(value: number, decimals: number, style: NumberStyle = 'en'): string {
  if (!Number.isFinite(value)) return EM_DASH;
  const { decimal, group: sep } = SEPARATORS[style];
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const body = group(int, sep) + (frac ? decimal + frac : '');
  return (value < 0 && Number(fixed) !== 0 ? MINUS : '') + body;
}

const UNITS = [
  { at: 1e12, suffix: 'T' },
  { at: 1e9, suffix: 'B' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'k' },
] as const;

/** Mantissa with three significant digits: 286, 28.6, 2.86 — then the unit suffix. */
function compactParts(value: number, style: NumberStyle): { text: string; suffix: string } {
  const abs = Math.abs(value);
  // Nothing liquidated reads "$0", not "$0.0000".
  if (abs === 0) return { text: formatNumber(0, 0, style), suffix: '' };
  for (const unit of UNITS) {
    if (abs >= unit.at * 0.9995) {
      const scaled = abs / unit.at;
      // Rounding 999.6k up must become 1.00M, not 1000k.
      if (scaled >= 999.5 && unit.suffix !== 'T') continue;
      const decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      return { text: formatNumber(scaled, decimals, style), suffix: unit.suffix };
    }
  }
  const decimals = abs >= 100 ? 0 : abs >= 1 ? 2 : 4;
  return { text: formatNumber(abs, decimals, style), suffix: '' };
}

/** "$286M", "$1.20B", "$80.0k", "$950"; a true minus for negatives. */
export function formatUsdCompact(value: number, style: NumberStyle = 'en'): string {
  if (!Number.isFinite(value)) return EM_DASH;
  const { text, suffix } = compactParts(value, style);
  return `${value < 0 ? MINUS : ''}$${text}${suffix}`;
}

/** A band's edges: "$80.0k–$79.2k". */
export function formatUsdRange(a: number, b: number, style: NumberStyle = 'en'): string {
  return `${formatUsdCompact(a, style)}–${formatUsdCompact(b, style)}`;
}

/** The same range with one shared unit when both edges share it: "$80.0–79.2k". */
export function formatUsdRangeShort(a: number, b: number, style: NumberStyle = 'en'): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return EM_DASH;
  const pa = compactParts(a, style);
  const pb = compactParts(b, style);
  if (pa.suffix !== pb.suffix || a < 0 || b < 0) return formatUsdRange(a, b, style);
  return `$${pa.text}–${pb.text}${pa.suffix}`;
}

/** Decimals a price needs to be read to the venue's precision without tick data. */
export function priceDecimals(price: number): number {
  const abs = Math.abs(price);
  if (abs >= 10_000) return 1;
  if (abs >= 100) return 2;
  if (abs >= 1) return 3;
  if (abs === 0) return 2;
  // Four significant digits for sub-dollar coins.
  return Math.min(10, 3 - Math.floor(Math.log10(abs)));
}

/** An exact price for a figure the trader acts on: "$79,112.4". Tick size wins when known. */
export function formatPrice(price: number, style: NumberStyle = 'en', tickSize?: number): string {
  if (!Number.isFinite(price)) return EM_DASH;
  let decimals = priceDecimals(price);
  if (tickSize && tickSize > 0 && Number.isFinite(tickSize)) {
    decimals = Math.max(0, Math.min(10, Math.ceil(-Math.log10(tickSize) - 1e-9)));
  }
  return `${price < 0 ? MINUS : ''}$${formatNumber(Math.abs(price), decimals, style)}`;
}

/** "−3.1%", "+3.4%", "0.0%": always signed so the direction is never implied. */
export function formatPct(pct: number, style: NumberStyle = 'en', decimals = 1): string {
  if (!Number.isFinite(pct)) return EM_DASH;
  const text = formatNumber(Math.abs(pct), decimals, style);
  if (Number(Math.abs(pct).toFixed(decimals)) === 0) return `${text}%`;
  return `${pct < 0 ? MINUS : '+'}${text}%`;
}

/** A signed dollar distance: "−$2,512.6", "+$880.0". */
export function formatSignedUsd(value: number, style: NumberStyle = 'en'): string {
  if (!Number.isFinite(value)) return EM_DASH;
  return `${value < 0 ? MINUS : '+'}$${formatNumber(Math.abs(value), priceDecimals(value), style)}`;
}

export type AgeUnit = 'now' | 's' | 'min' | 'h' | 'd';

/** Splits an age into the unit a person would say; the caller translates the words. */
export function ageParts(ageMs: number): { unit: AgeUnit; n: number } {
  const s = Math.max(0, Math.floor(ageMs / 1000));
  if (s < 5) return { unit: 'now', n: 0 };
  if (s < 60) return { unit: 's', n: s };
  if (s < 3600) return { unit: 'min', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'h', n: Math.floor(s / 3600) };
  return { unit: 'd', n: Math.floor(s / 86_400) };
}
