import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLiquidation } from '@/core/liquidation/engine';
import { TierTableError } from '@/core/liquidation/tier-source';
import { binanceBracketsRequest } from '@/core/venues/binance/tiers';
import { bundledTiers, TIER_SOURCES, tiersFor } from '@/core/liquidation/tier-sources';
import type { Tier } from '@/core/liquidation/types';
import { validateTiers } from '@/core/liquidation/validate';
import { type Market, type VenueId } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import type { LiquidationInput } from '@/core/liquidation/types';
import { loadVectorCases } from '../../support/vectors';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../fixtures/tiers', name), 'utf8'));
const readFixture = (path: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../fixtures', path), 'utf8'));
const m = (venue: VenueId, symbol: string): Market => ({ venue, symbol });
const NOW = Date.UTC(2026, 10, 25);

/** Maintenance margin must not jump at an edge when a venue's amounts follow the recurrence. */
function expectContinuousMaintenance(tiers: Tier[]) {
  for (let i = 1; i < tiers.length; i++) {
    const edge = tiers[i]!.floor;
    const below = edge * tiers[i - 1]!.mmr - tiers[i - 1]!.maintenanceAmount;
    const above = edge * tiers[i]!.mmr - tiers[i]!.maintenanceAmount;
    expect(Math.abs(above - below)).toBeLessThan(1e-6 * Math.max(1, edge));
  }
}

describe('binance tiers', () => {
  const source = TIER_SOURCES.binance;
  it('asks the key-less bapi bracket endpoint (USDⓈ-M and COIN-M)', () => {
    expect(source.request(m('binance', 'BTC/USDT:USDT'))).toEqual(binanceBracketsRequest(m('binance', 'BTC/USDT:USDT')));
    expect(binanceBracketsRequest(m('binance', 'BTC/USDT:USDT'))).toEqual({
      url: 'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
      method: 'POST',
      body: {},
    });
    expect(binanceBracketsRequest(m('binance', 'BTC/USD:BTC')).url).toContain('/delivery/common/brackets');
  });
  it('parses the public bapi shape for the asked symbol, aged by the fetch time (updateTime = brackets last changed)', () => {
    const t = source.parse(fixture('binance-bapi-brackets.from-docs.json'), m('binance', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers.map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount, x.maxLeverage])).toEqual([
      [0, 300000, 0.004, 0, 150],
      [300000, 800000, 0.005, 300, 100],
      [800000, 3000000, 0.0065, 1500, 75],
      [3000000, 12000000, 0.01, 12000, 50],
    ]);
    // updateTime 1755585384254 (2025-08-19) is when Binance last changed the brackets; a table fetched
    // on NOW is NOW old, not months old.
    expect(t.asOf).toBe(NOW);
    expect(t.changedAt).toBe(1755585384254);
    expect(t.basis).toBe('notional');
    expectContinuousMaintenance(t.tiers);
    expect(source.parse(fixture('binance-bapi-brackets.from-docs.json'), m('binance', 'ETH/USDT:USDT'), NOW).tiers).toHaveLength(1);
  });
  it('parses the recorded signed leverageBracket response (strings) of 2023', () => {
    const t = source.parse(fixture('binance_fapi_v1_leverageBracket_BTCUSDT_2023-11.json'), m('binance', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers).toHaveLength(10);
    expect(t.tiers[3]).toMatchObject({ floor: 3_000_000, cap: 20_000_000, mmr: 0.025, maintenanceAmount: 46_300, maxLeverage: 20 });
    expect(t.asOf).toBe(NOW);
    expectContinuousMaintenance(t.tiers);
  });
  it('rejects error payloads, HTML, missing symbols and corrupt numbers with TierTableError', () => {
    const btc = m('binance', 'BTC/USDT:USDT');
    expect(() => source.parse({ code: '100001', message: 'busy', data: null }, btc)).toThrow(/exchange error 100001/);
    expect(() => source.parse('<html>502 Bad Gateway</html>', btc)).toThrow(TierTableError);
    expect(() => source.parse(fixture('binance-bapi-brackets.from-docs.json'), m('binance', 'SOL/USDT:USDT'))).toThrow(/no brackets for SOLUSDT/);
    const corrupt = fixture('binance-bapi-brackets.from-docs.json') as { data: { brackets: { riskBrackets: Record<string, unknown>[] }[] } };
    corrupt.data.brackets[0]!.riskBrackets[1]!.bracketMaintenanceMarginRate = 'abc';
    expect(() => source.parse(corrupt, btc)).toThrow(/riskBrackets\[1\]\.bracketMaintenanceMarginRate/);
  });
  it('rejects a bracket table with a gap', () => {
    const gap = fixture('binance_fapi_v1_leverageBracket_BTCUSDT_2023-11.json') as { brackets: Record<string, string>[] }[];
    gap[0]!.brackets[2]!.notionalFloor = '260000';
    expect(() => source.parse(gap, m('binance', 'BTC/USDT:USDT'))).toThrow(/gap/);
  });
});

describe('okx tiers', () => {
  const source = TIER_SOURCES.okx;
  it('asks position-tiers for the instrument family', () => {
    expect(source.request(m('okx', 'BTC/USDT:USDT'))!.url).toBe(
      'https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT',
    );
    expect(source.request(m('okx', 'BTC/USD:BTC'))!.url).toContain('instFamily=BTC-USD');
  });
  it('converts contract brackets to base coin with ctVal and closes integer ranges', () => {
    const t = source.parse(fixture('okx-position-tiers.from-docs.json'), m('okx', 'BTC/USDT:USDT'), NOW);
    expect(t.basis).toBe('quantity');
    expect(t.tiers.map((x) => [x.floor, x.cap, x.mmr])).toEqual([
      [0, 10, 0.004],
      [10, 20, 0.005],
      [20, 40, 0.01],
    ]);
  });
  it('rejects unknown contract values, exchange errors and wrong types', () => {
    expect(() => source.parse(fixture('okx-position-tiers.from-docs.json'), m('okx', 'DOGE/USDT:USDT'))).toThrow(/contract value of DOGE-USDT unknown/);
    expect(() => source.parse({ code: '51001', msg: 'Instrument ID does not exist', data: [] }, m('okx', 'BTC/USDT:USDT'))).toThrow(/51001/);
    expect(() => source.parse({ code: '0', data: [{ minSz: '0', maxSz: 'lots', mmr: '0.004', instFamily: 'BTC-USDT' }] }, m('okx', 'BTC/USDT:USDT'))).toThrow(
      /data\[0\]\.maxSz/,
    );
  });
});

describe('bybit tiers', () => {
  const source = TIER_SOURCES.bybit;
  it('asks risk-limit by category and symbol', () => {
    expect(source.request(m('bybit', 'BTC/USDT:USDT'))!.url).toBe('https://api.bybit.com/v5/market/risk-limit?category=linear&symbol=BTCUSDT');
    expect(source.request(m('bybit', 'BTC/USD:BTC'))!.url).toBe('https://api.bybit.com/v5/market/risk-limit?category=inverse&symbol=BTCUSD');
  });
  it('chains riskLimitValue caps, reads mmDeduction ("" on tier 1 = 0)', () => {
    const t = source.parse(fixture('bybit-risk-limit-linear.from-docs.json'), m('bybit', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers.map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount])).toEqual([
      [0, 300000, 0.0033, 0],
      [300000, 2000000, 0.005, 510],
    ]);
    expectContinuousMaintenance(t.tiers);
  });
  it('recognises percent-style rates by initialMargin × maxLeverage and fills deductions by recurrence', () => {
    const t = source.parse(fixture('bybit-risk-limit-inverse-percent.from-docs.json'), m('bybit', 'BTC/USD:BTC'), NOW);
    expect(t.tiers[0]!.mmr).toBeCloseTo(0.005, 12);
    expect(t.tiers[1]!.mmr).toBeCloseTo(0.01, 12);
    expect(t.tiers[1]!.maintenanceAmount).toBeCloseTo(150 * 0.005, 9);
  });
  it('rejects retCode errors and malformed rows', () => {
    expect(() => source.parse({ retCode: 10001, retMsg: 'params error', result: {} }, m('bybit', 'BTC/USDT:USDT'))).toThrow(/10001/);
    expect(() => source.parse({ retCode: 0, result: { list: 'nope' } }, m('bybit', 'BTC/USDT:USDT'))).toThrow(/result\.list/);
    expect(() => source.parse({ retCode: 0, result: { list: [] } }, m('bybit', 'BTC/USDT:USDT'))).toThrow(/no risk limits/);
  });
});

describe('bitget tiers', () => {
  const source = TIER_SOURCES.bitget;
  it('asks query-position-lever and parses startUnit/endUnit as notional', () => {
    expect(source.request(m('bitget', 'BTC/USDT:USDT'))!.url).toBe(
      'https://api.bitget.com/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=USDT-FUTURES',
    );
    const t = source.parse(fixture('bitget-query-position-lever.from-docs.json'), m('bitget', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers.map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount, x.maxLeverage])).toEqual([
      [0, 50000, 0.004, 0, 125],
      [50000, 200000, 0.005, 0, 100],
    ]);
  });
  it('parses the live v2 response of 2026-09-25 (same startUnit/endUnit fields, zero-padded rates, 12 levels)', () => {
    const t = source.parse(fixture('bitget-query-position-lever-btcusdt.from-capture-2026-09-25.json'), m('bitget', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers).toHaveLength(12);
    expect(t.tiers.slice(0, 3).map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount, x.maxLeverage])).toEqual([
      [0, 200_000, 0.004, 0, 150],
      [200_000, 1_000_000, 0.005, 0, 100],
      [1_000_000, 5_000_000, 0.007, 0, 75],
    ]);
    expect(t.tiers[11]).toMatchObject({ floor: 900_000_000, cap: 1_200_000_000, mmr: 0.6, maxLeverage: 1 });
    expect(() => source.parse(fixture('bitget-query-position-lever-btcusdt.from-capture-2026-09-25.json'), m('bitget', 'ETH/USDT:USDT'))).toThrow(
      /no position tiers for ETHUSDT/,
    );
  });
  it('rejects an overlap and an error code', () => {
    const overlap = fixture('bitget-query-position-lever.from-docs.json') as { data: Record<string, string>[] };
    overlap.data[1]!.startUnit = '40000';
    expect(() => source.parse(overlap, m('bitget', 'BTC/USDT:USDT'))).toThrow(/overlap/);
    expect(() => source.parse({ code: '40034', msg: 'Parameter does not exist', data: [] }, m('bitget', 'BTC/USDT:USDT'))).toThrow(/40034/);
  });
});

describe('htx tiers', () => {
  const source = TIER_SOURCES.htx;
  it('asks the adjustment factors and builds one ladder per leverage in base coin', () => {
    expect(source.request(m('htx', 'BTC/USDT:USDT'))!.url).toBe('https://api.hbdm.com/linear-swap-api/v1/swap_adjustfactor?contract_code=BTC-USDT');
    const t = source.parse(fixture('htx-swap-adjustfactor.from-docs.json'), m('htx', 'BTC/USDT:USDT'), NOW);
    expect(t.leverageLadders).toHaveLength(1);
    const ladder = t.leverageLadders![0]!;
    expect(ladder.leverage).toBe(1);
    expect(ladder.tiers.map((x) => [x.floor, x.cap, x.adjustFactor])).toEqual([
      [0, 4, 0.005],
      [4, 40, 0.01],
      [40, 80, 0.015],
    ]);
  });
  it('prices with adjustment factor ÷ leverage through tiersFor', () => {
    const t = source.parse(fixture('htx-swap-adjustfactor.from-docs.json'), m('htx', 'BTC/USDT:USDT'), NOW);
    const pick = tiersFor(t, 1)!;
    const r = computeLiquidation({ venue: 'htx', marginMode: 'isolated', side: 'long', entryPrice: 100000, quantity: 5, leverage: 1, ...pick });
    expect(r.tierUsed.mmr).toBe(0.01);
    // (Q·EP − E0)/(Q·(1 − AF/lev)) with E0 = Q·EP: no liquidation at 1x.
    expect(r.price).toBeNull();
    expect(tiersFor(t, undefined)).toBeNull();
    expect(tiersFor(t, 5)!.note).toMatch(/No adjustment factors published for 5x/);
  });
  it('rejects status error payloads', () => {
    expect(() => source.parse({ status: 'error', err_msg: 'Contract does not exist' }, m('htx', 'BTC/USDT:USDT'))).toThrow(/Contract does not exist/);
  });
});

describe('hyperliquid tiers', () => {
  const source = TIER_SOURCES.hyperliquid;
  it('asks /info meta; inverse markets have no source', () => {
    expect(source.request(m('hyperliquid', 'BTC/USDC:USDC'))).toEqual({ url: 'https://api.hyperliquid.xyz/info', method: 'POST', body: { type: 'meta' } });
  });
  it('turns margin tables into mmr = 1/(2·maxLev) with deductions by recurrence', () => {
    const t = source.parse(fixture('hyperliquid-meta-margin-tables.from-docs.json'), m('hyperliquid', 'BTC/USDC:USDC'), NOW);
    expect(t.tiers).toHaveLength(2);
    expect(t.tiers[0]).toMatchObject({ floor: 0, cap: 150_000_000, mmr: 0.0125, maintenanceAmount: 0, maxLeverage: 40 });
    expect(t.tiers[1]!.mmr).toBe(0.025);
    expect(t.tiers[1]!.maintenanceAmount).toBeCloseTo(1_875_000, 6);
    expect(t.tiers[1]!.cap).toBe(Infinity);
    const eth = source.parse(fixture('hyperliquid-meta-margin-tables.from-docs.json'), m('hyperliquid', 'ETH/USDC:USDC'), NOW);
    expect(eth.tiers[1]!.maintenanceAmount).toBeCloseTo(1_333_333.333, 2);
  });
  it('reads ids below 50 as one tier at that leverage, and the recorded 2023 schema without tables', () => {
    const low = source.parse(fixture('hyperliquid-meta-margin-tables.from-docs.json'), m('hyperliquid', 'LOWCAP/USDC:USDC'), NOW);
    expect(low.tiers).toEqual([{ floor: 0, cap: Infinity, mmr: 1 / 6, maintenanceAmount: 0, maxLeverage: 3 }]);
    const old = source.parse(fixture('hyperliquid_info_meta_2023.json'), m('hyperliquid', 'BTC/USDC:USDC'), NOW);
    expect(old.tiers).toEqual([{ floor: 0, cap: Infinity, mmr: 0.01, maintenanceAmount: 0, maxLeverage: 50 }]);
  });
  it('rejects missing tables and hostile shapes', () => {
    const broken = fixture('hyperliquid-meta-margin-tables.from-docs.json') as { marginTables: unknown[] };
    broken.marginTables = [];
    expect(() => source.parse(broken, m('hyperliquid', 'BTC/USDC:USDC'))).toThrow(/margin table 56 missing/);
    expect(() => source.parse({ universe: [{ name: 'BTC', maxLeverage: Infinity }] }, m('hyperliquid', 'BTC/USDC:USDC'))).toThrow(/universe\[0\]\.maxLeverage/);
    expect(() => source.parse(null, m('hyperliquid', 'BTC/USDC:USDC'))).toThrow(TierTableError);
  });
});

describe('gate tiers', () => {
  const source = TIER_SOURCES.gate;
  it('asks risk_limit_tiers and reads risk_limit caps with deductions', () => {
    expect(source.request(m('gate', 'BTC/USDT:USDT'))!.url).toBe('https://api.gateio.ws/api/v4/futures/usdt/risk_limit_tiers?contract=BTC_USDT');
    const t = source.parse(fixture('gate-risk-limit-tiers.from-docs.json'), m('gate', 'BTC/USDT:USDT'), NOW);
    expect(t.tiers.map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount])).toEqual([
      [0, 500000, 0.005, 0],
      [500000, 1000000, 0.01, 2500],
      [1000000, 2000000, 0.015, 7500],
    ]);
    expectContinuousMaintenance(t.tiers);
  });
  it('rejects Gate error labels and non-arrays', () => {
    expect(() => source.parse({ label: 'CONTRACT_NOT_FOUND', message: 'x' }, m('gate', 'BTC/USDT:USDT'))).toThrow(/CONTRACT_NOT_FOUND/);
    expect(() => source.parse({ foo: 1 }, m('gate', 'BTC/USDT:USDT'))).toThrow(/an array/);
  });
  it('refuses a ladder with a tier missing instead of stretching the next tier over it', () => {
    const rows = fixture('gate-risk-limit-tiers.from-docs.json') as { tier: number }[];
    expect(() => source.parse([rows[0], rows[2]], m('gate', 'BTC/USDT:USDT'))).toThrow(/tier 2 is missing/);
  });
});

describe('mexc tiers', () => {
  const source = TIER_SOURCES.mexc;
  it('asks contract detail and expands the risk-limit rule into tiers in base coin', () => {
    expect(source.request(m('mexc', 'BTC/USDT:USDT'))!.url).toBe('https://contract.mexc.com/api/v1/contract/detail?symbol=BTC_USDT');
    const t = source.parse(fixture('mexc-contract-detail.from-docs.json'), m('mexc', 'BTC/USDT:USDT'), NOW);
    expect(t.basis).toBe('quantity');
    expect(t.tiers).toHaveLength(5);
    expect(t.tiers[0]).toMatchObject({ floor: 0, cap: 1, mmr: 0.004 });
    expect(t.tiers[1]!.floor).toBe(1);
    expect(t.tiers[1]!.cap).toBeCloseTo(21, 9);
    expect(t.tiers[4]!.mmr).toBeCloseTo(0.02, 12);
  });
  it('rejects failures and a response for another symbol', () => {
    expect(() => source.parse({ success: false, code: 1001, message: 'contract not exists' }, m('mexc', 'BTC/USDT:USDT'))).toThrow(/contract not exists/);
    expect(() => source.parse(fixture('mexc-contract-detail.from-docs.json'), m('mexc', 'ETH/USDT:USDT'))).toThrow(/not ETH_USDT/);
  });

  // The current contract detail (MEXC API docs) is in CUSTOM mode: its INCREASE-rule fields say
  // riskIncrVol 0 and riskLevelLimit 1, i.e. one 0.1% tier for every size, which is wrong past level 1.
  const custom = () =>
    fixture('mexc-contract-detail-custom.from-docs.json') as { data: Record<string, unknown> & { riskLimitCustom: Record<string, unknown>[] } };
  it('reads the riskLimitCustom levels in CUSTOM mode, maxVol in contracts × contractSize', () => {
    const t = source.parse(custom(), m('mexc', 'BTC/USDT:USDT'), NOW);
    expect(t.basis).toBe('quantity');
    expect(t.tiers.map((x) => x.mmr)).toEqual([0.001, 0.004, 0.005, 0.01, 0.02, 0.05]);
    expect(t.tiers.map((x) => x.maxLeverage)).toEqual([500, 200, 100, 50, 20, 10]);
    const edges = [0, 5, 6, 25, 120, 300, 450];
    t.tiers.forEach((x, i) => {
      expect(x.floor).toBeCloseTo(edges[i]!, 9);
      expect(x.cap).toBeCloseTo(edges[i + 1]!, 9);
    });
  });
  it('prices a 30 BTC position with level 4 (1%), not the one-level 0.1% of the INCREASE fields', () => {
    const table = source.parse(custom(), m('mexc', 'BTC/USDT:USDT'), NOW);
    const r = computeLiquidation({ venue: 'mexc', marginMode: 'isolated', side: 'long', entryPrice: 100_000, quantity: 30, leverage: 20, ...tiersFor(table)! });
    expect(r.tierUsed.mmr).toBe(0.01);
    // MEXC help formula, maintenance at entry: 100000 − (150000 − 30000)/30.
    expect(r.price).toBeCloseTo(96_000, 6);
  });
  it('reads listed levels even when the mode is missing, and null CUSTOM fields as absent in INCREASE mode', () => {
    const btc = m('mexc', 'BTC/USDT:USDT');
    const noMode = custom();
    delete noMode.data.riskLimitMode;
    expect(source.parse(noMode, btc, NOW).tiers.map((x) => x.mmr)).toEqual([0.001, 0.004, 0.005, 0.01, 0.02, 0.05]);
    const increase = fixture('mexc-contract-detail.from-docs.json') as { data: Record<string, unknown> };
    const plain = source.parse(increase, btc, NOW);
    increase.data.riskLimitMode = null;
    increase.data.riskLimitCustom = null;
    expect(source.parse(increase, btc, NOW).tiers).toEqual(plain.tiers);
  });
  it('reads BY_VALUE levels as notional', () => {
    const byValue = custom();
    byValue.data.riskLimitType = 'BY_VALUE';
    const t = source.parse(byValue, m('mexc', 'BTC/USDT:USDT'), NOW);
    expect(t.basis).toBe('notional');
    expect(t.tiers.map((x) => x.cap)).toEqual([50_000, 60_000, 250_000, 1_200_000, 3_000_000, 4_500_000]);
  });
  it('refuses hostile CUSTOM levels with an error naming the field', () => {
    const btc = m('mexc', 'BTC/USDT:USDT');
    const swapped = custom();
    [swapped.data.riskLimitCustom[1], swapped.data.riskLimitCustom[2]] = [swapped.data.riskLimitCustom[2]!, swapped.data.riskLimitCustom[1]!];
    expect(() => source.parse(swapped, btc)).toThrow(/riskLimitCustom\[1\]\.level/);
    const shrinking = custom();
    shrinking.data.riskLimitCustom[2]!.maxVol = 55_000;
    expect(() => source.parse(shrinking, btc)).toThrow(/riskLimitCustom\[2\]\.maxVol: 55000 must be above the previous level.s 60000/);
    const equal = custom();
    equal.data.riskLimitCustom[1]!.maxVol = 50_000;
    expect(() => source.parse(equal, btc)).toThrow(/riskLimitCustom\[1\]\.maxVol: 50000 must be above the previous level's 50000/);
    const zeroRate = custom();
    zeroRate.data.riskLimitCustom[0]!.mmr = 0;
    expect(() => source.parse(zeroRate, btc)).toThrow(/riskLimitCustom\[0\]\.mmr/);
    const hugeRate = custom();
    hugeRate.data.riskLimitCustom[4]!.mmr = 1.5;
    expect(() => source.parse(hugeRate, btc)).toThrow(/riskLimitCustom\[4\]\.mmr/);
    const text = custom();
    text.data.riskLimitCustom[3]!.maxVol = 'lots';
    expect(() => source.parse(text, btc)).toThrow(/riskLimitCustom\[3\]\.maxVol/);
    const falling = custom();
    falling.data.riskLimitCustom[3]!.mmr = 0.0045;
    expect(() => source.parse(falling, btc)).toThrow(/riskLimitCustom\[3\]\.mmr: 0\.0045 is below the previous level's 0\.005/);
    // A list that ends below riskBaseVol is not refused: MEXC's live answer of 2025-12-31 is such a
    // list (real-captures.test.ts). It ends at its last level; the engine says when a size is past it.
    const endsEarly = custom();
    endsEarly.data.riskLimitCustom.pop();
    expect(source.parse(endsEarly, btc).tiers.at(-1)).toMatchObject({ cap: 300, mmr: 0.02 });
    const otherStart = custom();
    otherStart.data.maintenanceMarginRate = 0.004;
    expect(() => source.parse(otherStart, btc)).toThrow(/riskLimitCustom\[0\]\.mmr 0\.001 differs from data\.maintenanceMarginRate 0\.004/);
    const unknownMode = custom();
    unknownMode.data.riskLimitMode = 'TIERED';
    expect(() => source.parse(unknownMode, btc)).toThrow(/riskLimitMode: unknown mode "TIERED"/);
    for (const levels of [[], undefined]) {
      const missing = custom();
      missing.data.riskLimitCustom = levels as never;
      expect(() => source.parse(missing, btc)).toThrow(/riskLimitCustom/);
    }
  });
});

describe('bundled tables', () => {
  it('every bundled table is valid, dated, sourced and belongs to its venue', () => {
    for (const venue of VENUE_IDS) {
      for (const t of TIER_SOURCES[venue].bundled) {
        expect(t.venue).toBe(venue);
        expect(() => validateTiers(t.tiers)).not.toThrow();
        expect(t.source).toMatch(/^bundled:/);
        // Dated to the day the numbers were published or recorded; none predates the venues' current tier systems.
        expect(t.asOf).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
        expect(t.asOf % 86_400_000).toBe(0);
        if (t.tiers.some((x) => x.maintenanceAmount > 0)) expectContinuousMaintenance(t.tiers);
      }
    }
  });
  it('at most one bundled table per market, with a basis and a date not in the future', () => {
    for (const venue of VENUE_IDS) {
      const symbols = TIER_SOURCES[venue].bundled.map((t) => t.symbol);
      expect(new Set(symbols).size, venue).toBe(symbols.length);
      for (const t of TIER_SOURCES[venue].bundled) {
        expect(t.basis, t.source).toMatch(/^(notional|quantity)$/);
        expect(t.asOf, t.source).toBeLessThanOrEqual(Date.now());
      }
    }
  });
  it('each newly shipped multi-tier table (Gate BTC/ETH, Bitget BTC, OKX BTC, MEXC BTC) is exercised beyond tier 1 by an independently derived vector', () => {
    const vectors = loadVectorCases<LiquidationInput & { id: string }>('liquidation').map((v) => v.case);
    const edges = (tiers: Tier[]) => tiers.map((x) => [x.floor, x.cap, x.mmr, x.maintenanceAmount]);
    const shipped = [
      m('gate', 'BTC/USDT:USDT'),
      m('gate', 'ETH/USDT:USDT'),
      m('bitget', 'BTC/USDT:USDT'),
      m('okx', 'BTC/USDT:USDT'),
      m('mexc', 'BTC/USDT:USDT'),
    ];
    for (const market of shipped) {
      const table = bundledTiers(market)!;
      const cases = vectors.filter((v) => v.venue === market.venue && v.tiers && JSON.stringify(edges(v.tiers)) === JSON.stringify(edges(table.tiers)));
      expect(cases.length, `${market.venue} ${market.symbol}: no vector carries the bundled table`).toBeGreaterThan(0);
      const beyondFirst = cases.filter((v) => (computeLiquidation(v).tierUsed.index ?? 0) > 0);
      expect(beyondFirst.length, `${market.venue} ${market.symbol}: no vector reaches tier 2+`).toBeGreaterThan(0);
    }
  });
  it('bundledTiers finds BTC and ETH where recorded numbers exist, null elsewhere', () => {
    expect(bundledTiers(m('binance', 'BTC/USDT:USDT'))!.tiers).toHaveLength(4);
    expect(bundledTiers(m('hyperliquid', 'ETH/USDC:USDC'))!.tiers[1]!.maxLeverage).toBe(15);
    expect(bundledTiers(m('okx', 'ETH/USDT:USDT'))!.basis).toBe('quantity');
    expect(bundledTiers(m('bybit', 'ETH/USDT:USDT'))).toBeNull();
    expect(bundledTiers(m('mexc', 'ETH/USDT:USDT'))!.tiers).toHaveLength(5);
    expect(bundledTiers(m('mexc', 'SOL/USDT:USDT'))).toBeNull();
    expect(bundledTiers(m('gate', 'SOL/USDT:USDT'))).toBeNull();
    expect(bundledTiers(m('htx', 'BTC/USDT:USDT'))).toBeNull();
    expect(bundledTiers(m('binance', 'DOGE/USDT:USDT'))).toBeNull();
  });
  it('bitget BTC/USDT: the 12 levels of the live response of 2026-09-25, exactly as the parser reads it', () => {
    const table = bundledTiers(m('bitget', 'BTC/USDT:USDT'))!;
    expect(table.asOf).toBe(Date.UTC(2026, 8, 25));
    expect(table.basis).toBe('notional');
    expect(table.tiers).toEqual(
      TIER_SOURCES.bitget.parse(fixture('bitget-query-position-lever-btcusdt.from-capture-2026-09-25.json'), m('bitget', 'BTC/USDT:USDT'), NOW).tiers,
    );
    expect(bundledTiers(m('bitget', 'ETH/USDT:USDT'))).toBeNull();
    for (const side of ['long', 'short'] as const) {
      const r = computeLiquidation({ venue: 'bitget', marginMode: 'isolated', side, entryPrice: 100_000, quantity: 30, leverage: 10, ...tiersFor(table)! });
      if (side === 'long') expect(r.price!).toBeLessThan(100_000);
      else expect(r.price!).toBeGreaterThan(100_000);
      expect(r.tierUsed.mmr).toBe(0.007); // 3M USDT, and ≈2.7M / ≈3.3M at liquidation: level 3
      expect(r.table).toEqual({ source: table.source, asOf: table.asOf });
    }
  });
  it('gate BTC and ETH/USDT: the full 19-tier ladders of the ≈ mid-Sept 2026 capture, exactly as the parser reads it', () => {
    for (const symbol of ['BTC/USDT:USDT', 'ETH/USDT:USDT']) {
      const table = bundledTiers(m('gate', symbol))!;
      expect(table.asOf).toBe(Date.UTC(2026, 8, 14));
      expect(table.basis).toBe('notional');
      const recorded = TIER_SOURCES.gate.parse(fixture('gate_futures_usdt_risk_limit_tiers_BTC_ETH_2026-09.json'), m('gate', symbol), NOW);
      expect(table.tiers).toEqual(recorded.tiers);
      expect(table.tiers).toHaveLength(19);
      expect(table.tiers[18]!.cap).toBe(1_500_000_000);
      // Gate's printed deductions satisfy the recurrence the engine relies on: no jump at any edge.
      expectContinuousMaintenance(table.tiers);
    }
    expect(bundledTiers(m('gate', 'ETH/USDT:USDT'))!.tiers[1]).toEqual({
      floor: 300_000,
      cap: 500_000,
      mmr: 0.0035,
      maintenanceAmount: 150,
      maxLeverage: 150.01,
    });
    // The BTC rows that two independent live captures (2026-08-09, 2026-09-25) also show.
    expect(
      bundledTiers(m('gate', 'BTC/USDT:USDT'))!
        .tiers.slice(0, 5)
        .map((x) => [x.cap, x.mmr, x.maintenanceAmount]),
    ).toEqual([
      [500_000, 0.003, 0],
      [1_000_000, 0.0035, 250],
      [1_500_000, 0.004, 750],
      [2_000_000, 0.0045, 1500],
      [3_000_000, 0.005, 2500],
    ]);
  });
  it('gate BTC/USDT: a 4M USDT long is priced with tier 6, where the old 3-tier table ran out', () => {
    const table = bundledTiers(m('gate', 'BTC/USDT:USDT'))!;
    const r = computeLiquidation({
      venue: 'gate',
      marginMode: 'isolated',
      side: 'long',
      entryPrice: 100_000,
      quantity: 40,
      leverage: 20,
      takerFeeRate: 0.0005,
      ...tiersFor(table)!,
    });
    expect(r.tierUsed).toMatchObject({ mmr: 0.007, maintenanceAmount: 8500, index: 5 });
    expect(r.assumptions.join(' ')).not.toMatch(/beyond the last bracket/);
    expect(r.table).toEqual({ source: table.source, asOf: table.asOf });
  });
  it('mexc BTC/USDT: the five CUSTOM levels of the live contract detail recorded 2025-12-31, exactly as the parser reads it', () => {
    const table = bundledTiers(m('mexc', 'BTC/USDT:USDT'))!;
    expect(table.asOf).toBe(Date.UTC(2025, 11, 31));
    expect(table.basis).toBe('quantity');
    const parsed = TIER_SOURCES.mexc.parse(fixture('mexc_contract_detail_BTC_USDT_2025-12-31.recorded.json'), m('mexc', 'BTC/USDT:USDT'), NOW);
    expect(parsed.tiers.at(-1)).toMatchObject({ cap: 850, mmr: 0.02 });
    expect(table.tiers).toHaveLength(parsed.tiers.length);
    table.tiers.forEach((x, i) => {
      const p = parsed.tiers[i]!;
      expect([x.mmr, x.maintenanceAmount, x.maxLeverage]).toEqual([p.mmr, p.maintenanceAmount, p.maxLeverage]);
      expect(x.floor).toBeCloseTo(p.floor, 9);
      expect(x.cap).toBeCloseTo(p.cap, 9);
    });
    // 30 BTC = 300,000 contracts: level 4 (1%) by position size, maintenance at entry.
    const r = computeLiquidation({
      venue: 'mexc',
      marginMode: 'isolated',
      side: 'short',
      entryPrice: 100_000,
      quantity: 30,
      leverage: 20,
      ...tiersFor(table)!,
    });
    expect(r.tierUsed.mmr).toBe(0.01);
    expect(r.table).toEqual({ source: table.source, asOf: table.asOf });
  });
  it("mexc ETH/USDT: the five CUSTOM levels of ETH_USDT's entry in the same recording's contract list, exactly as the parser reads it", () => {
    const table = bundledTiers(m('mexc', 'ETH/USDT:USDT'))!;
    expect(table.asOf).toBe(Date.UTC(2025, 11, 31));
    const list = readFixture('api/mexc/detail_5-contracts_2025-12-31.recorded.json') as { success: boolean; code: number; data: { symbol: string }[] };
    const eth = { success: list.success, code: list.code, data: list.data.find((c) => c.symbol === 'ETH_USDT') };
    const parsed = TIER_SOURCES.mexc.parse(eth, m('mexc', 'ETH/USDT:USDT'), NOW);
    expect(parsed.tiers.map((t) => [t.cap, t.mmr, t.maxLeverage])).toEqual([
      [190, 0.001, 500],
      [450, 0.004, 200],
      [900, 0.005, 100],
      [6_000, 0.01, 50],
      [25_000, 0.02, 20],
    ]);
    table.tiers.forEach((x, i) => {
      expect([x.mmr, x.maintenanceAmount, x.maxLeverage]).toEqual([parsed.tiers[i]!.mmr, parsed.tiers[i]!.maintenanceAmount, parsed.tiers[i]!.maxLeverage]);
      expect(x.cap).toBeCloseTo(parsed.tiers[i]!.cap, 9);
    });
    expect(table.tiers).toHaveLength(parsed.tiers.length);
  });
  it('okx BTC/USDT: tiers 1–15 (to 2,600 BTC) in base coin, exactly as the parser reads the recorded rows', () => {
    const table = bundledTiers(m('okx', 'BTC/USDT:USDT'))!;
    expect(table.asOf).toBe(Date.UTC(2026, 8, 14));
    expect(table.basis).toBe('quantity');
    const recorded = TIER_SOURCES.okx.parse(fixture('okx_public_position-tiers_BTC-USDT_tiers-1-15_2026-09.json'), m('okx', 'BTC/USDT:USDT'), NOW);
    expect(table.tiers).toEqual(recorded.tiers);
    expect(table.tiers.at(-1)).toMatchObject({ floor: 2_400, cap: 2_600, mmr: 0.0675 });
    expect(bundledTiers(m('okx', 'ETH/USDT:USDT'))!.asOf).toBe(Date.UTC(2026, 8, 25));
    // 100 BTC = 10,000 contracts: the whole position takes tier 3 (0.75%), by size.
    const r = computeLiquidation({
      venue: 'okx',
      marginMode: 'isolated',
      side: 'long',
      entryPrice: 100_000,
      quantity: 100,
      leverage: 20,
      takerFeeRate: 0.0005,
      ...tiersFor(table)!,
    });
    expect(r.tierUsed).toMatchObject({ mmr: 0.0075, index: 2 });
    expect(r.table).toEqual({ source: table.source, asOf: table.asOf });
  });
  it('a bundled table carries its source and date into the result', () => {
    const table = bundledTiers(m('binance', 'BTC/USDT:USDT'))!;
    const r = computeLiquidation({
      venue: 'binance',
      marginMode: 'isolated',
      side: 'long',
      entryPrice: 100000,
      quantity: 1,
      leverage: 50,
      ...tiersFor(table)!,
    });
    expect(r.table).toEqual({ source: table.source, asOf: table.asOf });
  });
});
