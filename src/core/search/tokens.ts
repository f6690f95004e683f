import { normalize, stem, stripAccents } from '../text/normalize';

export interface Token {
  /** As typed, accents removed, case kept: "WHO" vs "who" matters for acronyms. */
  raw: string;
  norm: string;
  stem: string;
}

/** Tokens of a question or a sentence, with the forms each matcher needs. */
export function tokensOf(text: string): Token[] {
  const decased = stripAccents(text).replace(/[\u2018\u2019\u02bc`´]/g, "'");
  const raws = decased.match(/[\p{L}\p{N}]+(?:'[\p{L}])?/gu) ?? [];
  return raws.map((r) => {
    const raw = r.replace(/'s$/i, '').replace(/'/g, '');
    const norm = normalize(raw);
    return { raw, norm, stem: stem(norm) };
  });
}
