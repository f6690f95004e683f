import { LEXICON } from '../lexicon/lexicon';
import { stripAccents } from './normalize';

/**
 * A Latin-letter name as Russian writes it ("Aizhan Kurmangaliyeva" → "айжан курмангалийева"), from
 * the lexicon's letter table (ru.yaml `latin_letters`, the one that reads Russian typed in Latin
 * letters). Not a transliteration standard: close enough for a Russian question's "Курмангалиева"
 * to be one typo away, which the reader's typo tolerance covers.
 */
export function toCyrillic(text: string): string {
  const lower = stripAccents(text).toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; ) {
    const hit = /[a-z]/.test(lower[i]!) ? LEXICON.latinLetters.find(([latin]) => lower.startsWith(latin, i)) : undefined;
    out += hit ? hit[1] : lower[i];
    i += hit ? hit[0].length : 1;
  }
  // A word's first "e" is "э" in Russian names ("Engström" → "Энгстрём").
  // A "y" between consonants is "ы" ("Tumysh" → "Тумыш", "Kydyrali" → "Кыдырали"); after a vowel it stays "й" ("Bakayev").
  return out.replace(/(^|[\s-])е/g, '$1э').replace(/(?<=[бвгджзклмнпрстфхцчшщ])й(?=[бвгджзклмнпрстфхцчшщ]|$|[\s-])/g, 'ы');
}
