/**
 * The lexicon's entries as the reader compares them: token lists for phrases, stems for words.
 * Working them out (a thousand entries to tokenize and stem) was a tenth of a one-shot `cli ask`, and
 * they are the same at every start: the build loads the reader once, which works out every entry
 * through these two functions, and writes what they gave into lexicon-words.json beside this module
 * (scripts/build.mjs). A start then only reads them. Without that file (running from the sources),
 * or for an entry it lacks, they are worked out here as before, with the same code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tokensOf } from '../search/tokens';
import { normalize, stem } from '../text/normalize';

export const LEXICON_WORDS_FILE = 'lexicon-words.json';

interface LexiconWords {
  phrases: Record<string, string[]>;
  stems: Record<string, string>;
}

function load(): LexiconWords {
  try {
    return JSON.parse(readFileSync(path.join(__dirname, LEXICON_WORDS_FILE), 'utf8')) as LexiconWords;
  } catch {
    return { phrases: {}, stems: {} }; // from the sources: no build output beside us
  }
}

const BUILT = load();
/** What was worked out here, for the build to write. */
const worked: LexiconWords = { phrases: {}, stems: {} };

/** A lexicon phrase as the question's token norms ("*" stands for any one word). */
export function lexiconPhrase(text: string): string[] {
  if (Object.hasOwn(BUILT.phrases, text)) return BUILT.phrases[text]!;
  const words = text.split(/\s+/).flatMap((w) => (w === '*' || w === '...' ? [w] : tokensOf(w).map((t) => t.norm)));
  worked.phrases[text] = words;
  return words;
}

/** A lexicon word's stem, as a question's word is stemmed. */
export function lexiconStem(word: string): string {
  if (Object.hasOwn(BUILT.stems, word)) return BUILT.stems[word]!;
  const s = stem(normalize(word));
  worked.stems[word] = s;
  return s;
}

/** Every entry the reader worked out in this process (the build's, once it has loaded the reader). */
export function workedLexiconWords(): LexiconWords {
  return worked;
}
