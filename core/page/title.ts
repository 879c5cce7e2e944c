/**
 * Price from `document.title` (Binance: "67,123.45 | BTCUSDT | Binance …"). The title is only
 * trusted when it also names this market: after an SPA switch it can briefly show the old one.
 */
import { parseNumber, type DecimalSeparator } from '../format/numbers';
import { looksLikeSymbol, namesMarket } from './symbols';
import type { FieldResult } from './types';

const PURE_NUMBER = /^[+\-\u2212$]?[0-9０-９][0-9０-９.,\s\u00a0\u202f]*$/;

export function priceFromTitle(title: string, spellings: readonly string[], decimal: DecimalSeparator | undefined): FieldResult<number> {
  const text = title.trim();
  if (!text) return { missing: 'page has no title' };
  const parts = text.split(/\s*[|｜·]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  const symbols = parts.filter(looksLikeSymbol);
  const prices = parts.filter((p) => PURE_NUMBER.test(p));
  if (prices.length === 0) return { missing: 'title shows no price' };
  if (symbols.length === 0) return { missing: 'title does not name the market, so its number cannot be trusted' };
  if (!symbols.some((s) => namesMarket(s, spellings))) return { missing: `title names ${symbols.slice(0, 3).join(', ').slice(0, 60)}, not this market (stale after a switch?)` };
  if (prices.length > 1) return { missing: `title shows ${prices.length} numbers` };
  const parsed = parseNumber(prices[0], { decimal });
  if (!parsed.ok) return { missing: `title price: ${parsed.detail}` };
  if (parsed.value <= 0) return { missing: `title price ${parsed.value} is not positive` };
  return { value: parsed.value, hook: 'document.title' };
}
