import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Hyperliquid docs "Liquidations": liq = price − side·margin_available/size/(1 − l·side),
 * l = 1/maintenance leverage = 1/(2·max leverage of the tier), the tier being the one containing
 * the position value at the liquidation price, with deductions by the margin-tiers recurrence.
 * Cross: margin available = account value − other positions' maintenance. No fee.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'hyperliquid',
  status: 'published',
  name: 'Hyperliquid docs formula',
  tierSelection: 'at-liquidation',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: true,
  takerFee: null,
  notes: [],
};

/** No notes to translate: the rule is the venue's own published one. */
export const noteTranslations: NoteTranslations = { zh_CN: {} };
