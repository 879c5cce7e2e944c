/**
 * Price from `document.title`. The title is only trusted when it also names this market: after an
 * SPA switch it can briefly show the old one. Real formats (test/fixtures/pages/PROVENANCE.md):
 * Binance `28500.0 | BTCUSDT USDⓈ-Margined Perpetual | Binance Futures`, Bybit
 * `▲ 84388.9 | Trade BTCUSDT | Bybit Perpetual Contracts`, OKX `71,434.1 BTC USDT Perpetual Swap | OKX`:
 * the price may lead a part, carry a tick arrow, and the market may be one word among others or
 * split into base and quote.
 */
import { parseNumber, type DecimalSeparator } from '../format/numbers';
import { looksLikeSymbol, namesMarket } from './symbols';
import type { FieldResult } from './types';

/** A part that is a number, or starts with one followed by words ("71,434.1 BTC USDT Perpetual Swap"). */
const LEADING_NUMBER = /^([+\-\u2212$]?[0-9０-９][0-9０-９.,\u00a0\u202f]*)(?:\s+(.*))?$/;

export function priceFromTitle(title: string, spellings: readonly string[], decimal: DecimalSeparator | undefined): FieldResult<number> {
  const text = title.trim();
  if (!text) return { missing: 'page has no title' };
  const prices: string[] = [];
  const symbols: string[] = [];
  for (const raw of text.split(/\s*[|｜·]\s*|\s+[-–—]\s+/)) {
    // Tick arrows (▲ ▼ ↑ ↓) are decoration, not part of the number.
    let part = raw.replace(/^[▲▼△▽↑↓⬆⬇]\s*/u, '').trim();
    const lead = LEADING_NUMBER.exec(part);
    if (lead) {
      prices.push((lead[1] ?? '').trim());
      part = lead[2] ?? '';
    }
    // Symbol-like words, and runs of two or three of them joined (`BTC USDT` → BTCUSDT).
    const words = part.split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      let joined = '';
      for (let j = i; j < Math.min(i + 3, words.length) && looksLikeSymbol(words[j] ?? ''); j++) {
        joined += words[j];
        symbols.push(joined);
      }
    }
  }
  if (prices.length === 0) return { missing: 'title shows no price' };
  if (symbols.length === 0) return { missing: 'title does not name the market, so its number cannot be trusted' };
  if (!symbols.some((s) => namesMarket(s, spellings)))
    return { missing: `title names ${symbols.slice(0, 3).join(', ').slice(0, 60)}, not this market (stale after a switch?)` };
  if (prices.length > 1) return { missing: `title shows ${prices.length} numbers` };
  const parsed = parseNumber(prices[0] ?? '', { decimal });
  if (!parsed.ok) return { missing: `title price: ${parsed.detail}` };
  if (parsed.value <= 0) return { missing: `title price ${parsed.value} is not positive` };
  return { value: parsed.value, hook: 'document.title' };
}
