import { describe, expect, it } from 'vitest';
import { decimalSeparatorFor, findNumber, inferDecimalSeparator, parseNumber, parseNumberOrNull } from '@/core/format/numbers';

function value(raw: string, decimal?: '.' | ','): number | null {
  const r = parseNumber(raw, { decimal });
  return r.ok ? r.value : null;
}

function reason(raw: string, decimal?: '.' | ','): string | undefined {
  const r = parseNumber(raw, { decimal });
  return r.ok ? undefined : r.reason;
}

describe('parseNumber: the formats venues display', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5], // no-break space (fr/ru)
    ['1\u202f234,5', 1234.5], // narrow no-break space (fr since CLDR 34)
    ['12\u202f345\u202f678', 12345678],
    ['67,123.45', 67123.45],
    ['1,234,567.891', 1234567.891],
    ['1.234.567', 1234567],
    ['0.00012', 0.00012],
    ['0,123', 0.123], // leading zero group cannot be thousands grouping
    ['1,5', 1.5], // grouping needs three digits, so this is decimal
    ['.5', 0.5],
    ['12345', 12345],
  ])('%s → %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it('scales K/M/B (and 万/亿) exactly in decimal, not float', () => {
    expect(value('12.5K')).toBe(12500);
    expect(value('12.5k')).toBe(12500);
    expect(value('1.2M')).toBe(1200000);
    expect(value('3B')).toBe(3e9);
    expect(value('0.3M')).toBe(300000); // 0.3 * 1e6 in float is 300000.00000000006
    expect(value('1.5万')).toBe(15000);
  });

  it('reads full-width digits and punctuation', () => {
    expect(value('１２３．５')).toBe(123.5);
    expect(value('１，２３４．５')).toBe(1234.5);
  });

  it('reads signs, including the U+2212 minus sign', () => {
    expect(value('\u221212.5')).toBe(-12.5);
    expect(value('-0.75')).toBe(-0.75);
    expect(value('+3.1')).toBe(3.1);
    expect(Object.is(value('-0'), 0)).toBe(true); // never -0
  });

  it('keeps currency suffixes as the unit and flags percentages', () => {
    expect(parseNumber('6,996.26 USDT')).toEqual({ ok: true, value: 6996.26, percent: false, unit: 'USDT' });
    expect(parseNumber('25%')).toEqual({ ok: true, value: 25, percent: true, unit: null });
    expect(parseNumber('+1.23 %')).toMatchObject({ ok: true, value: 1.23, percent: true });
    expect(parseNumber('$84,012.3')).toMatchObject({ ok: true, value: 84012.3 });
    expect(parseNumber('5 张')).toMatchObject({ ok: true, value: 5, unit: '张' });
    expect(parseNumber('2 mBTC')).toMatchObject({ ok: true, value: 2, unit: 'mBTC' }); // m before a letter is not "million"
  });
});

describe('parseNumber: ambiguity is resolved by the page hint or reported, never guessed', () => {
  it('reports "1,234" and "1.234" as ambiguous without a hint', () => {
    expect(reason('1,234')).toBe('ambiguous');
    expect(reason('1.234')).toBe('ambiguous');
    expect(reason('84,012')).toBe('ambiguous');
  });

  it('uses the decimal-separator hint', () => {
    expect(value('1,234', '.')).toBe(1234);
    expect(value('1,234', ',')).toBe(1.234);
    expect(value('1.234', '.')).toBe(1.234);
    expect(value('1.234', ',')).toBe(1234);
  });

  it('lets unambiguous structure win over the hint', () => {
    expect(value('1,234.5', ',')).toBe(1234.5);
    expect(value('1.234,5', '.')).toBe(1234.5);
    expect(value('1 234', '.')).toBe(1234);
  });
});

describe('parseNumber: junk gives a reason, never NaN', () => {
  it.each([
    ['', 'empty'],
    ['--', 'empty'],
    ['—', 'empty'],
    ['abc', 'unparseable'],
    ['1,23.4', 'unparseable'], // bad grouping
    ['1.234.5', 'unparseable'],
    ['1,2345,678', 'unparseable'],
    ['1.2.3,4', 'unparseable'],
    ['12 34', 'unparseable'],
    ['1e400', 'unparseable'],
    ['NaN', 'unparseable'],
    ['Infinity', 'unparseable'],
    ['5,', 'unparseable'],
    ['9'.repeat(100), 'unparseable'],
  ])('%j → %s', (raw, expected) => {
    const r = parseNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(expected);
  });

  it('parseNumberOrNull returns null, not NaN', () => {
    expect(parseNumberOrNull('abc')).toBeNull();
    expect(parseNumberOrNull(undefined)).toBeNull();
    expect(parseNumberOrNull('1,234')).toBeNull();
    expect(parseNumberOrNull('1,234', { decimal: '.' })).toBe(1234);
  });
});

describe('findNumber: one number inside label text', () => {
  it('finds the value in glued label text', () => {
    expect(findNumber('Available6,996.26 USDT')).toMatchObject({ ok: true, value: 6996.26, unit: 'USDT' });
    expect(findNumber('可用 1 234,5 USDT')).toMatchObject({ ok: true, value: 1234.5, unit: 'USDT' });
    expect(findNumber('Avbl −0.5 BTC')).toMatchObject({ ok: true, value: -0.5, unit: 'BTC' });
  });

  it('reports missing and multiple numbers', () => {
    expect(findNumber('Max long -- Contracts')).toMatchObject({ ok: false, reason: 'empty' });
    expect(findNumber('Long 12 / Short 14')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });
});

describe('decimalSeparatorFor', () => {
  it('maps page locales to their decimal separator', () => {
    expect(decimalSeparatorFor('en')).toBe('.');
    expect(decimalSeparatorFor('zh-CN')).toBe('.');
    expect(decimalSeparatorFor('de-DE')).toBe(',');
    expect(decimalSeparatorFor('ru')).toBe(',');
    expect(decimalSeparatorFor('not a locale!!')).toBeUndefined();
    expect(decimalSeparatorFor('')).toBeUndefined();
  });
});

describe('inferDecimalSeparator: learning the page format from numbers with one reading', () => {
  it('reads the separator from unambiguous samples', () => {
    expect(inferDecimalSeparator(['84,012.3 | BTCUSDT | Binance'])).toBe('.');
    expect(inferDecimalSeparator(['84.012,5'])).toBe(',');
    expect(inferDecimalSeparator(['0,5 BTC'])).toBe(',');
    expect(inferDecimalSeparator(['1,234,567'])).toBe('.');
    expect(inferDecimalSeparator(['84012.35'])).toBe('.');
  });

  it('gives up on ambiguous or conflicting samples', () => {
    expect(inferDecimalSeparator(['84,012'])).toBeUndefined();
    expect(inferDecimalSeparator(['84 012'])).toBeUndefined();
    expect(inferDecimalSeparator([])).toBeUndefined();
    expect(inferDecimalSeparator(['84,012.3', '84.012,3'])).toBeUndefined();
  });
});
