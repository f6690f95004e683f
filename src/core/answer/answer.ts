/** What every operation returns: plain data that the CLI, the console and Discord each render. */
import type { Source } from '../knowledge/types';
import type { Knowledge } from '../knowledge/types';
import { formatDate, type Lang } from '../strings';

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
 * The answer as plain text — what the CLI prints and what the bot's message says:
 * the answer, the list, the quoted sentences, and which release they come from.
 */
export function toPlainText(answer: Answer, knowledge: Knowledge): string {
  const lines = [answer.summary, ...answer.items.map((item) => `• ${item}`)];
  const blocks = quoteBlocks(answer.sources);
  const releases = citedReleases(answer, knowledge);
  if (blocks.length) {
    lines.push('');
    for (const b of blocks) lines.push(`> “${b.text}” (¶${b.paragraph}${releases.length > 1 ? `, ${b.release}` : ''})`);
  }
  for (const r of releases) lines.push(`— ${r.title}, ${formatDate(r.date, answer.lang)}. ${r.source}.`);
  return lines.join('\n');
}
