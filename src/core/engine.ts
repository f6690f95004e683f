/** A knowledge snapshot with its index: what every answering function takes. */
import type { Knowledge } from './knowledge/types';
import { buildIndex, buildIndexInSlices, type SearchIndex } from './search/index';

export interface Engine {
  knowledge: Knowledge;
  index: SearchIndex;
}

export function createEngine(knowledge: Knowledge): Engine {
  return Object.freeze({ knowledge, index: buildIndex(knowledge) });
}

/** The same, built in slices so the event loop stays free (reloads while the bot answers). */
export async function createEngineInSlices(knowledge: Knowledge): Promise<Engine> {
  return Object.freeze({ knowledge, index: await buildIndexInSlices(knowledge) });
}
