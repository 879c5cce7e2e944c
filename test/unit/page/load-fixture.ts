import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(__dirname, '../../fixtures/pages', `${name}.html`), 'utf8');
}

/** A fresh Document for a fixture (happy-dom's DOMParser). */
export function loadFixture(name: string): Document {
  // A real capture links the exchange's stylesheets; happy-dom would try (and fail) to load them.
  return new DOMParser().parseFromString(
    fixtureHtml(name)
      .replace(/<link\b[^>]*>/gi, '')
      .replace(/<iframe\b[^>]*>/gi, '<iframe>'),
    'text/html',
  );
}

/** Loads a fixture into the environment's live `document` (for the watcher, which needs a window). */
export function loadIntoGlobalDocument(name: string): Document {
  const parsed = loadFixture(name);
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

/** Trader page reports dropped into test/fixtures/pages/ (`<venue>-<date>.report.html`), by fixture name. */
export function reportFixtures(): { name: string; venue: string }[] {
  return readdirSync(resolve(__dirname, '../../fixtures/pages'))
    .filter((file) => file.endsWith('.report.html'))
    .map((file) => ({ name: file.slice(0, -'.html'.length), venue: file.split('-')[0] ?? '' }));
}
