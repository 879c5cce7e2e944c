import type { ChartData, LiquidationMap } from '@/core/chart/chart-data';
import { formatPrice, formatUsdCompact } from '@/core/format/display';
import type { TraderLines } from '@/core/chart/trader-lines';
import { useLocale } from '../shared/i18n';
import { liquidationLineLabel } from './trader-lines';

/** The map as a table: what a screen reader (or anyone) reads instead of the canvas. */
export function MapTable(props: { map: LiquidationMap }) {
  const { t, style } = useLocale();
  const rows = [...props.map.buckets].sort((a, b) => b.lo - a.lo).filter((b) => b.usd > 0);
  return (
    <details class="ll-table-wrap" data-testid="chart-map-table">
      <summary>{t('chartTable')}</summary>
      <table>
        <caption>{t('chartTableMap', { step: formatPrice(props.map.step, style) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chartColRange')}</th>
            <th scope="col">{t('chartColSide')}</th>
            <th scope="col">{t('chartColUsd')}</th>
            <th scope="col">{t('chartColCumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={`${b.side}${b.lo}`}>
              <th scope="row">
                {formatPrice(b.lo, style)}–{formatPrice(b.hi, style)}
              </th>
              <td>{b.side === 'long' ? t('chartSideLong') : t('chartSideShort')}</td>
              <td>{formatUsdCompact(b.usd, style)}</td>
              <td>{formatUsdCompact(b.cumulativeUsd, style)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The heatmap as a table: per hour, the close and the densest level with its USD. */
export function HeatTable(props: { data: ChartData }) {
  const { t, style, language } = useLocale();
  const heat = props.data.heat;
  if (!heat) return null;
  const close = new Map(props.data.candles.map((c) => [c.time + 3_600_000, c.close]));
  const rows = heat.times.map((time, r) => {
    let best = 0;
    for (let i = 1; i < heat.count; i++) if (heat.cells[r * heat.count + i]! > heat.cells[r * heat.count + best]!) best = i;
    return { time, close: close.get(time) ?? null, lo: heat.min + best * heat.step, usd: heat.cells[r * heat.count + best]! };
  });
  // One formatter for all rows (toLocaleString builds one per call: a 7-day table has 168 rows).
  const hour = new Intl.DateTimeFormat(language === 'zh_CN' ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const fmt = (ms: number) => hour.format(ms);
  return (
    <details class="ll-table-wrap" data-testid="chart-heat-table">
      <summary>{t('chartTable')}</summary>
      <table>
        <caption>{t('chartTableHeat')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chartColHour')}</th>
            <th scope="col">{t('chartColClose')}</th>
            <th scope="col">{t('chartColPeak')}</th>
            <th scope="col">{t('chartColPeakUsd')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.reverse().map((row) => (
            <tr key={row.time}>
              <th scope="row">{fmt(row.time)}</th>
              <td>{row.close === null ? '—' : formatPrice(row.close, style)}</td>
              <td>
                {formatPrice(row.lo, style)}–{formatPrice(row.lo + heat.step, style)}
              </td>
              <td>{formatUsdCompact(row.usd, style)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The trader's levels drawn on the chart, as a table: each line's name and price. */
export function TraderLinesTable(props: { lines: TraderLines }) {
  const { t, style } = useLocale();
  const l = props.lines;
  const rows = [
    ...l.liquidations.map((x) => ({ key: `liq-${x.orderSide ?? ''}${x.side}`, name: liquidationLineLabel(t, x, l.undecided), price: x.price })),
    ...(l.order !== null ? [{ key: 'order', name: t('chartYourOrder'), price: l.order }] : []),
  ].sort((a, b) => b.price - a.price);
  return (
    <div class="ll-table-wrap">
      <table data-testid="chart-your-lines-table">
        <caption>{t('chartTableYours')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chartColLevel')}</th>
            <th scope="col">{t('chartColPrice')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`chart-your-line-${r.key}`}>
              <th scope="row">{r.name}</th>
              <td>{formatPrice(r.price, style)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
