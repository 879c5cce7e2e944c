import { describe, expect, it } from 'vitest';
import { computeLiquidation } from '@/core/liquidation/engine';
import { LiquidationInputError } from '@/core/liquidation/errors';
import { bundledTiers, tiersFor } from '@/core/liquidation/tier-sources';
import type { LiquidationInput, Tier } from '@/core/liquidation/types';
import { type VenueId } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';

/** mulberry32: a tiny seeded PRNG so every run checks the same cases and a failure reproduces. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    /** log-uniform: spans magnitudes evenly (prices from 0.001 to 1e6 …) */
    log: (lo: number, hi: number) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * next()),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const RUNS = 400;

function randomInput(r: ReturnType<typeof prng>, venue: VenueId): LiquidationInput {
  const mmr = r.between(0.001, 0.02);
  const fee = r.between(0, 0.001);
  return {
    venue,
    contract: r.next() < 0.25 && venue !== 'hyperliquid' ? 'inverse' : 'linear',
    marginMode: 'isolated',
    side: r.next() < 0.5 ? 'long' : 'short',
    entryPrice: r.log(0.001, 1e6),
    quantity: r.log(1e-4, 1e6),
    // Keep initial margin above maintenance + fee so a position can be opened at all.
    leverage: r.between(1.5, 0.5 / (mmr + fee)),
    tier: { mmr, maintenanceAmount: 0 },
    takerFeeRate: fee,
  };
}

describe('liquidation properties (seeded)', () => {
  it('long liquidation < entry < short liquidation, on every venue', () => {
    const r = prng(1);
    for (let i = 0; i < RUNS; i++) {
      const input = randomInput(r, r.pick(VENUE_IDS));
      const { price } = computeLiquidation(input);
      if (input.side === 'long') {
        if (price !== null) expect(price, JSON.stringify(input)).toBeLessThan(input.entryPrice);
      } else {
        expect(price, JSON.stringify(input)).not.toBeNull();
        expect(price!, JSON.stringify(input)).toBeGreaterThan(input.entryPrice);
      }
    }
  });

  it('higher leverage moves the liquidation price closer to entry', () => {
    const r = prng(2);
    for (let i = 0; i < RUNS; i++) {
      const input = randomInput(r, r.pick(VENUE_IDS));
      const lower = computeLiquidation({ ...input, leverage: input.leverage! / r.between(1.05, 3) }).price;
      const higher = computeLiquidation(input).price;
      if (higher === null) continue; // a 1.5x long can be unliquidatable
      expect(lower === null || Math.abs(lower - input.entryPrice) > Math.abs(higher - input.entryPrice), JSON.stringify(input)).toBe(true);
    }
  });

  it('is continuous across bracket edges where maintenance amounts follow the recurrence (Binance, Hyperliquid)', () => {
    const r = prng(3);
    const tables: [VenueId, Tier[]][] = [
      ['binance', bundledTiers({ venue: 'binance', symbol: 'BTC/USDT:USDT' })!.tiers],
      ['hyperliquid', bundledTiers({ venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' })!.tiers],
    ];
    let edgesChecked = 0;
    for (let i = 0; i < 60; i++) {
      const [venue, tiers] = r.pick(tables);
      const side = r.next() < 0.5 ? 'long' : 'short';
      const entryPrice = r.between(20000, 150000);
      const leverage = r.between(2, 20);
      const edge = r.pick(tiers.slice(1)).floor;
      const at = (quantity: number) => computeLiquidation({ venue, marginMode: 'isolated', side, entryPrice, quantity, leverage, tiers });
      // Bisect the quantity at which the tier used changes: the liquidation notional crosses `edge` there.
      let lo = (edge / entryPrice) * 0.5;
      let hi = (edge / entryPrice) * 2;
      const tierLo = at(lo).tierUsed.index!;
      if (at(hi).tierUsed.index === tierLo) continue;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        if (at(mid).tierUsed.index === tierLo) lo = mid;
        else hi = mid;
      }
      const below = at(lo).price!;
      const above = at(hi).price!;
      expect(at(lo).tierUsed.index).not.toBe(at(hi).tierUsed.index);
      expect(Math.abs(above - below) / below, `${venue} ${side} edge ${edge}`).toBeLessThan(1e-9);
      edgesChecked++;
    }
    expect(edgesChecked).toBeGreaterThan(20);
  });

  it('and does jump at an edge when the table has no maintenance amount (the test can tell)', () => {
    const tiers = [
      { floor: 0, cap: 50000, mmr: 0.004, maintenanceAmount: 0 },
      { floor: 50000, cap: 1e9, mmr: 0.02, maintenanceAmount: 0 },
    ];
    const at = (quantity: number) =>
      computeLiquidation({ venue: 'binance', marginMode: 'isolated', side: 'long', entryPrice: 60000, quantity, leverage: 10, tiers }).price!;
    let lo = 0.5;
    let hi = 2;
    for (let k = 0; k < 80; k++) {
      const mid = (lo + hi) / 2;
      if (at(mid) * mid < 50000) lo = mid;
      else hi = mid;
    }
    expect(Math.abs(at(hi) - at(lo)) / at(lo)).toBeGreaterThan(1e-4);
  });

  it('never returns NaN or Infinity, whatever finite input (cross, tiers, inverse, extremes)', () => {
    const r = prng(4);
    const tables = [
      bundledTiers({ venue: 'binance', symbol: 'BTC/USDT:USDT' })!,
      bundledTiers({ venue: 'hyperliquid', symbol: 'ETH/USDC:USDC' })!,
      bundledTiers({ venue: 'okx', symbol: 'BTC/USDT:USDT' })!,
    ];
    for (let i = 0; i < RUNS * 2; i++) {
      const venue = r.pick(VENUE_IDS);
      const table = r.pick(tables);
      const input: LiquidationInput = {
        venue,
        contract: r.next() < 0.3 ? 'inverse' : 'linear',
        marginMode: r.next() < 0.5 ? 'cross' : 'isolated',
        side: r.next() < 0.5 ? 'long' : 'short',
        entryPrice: r.log(1e-8, 1e9),
        quantity: r.log(1e-8, 1e9),
        leverage: r.log(1, 1000),
        ...(r.next() < 0.5 ? { margin: r.log(1e-8, 1e9) } : {}),
        ...(r.next() < 0.3 ? { extraMargin: r.between(-1000, 1000) } : {}),
        ...(r.next() < 0.3 ? { otherPositions: { maintenanceMargin: r.log(1e-3, 1e6), unrealizedPnl: r.between(-1e6, 1e6) } } : {}),
        ...(r.next() < 0.5 ? { ...tiersFor(table, 10)! } : { tier: { mmr: r.between(0, 0.5), maintenanceAmount: r.log(1e-6, 1e6) } }),
        ...(r.next() < 0.5 ? { takerFeeRate: r.between(0, 0.01) } : {}),
        markPrice: r.log(1e-8, 1e9),
      };
      const out = computeLiquidation(input);
      for (const value of [out.price, out.bankruptcyPrice, out.distance?.abs, out.distance?.pct, out.tierUsed.mmr, out.tierUsed.maintenanceAmount]) {
        if (value === null || value === undefined) continue;
        expect(Number.isFinite(value), JSON.stringify(input)).toBe(true);
      }
      if (out.price !== null) expect(out.price).toBeGreaterThan(0);
    }
  });

  it('bad input always gets the typed error naming the field', () => {
    const r = prng(5);
    const fields = ['entryPrice', 'quantity', 'leverage', 'margin', 'markPrice', 'extraMargin', 'takerFeeRate'] as const;
    const bad = [-1, 0, Number.NaN, Infinity, -Infinity, '100', null, {}, []];
    for (let i = 0; i < RUNS; i++) {
      const field = r.pick(fields);
      const value = r.pick(bad);
      // extraMargin may be negative or zero (margin taken out); the rest must be positive.
      if (field === 'extraMargin' && typeof value === 'number' && Number.isFinite(value)) continue;
      if (field === 'takerFeeRate' && value === 0) continue;
      const input = { ...randomInput(r, r.pick(VENUE_IDS)), [field]: value } as unknown as LiquidationInput;
      let caught: unknown;
      try {
        computeLiquidation(input);
      } catch (error) {
        caught = error;
      }
      expect(caught, `${field} = ${String(value)}`).toBeInstanceOf(LiquidationInputError);
      expect((caught as LiquidationInputError).field).toBe(field);
    }
  });

  it('a tier table with a gap, an overlap or shuffled order gets the typed error naming the tier', () => {
    const r = prng(6);
    const good = bundledTiers({ venue: 'binance', symbol: 'BTC/USDT:USDT' })!.tiers;
    for (let i = 0; i < 100; i++) {
      const tiers = good.map((t) => ({ ...t }));
      const k = 1 + Math.floor(r.next() * (tiers.length - 1));
      const kind = r.pick(['gap', 'overlap', 'swap'] as const);
      if (kind === 'gap') tiers[k]!.floor += r.between(1, 1000);
      if (kind === 'overlap') tiers[k]!.floor -= r.between(1, 1000);
      if (kind === 'swap') [tiers[k - 1], tiers[k]] = [tiers[k]!, tiers[k - 1]!];
      let caught: unknown;
      try {
        computeLiquidation({ venue: 'binance', marginMode: 'isolated', side: 'long', entryPrice: 100000, quantity: 1, leverage: 10, tiers });
      } catch (error) {
        caught = error;
      }
      expect(caught, kind).toBeInstanceOf(LiquidationInputError);
      expect((caught as LiquidationInputError).field, kind).toMatch(/^tiers\[\d+\]\.(floor|cap)$/);
    }
  });
});
