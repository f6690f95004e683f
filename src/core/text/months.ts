/**
 * Month names, defined once: the dates a question names (search/dates.ts), the dates a
 * release gives (draft), and the dates the bot writes (strings.ts) all read them here.
 */

/** English month names, January first. */
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Russian month names in the genitive, as a date is written: "28 февраля 2024". */
export const MONTHS_RU_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** English abbreviations ("Sept" too), by month: index 0 is January. */
const EN_SHORT: readonly (readonly string[])[] = [
  ['jan'],
  ['feb'],
  ['mar'],
  ['apr'],
  [],
  ['jun'],
  ['jul'],
  ['aug'],
  ['sep', 'sept'],
  ['oct'],
  ['nov'],
  ['dec'],
];

/** Russian stems that every case of the month starts with ("феврал" → февраль, февраля, феврале); May is matched whole. */
const RU_STEMS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** Lower-case English forms of each month, full name first: [["january", "jan"], …]. */
export const MONTH_FORMS_EN: readonly (readonly string[])[] = MONTHS_EN.map((m, i) => [m.toLowerCase(), ...EN_SHORT[i]!]);

/** A regular expression source matching an English month name or abbreviation (with an optional period); use with the `i` flag. */
export const MONTH_PATTERN_EN = `(?:${MONTH_FORMS_EN.flat()
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/** 1–12 for an English or Russian month word (any case, any Russian declension), else undefined. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const en = MONTH_FORMS_EN.findIndex((forms) => forms.includes(w));
  if (en >= 0) return en + 1;
  const ru = RU_STEMS.findIndex((stem) => (stem === 'ма' ? /^ма[йяе]$/.test(w) : w.startsWith(stem)));
  return ru >= 0 ? ru + 1 : undefined;
}

/** Lower-case month words, English and Russian stems, for word lists ("not a name"). */
export const MONTH_WORDS: ReadonlySet<string> = new Set(MONTH_FORMS_EN.flat());

/** The words of one month (1–12) a text may contain: English forms and the Russian stem. */
export function monthWords(month: number): readonly string[] {
  return [...(MONTH_FORMS_EN[month - 1] ?? []), ...(RU_STEMS[month - 1] ? [RU_STEMS[month - 1]!] : [])];
}
