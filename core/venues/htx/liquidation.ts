import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * HTX USDT-M: maintenance margin ratio = adjustment factor / leverage, the factor taken from the
 * ladder of the position's leverage by net position size in contracts; no maintenance amount and
 * no fee. HTX labels the ratio "for reference only", and whether position margin floats with the
 * mark price is unpublished, so the result says so.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'htx',
  status: 'published',
  name: 'HTX adjustment-factor formula',
  tierSelection: 'by-size',
  maintenanceAt: { linear: 'mark', inverse: 'mark' },
  usesMaintenanceAmount: false,
  takerFee: null,
  mmrFromAdjustFactor: true,
  notes: ['HTX: maintenance rate = adjustment factor ÷ leverage, which HTX publishes "for reference only".'],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    ['HTX: maintenance rate = adjustment factor ÷ leverage, which HTX publishes "for reference only".']:
      'HTX：维持保证金率 = 调整系数 ÷ 杠杆，HTX 注明该数据“仅供参考”。',
  },
};
