/**
 * Alerts in real Chromium: switched on from the options page (the `notifications` permission is
 * asked for then), checked by the background with the replayed Binance mark price driven across a
 * threshold, one notification while the condition holds, a cooldown, a failed fetch that delays
 * the alert and says so, and all of it surviving a stopped service worker and a browser restart.
 *
 * Chromium shows the permission prompt as browser UI that headless cannot answer (no switch
 * auto-accepts it for an unpacked extension; checked with Chromium 156). The first browser checks
 * that the click asks and that nothing is switched on while the prompt waits; the trader's "Allow"
 * is then recorded in the profile (Preferences: granted and active API permissions, what Chromium
 * writes when the prompt is accepted) before the browser is started again on the same profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { configure, RECORDED_VENUES } from '../../scripts/lib/extension-browser.ts';
import { replay } from '../../scripts/lib/replay.ts';
import { screenshot, startBrowser, type ExtensionBrowser } from './harness';

type Browser = ExtensionBrowser & { extensionId: string };
const PROFILE = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-alerts-profile-'));
const MARK_URL = /fapi\.binance\.com\/fapi\/v1\/premiumIndex/;
let browser: Browser | undefined;
/** A check is a fetch and a storage write in the worker: on a loaded machine it takes seconds, not vitest's default 1 s. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

afterAll(async () => {
  await browser?.close();
  fs.rmSync(PROFILE, { recursive: true, force: true });
});

async function launch(): Promise<Browser> {
  const b = await startBrowser({ userDataDir: PROFILE });
  // On a reused profile the worker starts with the browser, before request routing is in place, and
  // its fetches escape the replay (and fail: no DNS here). Restarted, it is routed like a fresh one.
  await b.stopServiceWorker();
  await configure(b, { keylessVenues: RECORDED_VENUES });
  return b;
}

/** The replayed BTCUSDT mark (the recorded bar open now), as the background would get it. */
function replayedMark(): { row: Record<string, unknown>; price: number } {
  const answer = replay({ method: 'GET', url: new URL('https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT'), body: null }, Date.now);
  const row = JSON.parse(answer!.body) as Record<string, unknown>;
  return { row, price: Number(row.markPrice) };
}

/** From now on the background's mark requests get the replayed row at this price (priced now, or `ageMs` ago). */
function driveMark(b: Browser, price: number, ageMs = 0): void {
  const { row } = replayedMark();
  b.setFault(MARK_URL, {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ ...row, markPrice: price.toFixed(8), time: Date.now() - ageMs }),
  });
}

interface StoredState {
  armed: boolean;
  lastFiredAt: number | null;
  lastCheckedAt: number | null;
  problem: { at: number; reason: string } | null;
}
const stored = (worker: Worker) =>
  worker.evaluate(() => chrome.storage.local.get(null)) as Promise<{ alerts?: { id: string; enabled: boolean }[]; alertState?: Record<string, StoredState> }>;
/** Our notifications shown since `t` (ids end in the check's time). The browser may drop older ones with the worker. */
const shownSince = async (worker: Worker, t: number) => (await ours(worker)).filter((id) => Number(id.split(':').at(-1)) >= t);
const ours = async (worker: Worker) =>
  Object.keys((await worker.evaluate(() => chrome.notifications?.getAll())) ?? {}).filter((id) => id.startsWith('liqlens-alert:'));

/** Records the trader's "Allow" for an optional API permission in the profile, as Chromium does. */
function grantInProfile(extensionId: string, permission: string): void {
  const file = path.join(PROFILE, 'Default', 'Preferences');
  const prefs = JSON.parse(fs.readFileSync(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { api?: string[] }>> } };
  const entry = prefs.extensions.settings[extensionId]!;
  for (const key of ['active_permissions', 'granted_permissions']) entry[key] = { ...entry[key], api: [...(entry[key]?.api ?? []), permission] };
  fs.writeFileSync(file, JSON.stringify(prefs));
}

describe('alerts', () => {
  const { price: P } = replayedMark();
  // A long whose liquidation price is 3% under the replayed mark; alert within 2%.
  const LIQ = Math.round(P * 0.97);
  let extensionId = '';
  let ruleId = '';

  it('asks for notifications when an alert is switched on, and switches nothing on while the prompt waits', async () => {
    browser = await launch();
    extensionId = browser.extensionId;
    const worker = await browser.serviceWorker();
    expect((await worker.evaluate(() => chrome.permissions.getAll())).permissions).not.toContain('notifications');
    expect(await worker.evaluate(() => chrome.alarms.get('liqlens-alerts'))).toMatchObject({ periodInMinutes: 1 });

    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('alert-new-kind').selectOption('liquidation');
    await options.getByTestId('alert-add').click();
    await options.getByTestId('alert-row').waitFor();
    await options.getByTestId('alert-liq').fill(String(LIQ));
    await options.getByTestId('alert-liq').press('Tab');
    await poll(async () => (await stored(worker)).alerts?.[0]).toMatchObject({ enabled: false, condition: { liquidationPrice: LIQ } });
    ruleId = (await stored(worker)).alerts![0]!.id;

    await options.getByTestId('alert-on').click();
    await poll(() => options.getByTestId('alert-note').textContent()).toBe("Allow notifications in the browser's prompt to switch this alert on.");
    expect((await stored(worker)).alerts?.[0]?.enabled).toBe(false);
    await browser.close();
    browser = undefined;
  });

  it('once allowed, notifies once when the mark crosses into the range, and holds while it stays', async () => {
    grantInProfile(extensionId, 'notifications');
    browser = await launch();
    expect(browser.extensionId).toBe(extensionId);
    const worker = await browser.serviceWorker();
    driveMark(browser, P); // 3% from the liquidation price: clear
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('alert-row').waitFor();
    await options.getByTestId('alert-on').click(); // already granted: the request answers at once
    await poll(async () => (await stored(worker)).alertState?.[ruleId]?.lastCheckedAt ?? null).not.toBeNull();
    expect((await stored(worker)).alerts?.[0]?.enabled).toBe(true);
    expect(await ours(worker)).toEqual([]);

    driveMark(browser, LIQ * 1.015); // 1.5% above the liquidation price
    await options.getByTestId('alert-check-now').click();
    await poll(() => ours(worker)).toHaveLength(1);
    const fired = (await stored(worker)).alertState![ruleId]!;
    expect(fired).toMatchObject({ armed: false, problem: null });
    await poll(() => options.getByTestId('alert-status').textContent()).toMatch(/last notified \d\d:\d\d · quiet until the condition clears/);

    // Still inside: no second notification.
    await options.getByTestId('alert-check-now').click();
    await poll(async () => (await stored(worker)).alertState![ruleId]!.lastCheckedAt!).toBeGreaterThan(fired.lastCheckedAt!);
    expect(await shownSince(worker, fired.lastFiredAt! + 1)).toEqual([]);

    // Out (re-arms) and back in within the 30-minute cooldown: still one.
    driveMark(browser, P);
    await options.getByTestId('alert-check-now').click();
    await poll(async () => (await stored(worker)).alertState![ruleId]!.armed).toBe(true);
    driveMark(browser, LIQ * 1.01);
    await options.getByTestId('alert-check-now').click();
    await poll(async () => (await stored(worker)).alertState![ruleId]!.lastCheckedAt!).toBeGreaterThan(fired.lastCheckedAt!);
    expect(await shownSince(worker, fired.lastFiredAt! + 1)).toEqual([]);
    expect((await stored(worker)).alertState![ruleId]!.lastFiredAt).toBe(fired.lastFiredAt);
  });

  it('a failed or stale price delays the alert and says so on the options page', async () => {
    const b = browser!;
    const worker = await b.serviceWorker();
    const since = Date.now();
    const options = await b.openExtensionPage('options.html');
    b.setFault(MARK_URL, { status: 429, contentType: 'application/json', body: '{"code":-1003,"msg":"Too many requests."}', headers: { 'retry-after': '1' } });
    await options.getByTestId('alert-check-now').click();
    await poll(() => options.getByTestId('alert-status').textContent()).toMatch(/^Not checked since \d\d:\d\d: Binance mark price: .*rate-limiting us/);
    await screenshot(options, 'alerts-delayed');
    // A price 5 minutes old is not used either, even one inside the range.
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past the 1 s Retry-After the fetcher honours
    driveMark(b, LIQ * 1.01, 5 * 60_000);
    await options.getByTestId('alert-check-now').click();
    await poll(() => options.getByTestId('alert-status').textContent()).toMatch(/Binance mark price: price is 5 min old/);
    expect(await shownSince(worker, since)).toEqual([]);
    await options.close();
  });

  it('keeps its state through a stopped service worker, checked again by the alarm alone', { timeout: 150_000 }, async () => {
    const b = browser!;
    let worker = await b.serviceWorker();
    const before = (await stored(worker)).alertState![ruleId]!;
    driveMark(b, LIQ * 1.01); // inside, fresh: only the cooldown keeps it quiet
    await b.stopServiceWorker();
    const stoppedAt = Date.now();
    // No page asks anything: the one-minute alarm wakes the worker, which checks from stored state.
    worker = await b.serviceWorker();
    await expect.poll(async () => (await stored(worker)).alertState![ruleId]!.lastCheckedAt!, { timeout: 130_000, interval: 2000 }).toBeGreaterThan(stoppedAt);
    const after = (await stored(worker)).alertState![ruleId]!;
    // Re-armed when the mark left the range earlier, but inside the cooldown since it fired: quiet.
    expect(after).toMatchObject({ armed: before.armed, lastFiredAt: before.lastFiredAt, problem: null });
    expect(await shownSince(worker, stoppedAt)).toEqual([]);
  });

  it('keeps rules, state and the alarm through a browser restart; the cooldown still holds', async () => {
    await browser!.close();
    browser = await launch();
    const worker = await browser.serviceWorker();
    const kept = await stored(worker);
    expect(kept.alerts?.[0]).toMatchObject({ id: ruleId, enabled: true });
    const firedAt = kept.alertState![ruleId]!.lastFiredAt;
    expect(firedAt).not.toBeNull();
    expect(await worker.evaluate(() => chrome.alarms.get('liqlens-alerts'))).toMatchObject({ periodInMinutes: 1 });
    expect((await worker.evaluate(() => chrome.permissions.getAll())).permissions).toContain('notifications');

    driveMark(browser, LIQ * 1.01);
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('alert-row').waitFor();
    const checkedBefore = kept.alertState![ruleId]!.lastCheckedAt!;
    await options.getByTestId('alert-check-now').click();
    await poll(async () => (await stored(worker)).alertState![ruleId]!.lastCheckedAt!).toBeGreaterThan(checkedBefore);
    expect((await stored(worker)).alertState![ruleId]!.lastFiredAt).toBe(firedAt);
    expect(await shownSince(worker, firedAt! + 1)).toEqual([]);

    // The settings as a trader sees them: one alert that fired, one delayed, one band alert.
    await options.getByTestId('alert-new-kind').selectOption('band');
    await options.getByTestId('alert-add').click();
    await options.getByTestId('alert-new-kind').selectOption('cascade');
    await options.getByTestId('alert-add').click();
    await poll(() => options.getByTestId('alert-row').count()).toBe(3);
    for (const i of [1, 2]) await options.getByTestId('alert-on').nth(i).click();
    // Two quick switches both count.
    await poll(async () => (await stored(worker)).alerts?.map((r) => r.enabled)).toEqual([true, true, true]);
    await poll(async () => Object.values((await stored(worker)).alertState ?? {}).filter((s) => s.lastCheckedAt || s.problem).length).toBe(3);
    await options.setViewportSize({ width: 900, height: 900 });
    const box = (await options.getByTestId('opt-alerts').boundingBox())!;
    await options.getByTestId('opt-alerts').scrollIntoViewIfNeeded();
    await screenshot(options.getByTestId('opt-alerts'), 'options-alerts', { docs: true });
    expect(box.height).toBeGreaterThan(100);
  });
});
