import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { apiHostPermissions, contentScriptExcludes } from './core/venues/registry';
import { VENDOR_HOSTS } from './core/vendors/hosts';

/** The keyboard command that opens the side panel on Chrome (core/chart/open-chart.ts, held equal by the manifest test). */
const OPEN_CHART_COMMAND = 'open-chart';

/**
 * LIQLENS_TEST_BUILD=1 makes the build the E2E suite, the demo and the benches load (into
 * .output/<browser>-mv<n>-test): the overlay's shadow root open and the worker's read-only test
 * hooks on its global (core/build.ts). Without it, the production build has neither.
 */
const TEST_BUILD = process.env.LIQLENS_TEST_BUILD === '1';
/** LIQLENS_SOURCEMAP=1: a production build with source maps, in .output/<browser>-mv<n>-sourcemap, for `npm run bytes`. */
const SOURCEMAP = process.env.LIQLENS_SOURCEMAP === '1';

const MAIN_CONTENT_SCRIPT = 'content-scripts/exchange.js';
const FIRST_CONTENT_SCRIPT = 'first-answer.js';

export default defineConfig({
  // This module aliases `wxt/browser` to webextension-polyfill for the background, popup and options.
  // The content script's two files use the browser's own promise-based API instead (first-answer.ts,
  // and the 'vite:build:extendConfig' hook below for the main file): they load on every trading page.
  modules: ['@wxt-dev/webextension-polyfill'],
  // JSX needs no plugin: Vite compiles it from tsconfig.json (jsx: react-jsx, jsxImportSource: preact).
  vite: () => ({ define: { __LIQLENS_TEST_BUILD__: JSON.stringify(TEST_BUILD) }, ...(SOURCEMAP ? { build: { sourcemap: true } } : {}) }),
  ...(TEST_BUILD ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}-test' } : {}),
  ...(SOURCEMAP && !TEST_BUILD ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}-sourcemap' } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and vendor keys (local only). alarms: wakes the worker to refresh
    // market data and purge expired cache entries; nothing else is requested.
    permissions: ['storage', 'alarms'],
    // Chrome 116 keeps a service worker alive while its WebSocket has traffic: the realized
    // liquidations are collected in the background (core/service/service.ts).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    // Only the public API hosts the background worker fetches from.
    host_permissions: apiHostPermissions(),
    // Vendor APIs are asked for only when the user saves a key for that vendor. Firefox's MV2 build
    // has no optional_host_permissions: there, host patterns go in optional_permissions.
    // `notifications` is optional too: asked for when the trader switches on their first alert.
    ...(browser === 'firefox'
      ? { optional_permissions: [...Object.values(VENDOR_HOSTS), 'notifications'] }
      : { optional_permissions: ['notifications'], optional_host_permissions: Object.values(VENDOR_HOSTS) }),
    // The side panel (entrypoints/sidepanel): WXT writes Chrome's side_panel.default_path and adds the
    // `sidePanel` permission, which Chrome requires for both the manifest key and sidePanel.open()
    // (no install warning); on Firefox it writes sidebar_action, which needs no permission.
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandToggleOverlay__',
      },
      // Firefox opens its sidebar itself on the reserved command; Chrome's worker opens the side
      // panel on ours (a keyboard command counts as the user gesture sidePanel.open() needs).
      [browser === 'firefox' ? '_execute_sidebar_action' : OPEN_CHART_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenChart__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'liqlens@liqlens.app',
          strict_min_version: '115.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  hooks: {
    // The trading-page content script uses the browser's own promise-based API, not the polyfill
    // (entrypoints/exchange.content/native-browser.ts): it is loaded on every trading page.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'exchange')) return;
      const alias = { find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname ?? __dirname, 'entrypoints/exchange.content/native-browser.ts') };
      config.resolve ??= {};
      const current = config.resolve.alias;
      config.resolve.alias = [
        alias,
        ...(Array.isArray(current) ? current : Object.entries(current ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))),
      ];
    },
    // Content-script matches come from the venue folders; the excludes are added here because
    // WXT's entrypoint options cannot express a list computed from every venue in one place.
    // The content script's first file only sends the overlay's opening request (see
    // entrypoints/first-answer.ts): an entry of its own at document_start, with the main file's
    // matches and excludes, so the answer is in before the main file runs at document_idle.
    'build:manifestGenerated': (_wxt, manifest) => {
      const scripts = manifest.content_scripts ?? [];
      for (const script of scripts) script.exclude_matches = contentScriptExcludes();
      const main = scripts.find((script) => script.js?.includes(MAIN_CONTENT_SCRIPT));
      // A copy of the main entry (matches, excludes, frames, globs), so it never runs anywhere the main file does not.
      if (main) scripts.unshift({ ...main, js: [FIRST_CONTENT_SCRIPT], css: undefined, run_at: 'document_start' });
    },
  },
  zip: {
    includeSources: ['entrypoints', 'components', 'core', 'public', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md'],
  },
});
