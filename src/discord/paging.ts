/**
 * Page buttons are stateless: the custom_id says what to re-render — "page:<kind>:<lang>:<n>:<arg>"
 * — so they keep working after a restart or a reload (the page is rebuilt from the current
 * knowledge). A custom_id holds at most 100 characters, though, and a question may hold 500: an
 * argument that does not fit is kept in a small in-memory table and the id carries "#<key>" instead.
 * Those buttons expire with the process (or after a day); the user is then asked to run the command again.
 */
import { randomBytes } from 'node:crypto';
import type { Lang } from '../core';
import { LIMITS } from './render';

export const PAGE_KINDS = ['who-met', 'topics', 'ask', 'source'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What a paged message shows: the command, the reply language and its argument (name, question, release id). */
export interface PageRef {
  kind: PageKind;
  lang: Lang;
  arg: string;
}

/** Bounded, expiring table of arguments too long for a custom_id. */
export class LongArgs {
  private readonly entries = new Map<string, { arg: string; expires: number }>();

  constructor(
    private readonly max = 1000,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  put(arg: string): string {
    // Random rather than a counter: after a restart an old button must not find someone else's question.
    const key = randomBytes(6).toString('base64url');
    this.entries.set(key, { arg, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  get(key: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires < this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.arg;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Page numbers in an id have at most 4 digits: reserve room for them whatever the page. */
const head = (ref: PageRef, page: number): string => `page:${ref.kind}:${ref.lang}:${page}:`;
const LONGEST_HEAD = (ref: PageRef): number => head(ref, 9999).length;

/**
 * The custom_ids of the buttons of one message: always 1–100 characters. The argument is stored
 * in the table at most once per message, and only when it cannot be written inline.
 */
export function pageIdsFor(ref: PageRef, long: LongArgs, storedKey?: string): (page: number) => string {
  // '#' would be read back as a table key, so such an argument always goes through the table.
  const inline = LONGEST_HEAD(ref) + ref.arg.length <= LIMITS.customId && !ref.arg.startsWith('#');
  let stored = storedKey === undefined ? undefined : `#${storedKey}`;
  return (page) => {
    if (inline) return head(ref, page) + ref.arg;
    stored ??= `#${long.put(ref.arg)}`;
    return head(ref, page) + stored;
  };
}

/** `storedKey`: the table key the id carried, for the next buttons to reuse (one entry per message, not per click). */
export type ParsedPageId = { ok: true; ref: PageRef; page: number; storedKey?: string } | { ok: false; reason: 'not-a-page' | 'expired' };

export function parsePageId(customId: string, long: LongArgs): ParsedPageId {
  const m = /^page:([a-z-]+):(en|ru):(\d{1,4}):(.*)$/s.exec(customId);
  const kind = m?.[1] as PageKind | undefined;
  if (!m || !kind || !PAGE_KINDS.includes(kind)) return { ok: false, reason: 'not-a-page' };
  const raw = m[4]!;
  const storedKey = raw.startsWith('#') ? raw.slice(1) : undefined;
  const arg = storedKey === undefined ? raw : long.get(storedKey);
  if (arg === undefined) return { ok: false, reason: 'expired' };
  const ref: PageRef = { kind, lang: m[2] as Lang, arg };
  return storedKey === undefined ? { ok: true, ref, page: Number(m[3]) } : { ok: true, ref, page: Number(m[3]), storedKey };
}
