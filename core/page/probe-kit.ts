/** Short constructors for adapter probes, so each venue's page.ts reads like a table of hooks. */
import type { Market } from '../types';
import { parseUnifiedSymbol } from '../types';
import type { Probe } from './adapter-types';

type Extra = Omit<Probe, 'hook' | 'css' | 'label'>;

export function css(selector: string, extra: Extra = {}): Probe {
  return { hook: selector, css: selector, ...extra };
}

export function testid(id: string, extra: Extra = {}): Probe {
  return css(`[data-testid="${id}"]`, extra);
}

/** Last-resort label-text probe; the hook names the first English and Chinese word. */
export function label(words: readonly string[], extra: Extra = {}): Probe {
  const zh = words.find((w) => /[\u4e00-\u9fff]/.test(w));
  return { hook: `label "${words[0] ?? ''}"${zh ? ` / "${zh}"` : ''}`, label: words, ...extra };
}

/** A button among others, recognised by its text (e.g. the `20x` leverage button). */
export function buttonText(name: string, pattern: { test(text: string): boolean }, extra: Extra = {}, selector = 'button'): Probe {
  return { hook: `${selector} showing ${name}`, css: selector, textMatches: pattern, ...extra };
}

export const LEVERAGE_TEXT = /^\s*(?:cross|isolated|全仓|逐仓|全倉|逐倉)?\s*\d{1,4}(?:\.\d+)?\s*[x×X]\s*$/i;
export const MARGIN_TEXT = /^\s*(?:cross|isolated|全仓|逐仓|全倉|逐倉)(?![a-z])/i;

/** `BTC/USDT:USDT` → base, quote, settle (empty strings if the symbol is not a swap). */
export function legs(market: Market): { base: string; quote: string; settle: string; inverse: boolean } {
  const s = parseUnifiedSymbol(market.symbol);
  return s ? { base: s.base, quote: s.quote, settle: s.settle, inverse: s.contract === 'inverse' } : { base: '', quote: '', settle: '', inverse: false };
}
