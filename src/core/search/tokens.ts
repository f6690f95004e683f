import { stem, stripAccents } from '../text/normalize';

export interface Token {
  /** As typed, accents removed, case kept: "WHO" vs "who" matters for acronyms. */
  raw: string;
  norm: string;
  stem: string;
}

// Releases repeat their words: stemming each distinct word once keeps index builds fast.
const STEMS = new Map<string, string>();
const MAX_CACHED = 200_000;

export function cachedStem(norm: string): string {
  let s = STEMS.get(norm);
  if (s === undefined) {
    s = stem(norm);
    if (STEMS.size >= MAX_CACHED) STEMS.clear();
    STEMS.set(norm, s);
  }
  return s;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

const ASCII = /^[\x00-\x7f]*$/;
const WORD_ASCII = /[A-Za-z0-9]+(?:'[A-Za-z]+)?/g;

/** The words of a text as typed: accents stripped, quotes unified, case kept (what a Token is made from). */
export function rawWordsOf(text: string): string[] {
  // ASCII text (most of an archive's paragraphs) has no accents and no curly quotes, and its letters
  // and digits are [A-Za-z0-9]: the same words, found without Unicode property classes (a fifth of
  // a 10,000-release build went into this match).
  if (ASCII.test(text)) return (text.includes('`') ? text.replace(/`/g, "'") : text).match(WORD_ASCII) ?? [];
  // The whole text is stripped of accents once; each word is then only lower-cased (as normalize() would).
  const decased = stripAccents(text).replace(/[\u2018\u2019\u02bc`´]/g, "'");
  return decased.match(WORD) ?? [];
}

/** One word of rawWordsOf as a Token. */
export function tokenOf(r: string): Token {
  // Regular expressions only where needed: this runs for every word of every release.
  const raw = r.includes("'") ? r.replace(/'s$/i, '').replace(/'/g, '') : r;
  let norm = raw.toLowerCase();
  if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
  return { raw, norm, stem: cachedStem(norm) };
}

/** Tokens of a question or a sentence, with the forms each matcher needs. */
export function tokensOf(text: string): Token[] {
  return rawWordsOf(text).map(tokenOf);
}

/** A token with where it stands in the original text, so that a quote can be cut from it verbatim. */
export interface TokenSpan extends Token {
  start: number;
  end: number;
}

/**
 * Tokens exactly as tokensOf makes them, with their offsets in the original text (accents and
 * all): the one tokenizer the index, the questions and the draft command share.
 */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)?/gu)) {
    const [token] = tokensOf(m[0]);
    if (token) spans.push({ ...token, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
