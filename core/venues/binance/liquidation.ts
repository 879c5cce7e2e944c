import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Binance USDⓈ-M / COIN-M FAQ ("How to Calculate Liquidation Price"): mark-price trigger,
 * MM = notional × MMR − cum, tier taken at the liquidation price, no fee in the price.
 * Cross: WB − TMM1 + UPNL1; hedge cross: LONG and SHORT legs share one price.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'binance',
  status: 'published',
  name: 'Binance FAQ formula',
  tierSelection: 'at-liquidation',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: true,
  takerFee: null,
  notes: [],
};

/** No notes to translate: the rule is the venue's own published one. */
export const noteTranslations: NoteTranslations = { zh_CN: {} };
