/**
 * Rounds a price to the venue's tick for display only; the engine never rounds. Ties go up, as
 * ccxt rounds Binance's liquidation prices; the result is cut to the tick's decimals so a 0.1 tick
 * never prints 95429.40000000001.
 */
export function roundToTick(price: number, tick: number): number {
  if (!(tick > 0) || !Number.isFinite(price)) return price;
  const decimals = tickDecimals(tick);
  const rounded = Math.round(price / tick + 1e-9) * tick;
  return Number(rounded.toFixed(decimals));
}

function tickDecimals(tick: number): number {
  const text = tick.toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}
