/** What every operation returns: plain data that the CLI, the console and Discord each render. */
import type { Source } from '../knowledge/types';
import type { Knowledge, Release } from '../knowledge/types';
import { releaseDateText, type Lang } from '../strings';
import { tokenize } from '../text/normalize';

export type AnswerStatus = 'answered' | 'not_found';

export interface Answer {
  status: AnswerStatus;
  /** The direct answer, one sentence. */
  summary: string;
  /** List entries under the summary (people, topics); Discord pages them. */
  items: readonly string[];
  /** The release's words the answer rests on. */
  sources: readonly Source[];
  lang: Lang;
  /** The people (ids) the answer describes, when it is about people. */
  about?: readonly string[];
}

export function answered(summary: string, items: readonly string[], sources: readonly Source[], lang: Lang): Answer {
  return { status: 'answered', summary, items, sources: dedupeSources(sources), lang };
}

export function notFound(summary: string, lang: Lang): Answer {
  return { status: 'not_found', summary, items: [], sources: [], lang };
}

function dedupeSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.release}\u0000${s.paragraph}\u0000${s.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A quote for display: several fragments of one paragraph joined by " … ". */
export interface QuoteBlock {
  release: string;
  paragraph: number;
  text: string;
}

export function quoteBlocks(sources: readonly Source[]): QuoteBlock[] {
  const blocks: QuoteBlock[] = [];
  for (const s of sources) {
    const last = blocks[blocks.length - 1];
    if (last && last.release === s.release && last.paragraph === s.paragraph) last.text += ` … ${s.quote}`;
    else blocks.push({ release: s.release, paragraph: s.paragraph, text: s.quote });
  }
  return blocks;
}

/** The releases an answer cites, in order. */
export function citedReleases(answer: Answer, knowledge: Knowledge) {
  const ids = [...new Set(answer.sources.map((s) => s.release))];
  return ids.flatMap((id) => {
    const release = knowledge.releases.get(id);
    return release ? [release] : [];
  });
}

/**
 * The quotes worth showing under an answer: one block per paragraph, none that only repeats a
 * point (every word of it already in the summary or in one item), and — when the answer lists its
 * points — at most one per point. An answer with no list ("What the release says:") is its quotes.
 * The sources themselves (--json, the checks) keep every quote.
 */
export function evidenceBlocks(answer: Answer): QuoteBlock[] {
  const points = [answer.summary, ...answer.items];
  const said = points.map((p) => new Set(tokenize(p)));
  const fresh = quoteBlocks(answer.sources).filter((b) => {
    const words = tokenize(b.text);
    return !said.some((p) => words.every((w) => p.has(w)));
  });
  return answer.items.length ? fresh.slice(0, points.length) : fresh;
}

/** One short line naming a release: "— <title>, 28 February 2024". */
export function sourceLine(release: Release, lang: Lang): string {
  return `— ${release.title}${release.date || release.monthDay ? `, ${releaseDateText(release, lang)}` : ''}`;
}

/**
 * The answer as plain text — what the CLI prints and what the bot's message says: the answer and
 * its list, then the evidence, each release's quotes followed by one short line naming it.
 */
export function toPlainText(answer: Answer, knowledge: Knowledge): string {
  const lines = [answer.summary, ...answer.items.map((item) => `• ${item}`)];
  const blocks = evidenceBlocks(answer);
  const ids = [...new Set(answer.sources.map((s) => s.release))];
  if (ids.length) lines.push('');
  for (const id of ids) {
    const release = knowledge.releases.get(id);
    for (const b of blocks) if (b.release === id) lines.push(`> “${b.text}” (¶${b.paragraph}${release ? '' : `, ${id}`})`);
    if (release) lines.push(sourceLine(release, answer.lang));
  }
  return lines.join('\n');
}
