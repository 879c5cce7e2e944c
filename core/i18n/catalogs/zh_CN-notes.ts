/**
 * Chinese for the sentences the liquidation engine writes into its results (assumptions and
 * rule notes, core/liquidation). Data only: the background hands it to the content script on
 * request (`i18n.catalog`), so it is not bundled into every trading page.
 */
import type { NoteCatalog } from '../engine-notes';
import type { NoteTranslations } from '../../liquidation/rule';

export const zh_CNNotes: NoteCatalog = {
  exact: {
    // Each venue's own notes come with their translation from core/venues/<venue>/liquidation.ts.
    ...Object.assign(
      {},
      ...Object.values(import.meta.glob<NoteTranslations>('../../venues/*/liquidation.ts', { eager: true, import: 'noteTranslations' })).map((t) => t?.zh_CN),
    ),
    'Market order: entry = mark price (slippage and spread not included).': '市价单：开仓价按标记价格计算（未计滑点和价差）。',
    "Market order: entry = the page's last price, not an independent mark price (the page could be wrong; slippage and spread not included).":
      '市价单：开仓价按页面的最新价计算，而非独立的标记价格（页面可能有误；未计滑点和价差）。',
    'No existing position visible: assumed none.': '页面上看不到现有持仓：按无持仓计算。',
    'Existing position margin not visible: assumed its entry value ÷ the current leverage.': '看不到现有持仓的保证金：按其开仓价值 ÷ 当前杠杆计算。',
    'Order adds to the open position: priced at the combined size and average entry.': '订单会加仓：按合并后的数量和平均开仓价计算。',
    'Hedge mode: the order opens its own leg; the opposite leg is kept apart.': '双向持仓模式：订单单独开仓，反方向持仓分开计算。',
    'Order reduces the open position: the rest keeps its entry and a proportional share of its margin.': '订单会减仓：剩余仓位保持原开仓价和相应比例的保证金。',
    'Order closes the open position: nothing left to liquidate.': '订单会平掉持仓：不再有强平价。',
    'Order closes the open position and opens the remainder on the other side at the order price.': '订单平掉持仓后，剩余数量按订单价格反向开仓。',
    'No tier of the table contains its own liquidation price (the table is not self-consistent): used the tier at entry.':
      '档位表中没有任何档位包含其自身的强平价（档位表不自洽）：改用开仓时的档位。',
    'Cross hedge mode: both legs share one liquidation price; the opposite leg uses the same maintenance tier.':
      '全仓双向模式：两个方向共用一个强平价；反方向仓位使用相同的维持保证金档位。',
    'The position is beyond the last bracket of the table: its last tier was used.': '仓位超出档位表的最后一档：按最后一档计算。',
    'The computed liquidation price is ≤ 0: this position is not liquidated by any price move.': '计算出的强平价 ≤ 0：任何价格变动都不会强平此仓位。',
    'Cross: other positions not visible: assumed none (wallet balance only).': '全仓：看不到其他持仓：按无其他持仓计算（仅用钱包余额）。',
    'Cross: account balance unknown, computed as isolated (margin = position value ÷ leverage).':
      '全仓：账户余额未知，按逐仓计算（保证金 = 仓位价值 ÷ 杠杆）。',
    'Leverage not given: taken as position value ÷ margin.': '未给出杠杆：按仓位价值 ÷ 保证金计算。',
    'The mark price is already past this liquidation price: the venue would liquidate at once or refuse the order for insufficient margin.':
      '标记价格已越过此强平价：交易所会立即强平，或因保证金不足拒绝该订单。',
  },
  // A pattern's {1}, {2}… stand for its capture groups.
  patterns: [
    ['^Taker fee rate unknown: assumed (.+)\\.$', '吃单费率未知：按 {1} 计算。'],
    ['^Isolated margin includes the (.+) fee reserve the venue sets aside when the position opens\\.$', '逐仓保证金包含交易所开仓时预留的 {1} 手续费。'],
    [
      '^(.+) picks the tier by position size; the table given is in notional, so the tier at the entry notional was used\\.$',
      '{1} 按仓位数量选择档位；所给档位表按名义价值划分，因此使用开仓名义价值对应的档位。',
    ],
  ],
};
