/** Liquidation alerts taken from the position the open tab shows (issue #13): the price, priced here, and its source. */
import { describe, expect, it } from 'vitest';
import { alertRulesSchema, newRule, ruleFromPage } from '@/core/alerts/rules';
import { positionLiquidation, type PositionFacts } from '@/core/overlay/position-liquidation';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { OrderReport } from '@/core/overlay/popup-order';
import { safeParse } from '@/core/messages/schema';
import { BTC, oneTierTable } from '../overlay/order-fixtures';

const FACTS: PositionFacts = {
  tiers: oneTierTable(),
  instrument: { market: BTC, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 },
  markPrice: 84_000,
};
const AT = Date.UTC(2026, 11, 4, 10, 42);

function report(fields: Partial<OrderReport['fields']> = {}): OrderReport {
  return {
    market: BTC,
    fields: {
      side: 'undecided',
      leverage: 20,
      marginMode: 'isolated',
      position: { side: 'short', size: 0.5, sizeUnitLabel: 'BTC', entryPrice: 80_000 },
      ...fields,
    },
    overlay: { kind: 'waiting', figures: [] },
  };
}

describe('positionLiquidation', () => {
  it('prices the shown position from its entry and size with the form’s leverage, not the page’s figures', () => {
    const p = positionLiquidation(report(), BTC, FACTS, computeLiquidation);
    if (!('price' in p)) throw new Error(JSON.stringify(p));
    expect(p.side).toBe('short');
    // Isolated short, one tier at 0.4 %: entry × (1 + 1/L) / (1 + mmr).
    expect(p.price).toBeCloseTo((80_000 * (1 + 1 / 20)) / (1 + 0.004), 0);
    expect(p.input.quantity).toBe(0.5);
    expect(p.input.notes?.join(' ')).toMatch(/margin is not shown, assumed its entry value ÷ the current leverage/);
  });

  it('a long at 10x', () => {
    const p = positionLiquidation(
      report({ leverage: 10, position: { side: 'long', size: 2, sizeUnitLabel: 'btc', entryPrice: 90_000 } }),
      BTC,
      FACTS,
      computeLiquidation,
    );
    expect('price' in p && p.price).toBeCloseTo((90_000 * (1 - 1 / 10)) / (1 - 0.004), 0);
  });

  it('names what is missing instead of guessing', () => {
    const miss = (fields: Partial<OrderReport['fields']>, facts = FACTS) => {
      const p = positionLiquidation(report(fields), BTC, facts, computeLiquidation);
      return 'missing' in p ? p.missing : p;
    };
    expect(miss({ leverage: undefined })).toEqual(['leverage']);
    expect(miss({ marginMode: undefined })).toEqual(['marginMode']);
    expect(miss({}, { ...FACTS, markPrice: null })).toEqual(['markPrice']);
    expect(miss({ position: { side: 'long', size: 1, sizeUnitLabel: 'BTC', entryPrice: null } })).toEqual(['position']);
    // A size in contracts or USDT is not the engine's unit here.
    expect(miss({ position: { side: 'long', size: 10, sizeUnitLabel: 'Cont', entryPrice: 80_000 } })).toEqual(['size']);
    expect(miss({ position: undefined })).toEqual(['position']);
  });

  it('has nothing to price when the page shows no position, or for another market', () => {
    expect(positionLiquidation(report({ position: null }), BTC, FACTS, computeLiquidation)).toEqual({ none: true });
    expect(positionLiquidation(report(), { venue: 'binance', symbol: 'ETH/USDT:USDT' }, FACTS, computeLiquidation)).toEqual({ none: true });
  });
});

describe('a liquidation alert remembers where its price came from', () => {
  it('stores "from the page" with the time, through the rule schema', () => {
    const rule = ruleFromPage('a1', BTC, 'short', 83_665.3, AT, true);
    const parsed = safeParse(alertRulesSchema, JSON.parse(JSON.stringify([rule])));
    expect(parsed.ok && parsed.value[0]!.condition).toEqual({
      kind: 'liquidation',
      withinPct: 2,
      side: 'short',
      liquidationPrice: 83_665.3,
      source: { from: 'page', at: AT },
    });
  });

  it('a rule typed by hand (or stored before sources) has none; a forged source is refused', () => {
    const hand = newRule('h1', BTC, 'liquidation', 80_000);
    const parsed = safeParse(alertRulesSchema, [hand]);
    expect(parsed.ok && 'source' in parsed.value[0]!.condition).toBe(false);
    const forged = (source: unknown) => safeParse(alertRulesSchema, [{ ...hand, condition: { ...hand.condition, source } }]).ok;
    expect(forged({ from: 'exchange', at: AT })).toBe(false);
    expect(forged({ from: 'page', at: -1 })).toBe(false);
    expect(forged({ from: 'page', at: 'now' })).toBe(false);
    expect(forged({ from: 'page', at: AT })).toBe(true);
  });
});
