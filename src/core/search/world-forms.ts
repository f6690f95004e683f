/**
 * The forms of the world's names (lexicon/world.ts), which are the same whatever the knowledge:
 * some 2,000 names to tokenize and stem, a sixth of a one-shot `cli ask`. The build works them out
 * once, with this very code, into world-forms.json beside the compiled file (scripts/build.mjs);
 * from there they are only read. Without that file (running from the sources) they are worked out
 * here, the same way. Each call returns new objects, as working them out would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WORLD } from '../lexicon/world';
import { formOf, stemsOf, type EntityForm } from './entity-forms';

export interface WorldPlaceForms {
  /** The stem key of each of the place's names: a knowledge that knows one of them knows the place. */
  nameKeys: string[];
  /** Its names, demonyms and Russian forms, then its exact-case forms, in that order. */
  forms: EntityForm[];
}

/** The file the build writes beside the compiled module. */
export const WORLD_FORMS_FILE = 'world-forms.json';

export function computeWorldPlaceForms(): WorldPlaceForms[] {
  return WORLD.map((place) => {
    const canonical = place.names[0] ?? '';
    const forms: EntityForm[] = [];
    const add = (display: string, exactCase?: boolean): void => {
      const form = formOf(canonical, 'name', display, exactCase);
      if (form) forms.push(form);
    };
    for (const name of [...place.names, ...(place.demonyms ?? []), ...(place.ru ?? [])]) add(name);
    for (const exact of place.caseSensitive ?? []) add(exact, true);
    return { nameKeys: place.names.map((n) => stemsOf(n).join(' ')), forms };
  });
}

let built: string | null | undefined;

export function worldPlaceForms(): WorldPlaceForms[] {
  if (built === undefined) {
    try {
      built = fs.readFileSync(path.join(__dirname, WORLD_FORMS_FILE), 'utf8');
    } catch {
      built = null; // from the sources: no build output beside us
    }
  }
  return built === null ? computeWorldPlaceForms() : (JSON.parse(built) as WorldPlaceForms[]);
}
