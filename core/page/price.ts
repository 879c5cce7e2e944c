/**
 * Which page price the overlay shows, and whether it agrees with the mark price the background
 * fetched. The overlay names the source (`title`, `last`, `mark`) next to the number.
 */
import type { FieldResult, PageFields } from './types';

export type PagePriceSource = 'titlePrice' | 'lastPrice' | 'markPrice';

export type PagePrice = { value: number; source: PagePriceSource; hook: string } | { missing: string };

/** Title first (the venue's own live figure, checked against the market name), then the page's last, then mark. */
export function choosePagePrice(fields: Pick<PageFields, PagePriceSource>): PagePrice {
  const order: PagePriceSource[] = ['titlePrice', 'lastPrice', 'markPrice'];
  const reasons: string[] = [];
  for (const source of order) {
    const field: FieldResult<number> = fields[source];
    if ('value' in field) return { value: field.value, source, hook: field.hook };
    reasons.push(`${source}: ${field.missing}`);
  }
  return { missing: `no price on the page (${reasons.join('; ')})` };
}

export interface PriceCheck {
  /** |page − reference| / reference. */
  deviation: number;
  agrees: boolean;
}

/**
 * Compares a page price with the background's mark price. Beyond `tolerance` (default 1%) the two
 * disagree — a stale page after a market switch, a wrong node, or a fast market — and the overlay
 * must show both rather than pick one.
 */
export function crossCheckPrice(pagePrice: number, referencePrice: number, tolerance = 0.01): PriceCheck | null {
  if (!(pagePrice > 0) || !(referencePrice > 0) || !Number.isFinite(pagePrice) || !Number.isFinite(referencePrice)) return null;
  const deviation = Math.abs(pagePrice - referencePrice) / referencePrice;
  return { deviation, agrees: deviation <= tolerance };
}
