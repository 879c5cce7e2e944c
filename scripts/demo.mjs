// `npm run demo`: builds the extension, then opens Chromium with it on a recorded exchange page
// (served under the real exchange URL through interception, market data replayed). No network,
// no accounts. Without a display it runs headless, writes PNGs to demo-output/ and exits.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_HELP, findChromium } from './lib/chromium.mjs';

if (!findChromium()) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  // The test build: the demo drives the overlay through its (then open) shadow root.
  console.log('Building the extension (LIQLENS_TEST_BUILD=1 wxt build → .output/chrome-mv3-test)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LIQLENS_TEST_BUILD: '1' } });
  if (build.status !== 0) {
    console.error('The build failed: run "LIQLENS_TEST_BUILD=1 npx wxt build" to see why.');
    process.exit(1);
  }
}
// The browser code is TypeScript shared with the E2E tests; tsx loads it.
const { register } = await import('tsx/esm/api');
register();
const { runDemo } = await import('./demo/run.ts');
process.exit(await runDemo(process.argv.slice(2)));
