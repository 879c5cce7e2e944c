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
    // Notifications only when the trader switches on an alert.
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(JSON.stringify(m.host_permissions)).not.toMatch(/coinglass|coinalyze|coinank|<all_urls>/);
  });

  it("keeps vendor hosts optional on Firefox's MV2 build, where they belong in optional_permissions", () => {
    const m = manifestFor('firefox', 2);
    expect(m.optional_permissions).toEqual([...Object.values(VENDOR_HOSTS), 'notifications']);
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: expect.any(String), data_collection_permissions: { required: ['none'] } } });
  });

  it('opens the side panel on a keyboard command: ours on Chrome, the reserved sidebar command on Firefox', async () => {
    const { OPEN_CHART_COMMAND } = await import('@/core/chart/open-chart');
    const chrome = manifestFor('chrome', 3).commands as Record<string, unknown>;
    const firefox = manifestFor('firefox', 2).commands as Record<string, unknown>;
    expect(Object.keys(chrome)).toEqual(['toggle-overlay', OPEN_CHART_COMMAND]);
    expect(Object.keys(firefox)).toEqual(['toggle-overlay', '_execute_sidebar_action']);
  });

  it("gives the first-answer file an entry of its own at document start, with the main script's matches, and nothing else", () => {
    type Entry = {
      js?: string[];
      css?: string[];
      matches: string[];
      exclude_matches?: string[];
      exclude_globs?: string[];
      all_frames?: boolean;
      run_at?: string;
    };
    const hook = (
      config.hooks as unknown as {
        'build:manifestGenerated': (wxt: unknown, manifest: { content_scripts?: Entry[] }) => void;
      }
    )['build:manifestGenerated'];
    const manifest: { content_scripts: Entry[] } = {
      content_scripts: [
        { matches: ['https://www.binance.com/*/futures/*'], js: ['content-scripts/exchange.js'], all_frames: false, exclude_globs: ['*?nooverlay*'] },
        { matches: ['https://example.test/*'], js: ['content-scripts/other.js'] },
      ],
    };
    hook(undefined, manifest);
    expect(manifest.content_scripts.map((c) => [c.js, c.run_at])).toEqual([
      [['first-answer.js'], 'document_start'],
      [['content-scripts/exchange.js'], undefined],
      [['content-scripts/other.js'], undefined],
    ]);
    // Everything else (matches, excludes, frames, globs) is the main entry's.
    const { js: _firstJs, run_at: _firstRunAt, ...first } = manifest.content_scripts[0]!;
    const { js: _mainJs, run_at: _mainRunAt, ...main } = manifest.content_scripts[1]!;
    expect(first).toEqual(main);
    // Every entry gets the sensitive-page excludes (login, API keys, withdrawals).
    for (const c of manifest.content_scripts) expect(c.exclude_matches).toEqual(expect.arrayContaining(['https://www.binance.com/*withdraw*']));
  });
});
