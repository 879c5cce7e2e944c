import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Gate publishes no liquidation-price formula. Closest documented stand-in: the isolated
 * formula freqtrade applies to Gate and OKX (taker fee in the denominator), with Gate's
 * published risk-limit tiers (maintenance_rate, deduction) taken at the liquidation price.
 *
 * The fee in the condition is Gate's fixed 0.075% fee reserve, not the trader's fee tier: a real
 * LTC_USDT isolated long (2024-01-12, test/fixtures/positions/gate/) paid 0.05% to open, yet its
 * margin was initial margin + 0.075% of the entry notional, and its liq_price 60.07 is matched
 * (to 0.00001) only with 0.075% both in the margin and in the condition (0.05% is 1.5 ticks off).
 */
export const liquidationRule: LiquidationRule = {
  venue: 'gate',
  status: 'closest-documented',
  name: 'OKX-style formula with Gate risk-limit tiers',
  tierSelection: 'at-liquidation',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: true,
  takerFee: { defaultRate: 0.00075, defaultLabel: "Gate's fixed 0.075% fee reserve (not your fee tier)", reserveInMargin: true },
  notes: ["Gate publishes no liquidation-price formula: this is the closest documented rule (OKX-style, taker fee included), not Gate's own number."],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    ["Gate publishes no liquidation-price formula: this is the closest documented rule (OKX-style, taker fee included), not Gate's own number."]:
      'Gate 未公布强平价公式：此处采用最接近的公开规则（OKX 式，含吃单手续费），并非 Gate 自己的数值。',
  },
};
