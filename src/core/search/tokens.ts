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

/** Tokens of a question or a sentence, with the forms each matcher needs. */
export function tokensOf(text: string): Token[] {
  // The whole text is stripped of accents once; each word is then only lower-cased (as normalize() would).
  const decased = stripAccents(text).replace(/[\u2018\u2019\u02bc`´]/g, "'");
  const raws = decased.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  // Regular expressions only where needed: this runs for every word of every release.
  return raws.map((r) => {
    const raw = r.includes("'") ? r.replace(/'s$/i, '').replace(/'/g, '') : r;
    let norm = raw.toLowerCase();
    if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
    return { raw, norm, stem: cachedStem(norm) };
  });
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
