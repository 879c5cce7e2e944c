/** Comparing the many spellings of one market (`BTCUSDT`, `BTC-USDT-SWAP`, `BTC_USDT`) safely. */

/** Upper-case letters and digits only: `btc-usdt-swap` → `BTCUSDTSWAP`. */
export function compactSymbol(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Looks like a ticker/instrument id on its own (not a sentence, not a number). */
export function looksLikeSymbol(text: string): boolean {
  return /^[A-Z][A-Z0-9]{1,19}(?:[-_/:.][A-Z0-9]{1,12}){0,3}(?:\.P)?$/.test(text.trim());
}

export function namesMarket(text: string, spellings: readonly string[]): boolean {
  const compact = compactSymbol(text);
  return compact !== '' && spellings.some((s) => compactSymbol(s) === compact);
}
