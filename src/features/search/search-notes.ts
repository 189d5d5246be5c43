import type { MessageKey } from '../../ui/i18n/messages.en.ts';
import { type Translate, translator } from '../../ui/i18n/translate.ts';

/**
 * What a search says about how it read the query ("A quotation mark was not closed…"): a
 * message of the interface with its values, so that each language's page says it in its own
 * words. The API gives the English text (`noteText`).
 */
export interface SearchNote {
  key: Extract<MessageKey, `search.note.${string}`>;
  values?: Record<string, string | number>;
}

const english = translator('en');

/** The note in one language: English unless a page's translator is given. */
export function noteText(note: SearchNote, t: Translate = english): string {
  return t(note.key, note.values);
}
