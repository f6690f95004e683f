/**
 * Ordinals ("the 4th round", "the fourth round", "четвёртый раунд"): a question about one round is not
 * answered by a sentence about another ("the previous, second round was held in 2019").
 */
import { LEXICON } from '../lexicon/lexicon';
import { isCyrillic, tokenize } from './normalize';

/** The number an ordinal word says: "4th", "fourth", "четвертого" → 4 (words as tokenize gives them). */
export function ordinalOf(word: string): number | undefined {
  const digits = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(word);
  if (digits) return Number(digits[1]);
  for (const list of LEXICON.ordinalWords) {
    const at = list.findIndex((w) => word === w || (isCyrillic(w) && word.startsWith(w)));
    if (at >= 0) return at + 1;
  }
  return undefined;
}

/** Whether a text says an ordinal, and none of them is this one. */
export function saysAnotherOrdinal(text: string, ordinal: number): boolean {
  const said = tokenize(text).flatMap((w) => ordinalOf(w) ?? []);
  return said.length > 0 && !said.includes(ordinal);
}
