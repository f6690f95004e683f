/**
 * Judging an answer as ../shared/eval/score.mjs does, shared by the question-set tests: right when
 * it answers and holds one alternative of every `must` group and none of `mustNot` (case-, accent-
 * and space-insensitive) within 4000 characters, or when it abstains where it should; a wrong
 * abstention is "missed", anything else "wrong".
 */
import type { Answer } from '../../src/core';

export const MAX_ANSWER_CHARS = 4000;

export type Outcome = 'right' | 'missed' | 'wrong';

export interface Expected {
  abstain: boolean;
  must: readonly (readonly string[])[];
  mustNot: readonly string[];
}

/** score.mjs's normalization, character for character. */
export function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export function judgeAnswer(expected: Expected, status: Answer['status'], text: string): { outcome: Outcome; why: string } {
  if (expected.abstain) return status === 'not_found' ? { outcome: 'right', why: '' } : { outcome: 'wrong', why: 'should be not_found, but answered' };
  if (status !== 'answered') return { outcome: 'missed', why: 'said not_found' };
  const a = norm(text);
  const missing = expected.must.filter((group) => !group.some((alt) => a.includes(norm(alt))));
  const extra = expected.mustNot.filter((s) => a.includes(norm(s)));
  const why = [
    missing.length ? `missing one of ${missing.map((g) => JSON.stringify(g)).join(', ')}` : '',
    extra.length ? `should not mention ${JSON.stringify(extra)}` : '',
    text.length > MAX_ANSWER_CHARS ? `answer longer than ${MAX_ANSWER_CHARS} characters` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { outcome: why ? 'wrong' : 'right', why };
}
