/** The notification's title and text, in the trader's language; the figures come from the check that fired. */
import type { Translate } from '../i18n/i18n';
import { formatNumber, formatPrice, formatUsdCompact, formatUsdRangeShort, type NumberStyle } from '../format/display';
import { basicsOf } from '../venues/registry';
import type { MetDetail } from './conditions';
import type { AlertRule } from './rules';

export function alertMessage(t: Translate, rule: AlertRule, detail: MetDetail, style: NumberStyle = 'en'): { title: string; message: string } {
  const title = t('alertTitle', { symbol: rule.market.symbol, venue: basicsOf(rule.market.venue).label });
  const pct = (n: number) => formatNumber(n, n < 1 ? 2 : 1, style);
  if (detail.kind === 'band') {
    return {
      title,
      message: t(detail.band.side === 'long' ? 'alertBandLongText' : 'alertBandShortText', {
        mark: formatPrice(detail.mark, style),
        pct: pct(detail.distancePct),
        usd: formatUsdCompact(detail.band.usd, style),
        range: formatUsdRangeShort(detail.band.near, detail.band.far, style),
      }),
    };
  }
  if (detail.kind === 'liquidation') {
    return {
      title,
      message: t(detail.side === 'long' ? 'alertLiqLongText' : 'alertLiqShortText', {
        mark: formatPrice(detail.mark, style),
        pct: pct(detail.distancePct),
        liq: formatPrice(detail.liquidationPrice, style),
      }),
    };
  }
  return { title, message: t('alertCascadeText', { usd: formatUsdCompact(detail.usd, style), minutes: detail.minutes }) };
}
