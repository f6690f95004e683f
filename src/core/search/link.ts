/**
 * Entity linking: finds the entities a text names, longest form first.
 * Exact (by stem) here; the typo-tolerant pass with fuse.js is in analyze.ts.
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
  maxTokens: number;
}

export function buildFormTable(forms: readonly EntityForm[]): FormTable {
  const byKey = new Map<string, EntityForm[]>();
  let maxTokens = 1;
  for (const form of forms) {
    const key = stemKey(form.stems);
    const list = byKey.get(key) ?? [];
    list.push(form);
    byKey.set(key, list);
    maxTokens = Math.max(maxTokens, form.stems.length);
  }
  return { byKey, maxTokens };
}

/** Matches forms of the table in the tokens, longest first, without overlaps. */
export function linkExact(tokens: readonly Token[], table: FormTable, taken: boolean[] = []): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    for (let len = Math.min(table.maxTokens, tokens.length - i); len >= 1; len--) {
      if (taken.slice(i, i + len).some(Boolean)) continue;
      const span = tokens.slice(i, i + len);
      const forms = table.byKey.get(stemKey(span.map((t) => t.stem)));
      const matching = forms?.filter((f) => !f.exactCase || span.map((t) => t.raw).join(' ') === f.exactCase);
      if (!matching?.length) continue;
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
