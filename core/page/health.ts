/** The health report as plain lines, for the "why is this missing?" panel and bug reports. */
import type { PageFieldName, PageReading } from './types';

const FIELD_LABELS: Record<PageFieldName, string> = {
  lastPrice: 'Last price',
  markPrice: 'Mark price',
  titlePrice: 'Title price',
  side: 'Side',
  orderType: 'Order type',
  limitPrice: 'Limit price',
  size: 'Size',
  leverage: 'Leverage',
  marginMode: 'Margin mode',
  availableBalance: 'Available balance',
  estLiqPrice: "Exchange's est. liq. price",
  position: 'Position',
};

export function fieldLabel(field: PageFieldName): string {
  return FIELD_LABELS[field];
}

/** `✓ Size — input[id^="unitAmount-"] + unit …` / `✗ Leverage — not found (…)`. */
export function healthLines(reading: PageReading): string[] {
  const lines = reading.health.map((entry) => {
    const fallback =
      entry.ok && entry.passedOver.length > 0 ? ` (fallback after ${entry.passedOver.length} hook${entry.passedOver.length > 1 ? 's' : ''})` : '';
    return `${entry.ok ? '✓' : '✗'} ${FIELD_LABELS[entry.field]} — ${entry.detail}${fallback}`;
  });
  if (reading.refusedSensitive > 0) lines.push(`Skipped ${reading.refusedSensitive} sensitive field(s) (password, 2FA, API key) without reading them.`);
  return lines;
}
