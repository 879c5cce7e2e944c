import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { LiquidationInput } from '@/core/liquidation/types';

interface VectorCase extends LiquidationInput {
  id: string;
  source: string;
  expected: number | null;
  tolerance: { abs: number } | { rel: number };
}

const dir = join(__dirname, '../../vectors/liquidation');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

function load(file: string): VectorCase[] {
  const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as VectorCase | VectorCase[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

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
