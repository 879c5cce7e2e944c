import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Bitget support 12560603808759 "Estimated liquidation price":
 * LP = (position margin − size × entry × direction) / (size × (MMR + taker fee rate − direction)).
 * No maintenance amount; the tier is the one containing the position value at the liquidation price.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'bitget',
  status: 'published',
  name: 'Bitget estimated-liquidation formula',
  tierSelection: 'at-liquidation',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: false,
  takerFee: { defaultRate: 0.0006, defaultLabel: 'the regular-user USDT-M taker rate 0.06%' },
  notes: [],
};

/** No notes to translate: the rule is the venue's own published one. */
export const noteTranslations: NoteTranslations = { zh_CN: {} };
