/**
 * The baseline the engine is measured against: plain fuse.js over every sentence of
 * the corpus — default options plus includeScore, as the issue specifies — answering
 * a question with its top hit (not_found when there is none).
 */
import Fuse from 'fuse.js';
import type { Knowledge } from '../core';
import type { EvalOutput } from './score';

export interface SentenceRecord {
  text: string;
  release: string;
  paragraph: number;
}

/** Every sentence of every release: split after . ! ? followed by a space and a capital or digit. */
export function sentencesOf(knowledge: Knowledge): SentenceRecord[] {
  const out: SentenceRecord[] = [];
  for (const release of knowledge.releases.values()) {
    release.paragraphs.forEach((paragraph, i) => {
      for (const text of paragraph.split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u))
        if (text.trim()) out.push({ text: text.trim(), release: release.id, paragraph: i + 1 });
    });
  }
  return out;
}

export class Baseline {
  private fuse: Fuse<SentenceRecord>;

  constructor(readonly sentences: readonly SentenceRecord[]) {
    this.fuse = new Fuse(sentences, { keys: ['text'], includeScore: true });
  }

  answer(question: string): EvalOutput {
    const top = this.fuse.search(question)[0];
    return top ? { status: 'answered', answer: top.item.text } : { status: 'not_found', answer: '' };
  }
}
