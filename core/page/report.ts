/**
 * "Save a page report": a redacted snapshot of the trading page for a bug report, built on the
 * trader's click only. The live Document is walked read-only and serialized into a string by
 * this code (no clone: a cloned <img> would fetch; no innerHTML, no eval). Nothing is sent.
 *
 * Kept: element names with class, id, name, type, role, aria-*, data-* hooks; label, button and
 * tab text of the order form; the ticker/header text; the <title>; the values of the price, size
 * and leverage inputs the reader located. Removed: every other input value (and the placeholder of
 * credential, e-mail and phone fields), digits in balance/position/order/asset/account areas and in
 * the order form's other text (replaced by #), <head> but its <title>, scripts, style sheets,
 * frames, objects, comments, event handlers, URL queries and fragments, token-, key- and
 * e-mail-like values, shadow roots (the overlay's among them). No page storage is read.
 */
import { isSensitiveElement } from './privacy';
import { KEPT_FIELDS, type ReportFields } from './report-fields';

export interface ReportOptions {
  version: string;
  venue: string;
  url: string;
  date: Date;
  /** Elements left out with everything inside (the overlay's host). */
  skip?: (element: Element) => boolean;
  maxNodes?: number;
}

export interface PageReport {
  html: string;
  nodes: number;
  cut: boolean;
}

export const REPORT_MAX_NODES = 50_000;
const MAX_DEPTH = 400;

/** `binance-2026-05-01.report.html`: the name test/fixtures/pages/ picks up. */
export function reportFileName(venue: string, date: Date): string {
  return `${venue}-${date.toISOString().slice(0, 10)}.report.html`;
}

const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'template',
  'link',
  'meta',
  'base',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'portal',
  'liqlens-overlay',
]);
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const ATTRIBUTES = new Set([
  'class',
  'id',
  'name',
  'type',
  'role',
  'for',
  'lang',
  'dir',
  'hidden',
  'inert',
  'disabled',
  'checked',
  'selected',
  'readonly',
  'color',
  'placeholder',
  'autocomplete',
  'style',
  'title',
  'alt',
  'href',
  'src',
  'action',
  'tabindex',
  'colspan',
  'rowspan',
]);
/** Attribute values that are hooks and references, never amounts: their digits stay. */
const HOOKS = new Set(['class', 'id', 'name', 'type', 'role', 'for', 'data-testid', 'aria-controls', 'aria-labelledby', 'aria-describedby']);
const CONTROL_TAGS = new Set(['button', 'label', 'option', 'legend']);
const CONTROL_ROLES = /^(tab|button|radio|switch|checkbox|menuitem|option)$/;
/** Names of areas holding the trader's own figures. */
const ACCOUNT_AREA = /balance|avbl|avail|position|asset|account|wallet|equity|pnl|portfolio|history|orders|holding|funds|profile|uid|margin/i;
/** Layout utility classes that only look like account names. */
const LAYOUT_CLASSES = /\b(?:position|margin)-(?:relative|absolute|fixed|sticky|static|top|bottom|left|right|auto|[xy]|\d+)\b/g;
/** Form controls whose text is a figure of the account, not a label. */
const FIGURE_TEXT = /^\s*(max|avbl|avail|balance|cost|margin|liq|可用|可开|最大|余额|保证金|成本)/i;
const CONTACT = /e-?mail|phone|mobile|\btel\b|username/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const TOKEN = /[A-Za-z0-9+/=]{24,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const DIGIT = /\p{Nd}/gu;

function scrub(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKEN, (t) => (/\d/.test(t) && /[a-z]/i.test(t) ? '[redacted]' : t));
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Path only: query and fragment cut; script, data and blob URLs dropped. */
function urlPath(value: string): string | null {
  const v = value.trim();
  if (/^(javascript|data|blob|vbscript|file):/i.test(v)) return null;
  return v.replace(/[?#].*$/s, '');
}

interface Context {
  inForm: boolean;
  area: boolean;
  hard: boolean;
  keep: boolean;
}

export function pageReport(doc: Document, fields: ReportFields, options: ReportOptions): PageReport {
  const max = options.maxNodes ?? REPORT_MAX_NODES;
  const keptValue = new Map<Element, string>();
  for (const k of Object.values(fields.kept)) if (k && !isSensitiveElement(k.element)) keptValue.set(k.element, (k.element as HTMLInputElement).value);
  const keepText = new Set(fields.keepText);
  const masked = new Set(fields.masked);
  const counts = { scripts: 0, styles: 0, frames: 0, other: 0 };
  let nodes = 0;
  let cut = false;
  const out: string[] = [];

  const attributes = (el: Element, c: Context, contact: boolean, sensitive: boolean) => {
    let s = '';
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!/^[a-z][a-z0-9_:.-]*$/.test(name)) continue;
      if (!(ATTRIBUTES.has(name) || name.startsWith('data-') || name.startsWith('aria-'))) continue;
      if (name === 'placeholder' && (sensitive || contact)) continue;
      let value = attr.value;
      if (name === 'href' || name === 'src' || name === 'action') {
        const path = urlPath(value);
        if (path === null) continue;
        value = path;
      } else if (name === 'style') {
        value = value.replace(/url\([^)]*\)/gi, 'url()');
        if (!value.trim()) continue;
      }
      value = scrub(value);
      if ((c.hard || (!c.keep && (c.inForm || c.area))) && !HOOKS.has(name)) value = value.replace(DIGIT, '#');
      s += value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`;
    }
    const kept = keptValue.get(el);
    if (kept !== undefined) s += ` value="${escapeAttr(scrub(kept))}"`;
    return s;
  };

  const walk = (node: Node, c: Context, depth: number): void => {
    if (nodes >= max || depth > MAX_DEPTH) {
      cut = true;
      return;
    }
    if (node.nodeType === 3) {
      nodes++;
      const text = scrub(node.nodeValue ?? '');
      out.push(escapeText(c.hard || (!c.keep && (c.inForm || c.area)) ? text.replace(DIGIT, '#') : text));
      return;
    }
    if (node.nodeType !== 1) return; // comments, processing instructions
    const el = node as Element;
    const tag = el.localName;
    if (DROPPED.has(tag) || options.skip?.(el)) {
      if (tag === 'script') counts.scripts++;
      else if (tag === 'style' || tag === 'link') counts.styles++;
      else if (/^(i?frame|object|embed|applet|portal)$/.test(tag)) counts.frames++;
      else counts.other++;
      return;
    }
    nodes++;
    const naming = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('data-testid') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    const inForm = c.inForm || el === fields.form;
    const control = inForm && (CONTROL_TAGS.has(tag) || CONTROL_ROLES.test(el.getAttribute('role') ?? '')) && !FIGURE_TEXT.test(el.textContent ?? '');
    const next: Context = {
      inForm,
      area: c.area || ACCOUNT_AREA.test(naming.replace(LAYOUT_CLASSES, '')),
      hard: c.hard || masked.has(el),
      keep: c.keep || keepText.has(el) || control,
    };
    const sensitive = isSensitiveElement(el);
    const contact =
      tag === 'input' &&
      (/^(email|tel)$/i.test(el.getAttribute('type') ?? '') ||
        CONTACT.test(`${naming} ${el.getAttribute('name') ?? ''} ${el.getAttribute('autocomplete') ?? ''}`));
    out.push(`<${tag}${attributes(el, next, contact, sensitive)}>`);
    if (VOID.has(tag)) return;
    // A textarea's text is its value; a select's chosen option is in its markup.
    if (tag !== 'textarea') for (let child = el.firstChild; child; child = child.nextSibling) walk(child, next, depth + 1);
    out.push(`</${tag}>`);
  };

  const root = doc.documentElement;
  const top: Context = { inForm: false, area: false, hard: false, keep: false };
  out.push(`<html${root ? attributes(root, top, false, false) : ''}>\n<head><title>${escapeText(scrub(doc.title ?? ''))}</title></head>\n`);
  if (doc.body) walk(doc.body, top, 0);
  out.push('\n</html>\n');

  const keptLines = KEPT_FIELDS.map((f) => {
    const k = fields.kept[f];
    return `  ${f}: ${k ? `kept, the input LiqLens read it from (${k.hook})` : 'no input located (a button or text shows it, or it is missing): no value kept'}`;
  });
  let page = options.url;
  try {
    const u = new URL(options.url);
    page = `${u.origin}${u.pathname}`;
  } catch {
    page = urlPath(options.url) ?? '';
  }
  const header = [
    "LiqLens page report: a redacted copy of the trading page, made on the trader's click, saved only where they chose.",
    `LiqLens version: ${options.version}`,
    `Venue: ${options.venue}`,
    `Page: ${page} (query and fragment removed)`,
    `Date: ${options.date.toISOString()}`,
    `Nodes: ${nodes}${cut ? ` — CUT: the page was larger than ${max} nodes (or nested deeper than ${MAX_DEPTH}); the rest is not in this file` : ''}`,
    'Input values kept (the order fields LiqLens reads, so the reading can be replayed):',
    ...keptLines,
    `Removed: every other input value; placeholders of credential, e-mail and phone fields; digits in balance, position, order, asset and account areas and in the order form's other text (as #); <head> but its <title>; scripts (${counts.scripts}); style sheets (${counts.styles}); frames, objects and embeds (${counts.frames}); other elements: noscript, templates, the LiqLens overlay (${counts.other}); comments; event handlers; URL queries and fragments; token-, key- and e-mail-like values; shadow roots.`,
    'Never included: page storage of any kind, session data, the LiqLens overlay.',
  ].map((line) =>
    scrub(line)
      .replace(/-(?=-)/g, '- ')
      .replace(/[<>]/g, (ch) => (ch === '<' ? '‹' : '›')),
  );
  return { html: `<!DOCTYPE html>\n<!--\n  ${header.join('\n  ')}\n-->\n${out.join('')}`, nodes, cut };
}
