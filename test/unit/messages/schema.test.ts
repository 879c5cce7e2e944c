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
