/**
 * Scores answers the way ../shared/eval/score.mjs does, so the benchmark's accuracy
 * is the number the eval script would print: an abstain item is right when the status
 * is not_found; any other is right when answered, containing one alternative of every
 * `must` group and none of `mustNot` (case-, accent- and whitespace-insensitive), in
 * at most 4000 characters. The questions are read from the file at run time.
 */
import { readFileSync } from 'node:fs';

export interface EvalItem {
  id?: string;
  cat?: string;
  q: string;
  must?: string[][];
  mustNot?: string[];
  abstain?: boolean;
}

export interface EvalOutput {
  status: 'answered' | 'not_found';
  answer: string;
}

export function norm(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export function isRight(item: EvalItem, out: EvalOutput | undefined): boolean {
  if (!out) return false;
  if (item.abstain) return out.status === 'not_found';
  if (out.status !== 'answered') return false;
  const answer = norm(out.answer);
  const missing = (item.must ?? []).some((group) => !group.some((alt) => answer.includes(norm(alt))));
  const extra = (item.mustNot ?? []).some((s) => answer.includes(norm(s)));
  return !missing && !extra && String(out.answer).length <= 4000;
}

/** The items of a JSONL question set, one per non-empty line. */
export function readEval(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EvalItem);
}

/** Share of right answers, 0..1. */
export function accuracy(items: readonly EvalItem[], answer: (q: string) => EvalOutput): number {
  if (items.length === 0) return 0;
  return items.filter((item) => isRight(item, answer(item.q))).length / items.length;
}
