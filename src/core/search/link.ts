/**
 * Entity linking: finds the entities a text names, longest form first.
 * Exact (by stem) here; the typo-tolerant pass with fuse.js is in read/read.ts.
 */
import type { EntityForm } from './entity-forms';
import { stemKey } from './entity-forms';
import type { Token } from './tokens';

export interface Link {
  entity: string;
  role: EntityForm['role'];
  start: number; // token index
  end: number; // exclusive
  fuzzy: boolean;
}

export interface FormTable {
  byKey: ReadonlyMap<string, readonly EntityForm[]>;
  /** For each first stem, the lengths (in tokens) of the forms that start with it, longest first. */
  lengthsByFirst: ReadonlyMap<string, readonly number[]>;
  maxTokens: number;
}

export function buildFormTable(forms: readonly EntityForm[]): FormTable {
  const steps = formTableSteps(forms);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same table, with a yield every few hundred forms (for an index built in slices: 10,000 releases have 100,000 forms). */
export function* formTableSteps(forms: readonly EntityForm[], chunk = 256): Generator<void, FormTable, void> {
  const byKey = new Map<string, EntityForm[]>();
  const lengthsByFirst = new Map<string, number[]>();
  let maxTokens = 1;
  let count = 0;
  for (const form of forms) {
    if (++count % chunk === 0) yield;
    const key = stemKey(form.stems);
    const list = byKey.get(key) ?? [];
    list.push(form);
    byKey.set(key, list);
    const lengths = lengthsByFirst.get(form.stems[0]!) ?? [];
    if (!lengths.includes(form.stems.length)) lengths.push(form.stems.length);
    lengthsByFirst.set(form.stems[0]!, lengths);
    maxTokens = Math.max(maxTokens, form.stems.length);
  }
  for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  return { byKey, lengthsByFirst, maxTokens };
}

/**
 * "WHO" in a form needs its capitals ("who heads the UN?" is a question), unless the rest of a
 * longer form is written word for word ("who boss", "head of who").
 */
function caseFits(form: EntityForm, span: readonly Token[]): boolean {
  if (!form.exactTokens) return true;
  if (form.exactTokens.every((raw, k) => raw === undefined || span[k]!.raw === raw)) return true;
  return span.length > 1 && form.exactTokens.length === span.length && span.every((t, k) => form.exactTokens![k] !== undefined || t.norm === form.norms[k]);
}

/**
 * Shortened long names: two or more adjacent words that appear, in order, in one long name and
 * make up at least half of it ("Shanghai summit" → the Shanghai Cooperation Organization Summit).
 * Only when one entity fits best; runs before the world's names, so "Shanghai" here is no city.
 */
export function linkShortened(
  tokens: readonly Token[],
  longNamesByStem: ReadonlyMap<string, readonly EntityForm[]>,
  taken: boolean[],
  skip: ReadonlySet<string>,
  /** Spans that are a role ("foreign minister", as stems): a person's, not half of "Council of Foreign Ministers". */
  roles: ReadonlySet<string> = new Set(),
): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let len = Math.min(4, tokens.length - i); len >= 2; len--) {
      const span = tokens.slice(i, i + len);
      if (span.some((t, k) => taken[i + k] || skip.has(t.norm))) continue;
      // Half the name, or its first words ("action plan", "bui thanh").
      // (Three words or more may come in any order: "human rights commissioner".)
      const stems = span.map((t) => t.stem);
      if (roles.has(stems.join(' '))) continue;
      const fits = (longNamesByStem.get(span[0]!.stem) ?? []).filter(
        (f) =>
          (isOrderedPart(stems, f.stems) && (len * 2 >= f.stems.length || f.stems[0] === stems[0])) ||
          (len >= 3 && stems.every((s) => f.stems.includes(s)) && len * 2 >= f.stems.length),
      );
      const entities = [...new Set(fits.map((f) => f.entity))];
      if (entities.length !== 1) continue;
      links.push({ entity: entities[0]!, role: 'name', start: i, end: i + len, fuzzy: true });
      for (let k = i; k < i + len; k++) taken[k] = true;
      i += len - 1;
      break;
    }
  }
  return links;
}

function isOrderedPart(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const s of part) {
    at = whole.indexOf(s, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Matches forms of the table in the tokens, longest first, without overlaps. */
export function linkExact(tokens: readonly Token[], table: FormTable, taken: boolean[] = []): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    // Only the lengths of forms that start with this word are worth trying.
    for (const len of table.lengthsByFirst.get(tokens[i]!.stem) ?? []) {
      if (i + len > tokens.length) continue;
      let free = true;
      for (let k = i; k < i + len; k++) if (taken[k]) free = false;
      if (!free) continue;
      const span = tokens.slice(i, i + len);
      const forms = table.byKey.get(stemKey(span.map((t) => t.stem)));
      const fitting = forms?.filter((f) => caseFits(f, span));
      if (!fitting?.length) continue;
      // A form spelled as written beats one that only shares its stems: "the turks" are Turkey's, not Volker Türk.
      const spelled = fitting.filter((f) => f.norms.length === span.length && f.norms.every((n, k) => n === span[k]!.norm));
      const matching = spelled.length ? spelled : fitting;
      for (const entity of new Set(matching.map((f) => f.entity))) {
        const form = matching.find((f) => f.entity === entity)!;
        links.push({ entity, role: form.role, start: i, end: i + len, fuzzy: false });
      }
      for (let k = i; k < i + len; k++) taken[k] = true;
      i += len - 1;
      break;
    }
  }
  return links;
}

/**
 * A first name alone ("what did yerzhan discuss?"): every person of that first name — the question's
 * other words, or the answer, tell them apart. Beside another name of one of them ("josé manuel"), only that one.
 */
export function linkFirstNames(
  tokens: readonly Token[],
  firstNames: ReadonlyMap<string, readonly string[]>,
  taken: boolean[],
  linked: readonly Link[] = [],
): Link[] {
  const links: Link[] = [];
  tokens.forEach((t, i) => {
    const people = taken[i] ? undefined : firstNames.get(t.norm);
    if (!people) return;
    const beside = people.filter((entity) => linked.some((l) => l.entity === entity && (l.start === i + 1 || l.end === i)));
    for (const entity of beside.length ? beside : people) links.push({ entity, role: 'name', start: i, end: i + 1, fuzzy: true });
    taken[i] = true;
  });
  return links;
}
