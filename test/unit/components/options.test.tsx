// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Options, type OptionsProps } from '@/components/options/Options';
import { exportSettings, parseSettingsImport } from '@/components/options/import-settings';
import type { RequestFn } from '@/core/messages/client';
import { RequestFailed } from '@/core/messages/client';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import { NOW } from '../overlay/fixtures';
import { flush, mount } from './render';

describe('settings import validation', () => {
  it('round-trips an export', () => {
    expect(parseSettingsImport(exportSettings(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });
  it('refuses a file that is not JSON', () => {
    expect(parseSettingsImport('<html>nope</html>')).toEqual({ ok: false, reason: 'not-json' });
  });
  it('refuses invalid settings and names the field', () => {
    const bad = { ...DEFAULT_SETTINGS, bandWindowPct: 500 };
    expect(parseSettingsImport(JSON.stringify(bad))).toEqual({ ok: false, reason: 'invalid', message: 'bandWindowPct: expected a number ≤ 50' });
    const wrongTheme = { ...DEFAULT_SETTINGS, theme: 'neon' };
    expect(parseSettingsImport(JSON.stringify(wrongTheme))).toMatchObject({ ok: false, message: expect.stringContaining('theme') });
  });
  it('refuses oversized files', () => {
    expect(parseSettingsImport(' '.repeat(70 * 1024))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

type Call = { command: string; payload: unknown };
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function open(patch: Partial<OptionsProps> = {}, handlers: Record<string, (payload: never) => unknown> = {}) {
  const calls: Call[] = [];
  const request = (async (command: string, payload: never) => {
    calls.push({ command, payload });
    if (handlers[command]) return handlers[command](payload);
    if (command === 'settings.set') return (payload as { settings: Settings }).settings;
    if (command === 'sources.status')
      return [
        { source: 'coinglass', lastSuccess: NOW - 3600_000, lastError: { at: NOW - 60_000, message: 'HTTP 401: key rejected' } },
        { source: 'binance:tiers', lastSuccess: null, lastError: { at: NOW - 5000, message: 'binance:tiers: HTTP 404.' } },
        { source: 'htx:liquidation-stream', lastSuccess: null, lastError: null },
      ];
    if (command === 'vendor.setKey') return { saved: true };
    if (command === 'vendor.test') return { ok: true, message: 'Coinalyze answered in 210 ms.' };
    if (command === 'cache.clear') return { cleared: true };
    throw new RequestFailed('unknown-command', command);
  }) as unknown as RequestFn;
  const m = await mount(
    <Options
      request={request}
      initial={DEFAULT_SETTINGS}
      uiLanguage="en-US"
      prefersDark={false}
      requestHostPermission={async () => true}
      download={() => undefined}
      now={() => NOW}
      {...patch}
    />,
  );
  cleanup = m.unmount;
  await flush();
  return { ...m, calls };
}

async function importFile(input: HTMLInputElement, text: string) {
  const file = new File([text], 'settings.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
  await flush();
}

describe('options page', () => {
  it('an invalid import shows a clear message and changes nothing', async () => {
    const { q, text, calls } = await open();
    await importFile(q<HTMLInputElement>('opt-import')!, JSON.stringify({ ...DEFAULT_SETTINGS, lookbackDays: 0 }));
    expect(text('opt-status')).toBe('Not imported, nothing changed: lookbackDays: expected a number ≥ 1');
    expect(calls.some((c) => c.command === 'settings.set')).toBe(false);
    await importFile(q<HTMLInputElement>('opt-import')!, 'not json');
    expect(text('opt-status')).toBe('Not imported, nothing changed: the file is not JSON.');
  });
  it('a valid import is saved whole', async () => {
    const { q, text, calls } = await open();
    const next = { ...DEFAULT_SETTINGS, theme: 'dark' as const, bandWindowPct: 5 };
    await importFile(q<HTMLInputElement>('opt-import')!, JSON.stringify(next));
    expect(calls.filter((c) => c.command === 'settings.set').map((c) => c.payload)).toEqual([{ settings: next }]);
    expect(text('opt-status')).toBe('Settings imported.');
    expect(q('options-root')?.dataset.theme).toBe('dark');
  });
  it('switches language at once when the setting changes', async () => {
    const { q, container } = await open();
    const select = q<HTMLSelectElement>('opt-language')!;
    await act(() => {
      select.value = 'zh_CN';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(container.querySelector('h1')?.textContent).toBe('LiqLens 设置');
  });
  it('saving a vendor key asks for its host permission first and saves nothing when refused', async () => {
    const requestHostPermission = vi.fn(async () => false);
    const { q, text, calls } = await open({ requestHostPermission });
    const key = q<HTMLInputElement>('opt-key-coinglass')!;
    expect(key.type).toBe('password');
    await act(() => {
      key.value = 'abc123';
      key.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => q('opt-save-key-coinglass')!.click());
    await flush();
    expect(requestHostPermission).toHaveBeenCalledWith('https://open-api-v4.coinglass.com/*');
    expect(calls.some((c) => c.command === 'vendor.setKey')).toBe(false);
    expect(text('opt-vendor-note-coinglass')).toBe('Permission for https://open-api-v4.coinglass.com/* was not granted: the key is not used.');
  });
  it('saves a key once permission is granted, and enables the vendor', async () => {
    const { q, text, calls } = await open();
    const key = q<HTMLInputElement>('opt-key-coinalyze')!;
    await act(() => {
      key.value = ' k-42 ';
      key.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => q('opt-save-key-coinalyze')!.click());
    await flush();
    expect(calls.find((c) => c.command === 'vendor.setKey')?.payload).toEqual({ vendor: 'coinalyze', key: 'k-42' });
    expect(text('opt-vendor-note-coinalyze')).toBe('Key saved. It stays in this browser and goes only to Coinalyze.');
    expect(key.value).toBe('');
    expect(calls.find((c) => c.command === 'settings.set')?.payload).toMatchObject({ settings: { vendors: { coinalyze: true } } });
  });
  it("shows each source's last success and error, and tests a connection", async () => {
    const { q, text } = await open();
    expect(text('opt-vendor-status-coinglass')).toBe('Last success 1 h ago · Last error 1 min ago: HTTP 401: key rejected');
    expect(text('opt-vendor-status-coinalyze')).toBe('Not used yet');
    expect(text('opt-source-status')).toContain('coinglass: Last success 1 h ago · Last error 1 min ago: HTTP 401: key rejected');
    expect(text('opt-source-status')).toContain('binance:tiers: Last error 5 s ago: HTTP 404.');
    expect(text('opt-source-status')).toContain('htx:liquidation-stream: Not used yet');
    await act(() => q('opt-test-coinalyze')!.click());
    await flush();
    expect(text('opt-vendor-note-coinalyze')).toBe('Coinalyze answered in 210 ms.');
  });
  it('turns a site off and keeps the others', async () => {
    const { q, calls } = await open();
    await act(() => q<HTMLInputElement>('opt-site-mexc')!.click());
    await flush();
    const saved = calls.find((c) => c.command === 'settings.set')?.payload as { settings: Settings };
    expect(saved.settings.overlaySites.mexc).toBe(false);
    expect(saved.settings.overlaySites.binance).toBe(true);
  });
  it('rolls back and says so when the background refuses a change', async () => {
    const { q, text } = await open(
      {},
      {
        'settings.set': () => {
          throw new RequestFailed('bad-message', 'Invalid "settings.set" payload');
        },
      },
    );
    const box = q<HTMLInputElement>('opt-expanded')!;
    await act(() => box.click());
    await flush();
    expect(text('opt-status')).toBe('Not saved: Invalid "settings.set" payload');
    expect(box.checked).toBe(false);
  });
});
