import type { SourceStatus } from '../messages/protocol';

/**
 * One vendor's status over all its sources (`coinank:connection-test`, `coinank:coin-intervals`, …):
 * the latest success and the latest error of any of them, so the options row never shows an
 * older source's state because it happened to be listed first.
 */
export function vendorStatus(rows: readonly SourceStatus[], vendor: string): SourceStatus | null {
  const own = rows.filter((r) => r.source === vendor || r.source.startsWith(`${vendor}:`));
  if (own.length === 0) return null;
  let lastSuccess: number | null = null;
  let lastError: SourceStatus['lastError'] = null;
  for (const r of own) {
    if (r.lastSuccess !== null && (lastSuccess === null || r.lastSuccess > lastSuccess)) lastSuccess = r.lastSuccess;
    if (r.lastError && (!lastError || r.lastError.at > lastError.at)) lastError = r.lastError;
  }
  return { source: vendor, lastSuccess, lastError };
}
