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

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * How a venue wraps its errors, as data (core/venues/<venue>/venue.ts declares it; only the background
 * turns it into a reader, so the content script carries no error-parsing code).
 */
export type ErrorEnvelopeSpec =
  | { shape: 'retCode' } // {retCode≠0, retMsg}
  | { shape: 'status-error' } // {status:"error", err-code, err-msg}
  | { shape: 'status-err' } // {status:"err", response}
  | { shape: 'success-false' } // {success:false, code, message}
  | { shape: 'label' } // {label, message}
  | { shape: 'code-message'; okCodes: string[] }; // {code ∉ okCodes, msg|message}

/** Reads an exchange's own error out of a JSON body; null when the body is not an error. */
export type ErrorEnvelope = (body: unknown) => { code: string; message: string } | null;

const fields = (body: unknown): Record<string, unknown> | null =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;

/** `{retCode, retMsg}`: an error when retCode is not 0. */
export const retCodeEnvelope: ErrorEnvelope = (body) => {
  const b = fields(body);
  if (!b || !('retCode' in b)) return null;
  const code = text(b.retCode);
  return code !== null && code !== '0' ? { code, message: text(b.retMsg) ?? 'error' } : null;
};

/** `{status: "error", err-code, err-msg}` (also with underscores). */
export const statusErrorEnvelope: ErrorEnvelope = (body) => {
  const b = fields(body);
  if (!b || b.status !== 'error') return null;
  return { code: text(b['err-code']) ?? text(b.err_code) ?? 'error', message: text(b['err-msg']) ?? text(b.err_msg) ?? 'error' };
};

/** `{success: false, code, message}`. */
export const successFalseEnvelope: ErrorEnvelope = (body) => {
  const b = fields(body);
  return b && b.success === false ? { code: text(b.code) ?? 'error', message: text(b.message) ?? text(b.msg) ?? 'error' } : null;
};

/** `{label, message}`: the body of an error, never of a success. */
export const labelEnvelope: ErrorEnvelope = (body) => {
  const b = fields(body);
  return b && typeof b.label === 'string' && typeof b.message === 'string' ? { code: b.label.slice(0, 80), message: b.message.slice(0, 200) } : null;
};

/** `{code, msg|message}`: an error unless the code is one of `okCodes` (or `success: true`). */
export function codeMessageEnvelope(okCodes: readonly string[]): ErrorEnvelope {
  return (body) => {
    const b = fields(body);
    if (!b || !('code' in b) || !('msg' in b || 'message' in b)) return null;
    const code = text(b.code);
    if (code === null || okCodes.includes(code) || b.success === true) return null;
    return { code, message: text(b.msg) ?? text(b.message) ?? 'error' };
  };
}

/** `{status: 'err', response: '…'}`. */
export const statusErrEnvelope: ErrorEnvelope = (body) => {
  const b = fields(body);
  return b && b.status === 'err' ? { code: 'err', message: text(b.response) ?? 'error' } : null;
};

/** The reader for a venue's declared envelope(s): the first that sees an error wins. */
export function envelopeReader(specs: readonly ErrorEnvelopeSpec[]): ErrorEnvelope {
  return eitherEnvelope(
    ...specs.map((spec): ErrorEnvelope => {
      switch (spec.shape) {
        case 'retCode':
          return retCodeEnvelope;
        case 'status-error':
          return statusErrorEnvelope;
        case 'status-err':
          return statusErrEnvelope;
        case 'success-false':
          return successFalseEnvelope;
        case 'label':
          return labelEnvelope;
        case 'code-message':
          return codeMessageEnvelope(spec.okCodes);
      }
    }),
  );
}

/** The first envelope that sees an error. */
export const eitherEnvelope =
  (...envelopes: ErrorEnvelope[]): ErrorEnvelope =>
  (body) => {
    for (const read of envelopes) {
      const error = read(body);
      if (error) return error;
    }
    return null;
  };

/**
 * Any envelope LiqLens knows, for hosts that declare none (vendors). A venue's own hosts use the
 * envelope its folder declares, so one venue's success code cannot hide another's error.
 */
export const exchangeErrorOf: ErrorEnvelope = eitherEnvelope(
  retCodeEnvelope,
  statusErrorEnvelope,
  successFalseEnvelope,
  labelEnvelope,
  codeMessageEnvelope(['0', '00000', '000000', '200']),
);
