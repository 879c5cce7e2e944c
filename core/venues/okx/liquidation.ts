import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * OKX (isolated swap): margin ratio = (margin + UPL) / (position value × (tiered MMR + taker fee));
 * liquidation at 100%. The whole position takes the MMR of the tier its size (in contracts) falls in;
 * no maintenance amount. Source: OKX Academy tiered-MMR article and help "怎么计算强平价格".
 */
const SHIFT_NOTE =
  'OKX reports its liquidation price one price tick toward the entry price from its published formula (seen on a real inverse long of 2026-01-20; the same one tick is assumed for shorts): shown as OKX reports it.';
const NO_TICK_NOTE = "Instrument tick size unknown: shown is OKX's published formula value; OKX itself reports it one tick toward the entry price.";

export const liquidationRule: LiquidationRule = {
  venue: 'okx',
  status: 'published',
  name: 'OKX margin-ratio formula',
  tierSelection: 'by-size',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: false,
  takerFee: { defaultRate: 0.0005, defaultLabel: 'the regular-user (VIP0) swap taker rate 0.05%' },
  /*
   * As OKX reports it: the one real OKX position with a liquidation price found (BTC-USD-SWAP,
   * inverse, isolated LONG, 2026-01-20; test/fixtures/positions/okx/) shows liqPx = the published
   * formula value + exactly one tick (0.1), unrounded: one tick toward the entry price. For a
   * SHORT the mirror (−1 tick, toward entry) is an ASSUMPTION: no real OKX short with liqPx has
   * been found. Linear contracts are assumed to behave like the inverse one.
   */
  reportedShift: {
    ticksTowardEntry: { long: 1, short: 1 },
    note: SHIFT_NOTE,
    noTickNote: NO_TICK_NOTE,
  },
  notes: [],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    [SHIFT_NOTE]:
      'OKX 报出的强平价比其公布公式的结果向开仓价方向多一个价格最小变动单位（见于 2026-01-20 的一个真实币本位多仓；空仓按同样一个单位假设）：此处按 OKX 的报法显示。',
    [NO_TICK_NOTE]: '合约的价格最小变动单位未知：显示的是 OKX 公布公式的结果；OKX 自己报出的价格会向开仓价方向多一个最小变动单位。',
  },
};
