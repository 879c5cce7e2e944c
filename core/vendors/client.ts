import type { Fetcher } from '../net/fetcher';
import { SourceError } from '../net/errors';
import { VENDOR_HOSTS, VENDOR_LABELS, type VendorId } from './hosts';
import { withoutKey, type KeyStore, type PermissionChecker } from './keys';
import type { VendorEndpoint } from './coinglass';
import { exchangeList } from './coinglass';
import { exchanges as coinalyzeExchanges } from './coinalyze';
import { coinIntervals } from './coinank';

const LABEL = VENDOR_LABELS;

/** The header each vendor reads its key from (never the URL): CoinGlass `CG-API-KEY`, Coinalyze `api_key`, CoinAnk `apikey`. */
const KEY_HEADER: Record<VendorId, string> = { coinglass: 'CG-API-KEY', coinalyze: 'api_key', coinank: 'apikey' };
const keyHeader = (vendor: VendorId, key: string): Record<string, string> => ({ [KEY_HEADER[vendor]]: key });

/**
 * CoinAnk's own codes inside {success:false, code} (its OpenAPI README and error table): -3 bad key,
 * -4 no subscription, -5/-6 plan does not reach this time level or API, -2 too frequent, -7 endTime
 * outside the allowed range. HTTP 402 is its pay-per-call challenge: the key's plan does not cover it.
 */
const COINANK_PLAN_CODES = new Set(['-4', '-5', '-6']);

const hostOf = (vendor: VendorId) => new URL(VENDOR_HOSTS[vendor].replace('/*', '/')).origin;

/**
 * Turns a vendor's error into a sentence a trader can act on. CoinGlass answers HTTP 200 with
 * its own code; "Upgrade plan" means the endpoint is above the user's plan.
 */
function explain(vendor: VendorId, feature: string, raw: SourceError, key: string): SourceError {
  const name = LABEL[vendor];
  // A vendor may echo the key in its error text or code: it is redacted before anything reads it.
  const { code: rawCode, ...rest } = raw.details;
  const code = rawCode === undefined ? undefined : withoutKey(rawCode, key);
  const error = new SourceError(raw.kind, raw.source, withoutKey(raw.message, key), code === undefined ? rest : { ...rest, code });
  const text = error.message;
  const coinank = vendor === 'coinank' && error.kind === 'http';
  if (coinank && code === '-3') return new SourceError('no-key', vendor, `${name} rejected the API key. Check it on the options page.`, error.details);
  if (coinank && ((code !== undefined && COINANK_PLAN_CODES.has(code)) || error.details.status === 402)) {
    return new SourceError('plan', vendor, `${name} says your API level does not include ${feature}.`, error.details);
  }
  if (coinank && code === '-2') return new SourceError('rate-limited', vendor, `${name} says the key's request limit is used up.`, error.details);
  if (coinank && code === '-7') {
    return new SourceError('http', vendor, `${name} refused the time range it was asked for: check this computer's clock.`, error.details);
  }
  if (error.kind === 'http' && /upgrade|plan|permission denied|not available for your/i.test(text)) {
    return new SourceError('plan', `${vendor}`, `${name} says your plan does not include ${feature}.`, error.details);
  }
  if ((error.kind === 'http' && (code === '401' || error.details.status === 401 || error.details.status === 403)) || /api key/i.test(text)) {
    return new SourceError('no-key', vendor, `${name} rejected the API key. Check it on the options page.`, error.details);
  }
  if (error.kind === 'rate-limited') {
    const wait = error.details.retryAfterMs ? ` Retrying in ${Math.ceil(error.details.retryAfterMs / 1000)} s.` : '';
    return new SourceError('rate-limited', vendor, `${name} says the key's request limit is used up.${wait}`, error.details);
  }
  return new SourceError(error.kind, vendor, `${name}: ${text.replace(/^[^:]*: /, '')}`, error.details);
}

/**
 * Calls vendor APIs with the user's key. Refuses when there is no key or the optional host
 * permission was not granted, and sends the key to its own vendor's host only.
 */
export function createVendorClient(deps: { fetcher: Fetcher; keys: KeyStore; permissions: PermissionChecker }) {
  async function call<T>(vendor: VendorId, endpoint: VendorEndpoint<T>): Promise<T> {
    const name = LABEL[vendor];
    const key = await deps.keys.get(vendor);
    if (!key) throw new SourceError('no-key', vendor, `No ${name} API key saved. Add one on the options page.`);
    const origin = hostOf(vendor);
    if (new URL(endpoint.request.url).origin !== origin) throw new SourceError('permission', vendor, `Refusing to send the ${name} key to another host.`);
    if (!(await deps.permissions.hasOrigin(VENDOR_HOSTS[vendor]))) {
      throw new SourceError('permission', vendor, `LiqLens may not contact ${name} yet: allow access to ${origin} on the options page.`);
    }
    try {
      return await deps.fetcher.get(endpoint.request, (json: unknown) => endpoint.parse(json), {
        source: endpoint.source,
        headers: keyHeader(vendor, key),
        timeoutMs: 15_000,
      });
    } catch (error) {
      if (error instanceof SourceError) throw explain(vendor, endpoint.feature, error, key);
      throw error;
    }
  }

  /** A cheap real call: ok, or what is wrong in one sentence. */
  async function test(vendor: VendorId): Promise<{ ok: boolean; message: string }> {
    try {
      if (vendor === 'coinglass') {
        const rows = await call(vendor, exchangeList('BTC', '1h'));
        return { ok: true, message: `CoinGlass answered: ${rows.length} exchanges reported for BTC in the last hour.` };
      }
      if (vendor === 'coinank') {
        const totals = await call(vendor, coinIntervals('BTC'));
        const day = totals.windows['24h']!;
        return {
          ok: true,
          message: `CoinAnk answered: BTC liquidations in the last 24 h, $${(day.totalUsd / 1e6).toFixed(1)}M across the exchanges it tracks.`,
        };
      }
      const list = await call(vendor, coinalyzeExchanges());
      return { ok: true, message: `Coinalyze answered: ${list.length} exchanges available.` };
    } catch (error) {
      return { ok: false, message: error instanceof SourceError ? error.message : `${LABEL[vendor]} test failed.` };
    }
  }

  return { call, test };
}

export type VendorClient = ReturnType<typeof createVendorClient>;
