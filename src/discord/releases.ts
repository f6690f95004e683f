/**
 * Finding a release by what a user typed, for /source. The core answers questions about releases
 * but has no look-up of the releases themselves, so this small adapter-side helper does it.
 */
import type { Knowledge, Release } from '../core';
import type { Suggestion } from './commands/types';

/** Newest first, then by id (stable). */
export function releasesByDate(knowledge: Knowledge): Release[] {
  return [...knowledge.releases.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

function matches(r: Release, typed: string): boolean {
  const q = typed.toLocaleLowerCase();
  return [r.id, r.title, r.date ?? ''].some((s) => s.toLocaleLowerCase().includes(q));
}

/** Empty → the newest release; an exact id; else the newest whose id, title or date contains the text. */
export function findRelease(knowledge: Knowledge, typed: string): Release | undefined {
  const q = typed.trim();
  const all = releasesByDate(knowledge);
  if (!q) return all[0];
  return knowledge.releases.get(q) ?? all.find((r) => matches(r, q));
}

export function suggestReleases(knowledge: Knowledge, typed: string, limit = 25): Suggestion[] {
  const q = typed.trim();
  return releasesByDate(knowledge)
    .filter((r) => !q || matches(r, q))
    .slice(0, limit)
    .map((r) => ({ label: `${r.date ?? 'date unknown'} — ${r.title}`, value: r.id }));
}
