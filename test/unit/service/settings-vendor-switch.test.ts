import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsStore } from '@/core/service/settings-store';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { parseSettingsImport } from '@/components/options/import-settings';
import type { LocalStorageArea } from '@/core/vendors/keys';

beforeEach(() => fakeBrowser.reset());

/** Settings as 0.1.0 stored and exported them, before CoinAnk had a switch. */
const before = { ...DEFAULT_SETTINGS, vendors: { coinglass: true, coinalyze: true } };

describe('the CoinAnk switch added to stored settings', () => {
  it('older stored settings keep their vendor choices and get CoinAnk off', async () => {
    await fakeBrowser.storage.local.set({ settings: before });
    const settings = await createSettingsStore(fakeBrowser.storage.local as unknown as LocalStorageArea).get();
    expect(settings.vendors).toEqual({ coinglass: true, coinalyze: true, coinank: false });
  });

  it('an older export imports whole, CoinAnk off; a non-boolean switch is still refused', () => {
    expect(parseSettingsImport(JSON.stringify(before))).toMatchObject({
      ok: true,
      settings: { vendors: { coinglass: true, coinalyze: true, coinank: false } },
    });
    expect(parseSettingsImport(JSON.stringify({ ...before, vendors: { ...before.vendors, coinank: 'yes' } }))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
