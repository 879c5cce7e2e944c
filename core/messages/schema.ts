/**
 * A small runtime schema checker for messages and API responses. Hand-written rather than a
 * library because it ships in the content script, whose whole bundle must stay small.
 * A failing check names the path of the offending field, so errors say what was wrong.
 */

export type Schema<T> = (value: unknown, path: string) => T;

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'value'}: expected ${expected}`);
    this.name = 'SchemaError';
  }
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export function parse<T>(schema: Schema<T>, value: unknown, root = ''): T {
  return schema(value, root);
}

export function safeParse<T>(schema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; error: SchemaError } {
  try {
    return { ok: true, value: schema(value, '') };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, error };
    throw error;
  }
}

export const str =
  (opts: { max?: number; pattern?: RegExp } = {}): Schema<string> =>
  (v, p) => {
    if (typeof v !== 'string') throw new SchemaError(p, 'a string');
    if (v.length > (opts.max ?? 10_000)) throw new SchemaError(p, `a string of at most ${opts.max ?? 10_000} characters`);
    if (opts.pattern && !opts.pattern.test(v)) throw new SchemaError(p, `a string matching ${opts.pattern}`);
    return v;
  };

/** Finite numbers only: NaN and ±Infinity never pass. */
export const num =
  (opts: { min?: number; max?: number; integer?: boolean } = {}): Schema<number> =>
  (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new SchemaError(p, 'a finite number');
    if (opts.integer && !Number.isInteger(v)) throw new SchemaError(p, 'an integer');
    if (opts.min !== undefined && v < opts.min) throw new SchemaError(p, `a number ≥ ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) throw new SchemaError(p, `a number ≤ ${opts.max}`);
    return v;
  };

/**
 * A plain decimal as exchanges send it: optional sign, digits, optional fraction, optional
 * exponent of at most two digits. `Number()` alone would also take "0x10", "0b11", " 12 " and "1e400".
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,2})?$/;

/** A number sent as a string, as most exchange APIs do ("93951.80000000"), or a JSON number. */
export const numeric =
  (opts: { min?: number; max?: number } = {}): Schema<number> =>
  (v, p) => {
    if (typeof v === 'string' && (v.length > 64 || !DECIMAL.test(v))) throw new SchemaError(p, 'a decimal number');
    const n = typeof v === 'string' ? Number(v) : v;
    return num(opts)(n, p);
  };

export const bool: Schema<boolean> = (v, p) => {
  if (typeof v !== 'boolean') throw new SchemaError(p, 'a boolean');
  return v;
};

export const literal =
  <const L extends string | number | boolean>(lit: L): Schema<L> =>
  (v, p) => {
    if (v !== lit) throw new SchemaError(p, JSON.stringify(lit));
    return lit;
  };

export const oneOf =
  <const L extends string>(values: readonly L[]): Schema<L> =>
  (v, p) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new SchemaError(p, `one of ${values.join(', ')}`);
    return v as L;
  };

export const optional =
  <T>(schema: Schema<T>): Schema<T | undefined> =>
  (v, p) =>
    v === undefined ? undefined : schema(v, p);

export const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (v, p) =>
    v === null ? null : schema(v, p);

export const array =
  <T>(item: Schema<T>, opts: { max?: number } = {}): Schema<T[]> =>
  (v, p) => {
    if (!Array.isArray(v)) throw new SchemaError(p, 'an array');
    if (v.length > (opts.max ?? 100_000)) throw new SchemaError(p, `at most ${opts.max ?? 100_000} items`);
    return v.map((x, i) => item(x, `${p}[${i}]`));
  };

type Shape = Record<string, Schema<unknown>>;
type ObjectOf<S extends Shape> = { [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]> } & {
  [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>;
};

/** A plain object; unknown keys are dropped so nothing unchecked travels further. */
export const object =
  <S extends Shape>(shape: S): Schema<ObjectOf<S>> =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SchemaError(p, 'an object');
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const value = schema((v as Record<string, unknown>)[key], p ? `${p}.${key}` : key);
      if (value !== undefined) out[key] = value;
    }
    return out as ObjectOf<S>;
  };

/** Keys that would reach or replace an object's prototype when copied onto a plain object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A map of caller-chosen keys; the prototype's own names are refused, and the result has no prototype. */
export const record =
  <T>(value: Schema<T>, opts: { maxKeys?: number } = {}): Schema<Record<string, T>> =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SchemaError(p, 'an object');
    const entries = Object.entries(v);
    if (entries.length > (opts.maxKeys ?? 1000)) throw new SchemaError(p, `at most ${opts.maxKeys ?? 1000} keys`);
    const out = Object.create(null) as Record<string, T>;
    for (const [k, x] of entries) {
      if (FORBIDDEN_KEYS.has(k)) throw new SchemaError(`${p}.${k}`, 'a key other than __proto__, constructor or prototype');
      out[k] = value(x, `${p}.${k}`);
    }
    return out;
  };

/** Accepts any JSON-ish value without inspecting it: for payloads validated again deeper down. */
export const unknownValue: Schema<unknown> = (v) => v;
