import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Gate publishes no liquidation-price formula. Closest documented stand-in: the isolated
 * formula freqtrade applies to Gate and OKX (taker fee in the denominator), with Gate's
 * published risk-limit tiers (maintenance_rate, deduction) taken at the liquidation price.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'gate',
  status: 'closest-documented',
  name: 'OKX-style formula with Gate risk-limit tiers',
  tierSelection: 'at-liquidation',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: true,
  takerFee: { defaultRate: 0.0005, defaultLabel: 'the regular-user futures taker rate 0.05%' },
  notes: ['Gate publishes no liquidation-price formula: this is the closest documented rule (OKX-style, taker fee included), not Gate\'s own number.'],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    ['Gate publishes no liquidation-price formula: this is the closest documented rule (OKX-style, taker fee included), not Gate\'s own number.']: 'Gate 未公布强平价公式：此处采用最接近的公开规则（OKX 式，含吃单手续费），并非 Gate 自己的数值。',
  },
};
