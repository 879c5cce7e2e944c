import type { Span } from './types';

/**
 * Coverage as a list of disjoint spans per venue: when its stream was known to be delivering (or a
 * REST history filled in). Whatever lies between two spans is a gap, shown as "no data 03:10–03:25".
 */

/** Extends the last span to `at` when it ended within `gapMs`, else starts a new one. */
export function extendCoverage(spans: readonly Span[], at: number, gapMs: number): Span[] {
  const last = spans[spans.length - 1];
  if (last && at >= last.from && at - last.to <= gapMs) return [...spans.slice(0, -1), { from: last.from, to: Math.max(last.to, at) }];
  return addCoverage(spans, { from: at, to: at }, gapMs);
}

/** Merges a span in, joining spans that overlap or lie within `joinMs` of each other. */
export function addCoverage(spans: readonly Span[], span: Span, joinMs: number): Span[] {
  if (!(span.to >= span.from)) return [...spans];
  const all = [...spans, span].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.from - last.to <= joinMs) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** Spans cut to start no earlier than `from` (older ones dropped). */
export const trimCoverage = (spans: readonly Span[], from: number): Span[] =>
  spans.filter((s) => s.to >= from).map((s) => ({ from: Math.max(s.from, from), to: s.to }));

/**
 * The gaps within [from, now]: between spans, and after the last one when it ended more than
 * `gapMs` ago. Before the first span is not a gap: it is "not collected yet", said by `since`.
 */
export function gapsIn(spans: readonly Span[], from: number, now: number, gapMs: number): Span[] {
  const inside = trimCoverage(spans, from);
  const gaps: Span[] = [];
  for (let i = 1; i < inside.length; i++) gaps.push({ from: inside[i - 1]!.to, to: inside[i]!.from });
  const last = inside[inside.length - 1];
  if (last && now - last.to > gapMs) gaps.push({ from: last.to, to: now });
  return gaps;
}

/** Since when anything was collected (the gaps are listed apart); null when never. */
export const coveredSince = (spans: readonly Span[]): number | null => spans[0]?.from ?? null;
