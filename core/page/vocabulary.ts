/**
 * Words the venues use on their order forms, English and Chinese first (both confirmed in the
 * sourced scripts for Binance/Gate/MEXC), plus common ru/pt forms. Used only by label-text
 * fallbacks and to interpret the text of a node a stable hook already found.
 */
import type { MarginMode } from '../types';
import type { OrderType } from './types';

export const LABELS = {
  price: ['price', 'order price', 'limit price', '价格', '委托价格', '價格', '委託價格', 'цена', 'preço', 'precio'],
  size: ['size', 'amount', 'qty', 'quantity', '数量', '數量', 'размер', 'количество', 'quantidade', 'cantidad'],
  available: ['available', 'avbl', 'available to trade', '可用', '可用余额', '可用餘額', 'доступно', 'disponível', 'disponible'],
  markPrice: ['mark price', 'mark', '标记价格', '標記價格', 'маркировка', 'preço de marcação'],
  lastPrice: ['last price', 'last', '最新价', '最新價', '最新价格'],
  leverage: ['leverage', '杠杆', '槓桿', 'плечо', 'alavancagem'],
  /** The exchange's own liquidation price (order form estimate, positions column). */
  liqPrice: ['est. liq. price', 'liq. price', 'liq price', 'liquidation price', '预估强平价', '强平价格', '強平價格'],
} as const;

const LONG = /\b(?:buy|long)\b|开多|做多|买入|買入|開多|лонг|купить|comprar/i;
const SHORT = /\b(?:sell|short)\b|开空|做空|卖出|賣出|開空|шорт|продать|vender/i;

export function sideFromText(text: string): 'long' | 'short' | null {
  // Gate's position badge is a bare 多 (long) / 空 (short).
  const bare = text.trim();
  if (bare === '多') return 'long';
  if (bare === '空') return 'short';
  const long = LONG.test(text);
  const short = SHORT.test(text);
  if (long === short) return null;
  return long ? 'long' : 'short';
}

export function orderTypeFromText(text: string): OrderType | null {
  const t = normaliseLabel(text);
  if (/^(?:limit|限价|限價|лимит|limite)/.test(t)) return 'limit';
  if (/^(?:market|市价|市價|рынок|рыночн|mercado)/.test(t)) return 'market';
  return null;
}

export function marginModeFromText(text: string): MarginMode | null {
  const cross = /\bcross\b|全仓|全倉|кросс|cruzad/i.test(text);
  const isolated = /\bisolated\b|逐仓|逐倉|изол|isolad/i.test(text);
  if (cross === isolated) return null;
  return cross ? 'cross' : 'isolated';
}

/** Open/close tab text: a close tab means the order reduces a position. */
export function isCloseTabText(text: string): boolean {
  return /^(?:close|平仓|平倉|закрыть|fechar|cerrar)/.test(normaliseLabel(text));
}

export const CONTRACT_UNITS = ['cont', 'cont.', 'contract', 'contracts', '张', '張', 'конт.', 'контракты', 'contratos'];

/** Lower-case, NFKC, single spaces, no trailing colon: how labels are compared. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
}
