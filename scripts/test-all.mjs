// `npm test`: typecheck, lint, unit tests, Chrome and Firefox builds, E2E in real Chromium, the Firefox
// smoke E2E in real Firefox, then the Firefox lint. Every vitest test and every non-vitest step
// counts once in the closing line. Without both browsers it stops at once, with one sentence.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from './lib/chromium.mjs';
import { findFirefox } from './lib/firefox.mjs';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args, env = {}) {
  if (run(label, command, args, env)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function vitestSuite(label, args) {
  const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-')), 'summary');
  const ok = run(label, 'npx', ['vitest', 'run', ...args], { LIQLENS_SUMMARY_FILE: summary });
  if (!fs.existsSync(summary)) {
    failed++;
    failures.push(`${label} (did not report)`);
    return;
  }
  const [p, f, s] = fs.readFileSync(summary, 'utf8').trim().split(' ').map(Number);
  passed += p;
  failed += f;
  skipped += s;
  if (!ok || f > 0) failures.push(label);
}

function firefoxLint() {
  console.log('\n▶ addons-linter on .output/firefox-mv2');
  const result = spawnSync('npx', ['addons-linter', '--output', 'json', '.output/firefox-mv2'], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    console.log(result.stdout, result.stderr);
    failed++;
    failures.push('addons-linter (no report)');
    return;
  }
  for (const w of report.warnings ?? []) console.log(`  warning ${w.code}: ${w.file ?? ''} ${w.message}`);
  for (const e of report.errors ?? []) console.log(`  ERROR ${e.code}: ${e.file ?? ''} ${e.message}`);
  console.log(`  ${report.errors?.length ?? 0} errors, ${report.warnings?.length ?? 0} warnings`);
  if ((report.errors?.length ?? 0) === 0) passed++;
  else {
    failed++;
    failures.push('addons-linter');
  }
}

// Before minutes of building: both E2E suites need a system browser (no browser is downloaded).
const missing = [
  !findChromium() && (process.env.CHROMIUM_PATH ? `no Chromium at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : 'no Chromium'),
  !findFirefox() && (process.env.FIREFOX_PATH ? `no Firefox at FIREFOX_PATH=${process.env.FIREFOX_PATH}` : 'no Firefox'),
].filter(Boolean);
if (missing.length) {
  console.log(
    `The E2E tests need Chromium and Firefox and found ${missing.join(' and ')}: install them with "sudo apt-get install -y chromium firefox-esr" (Debian/Ubuntu) or set CHROMIUM_PATH and FIREFOX_PATH to their binaries.`,
  );
  process.exit(1);
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint (ESLint)', 'npx', ['eslint', '.']);
step('format (Prettier)', 'npx', ['prettier', '--check', '.']);
vitestSuite('unit tests', []);
step('build chrome-mv3', 'npx', ['wxt', 'build']);
step('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']);
// The E2E builds (open overlay shadow root, worker test hooks) go to .output/<browser>-mv<n>-test;
// the production builds above are checked by test/e2e/production-build.e2e.test.ts and the linter.
step('build chrome-mv3-test (E2E build)', 'npx', ['wxt', 'build'], { LIQLENS_TEST_BUILD: '1' });
step('build firefox-mv2-test (E2E build)', 'npx', ['wxt', 'build', '-b', 'firefox'], { LIQLENS_TEST_BUILD: '1' });
vitestSuite('E2E in headless Chromium', ['-c', 'vitest.e2e.config.ts']);
// The Firefox smoke suite loads .output/firefox-mv2-test (scripts/lib/firefox-browser.ts).
vitestSuite('E2E in headless Firefox', ['-c', 'vitest.e2e-firefox.config.ts']);
firefoxLint();

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
