import type { LiquidationRule, NoteTranslations } from '../../liquidation/rule';

/**
 * Bybit "Liquidation Price (USDT Contract)" help formula: LP = EP ∓ (IM − MM)/size ∓ extra/size,
 * with MM = position value at entry × MMR − mmDeduction, the tier taken at the entry position value.
 * Inverse follows the UTA inverse formula (maintenance at the mark price, tier there).
 * Bybit's UTA page evaluates linear maintenance at the mark price instead; the two differ by up to
 * about 0.05% and only the live UI can say which one a given account shows.
 */
export const liquidationRule: LiquidationRule = {
  venue: 'bybit',
  status: 'published',
  name: 'Bybit help formula',
  tierSelection: 'at-entry',
  maintenanceAt: { linear: 'entry', inverse: 'mark' },
  usesMaintenanceAmount: true,
  takerFee: null,
  notes: ['Bybit: help-centre formula (maintenance margin at the entry price); a Unified Trading Account may show up to ~0.05% different.'],
};

export const noteTranslations: NoteTranslations = {
  zh_CN: {
    ['Bybit: help-centre formula (maintenance margin at the entry price); a Unified Trading Account may show up to ~0.05% different.']:
      'Bybit：采用帮助中心公式（按开仓价计算维持保证金）；统一交易账户显示的数值可能相差约 0.05%。',
  },
};
