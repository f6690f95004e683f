/**
 * Which entity a piece of release text names: one the knowledge already has (matched
 * the way the core's index matches names and aliases — by word stems, acronyms by case),
 * one the world gazetteer knows (a real country, city or organization, so a new entity
 * can start with its aliases), or a new one the draft defines.
 */
import type { Entity, Knowledge } from '../core';
import type { EntityType } from '../core/knowledge/schema';
import { entityForms, formOf, stemsOf, type EntityForm } from '../core/search/entity-forms';
import { buildFormTable, linkExact, type FormTable } from '../core/search/link';
import { tokenSpans, type TokenSpan } from '../core/search/tokens';
import { WORLD, type WorldName } from '../core/lexicon/world';
import { editDistance, normalize, typoBudget } from '../core/text/normalize';

/** A word of the text with where it stands, so quotes can be cut verbatim: the core's tokens. */
export type Word = TokenSpan;

/** The core's tokenizer (tokensOf) with offsets: names are matched the way the index matches them. */
export const wordsOf = tokenSpans;

/** An entity the draft defines: the knowledge's own fields (lists it may still add to), and why it is there (for the moderator). */
export interface DraftEntity extends Pick<Entity, 'id' | 'type' | 'name' | 'title' | 'organization' | 'country'> {
  aliases: string[];
  demonyms: string[];
  caseSensitive: string[];
  why: string;
}

/** A span of text that names an entity. */
export interface Mention {
  entity: string;
  type: EntityType;
  start: number;
  end: number;
  text: string;
}

const WORLD_TYPE: Record<WorldName['kind'], EntityType> = { country: 'country', city: 'place', organization: 'organization' };

export class EntityResolver {
  private knownTable: FormTable;
  private draftForms: EntityForm[] = [];
  private draftTable: FormTable = buildFormTable([]);
  private worldTable: FormTable;
  private worldEntries = new Map<string, WorldName>();
  /** World entries already turned into draft entities: world key → draft id. */
  private fromWorld = new Map<string, string>();
  readonly created: DraftEntity[] = [];

  constructor(readonly knowledge: Knowledge | undefined) {
    const known = knowledge ? [...knowledge.entities.values()] : [];
    // Names, aliases and demonyms ("Kazakh" → Kazakhstan): a title ("UN Secretary-General") may belong to someone else in a new release.
    const forms = known.flatMap((e) => entityForms(e).filter((f) => f.role === 'name' || f.role === 'demonym'));
    this.knownTable = buildFormTable(forms);
    const worldForms: EntityForm[] = [];
    WORLD.forEach((place, i) => {
      if (place.names.some((n) => this.knownTable.byKey.has(stemsOf(n).join(' ')))) return; // the knowledge has it
      const key = `world:${i}`;
      this.worldEntries.set(key, place);
      const add = (display: string, role: EntityForm['role'], exactCase = false): void => {
        const form = formOf(key, role, display, exactCase);
        if (form) worldForms.push(form);
      };
      // (A short acronym counts in capitals only: "Kun.uz" names no Uzbekistan, "las" no League of Arab States.)
      for (const n of place.names) add(n, 'name', /^[A-Z]{2,3}$/.test(n));
      for (const d of place.demonyms ?? []) add(d, 'demonym');
      for (const c of place.caseSensitive ?? []) if (/\p{Script=Latin}/u.test(c)) add(c, 'name', true);
    });
    this.worldTable = buildFormTable(worldForms);
  }

  entity(id: string): { type: EntityType; name: string; title?: string; country?: string; organization?: string } | undefined {
    return this.knowledge?.entities.get(id) ?? this.created.find((e) => e.id === id);
  }

  isKnown(id: string): boolean {
    return this.knowledge?.entities.has(id) ?? false;
  }

  /** The known or drafted entity this exact text names (the whole text, not a part of it). */
  lookup(text: string, types?: readonly EntityType[]): string | undefined {
    const words = wordsOf(text);
    if (!words.length) return undefined;
    for (const table of [this.knownTable, this.draftTable]) {
      const links = linkExact(words, table);
      const whole = links.filter((l) => l.start === 0 && l.end === words.length);
      const hit = whole.find((l) => !types || types.includes(this.entity(l.entity)?.type as EntityType));
      if (hit) return hit.entity;
    }
    return undefined;
  }

  /**
   * Every entity the text names, longest form first: known and drafted ones, then the
   * world's (created as draft entities when `create` is set; otherwise reported with
   * a "world:" id).
   */
  mentions(text: string, create: boolean): Mention[] {
    const words = wordsOf(text);
    const taken: boolean[] = [];
    const found: Mention[] = [];
    const span = (start: number, end: number) => ({
      start: words[start]!.start,
      end: words[end - 1]!.end,
      text: text.slice(words[start]!.start, words[end - 1]!.end),
    });
    for (const table of [this.knownTable, this.draftTable]) {
      for (const l of linkExact(words, table, taken)) {
        const e = this.entity(l.entity);
        if (e) found.push({ entity: l.entity, type: e.type, ...span(l.start, l.end) });
      }
    }
    for (const l of linkExact(words, this.worldTable, taken)) {
      // "78.4 billion US dollars": a currency, not the country.
      if (/^\s*(?:dollars?|\$)/i.test(text.slice(words[l.end - 1]!.end))) continue;
      const place = this.worldEntries.get(l.entity)!;
      const id = create ? this.fromWorldEntry(l.entity, place) : (this.fromWorld.get(l.entity) ?? l.entity);
      found.push({ entity: id, type: WORLD_TYPE[place.kind], ...span(l.start, l.end) });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** Whether this draft entity was made from the gazetteer (and not spelled out by the release). */
  fromGazetteer(id: string): boolean {
    return [...this.fromWorld.values()].includes(id);
  }

  /** A real country, city or organization the knowledge lacks, as a draft entity with the gazetteer's names. */
  private fromWorldEntry(key: string, place: WorldName): string {
    const existing = this.fromWorld.get(key);
    if (existing) return existing;
    const [name = key, ...others] = place.names;
    const caseSensitive = (place.caseSensitive ?? []).filter((c) => !/\p{Script=Cyrillic}/u.test(c));
    // The gazetteer's Russian forms mix names ("Казахстан") and adjectives ("казахстанский"): adjectives are demonyms.
    const ru = place.ru ?? [];
    const ruAdjective = (f: string) => place.kind === 'country' && /^\p{Ll}/u.test(f);
    // A long name goes by its acronym ("OHCHR"), as the knowledge's ids do.
    const acronym = [name, ...others, ...caseSensitive].find((n) => /^[A-Z][A-Z&]{1,7}$/.test(n));
    // A city is in its country (the gazetteer says which): "… in Libreville, right?" is then answered of Gabon too.
    const country = place.kind === 'city' && place.country ? this.countryNamed(place.country) : undefined;
    const id = this.define({
      ...(acronym && name.length > 24 ? { id: acronym.toLowerCase().replace(/&/g, '') } : {}),
      type: WORLD_TYPE[place.kind],
      name,
      aliases: [...others, ...ru.filter((f) => !ruAdjective(f))].filter((a) => !caseSensitive.includes(a)),
      demonyms: [...(place.demonyms ?? []), ...ru.filter(ruAdjective)],
      caseSensitive,
      ...(country ? { country } : {}),
      why: `${place.kind === 'organization' ? 'an' : 'a'} ${place.kind} the release names; names from the world gazetteer`,
    });
    this.fromWorld.set(key, id);
    return id;
  }

  /** The country of this canonical name: the knowledge's, this draft's, or a new one from the gazetteer. */
  private countryNamed(name: string): string | undefined {
    const known = this.lookup(name, ['country']);
    if (known) return known;
    const key = [...this.worldEntries].find(([, w]) => w.kind === 'country' && w.names[0] === name)?.[0];
    return key ? this.fromWorldEntry(key, this.worldEntries.get(key)!) : undefined;
  }

  /**
   * A person already known (in the knowledge or earlier in this draft) whose name is a spelling
   * variant of this one: "Mukhtar Tleuberdi" and "Mukhtar Tileuberdi". Same number of words, each
   * within the typo budget of its length, one or two edits in all.
   */
  similarPerson(name: string): { id: string; name: string; known: boolean } | undefined {
    const words = normalize(name).split(' ');
    // A surname alone ("Saidaliev" after "Bakhtiyor Saidaliyev") only when long enough to tell a variant from another name.
    if (words.length < 2 && (words[0]?.length ?? 0) < 6) return undefined;
    const people = [
      ...[...(this.knowledge?.entities.values() ?? [])].map((e) => ({ e, known: true })),
      ...this.created.map((e) => ({ e, known: false })),
    ].filter(({ e }) => e.type === 'person');
    for (const { e, known } of people) {
      for (const form of [e.name, ...e.aliases]) {
        const other = normalize(form).split(' ');
        if (other.length !== words.length) continue;
        let total = 0;
        for (let i = 0; i < words.length && total <= 2; i++) {
          const d = editDistance(words[i]!, other[i]!, 2);
          total += d > typoBudget(Math.min(words[i]!.length, other[i]!.length)) ? 3 : d;
        }
        if (total >= 1 && total <= 2) return { id: e.id, name: e.name, known };
      }
    }
    return undefined;
  }

  /** A drafted entity's new alias ("Tleuberdi" beside "Tileuberdi"): later look-ups find it by it too. */
  addAlias(id: string, alias: string): void {
    const e = this.created.find((c) => c.id === id);
    if (!e || e.aliases.includes(alias) || e.name === alias) return;
    e.aliases.push(alias);
    const form = formOf(id, 'name', alias, false);
    if (form) {
      this.draftForms.push(form);
      this.draftTable = buildFormTable(this.draftForms);
    }
  }

  /** Adds a draft entity under a fresh id; later look-ups find it by its name and aliases. */
  define(entity: Omit<DraftEntity, 'id'> & { id?: string }): string {
    const id = this.freshId(entity.id ?? slug(entity.name));
    const defined: DraftEntity = { ...entity, id };
    this.created.push(defined);
    const forms = entityForms({ ...defined, titles: [], caseSensitive: defined.caseSensitive, demonyms: defined.demonyms } as Entity).filter(
      (f) => f.role === 'name' || f.role === 'demonym',
    );
    this.draftForms.push(...forms);
    this.draftTable = buildFormTable(this.draftForms);
    return id;
  }

  private freshId(base: string): string {
    const root = base || 'entity';
    const taken = (id: string) => Boolean(this.knowledge?.entities.has(id)) || this.created.some((e) => e.id === id);
    if (!taken(root)) return root;
    for (let n = 2; ; n++) if (!taken(`${root}-${n}`)) return `${root}-${n}`;
  }
}

/** "Bùi Thanh Sơn" → "bui-thanh-son": the id convention of the knowledge folder. */
export function slug(text: string): string {
  // (normalize() folds the letters with a stroke, "Torbjørn" → "torbjorn"; ligatures are spelled out here.)
  return normalize(text.replace(/[æÆ]/g, 'ae').replace(/ß/g, 'ss'))
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(.{40,}?)-.*$/, '$1');
}
