/**
 * Every way an entity can be written — name, aliases, titles, demonyms — as token
 * stems, so that "UN Secretary-General", "генерального секретаря ООН" and "guteres"
 * all find the same person.
 */
import type { Entity } from '../knowledge/types';
import { normalize, stem, tokenize } from '../text/normalize';

export type FormRole = 'name' | 'title' | 'demonym';

export interface EntityForm {
  entity: string;
  role: FormRole;
  /** The form as written in the knowledge, for display (autocomplete). */
  display: string;
  /** Normalized text, what fuse.js searches. */
  text: string;
  stems: readonly string[];
  /** Set for forms that count only when written with exactly this case ("WHO"). */
  exactCase?: string;
}

export function stemKey(stems: readonly string[]): string {
  return stems.join(' ');
}

export function stemsOf(text: string): string[] {
  return tokenize(text).map(stem);
}

export function entityForms(entity: Entity): EntityForm[] {
  const forms: EntityForm[] = [];
  const add = (display: string, role: FormRole, exactCase?: string): void => {
    const stems = stemsOf(display);
    if (stems.length === 0) return;
    forms.push({ entity: entity.id, role, display, text: normalize(display), stems, ...(exactCase ? { exactCase } : {}) });
  };
  const names = [entity.name, ...entity.aliases];
  // "World Health Organization (WHO)" is also written "World Health Organization".
  const bare = entity.name.replace(/\s*\([^)]*\)\s*$/, '');
  if (bare !== entity.name) names.push(bare);
  for (const name of new Set(names)) add(name, 'name');
  for (const title of new Set([...(entity.title ? [entity.title] : []), ...entity.titles])) add(title, 'title');
  for (const demonym of entity.demonyms) add(demonym, 'demonym');
  for (const exact of entity.caseSensitive) add(exact, 'name', exact);
  return forms;
}
