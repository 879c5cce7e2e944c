/**
 * Translations of the sentences the liquidation engine writes into its results (assumptions and
 * rule notes, core/liquidation). The engine speaks English; an unknown or reworded sentence is
 * shown as it is, never dropped, so a change there costs a translation, not information.
 * The tables are registered per language (addNotes): the content script gets them from the
 * background, the extension pages import them.
 */
import type { Language } from './i18n';

/** Exact sentences, and patterns (RegExp source, template with {1}… for the captures). */
export interface NoteCatalog {
  exact: Record<string, string>;
  patterns: [string, string][];
}

interface CompiledNotes {
  exact: Record<string, string>;
  patterns: [RegExp, string][];
}

const NOTES: Partial<Record<Language, CompiledNotes>> = {};

export function addNotes(language: Language, catalog: NoteCatalog): void {
  const patterns: [RegExp, string][] = [];
  for (const [source, template] of catalog.patterns) {
    try {
      patterns.push([new RegExp(source), template]);
    } catch {
      // A malformed pattern is skipped: its sentences stay in English.
    }
  }
  NOTES[language] = { exact: { ...catalog.exact }, patterns };
}

export function translateNote(note: string, language: Language): string {
  const notes = NOTES[language];
  if (!notes) return note;
  const exact = Object.hasOwn(notes.exact, note) ? notes.exact[note] : undefined;
  if (exact) return exact;
  for (const [pattern, template] of notes.patterns) {
    const m = pattern.exec(note);
    if (m) return template.replace(/\{(\d)\}/g, (whole, i: string) => m[Number(i)] ?? whole);
  }
  return note;
}
