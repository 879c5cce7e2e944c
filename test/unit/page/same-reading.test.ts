import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../../core/page/same-reading';

/** JSON text with object keys sorted: the comparison `sameData` stands in for, minus key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

describe('sameData (the page watcher: report a reading only when its fields changed)', () => {
  it('agrees with comparing the JSON texts on random field-like values', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(value, value, (a, b) => sameData(a, b) === (canonical(a) === canonical(b))));
    fc.assert(fc.property(value, (a) => sameData(a, structuredClone(a))));
  });

  it('sees a changed size, a field turning missing, a new optional field', () => {
    const size = { value: { amount: 0.5, unit: 'coin', unitLabel: 'BTC' }, hook: 'input#size' };
    const fields = { size, leverage: { value: 20, hook: 'button' } };
    expect(sameData(fields, { ...fields, size: { ...size, value: { ...size.value } } })).toBe(true);
    expect(sameData(fields, { ...fields, size: { ...size, value: { ...size.value, amount: 0.51 } } })).toBe(false);
    expect(sameData(fields, { ...fields, size: { missing: 'empty' } })).toBe(false);
    expect(sameData(fields, { ...fields, estLiqPrice: { value: 79_000, hook: 'x' } })).toBe(false);
  });

  it('reads a key holding undefined as absent and NaN as equal to NaN, as JSON.stringify did', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameData({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});
