/** Autocomplete: the people and organizations a partly typed name may mean (fuse.js over names, aliases, titles). */
import type { Engine } from '../engine';
import { peopleOf } from './people';
import { normalize } from '../text/normalize';

export interface Suggestion {
  /** What the user sees. */
  label: string;
  /** What the command receives: the entity's name, which resolves back to it. */
  value: string;
}

export const MAX_SUGGESTIONS = 25;

/** Counterparts first; with text typed, the best fuzzy matches of their names, aliases and titles. */
export function suggest(engine: Engine, typed: string, limit = MAX_SUGGESTIONS): Suggestion[] {
  const met = engine.index.metPeople;
  const label = (id: string): Suggestion => {
    const e = engine.knowledge.entities.get(id)!;
    return { label: e.title ? `${e.name} — ${e.title}` : e.name, value: e.name };
  };
  const query = typed.trim().slice(0, 100);
  if (!query) return [...met].slice(0, limit).map(label);
  const ids: string[] = [];
  for (const { item } of engine.index.formSearch.search(normalize(query), limit * 4)) {
    // An organization or country suggests its people that were met ("WHO" → Tedros).
    for (const id of [item.entity, ...peopleOf(engine, item.entity)]) {
      if (met.has(id) && !ids.includes(id)) ids.push(id);
    }
    if (ids.length >= limit) break;
  }
  return ids.slice(0, limit).map(label);
}
