// Finds a Firefox the Firefox E2E smoke suite can drive (WebDriver BiDi through puppeteer-core, no
// browser download). Like chromium.mjs: the environment variable first, then the usual places.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const USUAL_LOCATIONS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** webExtension.install and navigation to moz-extension:// with --remote-allow-system-access (BiDi). */
export const FIREFOX_MIN_VERSION = 138;

export const FIREFOX_HELP = 'No Firefox found: install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH to a Firefox binary.';

/** @returns {string | null} */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return USUAL_LOCATIONS.find((p) => fs.existsSync(p)) ?? null;
}

/** The major version `firefox --version` prints ("Mozilla Firefox 153.8.0esr" → 153), or null. */
export function firefoxMajorVersion(executable) {
  const out = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const match = /Firefox\s+(\d+)\./.exec(`${out.stdout ?? ''}`);
  return match ? Number(match[1]) : null;
}
