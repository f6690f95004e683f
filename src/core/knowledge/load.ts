/**
 * Loads a knowledge folder into an immutable snapshot — or a list of errors,
 * never half of it. Each error names the file, the field path and the problem.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ZodError } from 'zod';
import { knowledgeFileSchema, type KnowledgeFile } from './schema';
import type { Entity, Fact, Knowledge, KnowledgeError, Meeting, Mention, Release, Source } from './types';
import { squashSpaces, normalize } from '../text/normalize';

/** A knowledge file larger than this is refused unread: nobody hand-edits 5 MB of YAML. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const KNOWLEDGE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; errors: KnowledgeError[] };

interface ParsedFile {
  file: string; // path relative to the knowledge folder, for messages
  dir: string; // absolute folder, to find the release text
  data: KnowledgeFile;
}

export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const errors: KnowledgeError[] = [];
  const files = await listKnowledgeFiles(dir, errors);
  if (errors.length) return { ok: false, errors };
  if (files.length === 0) {
    return { ok: false, errors: [{ file: dir, path: '', message: 'no knowledge files (.yaml, .yml or .json) in this folder' }] };
  }
  const parsed: ParsedFile[] = [];
  for (const absolute of files) {
    const file = path.relative(dir, absolute) || path.basename(absolute);
    const data = await readKnowledgeFile(absolute, file, errors);
    if (data) parsed.push({ file, dir: path.dirname(absolute), data });
  }
  if (errors.length) return { ok: false, errors };
  const knowledge = await assemble(parsed, dir, errors);
  if (errors.length || !knowledge) return { ok: false, errors };
  return { ok: true, knowledge: await deepFreezeInSlices(knowledge) };
}

/**
 * deepFreeze, a few milliseconds at a time with the event loop free between: at 10,000 releases
 * (100,000 facts) freezing took 200–400 ms in one go, a stall for a bot that reloads while it answers.
 * Nothing sees the knowledge before it is returned, frozen.
 */
async function deepFreezeInSlices(knowledge: Knowledge, sliceMs = 8): Promise<Knowledge> {
  let sliceStart = performance.now();
  for (const part of Object.values(knowledge) as unknown[]) {
    const items: Iterable<unknown> = part instanceof Map ? part.values() : Array.isArray(part) ? part : [];
    for (const item of items) {
      deepFreeze(item);
      if (performance.now() - sliceStart >= sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }
  return deepFreeze(knowledge);
}

/** Formats errors one per line, as `check` and `/reload` show them. */
export function formatErrors(errors: readonly KnowledgeError[]): string[] {
  return errors.map((e) => `${e.file}${e.path ? ` › ${e.path}` : ''}: ${e.message}`);
}

async function listKnowledgeFiles(dir: string, errors: KnowledgeError[]): Promise<string[]> {
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      errors.push({ file: dir, path: '', message: 'is not a folder' });
      return [];
    }
  } catch (error) {
    errors.push({ file: dir, path: '', message: `knowledge folder cannot be opened (${describeIoError(error)})` });
    return [];
  }
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: path.relative(dir, folder) || folder, path: '', message: `folder cannot be read (${describeIoError(error)})` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue; // editors' swap and temp files
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (KNOWLEDGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  await walk(dir);
  return found;
}

async function readBounded(absolute: string, file: string, errors: KnowledgeError[]): Promise<string | undefined> {
  try {
    const stat = await fs.stat(absolute);
    // A FIFO or device named *.yaml would block the read forever.
    if (!stat.isFile()) {
      errors.push({ file, path: '', message: stat.isDirectory() ? 'cannot be read (is a folder)' : 'is not a regular file' });
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(1);
      errors.push({ file, path: '', message: `file is ${mb} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    return await fs.readFile(absolute, 'utf8');
  } catch (error) {
    errors.push({ file, path: '', message: `cannot be read (${describeIoError(error)})` });
    return undefined;
  }
}

async function readKnowledgeFile(absolute: string, file: string, errors: KnowledgeError[]): Promise<KnowledgeFile | undefined> {
  const raw = await readBounded(absolute, file, errors);
  if (raw === undefined) return undefined;
  if (!raw.trim()) {
    errors.push({ file, path: '', message: 'file is empty' });
    return undefined;
  }
  let value: unknown;
  if (absolute.endsWith('.json')) {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ file, path: '', message: `is not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
  } else {
    const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) errors.push({ file, path: '', message: `is not valid YAML: ${e.message.split('\n')[0]}` });
      return undefined;
    }
    value = doc.toJS();
  }
  const result = knowledgeFileSchema.safeParse(value);
  if (!result.success) {
    errors.push(...zodErrors(file, result.error));
    return undefined;
  }
  return result.data;
}

function zodErrors(file: string, error: ZodError): KnowledgeError[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    ),
    message: issue.message,
  }));
}

async function assemble(files: ParsedFile[], dir: string, errors: KnowledgeError[]): Promise<Knowledge | undefined> {
  const entities = new Map<string, Entity>();
  const entityFile = new Map<string, string>();
  const releases = new Map<string, Release>();
  const meetings = new Map<string, Meeting>();
  const facts = new Map<string, Fact>();
  const mentions: Mention[] = [];

  for (const { file, data } of files) {
    data.entities.forEach((e, i) => {
      const first = entityFile.get(e.id);
      if (first) {
        errors.push({ file, path: `entities[${i}].id`, message: `duplicate entity id "${e.id}" (first defined in ${first})` });
        return;
      }
      entityFile.set(e.id, file);
      entities.set(e.id, stripUndefined({ ...e }));
    });
  }

  const ref = (file: string, at: string, entityId: string | undefined, what = 'entity'): void => {
    if (entityId !== undefined && !entities.has(entityId)) {
      errors.push({ file, path: at, message: `unknown ${what} "${entityId}": add it to the entities first` });
    }
  };
  entities.forEach((e) => {
    const file = entityFile.get(e.id)!;
    ref(file, `entities(${e.id}).organization`, e.organization);
    ref(file, `entities(${e.id}).country`, e.country);
    ref(file, `entities(${e.id}).parent`, e.parent);
  });

  const releaseFile = new Map<string, string>();
  for (const { file, dir: folder, data } of files) {
    const r = data.release;
    if (!r) continue;
    const first = releaseFile.get(r.id);
    if (first) {
      errors.push({ file, path: 'release.id', message: `duplicate release id "${r.id}" (first defined in ${first})` });
      continue;
    }
    releaseFile.set(r.id, file);
    const textPath = path.join(folder, r.text);
    const textFile = path.relative(dir, textPath);
    const raw = await readBounded(textPath, textFile, errors);
    if (raw === undefined) continue;
    const paragraphs = raw.split(/\n\s*\n/).map(squashSpaces).filter(Boolean);
    if (paragraphs.length === 0) {
      errors.push({ file: textFile, path: '', message: 'the release text is empty' });
      continue;
    }
    ref(file, 'release.place', r.place);
    ref(file, 'release.principal', r.principal);
    const curated = data.people.length + data.facts.length + data.meetings.length > 0;
    const release: Release = stripUndefined({ ...r, text: undefined, paragraphs, file: textFile, curated });
    releases.set(r.id, release);

    const checkSources = (at: string, list: readonly { paragraph: number; quote: string }[]): Source[] =>
      list.map((s, i) => {
        checkQuote(file, `${at}[${i}]`, release, s.paragraph, s.quote, errors);
        return { release: r.id, paragraph: s.paragraph, quote: squashSpaces(s.quote) };
      });
    let factCount = 0;
    const addFact = (at: string, f: KnowledgeFile['facts'][number], meeting?: string): string => {
      ref(file, `${at}.actor`, f.actor);
      ref(file, `${at}.where`, f.where);
      const factId = `${r.id}#${++factCount}`;
      facts.set(factId, stripUndefined({ ...f, id: factId, release: r.id, meeting, sources: checkSources(`${at}.sources`, f.sources) }));
      return factId;
    };

    data.people.forEach((p, i) => {
      ref(file, `people[${i}].person`, p.person, 'person');
      mentions.push({ release: r.id, person: p.person, sources: checkSources(`people[${i}].sources`, p.sources) });
    });
    data.facts.forEach((f, i) => addFact(`facts[${i}]`, f));
    data.meetings.forEach((m, i) => {
      const meetingId = `${r.id}/${m.id}`;
      if (meetings.has(meetingId)) {
        errors.push({ file, path: `meetings[${i}].id`, message: `duplicate meeting id "${m.id}" in this release` });
        return;
      }
      m.with.forEach((who, j) => {
        ref(file, `meetings[${i}].with[${j}]`, who, 'person');
        if (entities.has(who) && entities.get(who)!.type !== 'person') {
          errors.push({ file, path: `meetings[${i}].with[${j}]`, message: `"${who}" is a ${entities.get(who)!.type}, not a person` });
        }
      });
      const factIds = m.facts.map((f, j) => addFact(`meetings[${i}].facts[${j}]`, f, meetingId));
      meetings.set(meetingId, {
        id: meetingId,
        release: r.id,
        with: m.with,
        sources: checkSources(`meetings[${i}].sources`, m.sources),
        facts: factIds,
      });
    });
  }
  if (errors.length) return undefined;
  return { releases, entities, meetings, facts, mentions, files: files.map((f) => f.file) };
}

function checkQuote(file: string, at: string, release: Release, paragraph: number, quote: string, errors: KnowledgeError[]): void {
  const text = release.paragraphs[paragraph - 1];
  if (text === undefined) {
    errors.push({ file, path: `${at}.paragraph`, message: `paragraph ${paragraph} does not exist: ${release.file} has ${release.paragraphs.length}` });
    return;
  }
  const wanted = squashSpaces(quote);
  if (text.includes(wanted)) return;
  const elsewhere = release.paragraphs.findIndex((p) => p.includes(wanted));
  const hint =
    elsewhere >= 0
      ? ` — it is in paragraph ${elsewhere + 1}`
      : normalize(text).includes(normalize(wanted))
        ? ' — it differs from the text only in accents, case or punctuation: copy it exactly'
        : '';
  errors.push({ file, path: `${at}.quote`, message: `quote not found in paragraph ${paragraph} of ${release.file}: "${truncate(wanted, 80)}"${hint}` });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? (error as Error).message;
}

/** Drops keys whose value is undefined, so optional fields are absent rather than undefined (exact optional types). */
function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (value instanceof Map) {
      for (const v of value.values()) deepFreeze(v);
      // A frozen Map can still be .set(): block the mutators too.
      const map = value as Map<unknown, unknown>;
      map.set = map.delete = map.clear = () => {
        throw new TypeError('knowledge is read-only');
      };
    } else {
      for (const v of Object.values(value)) deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}
