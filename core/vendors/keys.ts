import type { VendorId } from './hosts';
import { VENDOR_HOSTS } from './hosts';

/** The slice of browser.storage.local the background uses; injected so core stays global-free. */
export interface LocalStorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** browser.permissions.contains, narrowed. */
export interface PermissionChecker {
  hasOrigin(origin: string): Promise<boolean>;
}

/** Where keys were kept before 0.1.1 (storage.local): read once, moved, then removed. */
export const LEGACY_STORAGE_KEY = 'vendorKeys';

/** The background's own database for vendor keys, in the extension's origin. */
export const KEY_DB_NAME = 'liqlens-keys';
const KEY_STORE = 'keys';

/** Where the keys are kept: a map vendor → key, read and written whole. */
export interface KeyArea {
  read(): Promise<Record<string, unknown>>;
  write(keys: Record<string, string>): Promise<void>;
}

/**
 * Vendor keys in the extension origin's IndexedDB. A content script runs in the page's origin:
 * its `indexedDB` is the page's, so it cannot open this database in any browser. (storage.local
 * is readable by content scripts in Firefox, and in Chrome unless setAccessLevel narrows it.)
 */
export function idbKeyArea(factory: IDBFactory = indexedDB): KeyArea {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(KEY_DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(KEY_STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const withStore = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => Promise<T>): Promise<T> => {
    const db = await open();
    try {
      const tx = db.transaction(KEY_STORE, mode);
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      const out = await fn(tx.objectStore(KEY_STORE));
      await done;
      return out;
    } finally {
      db.close();
    }
  };
  return {
    read: () =>
      withStore('readonly', async (store) => {
        const keys = (await request(store.getAllKeys())) as string[];
        const values = await request(store.getAll());
        return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
      }),
    write: (next) =>
      withStore('readwrite', async (store) => {
        await request(store.clear());
        for (const [vendor, key] of Object.entries(next)) await request(store.put(key, vendor));
      }),
  };
}

/**
 * Vendor API keys (never storage.sync, never logged). Reading goes through here so nothing else in
 * the background touches them. Keys an older version left in storage.local are moved into `area`
 * on first use and removed from storage.local.
 */
export function createKeyStore(area: KeyArea, legacy?: LocalStorageArea) {
  let migrated: Promise<void> | null = null;
  const migrate = () =>
    (migrated ??= (async () => {
      if (!legacy) return;
      const old = (await legacy.get(LEGACY_STORAGE_KEY))[LEGACY_STORAGE_KEY];
      if (old === undefined) return;
      const current = clean(await area.read());
      const moved = { ...clean(old), ...current };
      await area.write(moved);
      await legacy.remove(LEGACY_STORAGE_KEY);
    })().catch((error: unknown) => {
      migrated = null;
      throw error;
    }));
  function clean(raw: unknown): Partial<Record<VendorId, string>> {
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Partial<Record<VendorId, string>> = {};
    for (const vendor of Object.keys(VENDOR_HOSTS) as VendorId[]) {
      const v = (raw as Record<string, unknown>)[vendor];
      if (typeof v === 'string' && v.length > 0) out[vendor] = v;
    }
    return out;
  }
  async function all(): Promise<Partial<Record<VendorId, string>>> {
    await migrate();
    return clean(await area.read());
  }
  return {
    async get(vendor: VendorId): Promise<string | null> {
      return (await all())[vendor] ?? null;
    },
    /** An empty key removes it. */
    async set(vendor: VendorId, key: string): Promise<void> {
      const next = { ...(await all()) };
      if (key.trim() === '') delete next[vendor];
      else next[vendor] = key.trim();
      await area.write(next as Record<string, string>);
    },
    async has(vendor: VendorId): Promise<boolean> {
      return (await all())[vendor] !== undefined;
    },
  };
}
export type KeyStore = ReturnType<typeof createKeyStore>;

/** Turns a stored key into something safe to show or log: "…9f3a" (last four characters only). */
export const redactKey = (key: string) => (key.length <= 8 ? '…' : `…${key.slice(-4)}`);

/** `text` with every occurrence of `key` replaced by its redacted form (a vendor may echo the key back). */
export const withoutKey = (text: string, key: string) => (key.length === 0 ? text : text.split(key).join(redactKey(key)));
