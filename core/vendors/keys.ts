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

/** The storage key vendor keys are saved under (see key-vault.ts for where that is). */
export const KEYS_STORAGE_KEY = 'vendorKeys';
const STORAGE_KEY = KEYS_STORAGE_KEY;

/**
 * Vendor API keys live only in storage.local (never storage.sync, never logged). Reading goes
 * through here so nothing else in the background touches them.
 */
export function createKeyStore(local: LocalStorageArea) {
  async function all(): Promise<Partial<Record<VendorId, string>>> {
    const raw = (await local.get(STORAGE_KEY))[STORAGE_KEY];
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Partial<Record<VendorId, string>> = {};
    for (const vendor of Object.keys(VENDOR_HOSTS) as VendorId[]) {
      const v = (raw as Record<string, unknown>)[vendor];
      if (typeof v === 'string' && v.length > 0) out[vendor] = v;
    }
    return out;
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
      await local.set({ [STORAGE_KEY]: next });
    },
    async has(vendor: VendorId): Promise<boolean> {
      return (await all())[vendor] !== undefined;
    },
  };
}
export type KeyStore = ReturnType<typeof createKeyStore>;

/** Turns a stored key into something safe to show or log: "…9f3a" (last four characters only). */
export const redactKey = (key: string) => (key.length <= 8 ? '…' : `…${key.slice(-4)}`);
