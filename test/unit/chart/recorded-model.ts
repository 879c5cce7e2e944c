/**
 * The model run the chart tests shape: real recorded data, Binance BTCUSDT 1h klines (Dec 2025) and
 * CoinGlass BTC OI (test/fixtures/market, provenance there), the last 8 days of their overlap.
 */
import { readFileSync } from 'node:fs';
import { parseKlinesCsv, parseOiCsv } from '@/core/model/csv';
import { buildHeatmap } from '@/core/service/model-bridge';

export const HOUR = 3_600_000;
const F = 'test/fixtures/market';

export function recordedModel() {
  const bars = parseKlinesCsv(readFileSync(`${F}/klines/binance_um_BTCUSDT-1h-2025-12.csv`, 'utf8')).slice(-8 * 24);
  const oi = parseOiCsv(readFileSync(`${F}/oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv`, 'utf8'));
  const price = bars.at(-1)!.close;
  const heatmap = buildHeatmap({
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    preset: 'default',
    interval: '1h',
    lookbackDays: 8,
    windowPct: 10,
    price,
    now: bars.at(-1)!.time + HOUR,
    venues: [{ venue: 'binance', bars, oi: oi.map((p) => ({ time: p.time + HOUR, usd: p.usd })), mmr: 0.004 }],
  });
  return { heatmap: heatmap!, price, bars };
}
