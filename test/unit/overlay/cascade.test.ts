import { describe, expect, it } from 'vitest';
import { cascadeSentence, cascadeWarning } from '@/core/overlay/cascade';
import { createTranslator } from '@/core/i18n/i18n';
import { band, LONG_BIG, LONG_NEAR, PRICE, SHORT_NEAR } from './fixtures';

const bands = [LONG_NEAR, LONG_BIG, SHORT_NEAR];
const en = createTranslator('en');

describe('cascade warning', () => {
  it("warns when a long liquidation sits just beyond a dense long band, in the report's words", () => {
    const w = cascadeWarning('long', 79_100, PRICE, bands);
    expect(w).toMatchObject({ kind: 'beyond', band: LONG_NEAR });
    expect(cascadeSentence(en, w!, 'en')).toBe('A cascade through $80.0–79.2k reaches your liquidation at $79.1k');
  });
  it('warns when the liquidation is inside a band', () => {
    expect(cascadeWarning('long', 79_600, PRICE, bands)).toMatchObject({ kind: 'inside', band: LONG_NEAR });
    expect(cascadeWarning('short', 85_400, PRICE, bands)).toMatchObject({ kind: 'inside', band: SHORT_NEAR });
  });
  it('is silent when the liquidation is nearer than the band: it is hit before any cascade', () => {
    expect(cascadeWarning('long', 81_000, PRICE, bands)).toBeNull();
  });
  it('is silent when the liquidation is well past the band (more than 1% of price)', () => {
    expect(cascadeWarning('long', 79_200 - 0.011 * PRICE, PRICE, [LONG_NEAR])).toBeNull();
    expect(cascadeWarning('long', 79_200 - 0.009 * PRICE, PRICE, [LONG_NEAR])).not.toBeNull();
  });
  it('only looks at bands of the same side', () => {
    expect(cascadeWarning('short', 79_600, PRICE, bands)).toBeNull();
    expect(cascadeWarning('long', 85_400, PRICE, bands)).toBeNull();
  });
  it("ignores bands too thin to cascade compared with the side's largest", () => {
    const thin = band('long', 81_500, 81_000, 10e6);
    expect(cascadeWarning('long', 81_200, PRICE, [thin, LONG_BIG])).toBeNull();
    expect(cascadeWarning('long', 81_200, PRICE, [thin])).toMatchObject({ kind: 'inside' });
  });
  it('reports the nearest band the price would pass through first', () => {
    const overlapping = band('long', 79_900, 75_500, 300e6);
    expect(cascadeWarning('long', 75_800, PRICE, [LONG_BIG, overlapping])?.band).toBe(overlapping);
  });
  it('is silent for no liquidation, bad numbers, or a price already past the liquidation', () => {
    expect(cascadeWarning('long', null, PRICE, bands)).toBeNull();
    expect(cascadeWarning('long', Number.NaN, PRICE, bands)).toBeNull();
    expect(cascadeWarning('long', 79_600, 0, bands)).toBeNull();
    expect(cascadeWarning('long', 83_000, PRICE, bands)).toBeNull();
  });
});
