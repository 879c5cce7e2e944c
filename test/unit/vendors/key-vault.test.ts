import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKeyStore, KEYS_STORAGE_KEY, type LocalStorageArea } from '@/core/vendors/keys';
import { indexedDbArea, keysApart } from '@/core/vendors/key-vault';

// Where storage.local cannot be closed to content scripts (Firefox), vendor keys live in the
// background's IndexedDB; settings stay in storage.local.
const local = (): LocalStorageArea => fakeBrowser.storage.local as unknown as LocalStorageArea;
let dbCount = 0;

beforeEach(() => fakeBrowser.reset());

describe('keys apart from storage.local', () => {
  it('saves and reads keys in the vault, never in storage.local; other items stay in storage.local', async () => {
    const vault = indexedDbArea(`vault-test-${++dbCount}`);
    const area = keysApart(local(), vault, [KEYS_STORAGE_KEY]);
    const keys = createKeyStore(area);
    await keys.set('coinglass', 'cg-secret-0001');
    await area.set({ settings: { theme: 'dark' } });
    expect(await keys.get('coinglass')).toBe('cg-secret-0001');
    expect(await local().get(null as unknown as string)).toEqual({ settings: { theme: 'dark' } });
    expect(await vault.get(KEYS_STORAGE_KEY)).toEqual({ [KEYS_STORAGE_KEY]: { coinglass: 'cg-secret-0001' } });
    expect(await area.get(['settings', KEYS_STORAGE_KEY])).toEqual({ settings: { theme: 'dark' }, [KEYS_STORAGE_KEY]: { coinglass: 'cg-secret-0001' } });
    await keys.set('coinglass', '');
    expect(await keys.has('coinglass')).toBe(false);
    await area.remove(KEYS_STORAGE_KEY);
    expect(await area.get(KEYS_STORAGE_KEY)).toEqual({});
  });

  it('moves keys an earlier version left in storage.local into the vault on first read', async () => {
    await local().set({ [KEYS_STORAGE_KEY]: { coinalyze: 'ca-legacy-0002' }, settings: { theme: 'light' } });
    const vault = indexedDbArea(`vault-test-${++dbCount}`);
    const keys = createKeyStore(keysApart(local(), vault, [KEYS_STORAGE_KEY]));
    expect(await keys.get('coinalyze')).toBe('ca-legacy-0002');
    expect(await local().get(KEYS_STORAGE_KEY)).toEqual({});
    expect(await local().get('settings')).toEqual({ settings: { theme: 'light' } });
    expect(await vault.get(KEYS_STORAGE_KEY)).toEqual({ [KEYS_STORAGE_KEY]: { coinalyze: 'ca-legacy-0002' } });
  });
});
