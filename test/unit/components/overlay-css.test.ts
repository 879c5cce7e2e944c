import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '@/components/theme/colors';
import { contrastRatio } from '@/components/theme/contrast';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../../components/overlay/overlay.css'), 'utf8');

/** Every `selector { … }` block of the stylesheet (it has no nested at-rules). */
function blocks(text: string): { selector: string; body: string }[] {
  const out: { selector: string; body: string }[] = [];
  for (const m of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) out.push({ selector: m[1]!.trim(), body: m[2]! });
  return out;
}

describe('overlay.css type scale', () => {
  // Each size/weight pair costs the overlay's first layout on the trading page a font lookup.
  it('puts the host itself in the overlay font, so the default serif is never looked up', () => {
    const root = blocks(css).find((b) => b.selector === ':root')!;
    expect(root.body).toMatch(/font:\s*var\(--ll-font\)\s*!important/);
    expect(blocks(css).find((b) => b.selector === '.ll-root')!.body).toMatch(/font:\s*var\(--ll-font\);/);
  });

  it('uses only 11px and 12px text, 14px for the liquidation price, and one bold weight (600)', () => {
    const sizes = new Set<string>();
    const weights = new Set<string>();
    for (const { body } of blocks(css)) {
      for (const m of body.matchAll(/font-size:\s*([^;]+);/g)) sizes.add(m[1]!.trim());
      for (const m of body.matchAll(/font-weight:\s*([^;]+);/g)) weights.add(m[1]!.trim());
      for (const m of body.matchAll(/--ll-font:\s*([^;]+);/g)) sizes.add(m[1]!.trim().split(/[\s/]/)[0]!);
    }
    expect([...sizes].sort()).toEqual(['11px', '12px', '14px']);
    expect([...weights]).toEqual(['600']);
    const big = blocks(css)
      .filter((b) => /font-size:\s*14px/.test(b.body))
      .map((b) => b.selector);
    expect(big).toEqual(['.ll-liq']);
    // <strong> would otherwise be 700, a fifth pair.
    expect(blocks(css).some((b) => b.selector === '.ll-root strong' && /font-weight:\s*600/.test(b.body))).toBe(true);
  });
});

describe('overlay.css control edges', () => {
  // WCAG 1.4.11: an input's edge is what shows where to type; 3:1 against what it sits on.
  it('draws input and select borders in a palette colour that reaches 3:1 on the background and surface in both themes', () => {
    for (const control of ['input', 'select']) {
      const rules = blocks(css).filter((b) => b.selector.split(',').some((s) => s.trim() === `.ll-root ${control}`));
      let colour: string | undefined;
      for (const { body } of rules) {
        for (const m of body.matchAll(/border(?:-color)?:[^;]*var\(--ll-(\w+)\)/g)) colour = m[1];
      }
      expect(colour, control).toBeDefined();
      for (const palette of Object.values(PALETTES)) {
        const fg = palette[colour as keyof typeof palette];
        expect(contrastRatio(fg, palette.bg), `${control} on bg`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(fg, palette.surface), `${control} on surface`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('paints the close cross and the drag grip in a system colour under forced colours', () => {
    const forced = /@media \(forced-colors: active\) \{([\s\S]*)\}\s*$/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''))?.[1] ?? '';
    const inForced = blocks(forced);
    const cross = inForced.find((b) => b.selector.includes('.ll-close-glyph::before'));
    const grip = inForced.find((b) => b.selector === '.ll-grip');
    expect(cross?.body).toMatch(/background:\s*ButtonText/);
    expect(grip?.body).toMatch(/ButtonText/);
  });
});
