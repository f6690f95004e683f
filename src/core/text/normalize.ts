import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newStemmer } from 'snowball-stemmers';
import { LEXICON } from '../lexicon/lexicon';

/**
 * Text normalization shared by the index and the question reader, so both sides
 * compare the same forms: no accents, lower case, one kind of quote and dash.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Removes accents (Türk → Turk) but keeps й a letter of its own: Russian spells with it. */
export function stripAccents(text: string): string {
  // ASCII has no accents to strip (NFKD leaves it as it is): most paragraphs of an archive are ASCII,
  // and this runs over every one of them when the index is built.
  if (ASCII.test(text)) return text;
  return (
    text
      .normalize('NFKD')
      .replace(/([иИ])\u0306/g, (_, i: string) => (i === 'и' ? 'й' : 'Й'))
      .replace(/\p{M}/gu, '')
      // Letters with a stroke are no letter plus an accent to NFKD: "Đurić" is typed "Duric", "Łódź" "Lodz".
      .replace(/[đĐłŁøØıħĦ]/g, (c) => STROKED[c] ?? c)
  );
}
const STROKED: Record<string, string> = { đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ı: 'i', ħ: 'h', Ħ: 'H' };

/** Lower-case, strip diacritics (Türk → turk, Bùi → bui), fold ё → е, unify quotes/dashes, collapse spaces. */
export function normalize(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of normalized text: letters and digits; "al-saud" → ["al", "saud"], "master's" → ["master"]. */
export function tokenize(text: string): string[] {
  const tokens = normalize(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  return tokens.map((t) => t.replace(/'s$/, '').replace(/'/g, ''));
}

export function isCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

// Russian suffix stripping, enough to let "встреча"/"встречи"/"встречался" meet. Russian stacks
// endings ("Токаев-ым"): they are stripped until none is left, so every case of a name meets its nominative.
const RU_SUFFIXES = [
  'иями',
  'ями',
  'ами',
  'его',
  'ого',
  'ему',
  'ому',
  'ыми',
  'ими',
  'ией',
  'ий',
  'ый',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ую',
  'юю',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ей',
  'ия',
  'ию',
  'ии',
  'ым',
  'им',
  'ть',
  'ла',
  'ло',
  'ли',
  'л',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

function stripAll(token: string, suffixes: readonly string[], minStem: number): string {
  for (;;) {
    const suffix = suffixes.find((x) => token.length - x.length >= minStem && token.endsWith(x));
    if (!suffix) return token;
    token = token.slice(0, -suffix.length);
  }
}

/**
 * The form words are compared by. Spelling variants (programme/program, -ise/-ize) and the
 * lexicon's synonyms (degree → diploma, chief → head) fold first, the same way for the releases
 * and the questions, so either spelling finds the other.
 */
export function stem(token: string): string {
  return suffixStem(fold(token));
}

function fold(token: string): string {
  const synonym = LEXICON.synonyms.get(token);
  if (synonym !== undefined) token = synonym;
  for (const [typed, folded] of LEXICON.variants) {
    if (token.length >= typed.length + (typed.length <= 4 ? 2 : 0) && token.endsWith(typed)) return token.slice(0, -typed.length) + folded;
  }
  return token;
}

/**
 * English words go through Snowball's English (Porter2) stemmer, which also meets derivations
 * ("sustainability"/"sustainable", "democratization"/"democratic") and does not collide "mental"
 * with "government" as the old suffix list did. Russian keeps the suffix list below: Snowball's
 * Russian stems names inconsistently (Казахстан → казахста, Казахстаном → казахстан; Токаев → тока,
 * Токаевым → токаев), and names matter most here. Measured on every question set (README).
 */
const ENGLISH = newStemmer('english');

/**
 * Snowball's English stems of the question lexicon's words, which the reader stems at every start
 * (a seventh of a one-shot `cli ask` went into Snowball): the build works them out once, with this
 * very stemmer, into english-stems.json beside the compiled file (scripts/build.mjs). A table of
 * the stemmer's own answers: a word it lacks (from the sources, none) is stemmed as before.
 */
export const ENGLISH_STEMS_FILE = 'english-stems.json';

/** Every English word in the strings of `data` (the lexicon's files), with its Snowball stem. */
export function computeEnglishStems(data: unknown): Record<string, string> {
  const words = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const word of normalize(value).match(/[a-z]+/g) ?? []) words.add(word);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        walk(key);
        walk(v);
      }
  };
  walk(data);
  return Object.fromEntries([...words].sort().map((word) => [word, ENGLISH.stem(word)]));
}

function loadEnglishStems(): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(path.join(__dirname, ENGLISH_STEMS_FILE), 'utf8')) as Record<string, string>));
  } catch {
    return new Map(); // from the sources: no build output beside us
  }
}

const ENGLISH_STEMS = loadEnglishStems();

function suffixStem(token: string): string {
  if (/^[a-z]+$/.test(token)) return ENGLISH_STEMS.get(token) ?? ENGLISH.stem(token);
  if (!/[а-я]/.test(token)) return token; // numbers, mixed scripts: as written
  return stripAll(token.replace(/(ся|сь)$/, ''), RU_SUFFIXES, 3);
}

// Three rolling rows, reused across calls: typo checks run for many words per question, and
// fresh arrays each time were garbage the collector had to stop for.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Damerau-Levenshtein distance (optimal string alignment), bounded: returns max+1 once it is exceeded. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  let beforePrev = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrev[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [beforePrev, prev, cur] = [prev, cur, beforePrev];
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still count as the same word. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

// Words whose trailing period does not end a sentence ("Dr. Tedros", "U.N. agenda").
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.n',
  'u.s',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Split a paragraph into sentences, keeping each sentence's exact words. */
export function splitSentences(paragraph: string): string[] {
  const spans = sentenceSpans(paragraph);
  const sentences: string[] = [];
  for (let k = 0; k < spans.length; k += 2) sentences.push(paragraph.slice(spans[k], spans[k + 1]));
  return sentences;
}

/**
 * The sentences of splitSentences as offsets into the paragraph, [start, end, start, end, …]
 * (each already trimmed, none empty): the sentence index keeps these instead of a copy of each sentence.
 */
export function sentenceSpans(paragraph: string): number[] {
  const spans: number[] = [];
  const boundary = /[.!?]+["”»)]?\s+(?=[\p{Lu}\d"“«(])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const lastWord = /([\p{L}.]+)[.!?]+["”»)]?\s+$/u.exec(paragraph.slice(start, end))?.[1] ?? '';
    if (ABBREVIATIONS.has(lastWord.toLowerCase().replace(/\.$/, ''))) continue;
    // An initial inside a name ("Nayef Falah M. Al-Hajraf") ends no sentence.
    if (/^\p{Lu}$/u.test(lastWord) && /\s\p{Lu}\.\s+$/u.test(paragraph.slice(Math.max(start, end - 6), end))) continue;
    // Nor do dotted initials ("the L.N. Gumilyov Eurasian National University", "the U.S. delegation").
    if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(lastWord)) continue;
    // Nor does the number of a list's item ("… signed: 1. Plan of …; 2. Memorandum …").
    if (/(?:^|[;:])\s*\d{1,2}[.)]\s+$/.test(paragraph.slice(start, end))) continue;
    pushTrimmed(spans, paragraph, start, end);
    start = end;
  }
  pushTrimmed(spans, paragraph, start, paragraph.length);
  return spans;
}

const SPACE = /\s/;

/** paragraph.slice(start, end).trim(), as offsets (trim() removes exactly what \s matches), unless empty. */
function pushTrimmed(spans: number[], paragraph: string, start: number, end: number): void {
  while (start < end && SPACE.test(paragraph[start]!)) start++;
  while (end > start && SPACE.test(paragraph[end - 1]!)) end--;
  if (end > start) spans.push(start, end);
}

/** The number a numbered list's item opens with ("3. Programme of …", "3) …"); 0 when it opens with none. */
export function listItemNumber(text: string): number {
  return Number(/^(\d{1,2})[.)]\s/.exec(text)?.[1] ?? 0);
}

/** Collapse runs of white space, for comparing a quote with the paragraph it cites. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
