import { describe, expect, it } from 'vitest';
import { array, num, numeric, object, oneOf, optional, parse, record, safeParse, SchemaError, str } from '@/core/messages/schema';

describe('schema combinators', () => {
  it('accepts finite numbers and rejects NaN, Infinity and strings', () => {
    expect(parse(num(), 1.5)).toBe(1.5);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined]) {
      expect(() => parse(num(), bad)).toThrow(SchemaError);
    }
  });

  it('enforces numeric bounds and integers', () => {
    expect(() => parse(num({ min: 0 }), -1)).toThrow('expected a number ≥ 0');
    expect(() => parse(num({ max: 10 }), 11)).toThrow('≤ 10');
    expect(() => parse(num({ integer: true }), 1.2)).toThrow('an integer');
  });

  it('reads exchange numbers sent as strings, but not empty or junk strings', () => {
    expect(parse(numeric(), '93951.80000000')).toBe(93951.8);
    expect(() => parse(numeric(), '')).toThrow(SchemaError);
    expect(() => parse(numeric(), 'abc')).toThrow(SchemaError);
  });

  it('names the path of the offending field', () => {
    const schema = object({ a: object({ list: array(object({ v: num() })) }) });
    const result = safeParse(schema, { a: { list: [{ v: 1 }, { v: 'x' }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe('a.list[1].v');
  });

  it('drops unknown keys so unchecked data goes no further', () => {
    const value = parse(object({ a: num(), b: optional(str()) }), { a: 1, evil: '<img onerror>' });
    expect(value).toEqual({ a: 1 });
  });

  it('limits string length, array size and record keys', () => {
    expect(() => parse(str({ max: 3 }), 'abcd')).toThrow('at most 3');
    expect(() => parse(array(num(), { max: 2 }), [1, 2, 3])).toThrow('at most 2 items');
    expect(() => parse(record(num(), { maxKeys: 1 }), { a: 1, b: 2 })).toThrow('at most 1 keys');
  });

  it('restricts enumerations', () => {
    expect(parse(oneOf(['a', 'b']), 'b')).toBe('b');
    expect(() => parse(oneOf(['a', 'b']), 'c')).toThrow('one of a, b');
  });
});

describe('hostile input (issue #16)', () => {
  it('record() refuses keys that reach the prototype', () => {
    const r = record(num());
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const value = JSON.parse(`{"ok": 1, "${key}": 2}`);
      expect(() => r(value, 'm')).toThrow(SchemaError);
    }
    expect(Object.getPrototypeOf(r({ a: 1 }, 'm'))).toBeNull();
  });

  it('numeric() accepts plain decimals only', () => {
    const n = numeric();
    for (const [text, value] of [
      ['93951.80000000', 93951.8],
      ['-12', -12],
      ['+0.5', 0.5],
      ['.5', 0.5],
      ['5.', 5],
      ['1e-8', 1e-8],
      ['1.5E+3', 1500],
    ] as const) {
      expect(n(text, 'x')).toBe(value);
    }
    expect(n(42, 'x')).toBe(42);
    for (const text of [
      '0x10',
      '0b11',
      '0o7',
      '1e400',
      '1e-400',
      ' 12 ',
      '12 ',
      '',
      ' ',
      'Infinity',
      'NaN',
      '1_000',
      '1,5',
      '--1',
      '1e',
      'e5',
      '.',
      '١٢',
      '1'.repeat(65),
    ]) {
      expect(() => n(text, 'x'), text).toThrow(SchemaError);
    }
  });
});
