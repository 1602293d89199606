// Every text a person reads exists in Indonesian and English. This is its one type, and the one
// function that turns it into what a reader sees: their language, or both when nobody's choice
// is known (an uninvited account, the operator at the command line).
import type { Language } from '../model/organisation.js';

/** Bilingual text: Indonesian first, English second. */
export type Bilingual = { id: string; en: string };

export function bilingual(id: string, en: string): Bilingual {
  return { id, en };
}

/**
 * Whose reading: a person's language; 'both' for a chat message to someone whose language is
 * not known (Indonesian, a blank line, English); 'both-inline' for one line at the command line
 * or in a short caption ("Indonesian / English").
 */
export type Reader = Language | 'both' | 'both-inline';

/** The text for a reader. */
export function textFor(t: Bilingual, reader: Reader): string {
  switch (reader) {
    case 'id':
      return t.id;
    case 'en':
      return t.en;
    case 'both':
      return `${t.id}\n\n${t.en}`;
    case 'both-inline':
      return `${t.id} / ${t.en}`;
  }
}
