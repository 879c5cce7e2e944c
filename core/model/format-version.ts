import type { HeatmapSnapshot } from './types';

/**
 * The version of what the model computes. Raise it whenever a change makes the model's levels or
 * dollars different for the same inputs (a new preset default, a new mechanism): caches keep
 * snapshots for up to two days, and an older model's bands must be rebuilt, never shown as the
 * current model's or mixed with its figures.
 *   1: net OI change only (issue 5; snapshots of that model carry no version)
 *   2: turnover, entries over the whole bar range, leverage ±20% (issue 12)
 */
export const MODEL_FORMAT_VERSION = 2;

/** True for a snapshot the current model made; false for an older (or newer, or unversioned) one. */
export function isCurrentModel(heatmap: Pick<HeatmapSnapshot, 'formatVersion'> | null | undefined): boolean {
  return heatmap?.formatVersion === MODEL_FORMAT_VERSION;
}
