/**
 * "Save a page report", the content script's part (on the trader's click only). The report's
 * locating and redaction (core/page/report-fields.ts, core/page/report.ts) run in the extension's
 * report page, not here: they would add ≈3 KB to the script every trading page loads. Here the
 * page is copied into an inert document (no browsing context: nothing in it loads or runs), the
 * live values of the order form's non-sensitive inputs are written into the copy (markup alone
 * does not carry typed values; no other input's value is), and the copy's markup (XMLSerializer)
 * is handed to the report page that asked for it (a tab message, answered only to our own report
 * page). Shadow roots are not copied, so the overlay's content never is. Nothing is written to the
 * page.
 */
import { isSensitiveElement } from '../page/privacy';
import type { Market } from '../types';

export interface PageCapture {
  html: string;
  url: string;
  market: Market;
}

export function capturePage(doc: Document, form: Element | null, market: Market): PageCapture {
  const copy = doc.implementation.createHTMLDocument('').importNode(doc.documentElement, true);
  // The copy is exact, so its inputs come in the page's order.
  const live = doc.getElementsByTagName('input');
  const twins = copy.getElementsByTagName('input');
  for (let i = 0; i < live.length; i++) {
    const input = live[i]!;
    if (form?.contains(input) && !isSensitiveElement(input)) twins[i]?.setAttribute('value', input.value);
  }
  // Serialized, never assigned as markup anywhere: the report page parses it with DOMParser.
  return { html: new XMLSerializer().serializeToString(copy), url: doc.URL, market };
}
