import { describe, expect, it } from 'vitest';
import {
  ageParts,
  formatPct,
  formatPrice,
  formatSignedUsd,
  formatUsdCompact,
  formatUsdRange,
  formatUsdRangeShort,
  resolveNumberStyle,
} from '@/core/format/display';
import { createTranslator, formatAge } from '@/core/i18n/i18n';
// Chinese is registered on demand (the content script asks the background for it).
import '@/core/i18n/zh_CN';

describe('display formatting', () => {
  it('writes compact dollars with three significant digits', () => {
    expect(formatUsdCompact(286e6)).toBe('$286M');
    expect(formatUsdCompact(698.4e6)).toBe('$698M');
    expect(formatUsdCompact(80_000)).toBe('$80.0k');
    expect(formatUsdCompact(79_150)).toBe('$79.2k');
    expect(formatUsdCompact(1.204e9)).toBe('$1.20B');
    expect(formatUsdCompact(950)).toBe('$950');
    expect(formatUsdCompact(0.5)).toBe('$0.5000');
    expect(formatUsdCompact(0)).toBe('$0');
    expect(formatUsdCompact(-0)).toBe('$0');
  });
  it('rounds across a unit boundary into the next unit', () => {
    expect(formatUsdCompact(999_600)).toBe('$1.00M');
    expect(formatUsdCompact(999_400)).toBe('$999k');
  });
  it('uses a true minus sign and always signs percentages', () => {
    expect(formatPct(-3.06)).toBe('\u22123.1%');
    expect(formatPct(3.4)).toBe('+3.4%');
    expect(formatPct(0.01)).toBe('0.0%');
    expect(formatUsdCompact(-2500)).toBe('\u2212$2.50k');
    expect(formatSignedUsd(-2512.64)).toBe('\u2212$2,512.64');
  });
  it('formats ranges, sharing the unit when both edges have it', () => {
    expect(formatUsdRange(80_000, 79_200)).toBe('$80.0k–$79.2k');
    expect(formatUsdRangeShort(80_000, 79_200)).toBe('$80.0–79.2k');
    expect(formatUsdRangeShort(1_020_000, 998_000)).toBe('$1.02M–$998k');
  });
  it('follows the number-format setting', () => {
    expect(formatPrice(79_112.44, 'en')).toBe('$79,112.4');
    expect(formatPrice(79_112.44, 'de')).toBe('$79.112,4');
    expect(formatPrice(79_112.44, 'fr')).toBe('$79\u202f112,4');
    expect(formatUsdCompact(80_000, 'de')).toBe('$80,0k');
    expect(resolveNumberStyle('auto', 'de-DE')).toBe('de');
    expect(resolveNumberStyle('auto', 'zh-CN')).toBe('zh');
    expect(resolveNumberStyle('fr', 'en-US')).toBe('fr');
  });
  it('rounds prices to the tick size when it is known', () => {
    expect(formatPrice(79_112.44, 'en', 0.1)).toBe('$79,112.4');
    expect(formatPrice(0.123456, 'en', 0.0001)).toBe('$0.1235');
    expect(formatPrice(0.0001234)).toBe('$0.0001234');
  });
  it('never prints NaN or Infinity', () => {
    for (const f of [formatUsdCompact, formatPct, formatPrice, formatSignedUsd] as ((n: number) => string)[]) {
      expect(f(Number.NaN)).toBe('—');
      expect(f(Number.POSITIVE_INFINITY)).toBe('—');
    }
  });
  it('says ages the way a person would, in both languages', () => {
    expect(ageParts(2000)).toEqual({ unit: 'now', n: 0 });
    expect(formatAge(createTranslator('en'), 150_000)).toBe('2 min ago');
    expect(formatAge(createTranslator('en'), 3 * 3600_000 + 5)).toBe('3 h ago');
    expect(formatAge(createTranslator('zh_CN'), 150_000)).toBe('2 分钟前');
    expect(formatAge(createTranslator('en'), -5000)).toBe('just now');
  });
});
