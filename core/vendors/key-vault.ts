import { openDB } from 'idb';
import type { LocalStorageArea } from './keys';

/**
 * Vendor keys where storage.local cannot be closed to content scripts. Chrome closes it with
 * storage.local.setAccessLevel('TRUSTED_CONTEXTS'); Firefox has no setAccessLevel and its content
 * scripts read storage.local freely (checked in Firefox ESR 153 by the Firefox E2E suite). There
 * the keys live in the background's own IndexedDB instead: a content script opens IndexedDB as
 * the page's origin, never as the extension's.
 */
export const KEY_VAULT_DB = 'liqlens-keys';

/** A LocalStorageArea over one IndexedDB object store of the extension's own origin. */
export function indexedDbArea(name: string = KEY_VAULT_DB): LocalStorageArea {
  const db = openDB(name, 1, { upgrade: (d) => void d.createObjectStore('kv') });
  const list = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  return {
    async get(keys) {
      const store = (await db).transaction('kv').store;
      const out: Record<string, unknown> = {};
      for (const key of list(keys)) {
        const value: unknown = await store.get(key);
        if (value !== undefined) out[key] = value;
      }
      return out;
    },
    async set(items) {
      const tx = (await db).transaction('kv', 'readwrite');
      await Promise.all([...Object.entries(items).map(([key, value]) => tx.store.put(value, key)), tx.done]);
    },
    async remove(keys) {
      const tx = (await db).transaction('kv', 'readwrite');
      await Promise.all([...list(keys).map((key) => tx.store.delete(key)), tx.done]);
    },
  };
}

/**
 * storage.local with `apart` (the vendor keys) kept in `vault` instead. A value still found in
 * storage.local (saved by an earlier version) moves to the vault the first time it is read.
 */
export function keysApart(local: LocalStorageArea, vault: LocalStorageArea, apart: string[]): LocalStorageArea {
  const split = (keys: string[]) => [keys.filter((k) => apart.includes(k)), keys.filter((k) => !apart.includes(k))] as const;
  return {
    async get(keys) {
      const [inVault, rest] = split(Array.isArray(keys) ? keys : [keys]);
      const out = rest.length ? { ...(await local.get(rest)) } : {};
      for (const key of inVault) {
        let value = (await vault.get(key))[key];
        if (value === undefined) {
          const legacy = (await local.get(key))[key];
          if (legacy !== undefined) {
            await vault.set({ [key]: legacy });
            await local.remove(key);
            value = legacy;
          }
        }
        if (value !== undefined) out[key] = value;
      }
      return out;
    },
    async set(items) {
      const [inVault, rest] = split(Object.keys(items));
      if (inVault.length) {
        await vault.set(Object.fromEntries(inVault.map((k) => [k, items[k]])));
        await local.remove(inVault);
      }
      if (rest.length) await local.set(Object.fromEntries(rest.map((k) => [k, items[k]])));
    },
    async remove(keys) {
      const [inVault, rest] = split(Array.isArray(keys) ? keys : [keys]);
      if (inVault.length) {
        await vault.remove(inVault);
        await local.remove(inVault);
      }
      if (rest.length) await local.remove(rest);
    },
  };
}
