import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { VENDOR_HOSTS } from '@/core/vendors/hosts';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as unknown as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

describe('manifest per browser', () => {
  it('asks only storage and alarms, and keeps vendor hosts optional, on Chrome', () => {
    const m = manifestFor('chrome', 3);
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.optional_host_permissions).toEqual(Object.values(VENDOR_HOSTS));
    expect(JSON.stringify(m.host_permissions)).not.toMatch(/coinglass|coinalyze|<all_urls>/);
  });

  it("keeps vendor hosts optional on Firefox's MV2 build, where they belong in optional_permissions", () => {
    const m = manifestFor('firefox', 2);
    expect(m.optional_permissions).toEqual(Object.values(VENDOR_HOSTS));
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: expect.any(String), data_collection_permissions: { required: ['none'] } } });
  });
});
