import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
