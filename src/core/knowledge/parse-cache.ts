/**
 * The parsed form of knowledge files a one-shot command has parsed before, kept by the hash of their
 * text: a `cli ask` spent a sixth of its start-up parsing the same 24 KB of YAML (the yaml library
 * reads about 1 MB a second) that the previous run parsed. An entry holds the text it was made from
 * and serves only that very text (the hash only names the entry's file), so the cache can never
 * answer for another text.
 *
 *   - Only what parsed successfully is kept, and only when JSON holds it exactly (no NaN, no
 *     Infinity, no undefined), so a cached file's value is the one the parser gave. Every other
 *     check (the schema, the quotes, the placeholders) still runs on it.
 *   - The cache is an optimization: a folder that cannot be read or written, or a broken entry,
 *     only costs the parse.
 *   - The key holds the parser too (its source, its limits, the yaml library's version), so
 *     another parser never meets the entries of the old one.
 *   - Only the one-shot commands of the CLI use it (node_modules/.cache/attache, where tools keep
 *     caches); the bot parses once per reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_DEPTH, PARSER_ID, type Parsed, parseKnowledgeText } from './parse';

/** At this many entries the cache starts over: it is for the knowledge folders in use, not their history. */
const MAX_ENTRIES = 2000;

export async function parseKnowledgeTextCached(raw: string, json: boolean, cacheDir: string): Promise<Parsed> {
  const parser = `${PARSER_ID}\n${json ? 'json' : 'yaml'}`;
  const file = path.join(cacheDir, `${hash(parser)}-${hash(raw)}.json`);
  try {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Entry>;
    if (entry.parser === parser && entry.raw === raw) return { ok: true, value: entry.value };
  } catch {
    // not cached yet (or unreadable): parse
  }
  const parsed = await parseKnowledgeText(raw, json);
  if (parsed.ok && isExactJson(parsed.value)) write(cacheDir, file, JSON.stringify({ parser, raw, value: parsed.value } satisfies Entry));
  return parsed;
}

interface Entry {
  parser: string;
  raw: string;
  value: unknown;
}

/**
 * A 53-bit string hash (cyrb53), to name an entry's file. It need not resist collisions: an entry is
 * used only for the very text it holds. (node:crypto would cost a one-shot run 5–7 ms to load.)
 */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function write(cacheDir: string, file: string, text: string): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const names = fs.readdirSync(cacheDir);
    if (names.length >= MAX_ENTRIES) for (const name of names) fs.rmSync(path.join(cacheDir, name), { force: true });
    // Written aside and renamed: a concurrent run reads a whole entry or none.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    // read-only install, full disk: the next run parses again
  }
}

/** Whether JSON.stringify then JSON.parse gives back this very value. */
function isExactJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH + 1) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((item) => isExactJson(item, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).every(([key, item]) => key !== '__proto__' && isExactJson(item, depth + 1));
  }
  return false;
}
