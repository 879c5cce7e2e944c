/**
 * Real positions with the exchange's own liquidation price (test/fixtures/positions/PROVENANCE.md):
 * each venue's positions.ts reads the recorded payload, positionToLiquidationInput maps it, the
 * engine prices it, and the result must equal what the exchange reported, to the venue's rounding.
 * The same cases, as plain engine inputs, are in test/vectors/liquidation/real-positions-*.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLiquidation, liquidationForOrder, positionToLiquidationInput } from '@/core/liquidation';
import { readPositions as hyperliquid } from '@/core/venues/hyperliquid/positions';
import { readPositions as gate } from '@/core/venues/gate/positions';
import { readPositions as okx } from '@/core/venues/okx/positions';
import { readPositions as htx } from '@/core/venues/htx/positions';

interface Wrapped {
  records?: { description: string; httpResponse: unknown }[];
  httpResponse?: unknown;
}
const fixture = (path: string): Wrapped => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/positions', path), 'utf8')) as Wrapped;
const record = (w: Wrapped, description: string) => w.records!.find((r) => r.description === description)!.httpResponse;

describe('Hyperliquid clearinghouseState (ccxt static responses, 2024-03 … 2025-11)', () => {
  const w = fixture('hyperliquid/clearinghouseState_ccxt-static_2024-03-05_to_2025-11-28.recorded.json');

  it('HIP-3 flx:CRCL isolated long 3x: margin = rawUsd + szi × entryPx, mmr = 1/(2 × 3) → 64.2010892308', () => {
    const [p] = hyperliquid(record(w, 'fetch hip3 positions'));
    expect(p).toMatchObject({
      coin: 'flx:CRCL',
      symbol: null,
      marginMode: 'isolated',
      side: 'long',
      quantity: 0.13,
      entryPrice: 80.262,
      isolatedCash: -6.955118,
      reportedLiquidationPrice: 64.2010892308,
    });
    const input = positionToLiquidationInput(p!);
    expect(input.margin).toBeCloseTo(3.478942, 9);
    expect(input.tier!.mmr).toBeCloseTo(1 / 6, 12);
    expect(Math.abs(computeLiquidation(input).price! - 64.2010892308)).toBeLessThan(5e-11);
  });

  it('HYPE isolated short 10x → 50.2724802381', () => {
    const [p] = hyperliquid(record(w, 'isolated short position'));
    const input = positionToLiquidationInput(p!);
    expect(input.margin).toBeCloseTo(19.171617, 9);
    expect(Math.abs(computeLiquidation(input).price! - 50.2724802381)).toBeLessThan(5e-11);
  });

  it('SOL cross short next to an ETH long: wallet = account value − Σ PnL, ETH maintenance counted → 22881.19788911', () => {
    const [sol] = hyperliquid(record(w, 'short position'));
    expect(sol).toMatchObject({ coin: 'SOL', symbol: 'SOL/USDC:USDC', marginMode: 'cross', side: 'short', account: { value: 11524.216934 } });
    const input = positionToLiquidationInput(sol!);
    expect(input.margin).toBeCloseTo(9464.616934, 6);
    expect(input.otherPositions!.maintenanceMargin).toBeCloseTo(38.192, 9);
    expect(input.otherPositions!.unrealizedPnl).toBeCloseTo(2059.2, 9);
    expect(Math.abs(computeLiquidation(input).price! - 22881.19788911)).toBeLessThan(5e-9);
  });

  it('a cross account whose positions Hyperliquid never liquidates (liquidationPx null) gives no price', () => {
    const positions = hyperliquid(record(w, 'fetch positions'));
    expect(positions).toHaveLength(2);
    for (const p of positions) {
      expect(p.reportedLiquidationPrice).toBeNull();
      expect(computeLiquidation(positionToLiquidationInput(p)).price).toBeNull();
    }
  });
});

describe('Hyperliquid clearinghouseState of 2023-03-27 (hyperliquid-python-sdk cassette)', () => {
  const state = fixture('hyperliquid/clearinghouseState_hl-python-sdk_2023-03-27.recorded.json').httpResponse;

  it('reads the 2023 shape (numeric leverage, no maxLeverage): 12 positions, 5 shorts with a liquidation price', () => {
    const positions = hyperliquid(state);
    expect(positions).toHaveLength(12);
    expect(positions.filter((p) => p.reportedLiquidationPrice !== null).map((p) => p.coin)).toEqual(['BTC', 'ATOM', 'DYDX', 'APE', 'OP']);
    expect(positions[0]).toMatchObject({ coin: 'BTC', side: 'short', quantity: 0.00785, entryPrice: 26951, leverage: 20 });
    expect(positions[0]!.tier).toBeUndefined();
  });

  it("was priced by an older rule: today's docs rule with 1/(2 × 50x) lands 0.7–1% short of 2023's numbers", () => {
    // Not a vector: the 2023 engine froze each position's maintenance at the mark (see PROVENANCE).
    const positions = hyperliquid(state, () => 50);
    for (const p of positions.filter((x) => x.reportedLiquidationPrice !== null)) {
      const price = computeLiquidation(positionToLiquidationInput(p)).price!;
      const off = (price - p.reportedLiquidationPrice!) / p.reportedLiquidationPrice!;
      expect(off, p.coin).toBeLessThan(-0.006);
      expect(off, p.coin).toBeGreaterThan(-0.01);
    }
  });
});

describe('Gate positions (LTC_USDT isolated long, 2024-01-12)', () => {
  const w = fixture('gate/positions_LTC_USDT_isolated-long_2024-01-12.recorded.json');
  const LTC = (c: string) => (c === 'LTC_USDT' ? 0.1 : NaN);

  it("reads the position and matches Gate's 60.07 with Gate's 0.075% fee reserve (the default)", () => {
    const [p] = gate(record(w, 'Fetch positions'), LTC);
    expect(p).toMatchObject({
      contract_id: 'LTC_USDT',
      marginMode: 'isolated',
      side: 'long',
      quantity: 0.1,
      entryPrice: 74.35,
      leverage: 5,
      margin: 1.49257625,
      reportedLiquidationPrice: 60.07,
    });
    const result = computeLiquidation(positionToLiquidationInput(p!));
    expect(Math.abs(result.price! - 60.07)).toBeLessThanOrEqual(0.005);
    expect(result.assumptions.join(' ')).toContain("Gate's fixed 0.075% fee reserve (not your fee tier)");
  });

  it('the fee actually paid (0.05%) would miss by 1.5 ticks: the reserve, not the fee tier, is in the condition', () => {
    const [p] = gate(record(w, 'Fetch positions'), LTC);
    expect(Math.abs(computeLiquidation(positionToLiquidationInput(p!, { takerFeeRate: 0.0005 })).price! - 60.07)).toBeGreaterThan(0.01);
  });

  it('the same position typed as an order (0.1 LTC, 5x isolated at 74.35) gives the margin Gate held and its 60.07', () => {
    const { plan, results } = liquidationForOrder({
      venue: 'gate',
      side: 'long',
      type: 'limit',
      price: 74.35,
      markPrice: 74.43,
      size: { value: 1, unit: 'contracts' },
      contractSize: 0.1,
      leverage: 5,
      marginMode: 'isolated',
      tier: { mmr: 0.01, maintenanceAmount: 0 },
      existingPosition: null,
    });
    expect(plan.inputs[0]!.margin).toBeCloseTo(1.49257625, 10);
    expect(plan.assumptions).toContain('Isolated margin includes the 0.075% fee reserve the venue sets aside when the position opens.');
    expect(Math.abs(results[0]!.price! - 60.07)).toBeLessThanOrEqual(0.005);
  });
});

describe('OKX account positions (BTC-USD-SWAP inverse isolated long, 2026-01-20)', () => {
  const w = fixture('okx/account-positions_BTC-USD-SWAP_2026-01-20.recorded.json');
  const ctVal = (id: string) => (id === 'BTC-USD-SWAP' ? 100 : id === 'LTC-USDT-SWAP' ? 1 : NaN);

  it('reads mmr as an amount (→ 0.4%) and the opening fee as the rate (→ 0.05%)', () => {
    const [p] = okx(record(w, 'Inverse swap isolated fetch position'), ctVal);
    expect(p).toMatchObject({
      contract: 'inverse',
      marginMode: 'isolated',
      side: 'long',
      quantity: 100,
      entryPrice: 92300,
      leverage: 3,
      margin: 0.0003611412062116,
      tier: { mmr: 0.004 },
      takerFeeRate: 0.0005,
      reportedLiquidationPrice: 69536.6125000014,
    });
  });

  it("with the instrument's tick (0.1) the result is OKX's own number; the formula value is one tick below", () => {
    const [p] = okx(record(w, 'Inverse swap isolated fetch position'), ctVal);
    const shown = computeLiquidation(positionToLiquidationInput(p!, { tickSize: 0.1 }));
    expect(Math.abs(shown.price! - 69536.6125000014)).toBeLessThan(1e-6);
    expect(Math.abs(shown.formulaPrice! - 69536.5125000014)).toBeLessThan(1e-6);
    const raw = computeLiquidation(positionToLiquidationInput(p!));
    expect(raw.price).toBeCloseTo(69536.5125000014, 6);
    expect(raw.formulaPrice).toBeUndefined();
    expect(raw.assumptions.join(' ')).toContain('Instrument tick size unknown');
  });

  it('reads "" as absent: cross rows without a balance or with liqPx "" carry no margin and no reported price', () => {
    const cross = okx(record(w, 'linear swap position (LTC-USDT-SWAP cross long, liqPx empty)'), ctVal);
    expect(cross[0]).toMatchObject({ marginMode: 'cross', reportedLiquidationPrice: null });
    expect(cross[0]!.margin).toBeUndefined();
  });
});

describe('HTX v1 position (LTC-USDT cross long, 2024-01-31) — mapping unverified', () => {
  it('takes cost_hold as the entry and volume × contract size as the quantity; no reported price', () => {
    const w = fixture('htx/position_info_ccxt-static_2024-01-31.recorded.json');
    const [p] = htx(w.records![1]!.httpResponse, () => 0.1);
    expect(p).toMatchObject({ marginMode: 'cross', side: 'long', quantity: 0.1, entryPrice: 67.35, leverage: 1, reportedLiquidationPrice: null });
    const [isolated] = htx(
      { status: 'ok', data: [{ ...(w.records![1]!.httpResponse as { data: Record<string, unknown>[] }).data[0], margin_mode: 'isolated', cost_hold: '66' }] },
      () => 0.1,
      7.5,
    );
    expect(isolated).toMatchObject({ entryPrice: 66, margin: 7.5 });
  });
});
