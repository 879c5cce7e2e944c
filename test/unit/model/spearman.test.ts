import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from '@/core/model/spearman';

describe('Spearman with ties averaged', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30, 20]))).toEqual([1, 3, 3, 5, 3]);
  });

  it('matches a hand-computed example', () => {
    // ranks x = 1, 2.5, 2.5, 4; ranks y = 1, 3, 2, 4.
    // deviations from 2.5: x −1.5, 0, 0, 1.5; y −1.5, .5, −.5, 1.5
    // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → ρ = 4.5 / √22.5 = 0.9486833
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(0.9486833, 6);
  });

  it('is 1 for any increasing relation and −1 for a decreasing one, NaN for a constant series', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
