/**
 * Every way an entity can be written — name, aliases, titles, demonyms — as token
 * stems, so that "UN Secretary-General", "генерального секретаря ООН" and "guteres"
 * all find the same person.
 */
import type { Entity } from '../knowledge/types';
import { toCyrillic } from '../text/cyrillic';
import { normalize, stem, tokenize } from '../text/normalize';
import { tokensOf } from './tokens';
import { LEXICON } from '../lexicon/lexicon';

/**
 * Words of a title that says only a rank: "Ambassador", "Foreign Minister", "Minister of Foreign Affairs".
 * Such a title is many people's: "the Bulgarian ambassador" is not the one whose draft says "Ambassador".
 */
const RANK_WORDS = new Set(
  [...LEXICON.roles.flatMap((r) => r.split(/\s+/)), ...LEXICON.roleModifiers, 'of', 'for', 'the', 'affairs', 'foreign', 'first', 'state'].map((w) => stem(w)),
);
const onlyRank = (title: string): boolean => {
  const stems = tokensOf(title).map((t) => t.stem);
  return stems.length === 1 || stems.every((s) => RANK_WORDS.has(s));
};

export type FormRole = 'name' | 'title' | 'demonym';

export interface EntityForm {
  entity: string;
  role: FormRole;
  /** The form as written in the knowledge, for display (autocomplete). */
  display: string;
  /** Normalized text, what fuse.js searches. */
  text: string;
  stems: readonly string[];
  /** Its words, lower-cased, unstemmed. */
  norms: readonly string[];
  /**
   * Words of the form that count only when written with exactly this case: "WHO" in "WHO head"
   * is the organization, "who heads" is a question. Undefined entries match in any case.
   */
  exactTokens?: readonly (string | undefined)[];
}

export function stemKey(stems: readonly string[]): string {
  return stems.join(' ');
}

export function stemsOf(text: string): string[] {
  return tokenize(text).map(stem);
}

/** One form of a name; with `exactCase`, every word of it counts only as written ("WHO", "US"). */
export function formOf(entity: string, role: FormRole, display: string, exactCase = false): EntityForm | undefined {
  const tokens = tokensOf(display);
  if (tokens.length === 0) return undefined;
  const exactTokens = exactCase ? { exactTokens: tokens.map((t) => t.raw) } : {};
  return { entity, role, display, text: normalize(display), stems: tokens.map((t) => t.stem), norms: tokens.map((t) => t.norm), ...exactTokens };
}

/**
 * `caseSensitive`: the words of every entity that count only in their exact case ("WHO"), so that
 * Tedros's title "WHO head" needs the capitals too.
 */
export function entityForms(entity: Entity, caseSensitive: ReadonlySet<string> = new Set(entity.caseSensitive)): EntityForm[] {
  const forms: EntityForm[] = [];
  const add = (display: string, role: FormRole): void => {
    const tokens = tokensOf(display);
    if (tokens.length === 0) return;
    const exact = tokens.map((t) => (caseSensitive.has(t.raw) ? t.raw : undefined));
    const exactTokens = exact.some(Boolean) ? { exactTokens: exact } : {};
    forms.push({
      entity: entity.id,
      role,
      display,
      text: normalize(display),
      stems: tokens.map((t) => t.stem),
      norms: tokens.map((t) => t.norm),
      ...exactTokens,
    });
  };
  const names = [entity.name, ...entity.aliases];
  // "World Health Organization (WHO)" is also written "World Health Organization".
  const bare = entity.name.replace(/\s*\([^)]*\)\s*$/, '');
  if (bare !== entity.name) names.push(bare);
  for (const name of new Set(names)) add(name, 'name');
  // A person's name as a Russian question writes it ("Курмангалиева"): people are asked about in Russian too.
  if (entity.type === 'person')
    for (const name of new Set([entity.name, ...entity.aliases])) if (/^[\p{Script=Latin}\s.'’-]+$/u.test(name)) add(toCyrillic(name), 'name');
  // A title that is only a rank ("Ambassador", "Senator", "Foreign Minister") is many people's, no form of this one.
  for (const title of new Set([...(entity.title ? [entity.title] : []), ...entity.titles])) if (!onlyRank(title)) add(title, 'title');
  for (const demonym of entity.demonyms) add(demonym, 'demonym');
  for (const exact of entity.caseSensitive) add(exact, 'name');
  return forms;
}
