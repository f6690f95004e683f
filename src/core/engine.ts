/** A knowledge snapshot with its index: what every answering function takes. */
import type { Knowledge } from './knowledge/types';
import { buildIndex, type SearchIndex } from './search/index';

export interface Engine {
  knowledge: Knowledge;
  index: SearchIndex;
}

export function createEngine(knowledge: Knowledge): Engine {
  return Object.freeze({ knowledge, index: buildIndex(knowledge) });
}
