import { describe, expect, it } from 'vitest';
import { loadVectorCases } from '../../support/vectors';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { LiquidationInput } from '@/core/liquidation/types';

interface VectorCase extends LiquidationInput {
  id: string;
  source: string;
  expected: number | null;
  tolerance: { abs: number } | { rel: number };
}

const cases = loadVectorCases<VectorCase>('liquidation');
const files = [...new Set(cases.map((c) => c.file))];
const load = (file: string): VectorCase[] => cases.filter((c) => c.file === file).map((c) => c.case);

describe('liquidation vectors', () => {
  it('finds the vector files, each case with an id, a source and a tolerance', () => {
    expect(files).toContain('published.json');
    for (const file of files) {
      for (const c of load(file)) {
        expect(typeof c.id, `${file}`).toBe('string');
        expect(c.source.length, c.id).toBeGreaterThan(10);
        expect(c.expected === null || typeof c.expected === 'number', c.id).toBe(true);
        expect('abs' in c.tolerance || 'rel' in c.tolerance, c.id).toBe(true);
      }
    }
  });

  const ids = new Set<string>();
  for (const file of files) {
    describe(file, () => {
      for (const c of load(file)) {
        if (ids.has(c.id)) throw new Error(`duplicate vector id ${c.id}`);
        ids.add(c.id);
        it(c.id, () => {
          const result = computeLiquidation(c);
          if (c.expected === null) {
            expect(result.price).toBeNull();
            return;
          }
          expect(result.price).not.toBeNull();
          const allowed = 'abs' in c.tolerance ? c.tolerance.abs : c.tolerance.rel * Math.abs(c.expected);
          expect(Math.abs(result.price! - c.expected), `got ${result.price}, expected ${c.expected}`).toBeLessThanOrEqual(allowed);
        });
      }
    });
  }
});
