import { describe, expect, it } from 'vitest';
import { GRAPHIC_PAIRS, PALETTES, TEXT_PAIRS } from '@/components/theme/colors';
import { contrastRatio, relativeLuminance } from '@/components/theme/contrast';

describe('WCAG contrast of the theme colours', () => {
  it('computes the WCAG formula on known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(() => relativeLuminance('red')).toThrow();
  });
  for (const [theme, palette] of Object.entries(PALETTES)) {
    it.each(TEXT_PAIRS.map(([fg, bg]) => [theme, fg, bg]))('%s: %s on %s reaches 4.5:1 (AA text)', (_t, fg, bg) => {
      expect(contrastRatio(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5);
    });
    it.each(GRAPHIC_PAIRS.map(([fg, bg]) => [theme, fg, bg]))('%s: %s on %s reaches 3:1 (AA non-text)', (_t, fg, bg) => {
      expect(contrastRatio(palette[fg], palette[bg])).toBeGreaterThanOrEqual(3);
    });
  }
});
