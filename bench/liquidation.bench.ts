import { computeLiquidation, liquidationForOrder, type OrderDraft } from '../core/liquidation';
import { linearLiquidationPriceTiered, maintenanceAmountsByRecurrence } from '../core/liquidation/math';
import type { LiquidationInput } from '../core/liquidation/types';
import type { BenchRow } from '../scripts/lib/bench-types.ts';

/** A 12-bracket table shaped like Binance BTCUSDT's (caps and rates), amounts by the recurrence. */
const caps = [3e5, 8e5, 3e6, 1.2e7, 5e7, 8e7, 1e8, 1.2e8, 2e8, 3e8, 5e8, 8e8];
const rates = [0.004, 0.005, 0.0065, 0.01, 0.02, 0.025, 0.05, 0.1, 0.125, 0.15, 0.25, 0.5];
const TIERS = maintenanceAmountsByRecurrence(caps.map((cap, i) => ({ floor: i === 0 ? 0 : caps[i - 1]!, cap, mmr: rates[i]! })));

const BATCH = 1000;
const SAMPLES = 300;

/** Median µs per call: SAMPLES samples of BATCH calls each, after a warm-up, timed with hrtime. */
function medianMicros(call: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < BATCH * 20; i++) sink += call(i % BATCH);
  const perCall: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) sink += call(i);
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / BATCH);
  }
  if (Number.isNaN(sink)) throw new Error('benchmark produced NaN');
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)]!;
}

export default async function run(): Promise<BenchRow[]> {
  // Different sizes per call, across several brackets, so no call is a repeat of the last.
  const inputs: LiquidationInput[] = Array.from({ length: BATCH }, (_, i) => ({
    venue: 'binance',
    marginMode: 'isolated',
    side: i % 2 ? 'long' : 'short',
    entryPrice: 95000 + (i % 97) * 13,
    quantity: 0.01 * (1 + ((i * 7919) % 5000)),
    leverage: 5 + (i % 20),
    tiers: TIERS,
    markPrice: 95500,
  }));
  const drafts: OrderDraft[] = inputs.map((input, i) => ({
    venue: 'binance',
    side: input.side,
    type: i % 3 ? 'limit' : 'market',
    price: input.entryPrice,
    markPrice: 95500,
    size: { value: input.quantity, unit: 'coin' },
    leverage: input.leverage!,
    marginMode: 'isolated',
    tiers: TIERS,
    existingPosition: i % 4 ? null : { side: 'long', size: 0.5, entryPrice: 90000 },
  }));

  const engine = medianMicros((i) => computeLiquidation(inputs[i]!).price ?? 0);
  const fast = medianMicros((i) => {
    const x = inputs[i]!;
    return linearLiquidationPriceTiered(x.side === 'long' ? 1 : -1, x.quantity, x.entryPrice, (x.quantity * x.entryPrice) / x.leverage!, TIERS);
  });
  const order = medianMicros((i) => liquidationForOrder(drafts[i]!).results[0]?.price ?? 0);

  return [
    { name: 'liquidation price, 12-tier table (median)', value: round(engine), unit: 'µs', goal: '< 5 µs', ok: engine < 5 },
    { name: 'liquidation price, fast path for the model, 12 tiers (median)', value: round(fast), unit: 'µs', goal: '< 1 µs', ok: fast < 1 },
    { name: 'order being typed → liquidation, 12 tiers (median)', value: round(order), unit: 'µs', goal: '< 5 µs', ok: order < 5 },
  ];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
