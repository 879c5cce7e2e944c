import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * MEXC's help blog ("Liquidation in Futures") gives, commission excluded:
 * long LP = (MM − position margin + entry × size) / size with MM = entry × size × MMR.
 * MEXC's current rule adds "liquidation fees" whose rate it does not publish, so this is the
 * closest documented rule, not MEXC's own number. Tier by position volume (contracts).
 */
export const liquidationRule: LiquidationRule = {
  venue: 'mexc',
  status: 'closest-documented',
  name: 'MEXC help formula without liquidation fee',
  tierSelection: 'by-size',
  maintenanceAt: { linear: 'entry', inverse: 'entry' },
  usesMaintenanceAmount: false,
  takerFee: null,
  notes: [
    'MEXC does not publish the liquidation fee in its current rule: this is its older documented formula (fee excluded), so the real price can sit slightly closer to entry.',
  ],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    ['MEXC does not publish the liquidation fee in its current rule: this is its older documented formula (fee excluded), so the real price can sit slightly closer to entry.']:
      'MEXC 现行规则未公布强平手续费：此处采用其较早公开的公式（不含手续费），实际强平价可能略靠近开仓价。',
  },
};
