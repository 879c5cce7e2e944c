import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * OKX (isolated swap): margin ratio = (margin + UPL) / (position value × (tiered MMR + taker fee));
 * liquidation at 100%. The whole position takes the MMR of the tier its size (in contracts) falls in;
 * no maintenance amount. Source: OKX Academy tiered-MMR article and help "怎么计算强平价格".
 */
export const liquidationRule: LiquidationRule = {
  venue: 'okx',
  status: 'published',
  name: 'OKX margin-ratio formula',
  tierSelection: 'by-size',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: false,
  takerFee: { defaultRate: 0.0005, defaultLabel: 'the regular-user (VIP0) swap taker rate 0.05%' },
  notes: [],
};

/** No notes to translate: the rule is the venue's own published one. */
export const noteTranslations: NoteTranslations = { zh_CN: {} };
