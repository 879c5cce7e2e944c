/**
 * A public HTTP request described as data, so venue folders can say what to call without
 * touching the network: the background's fetcher executes it with rate limits, timeouts and
 * back-off. Venue code stays pure and testable against recorded responses.
 */
export interface RequestSpec {
  url: string;
  method?: 'GET' | 'POST';
  /** JSON body for POST (Hyperliquid's /info). */
  body?: unknown;
  /** Cache/in-flight key; defaults to method + url + body. */
  key?: string;
}

export function requestKey(spec: RequestSpec): string {
  return spec.key ?? `${spec.method ?? 'GET'} ${spec.url}${spec.body === undefined ? '' : ` ${JSON.stringify(spec.body)}`}`;
}
