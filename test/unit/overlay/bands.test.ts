import { describe, expect, it } from 'vitest';
import { bandSentence, imbalanceOf, imbalanceSentence, pickBands } from '@/core/overlay/band-sentences';
import { createTranslator } from '@/core/i18n/i18n';
import { band, LONG_BIG, LONG_NEAR, SHORT_NEAR } from './fixtures';
// Chinese is registered on demand (the content script asks the background for it).
import '@/core/i18n/zh_CN';

const en = createTranslator('en');

describe('band sentences', () => {
  it('formats the report sentence exactly', () => {
    expect(bandSentence(en, LONG_NEAR, 'en')).toBe('≈$286M longs $80.0k–$79.2k (\u22123.1%)');
    expect(bandSentence(en, SHORT_NEAR, 'en')).toBe('≈$698M shorts $85.0k–$85.9k (+3.0%)');
  });
  it('speaks Chinese with the same numbers', () => {
    expect(bandSentence(createTranslator('zh_CN'), LONG_NEAR, 'zh')).toBe('≈$286M 多单 $80.0k–$79.2k（\u22123.1%）');
  });
  it('picks the nearest and the largest band, or one band for both roles', () => {
    expect(pickBands([LONG_BIG, LONG_NEAR], 10)).toEqual([
      { band: LONG_NEAR, roles: ['nearest'] },
      { band: LONG_BIG, roles: ['largest'] },
    ]);
    expect(pickBands([SHORT_NEAR], 10)).toEqual([{ band: SHORT_NEAR, roles: ['nearest', 'largest'] }]);
  });
  it('leaves out bands beyond the window and empty or broken bands', () => {
    const far = band('long', 60_000, 59_000, 900e6);
    const broken = { ...band('long', 81_000, 80_500, 5e6), near: Number.NaN };
    expect(pickBands([far, broken, LONG_NEAR], 10).map((p) => p.band)).toEqual([LONG_NEAR]);
    expect(pickBands([far], 10)).toEqual([]);
  });
  it('states the imbalance, with balanced inside 10%', () => {
    expect(imbalanceSentence(en, imbalanceOf({ imbalance: { longUsd: 798e6, shortUsd: 300e6 } }), 'en')).toBe(
      'Longs below $798M · shorts above $300M (long-heavy ×2.7)',
    );
    expect(imbalanceOf({ imbalance: { longUsd: 100, shortUsd: 105 } }).heavier).toBe('even');
    expect(imbalanceOf({ imbalance: { longUsd: 0, shortUsd: 0 } }).heavier).toBe('even');
    expect(imbalanceOf({ imbalance: { longUsd: 1e6, shortUsd: 5e6 } })).toMatchObject({ heavier: 'short', ratio: 5 });
  });
});
