/**
 * Read-only DOM access for the page reader. Only `textContent`, `value` and attributes are read:
 * never `innerText`, `getComputedStyle`, `getBoundingClientRect` or `offset*` (they force layout
 * on the trading page). Nothing here writes to the page.
 */
import type { DecimalSeparator } from '../format/numbers';
import { isSensitiveElement } from './privacy';
import { normaliseLabel } from './vocabulary';
import type { Probe } from './adapter-types';

/**
 * What each probe chain resolved to, kept between reads so a keystroke re-reads only the located
 * elements' values instead of running every fallback again. An entry is reused only while its
 * element is still connected, visible, not sensitive and (for text-matched or label probes) still
 * shows what made it match; the owner (watch-page.ts) clears the whole cache when the form's
 * structure changes, on a market switch and on the slow poll, so a new decoy or a newly matching
 * earlier hook is seen within that poll at the latest.
 */
export class ResolutionCache {
  readonly entries = new Map<readonly Probe[], CachedResolution>();
  /** Sensitive elements met since the last clear (the health report counts them). */
  refused = new Set<Element>();
  /** The order form of the last read through this cache (undefined: none since the last clear). */
  lastForm: Element | null | undefined = undefined;
  /** The decimal separator that read used (a keystroke keeps it with the prices it came from). */
  lastDecimal: DecimalSeparator | undefined = undefined;

  clear(): void {
    this.entries.clear();
    this.refused = new Set();
    this.lastForm = undefined;
  }
}

interface CachedResolution {
  form: Element | null;
  input: boolean;
  /** The probe that answered (null when none did: the field is cached as missing). */
  probe: Probe | null;
  /** The element the probe's selector matched; `element` is it, its ancestor or the input inside it. */
  matched: Element | null;
  element: Element | null;
  hook: string;
  /** For a label probe on a non-input: the dictionary word that matched. */
  labelWord: string | null;
  passedOver: string[];
  missing: string | null;
}

export class ReadContext {
  /** Sensitive elements met during this pass (counted once each, never read). */
  readonly refusedElements: Set<Element>;
  /** Hidden-or-not verdicts of this pass, shared by elements with common ancestors. */
  readonly hiddenMemo = new Map<Element, boolean>();
  constructor(
    readonly doc: Document,
    public decimal: DecimalSeparator | undefined,
    readonly cache?: ResolutionCache,
  ) {
    this.refusedElements = cache ? cache.refused : new Set<Element>();
  }

  refuse(element: Element): void {
    this.refusedElements.add(element);
  }

  /** How many sensitive elements were refused; ones a cache kept but the page has since removed do not count. */
  refusedCount(): number {
    for (const element of this.refusedElements) if (!element.isConnected) this.refusedElements.delete(element);
    return this.refusedElements.size;
  }
}

export interface Found {
  element: Element;
  /** The text (or input value, or attribute) the field parser interprets. */
  text: string;
  hook: string;
}

export type Resolution = { found: Found; passedOver: string[] } | { missing: string; passedOver: string[] };

const MAX_ANCESTORS = 64;

/**
 * Hidden by attribute or inline style (a second, hidden form is a decoy, not the order). Elements
 * hidden only by a stylesheet look visible here (checking would need getComputedStyle on the hot
 * path); a hook then matches twice and the field reads as missing — closed, not wrong.
 */
export function isHidden(element: Element, memo?: Map<Element, boolean>): boolean {
  const walked: Element[] = [];
  let hidden = false;
  let node: Element | null = element;
  for (let depth = 0; node && depth < MAX_ANCESTORS; depth++, node = node.parentElement) {
    const known = memo?.get(node);
    if (known !== undefined) {
      hidden = known;
      break;
    }
    walked.push(node);
    if (hiddenItself(node)) {
      hidden = true;
      break;
    }
  }
  // Every element walked shares the verdict of the first hidden one (or of the visible top).
  if (memo) for (const el of walked) memo.set(el, hidden);
  return hidden;
}

function hiddenItself(node: Element): boolean {
  if (node.hasAttribute('hidden') || node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') return true;
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

export function isInput(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  const tag = element.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea';
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Visible, non-sensitive matches; sensitive ones are counted and never read. */
export function visibleMatches(ctx: ReadContext, root: ParentNode, css: string): Element[] | string {
  let nodes: Element[];
  try {
    nodes = Array.from(root.querySelectorAll(css));
  } catch {
    return `invalid selector ${css}`;
  }
  return nodes.filter((el) => {
    if (isSensitiveElement(el)) {
      ctx.refuse(el);
      return false;
    }
    return !isHidden(el, ctx.hiddenMemo);
  });
}

/** The text an element shows, or its value if it is an input. Sensitive elements read as ''. */
export function readText(ctx: ReadContext, element: Element, attr?: string): string {
  if (isSensitiveElement(element)) {
    ctx.refuse(element);
    return '';
  }
  return readChecked(element, attr);
}

/** readText for an element already checked not to be sensitive. */
function readChecked(element: Element, attr?: string): string {
  if (attr) return collapse(element.getAttribute(attr));
  if (isInput(element)) return collapse(element.value);
  return collapse(element.textContent);
}

function ownText(element: Element): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) if (node.nodeType === 3) text += node.textContent ?? '';
  return collapse(text);
}

/** Adapter word lists are module constants: normalise each once, not once per element scanned. */
const normalisedWords = new WeakMap<readonly string[], string[]>();
function normalisedList(words: readonly string[]): string[] {
  let list = normalisedWords.get(words);
  if (!list) {
    list = words.map(normaliseLabel);
    normalisedWords.set(words, list);
  }
  return list;
}

function startsWithWord(label: string, words: readonly string[]): string | null {
  const normalised = normaliseLabel(label);
  for (const w of normalisedList(words)) {
    if (normalised === w) return w;
    if (normalised.startsWith(w)) {
      const next = normalised.charAt(w.length);
      // "price (usdt)" and "available6,996" match "price"/"available"; "pricey" does not.
      if (!/[a-z]/.test(next) || /[\u4e00-\u9fff]/.test(w)) return w;
    }
  }
  return null;
}

/** Labels an input carries: aria-label, placeholder, aria-labelledby, <label>, the text just before it. */
export function inputLabels(ctx: ReadContext, input: Element): string[] {
  const labels: string[] = [];
  const push = (text: string | null | undefined) => {
    const t = collapse(text);
    if (t) labels.push(t);
  };
  push(input.getAttribute('aria-label'));
  push(input.getAttribute('placeholder'));
  const labelledBy = input.getAttribute('aria-labelledby');
  if (labelledBy) for (const id of labelledBy.split(/\s+/)) push(ctx.doc.getElementById(id)?.textContent);
  // <label for=…> and a wrapping <label> alike (the input's own `labels`).
  for (const l of Array.from((input as HTMLInputElement).labels ?? [])) push(l.textContent);
  push(nearbyLabel(input));
  return labels;
}

const FIELDS = 'input:not([type="hidden"]), textarea, select';

/**
 * The visible label a person reads next to an input: the first text before it while walking up
 * (at most 6 levels) through ancestors that hold no other field — `<label>Price</label><div><input></div>`,
 * or a design system's form item (`label "Amount (Contracts)"` + control box + input).
 */
export function nearbyLabel(input: Element): string | null {
  let node: Element = input;
  for (let up = 0; up < 6; up++) {
    for (let sib = node.previousElementSibling, n = 0; sib && n < 3; sib = sib.previousElementSibling, n++) {
      if (sib.matches(FIELDS) || sib.querySelector(FIELDS)) return null;
      if (isHidden(sib)) continue;
      const text = collapse(sib.textContent);
      if (text) return text;
    }
    const parent = node.parentElement;
    if (!parent || parent.querySelectorAll(FIELDS).length > 1) return null;
    node = parent;
  }
  return null;
}

/** Elements a text scan visits at most: a label fallback over a whole trading page stays bounded. */
export const MAX_SCAN = 5000;

function containerFor(ctx: ReadContext, probe: Probe, form: Element | null, defaultScope: 'form' | 'document'): ParentNode | string {
  if (probe.within) {
    const containers = visibleMatches(ctx, ctx.doc, probe.within);
    if (typeof containers === 'string') return containers;
    if (containers.length !== 1) return `container ${probe.within} matched ${containers.length}`;
    return containers[0] as Element;
  }
  const scope = probe.scope ?? defaultScope;
  const base: ParentNode | string = scope === 'document' ? ctx.doc : (form ?? 'order form not found');
  if (!probe.relativeTo || typeof base === 'string') return base;
  const anchors = visibleMatches(ctx, base, probe.relativeTo.css);
  if (typeof anchors === 'string') return anchors;
  if (anchors.length !== 1) return `anchor ${probe.relativeTo.css} matched ${anchors.length}`;
  let node: Element = anchors[0] as Element;
  if (probe.relativeTo.closest) return node.closest(probe.relativeTo.closest) ?? `anchor ${probe.relativeTo.css} is not inside ${probe.relativeTo.closest}`;
  for (let up = probe.relativeTo.levels ?? 2; up > 0 && node.parentElement; up--) node = node.parentElement;
  return node;
}

interface LabelHit {
  element: Element;
  /** The dictionary word that matched, for the health report. */
  word: string;
  /** The value text next to a label; null for inputs (their value is read). */
  text: string | null;
}

function findByLabel(ctx: ReadContext, container: ParentNode, words: readonly string[], wantInput: boolean): LabelHit[] {
  if (wantInput) {
    const inputs = visibleMatches(ctx, container, 'input, textarea');
    if (typeof inputs === 'string') return [];
    const hits: LabelHit[] = [];
    for (const element of inputs) {
      for (const l of inputLabels(ctx, element)) {
        const word = startsWithWord(l, words);
        if (word) {
          hits.push({ element, word, text: null });
          break;
        }
      }
    }
    return hits;
  }
  const all = container.querySelectorAll('*');
  const hits: LabelHit[] = [];
  // Text first, visibility only for the few that match: a scan over a page costs little.
  for (let i = 0; i < all.length && i < MAX_SCAN; i++) {
    const element = all[i] as Element;
    // Sensitive fields met on the way are counted for the health report, never read.
    if (isInput(element) && isSensitiveElement(element)) {
      ctx.refuse(element);
      continue;
    }
    const hit = labelHitAt(element, words);
    if (hit && !isSensitiveElement(element) && !isHidden(element, ctx.hiddenMemo)) hits.push(hit);
  }
  return hits;
}

/** A text label starting with one of `words`, and the value shown with it (after it, or in the next sibling). */
function labelHitAt(element: Element, words: readonly string[]): LabelHit | null {
  const own = ownText(element);
  const word = own && startsWithWord(own, words);
  if (!word) return null;
  const rest = collapse(own.slice(word.length)).replace(/^[:：]\s*/, '');
  const sibling = element.nextElementSibling;
  const text = /[0-9０-９]/.test(rest) ? rest : sibling && !isSensitiveElement(sibling) ? collapse(sibling.textContent) : rest;
  return { element, word, text };
}

/** The nearest ancestor (12 levels at most) holding a control whose text `names` says is the form's. */
function formAround(element: Element, names: (text: string) => boolean): Element | null {
  let node = element.parentElement;
  for (let depth = 0; node && depth < 12; depth++, node = node.parentElement) {
    const controls = node.querySelectorAll('button, [role="tab"], [role="button"], [role="radio"]');
    for (let i = 0; i < controls.length && i < 200; i++) if (names(collapse(controls[i]?.textContent))) return node;
  }
  return null;
}

function ancestorContaining(element: Element, css: string): Element | null {
  let node = element.parentElement;
  for (let depth = 0; node && depth < MAX_ANCESTORS; depth++, node = node.parentElement) {
    try {
      if (node.querySelector(css)) return node;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Runs probes in order; the first that locates exactly one element answers. Later probes are
 * never consulted once one has located the field, even if its content turns out empty: a
 * fallback must not replace the real (empty) field with a decoy.
 */
export function resolve(
  ctx: ReadContext,
  probes: readonly Probe[],
  form: Element | null,
  options: { defaultScope: 'form' | 'document'; input?: boolean },
): Resolution {
  const cache = ctx.cache;
  if (!cache) return resolveProbes(ctx, probes, form, options).resolution;
  const entry = cache.entries.get(probes);
  if (entry && entry.form === form && entry.input === !!options.input) {
    const reused = reread(ctx, entry);
    if (reused) return reused;
  }
  const { resolution, probe, matched, labelWord } = resolveProbes(ctx, probes, form, options);
  cache.entries.set(probes, {
    form,
    input: !!options.input,
    probe,
    matched,
    element: 'found' in resolution ? resolution.found.element : null,
    hook: 'found' in resolution ? resolution.found.hook : '',
    labelWord,
    passedOver: resolution.passedOver,
    missing: 'missing' in resolution ? resolution.missing : null,
  });
  return resolution;
}

/**
 * A cached resolution with fresh text, or null when it no longer holds (its element left the page,
 * was hidden, turned sensitive, or no longer shows what made its probe match).
 */
function reread(ctx: ReadContext, entry: CachedResolution): Resolution | null {
  const passedOver = [...entry.passedOver];
  if (entry.missing !== null) return { missing: entry.missing, passedOver };
  const { element, matched, probe } = entry;
  if (!element || !matched || !probe || !element.isConnected || isSensitiveElement(element) || isHidden(element, ctx.hiddenMemo)) return null;
  if (matched !== element && !(element.contains(matched) || matched.contains(element))) return null;
  if (entry.labelWord !== null) {
    const hit = labelHitAt(element, probe.label ?? []);
    if (!hit || hit.word !== entry.labelWord || hit.text === null) return null;
    return { found: { element, text: hit.text, hook: entry.hook }, passedOver };
  }
  if (probe.textMatches && !probe.textMatches.test(readText(ctx, matched))) return null;
  return { found: lazyFound(element, () => readChecked(element, probe.attr), entry.hook), passedOver };
}

/**
 * A found element whose text is read when first asked for: the order form's root is located for
 * its subtree, and reading its whole textContent on every keystroke would be wasted work.
 */
function lazyFound(element: Element, read: () => string, hook: string): Found {
  let text: string | undefined;
  return {
    element,
    hook,
    get text() {
      text ??= read();
      return text;
    },
  };
}

function resolveProbes(
  ctx: ReadContext,
  probes: readonly Probe[],
  form: Element | null,
  options: { defaultScope: 'form' | 'document'; input?: boolean },
): { resolution: Resolution; probe: Probe | null; matched: Element | null; labelWord: string | null } {
  const answer = (resolution: Resolution, probe: Probe | null = null, matched: Element | null = null, labelWord: string | null = null) => ({
    resolution,
    probe,
    matched,
    labelWord,
  });
  const passedOver: string[] = [];
  for (const probe of probes) {
    const container = containerFor(ctx, probe, form, options.defaultScope);
    if (typeof container === 'string') {
      passedOver.push(`${probe.hook}: ${container}`);
      continue;
    }
    if (probe.css) {
      const all = visibleMatches(ctx, container, probe.css);
      if (typeof all === 'string') {
        passedOver.push(`${probe.hook}: ${all}`);
        continue;
      }
      const pattern = probe.textMatches;
      const matches = pattern ? all.filter((el) => pattern.test(readText(ctx, el))) : all;
      if (matches.length !== 1) {
        passedOver.push(`${probe.hook}: matched ${matches.length} visible elements`);
        continue;
      }
      const matched = matches[0] as Element;
      let element = matched;
      if (probe.ancestorContaining) {
        const ancestor = ancestorContaining(element, probe.ancestorContaining);
        if (!ancestor) {
          passedOver.push(`${probe.hook}: no ancestor holds ${probe.ancestorContaining}`);
          continue;
        }
        element = ancestor;
      }
      if (options.input && !isInput(element)) {
        const inner = visibleMatches(ctx, element, 'input, textarea');
        if (typeof inner === 'string' || inner.length !== 1) {
          passedOver.push(`${probe.hook}: no single input inside`);
          continue;
        }
        element = inner[0] as Element;
      }
      return answer({ found: lazyFound(element, () => readText(ctx, element, probe.attr), probe.hook), passedOver }, probe, matched);
    }
    if (probe.label && probe.formAround) {
      const hits = findByLabel(ctx, container, probe.label, true);
      const around = hits.length === 1 ? formAround((hits[0] as LabelHit).element, probe.formAround) : null;
      if (!around) {
        passedOver.push(`${probe.hook}: ${hits.length === 1 ? 'no ancestor holds an order-type or side control' : `${hits.length} labelled inputs`}`);
        continue;
      }
      return answer({ found: lazyFound(around, () => '', probe.hook), passedOver }, probe, around);
    }
    if (probe.label) {
      const hits = findByLabel(ctx, container, probe.label, !!options.input);
      if (hits.length !== 1) {
        passedOver.push(`${probe.hook}: ${hits.length} labelled elements`);
        continue;
      }
      const hit = hits[0] as LabelHit;
      const text = hit.text ?? readText(ctx, hit.element, probe.attr);
      return answer(
        { found: { element: hit.element, text, hook: `label "${hit.word}"` }, passedOver },
        probe,
        hit.element,
        hit.text === null ? null : hit.word,
      );
    }
  }
  const why = passedOver.length > 0 ? passedOver.join('; ') : 'no probe defined';
  return answer({ missing: `not found (${why})`, passedOver });
}
