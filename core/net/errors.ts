/**
 * Every way a public source can fail, as one error type with a plain sentence for the user.
 * The message never contains request headers or query strings, so vendor keys cannot leak
 * into logs or the UI through it.
 */
export type SourceErrorKind =
  | 'http' // non-2xx status, or an exchange error code inside a 2xx body
  | 'rate-limited' // 429, or a host we are backing off from
  | 'banned' // 418 (Binance IP ban) or 403 "access too frequent"
  | 'timeout'
  | 'offline'
  | 'malformed-json'
  | 'html-page'
  | 'schema'
  | 'permission' // optional host permission not granted
  | 'no-key'
  | 'plan' // vendor plan does not include the endpoint
  | 'unsupported'; // the venue has no such public endpoint

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    readonly source: string,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; code?: string } = {},
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

export const isSourceError = (e: unknown): e is SourceError => e instanceof SourceError;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

/**
 * Reads the exchange's own error out of a JSON body, whatever its envelope:
 * Binance {code<0,msg}, OKX/Bitget/CoinGlass {code!="0"/"00000",msg}, Bybit {retCode≠0,retMsg},
 * HTX {status:"error",err-code,err-msg}, Gate {label,message}, MEXC {success:false,code,message}.
 * Returns null for a body that does not look like an error.
 */
export function exchangeErrorOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if ('retCode' in b) {
    const code = text(b.retCode);
    return code !== null && code !== '0' ? { code, message: text(b.retMsg) ?? 'error' } : null;
  }
  if (b.status === 'error') {
    return { code: text(b['err-code']) ?? text(b.err_code) ?? 'error', message: text(b['err-msg']) ?? text(b.err_msg) ?? 'error' };
  }
  if (b.success === false) return { code: text(b.code) ?? 'error', message: text(b.message) ?? text(b.msg) ?? 'error' };
  if (typeof b.label === 'string' && typeof b.message === 'string') return { code: b.label.slice(0, 80), message: b.message.slice(0, 200) };
  if ('code' in b && ('msg' in b || 'message' in b)) {
    const code = text(b.code);
    // '00000' is Bitget's success code, '000000' Binance's bapi one.
    const ok = code === '0' || code === '00000' || code === '000000' || code === '200' || b.success === true;
    if (code !== null && !ok) return { code, message: text(b.msg) ?? text(b.message) ?? 'error' };
  }
  return null;
}
