/**
 * Loads a knowledge folder into an immutable snapshot — or a list of errors,
 * never half of it. Each error names the file, the field path and the problem.
 */
import { constants as fsConstants, promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ZodError } from 'zod';
import { INLINE_BYTES, parseKnowledgeText, WORKER_LIMITS } from './parse';
import { parseKnowledgeTextCached } from './parse-cache';
import { knowledgeFileSchema, type KnowledgeFile } from './schema';
import type { Entity, Fact, Knowledge, KnowledgeError, Meeting, Mention, Release, Source } from './types';
import { squashSpaces, normalize } from '../text/normalize';
import { runStepsInSlices, sortSteps } from '../steps';

/** A knowledge file larger than this is refused unread: nobody hand-edits 5 MB of YAML. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const KNOWLEDGE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** `warnings` do not stop a load (`check` prints them and passes): a release with no date, for one. */
export type LoadResult = { ok: true; knowledge: Knowledge; warnings: KnowledgeError[] } | { ok: false; errors: KnowledgeError[] };

/** What `cli draft` writes where it could not tell ("DRAFT: date", "— DRAFT"): never a value the bot may show. */
const PLACEHOLDER = /\bDRAFT\b|\bTODO\b|\bFIXME\b|\?\?\?/;

interface ParsedFile {
  file: string; // path relative to the knowledge folder, for messages
  dir: string; // absolute folder, to find the release text
  data: KnowledgeFile;
}

/**
 * The knowledge folder, and its real path: knowledge files arrive by pull request, and nothing
 * outside the folder is ever read (a symlink to /proc/self/environ would post the bot's token).
 */
interface Root {
  dir: string;
  real: string;
}

export interface LoadOptions {
  /** A folder without a release is invalid (deleting releases/ must not "reload" to nothing); the drafter starts from one. */
  requireRelease?: boolean;
  /** Where parsed files are kept by the hash of their text, for one-shot commands (parse-cache.ts); none by default. */
  parseCacheDir?: string;
  /**
   * Parse every file in the parse worker, not only the large ones (the bot's store: its reloads run
   * while it answers, and the parser's garbage is most of what a load allocates). A few files are
   * read ahead meanwhile, so the worker is kept busy.
   */
  parseOffThread?: boolean;
}

/** Files read and parsed ahead of the one being checked, when parsing off the thread. */
const READ_AHEAD = 8;

export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const errors: KnowledgeError[] = [];
  const listed = await listKnowledgeFiles(dir, errors);
  if (errors.length || !listed) return { ok: false, errors };
  const { root, files } = listed;
  if (files.length === 0) {
    return { ok: false, errors: [{ file: dir, path: '', message: 'no knowledge files (.yaml, .yml or .json) in this folder' }] };
  }
  const parsed: ParsedFile[] = [];
  const warnings: KnowledgeError[] = [];
  const fileOf = (absolute: string): string => path.relative(dir, absolute) || path.basename(absolute);
  // Each file's read and parse, started up to READ_AHEAD files early, with its own errors: they are
  // taken in the files' order, as if read one after another.
  const ahead = options.parseOffThread ? READ_AHEAD : 0;
  const reads: Array<Promise<{ data: KnowledgeFile | undefined; errors: KnowledgeError[] }> | undefined> = [];
  const read = (i: number) => {
    const own: KnowledgeError[] = [];
    const absolute = files[i]!;
    return readKnowledgeFile(root, absolute, fileOf(absolute), own, options.parseCacheDir, options.parseOffThread ?? false).then((data) => ({
      data,
      errors: own,
    }));
  };
  for (let i = 0; i < files.length; i++) {
    for (let k = i; k <= Math.min(i + ahead, files.length - 1); k++) reads[k] ??= read(k);
    const absolute = files[i]!;
    const file = fileOf(absolute);
    const done = await reads[i]!;
    reads[i] = undefined;
    errors.push(...done.errors);
    const data = done.data;
    if (data) {
      parsed.push({ file, dir: path.dirname(absolute), data });
      checkPlaceholders(file, data, errors);
      if (data.release && data.release.date === undefined) {
        warnings.push({
          file,
          path: 'release.date',
          message: `release "${data.release.id}" has no date: it is shown as "${data.release.month_day ? 'MM-DD, year not given' : 'date unknown'}" and listed last; add \`date: YYYY-MM-DD\` once the year is known`,
        });
      }
    }
  }
  if (errors.length) return { ok: false, errors };
  const knowledge = await assemble(parsed, root, errors);
  if (errors.length || !knowledge) return { ok: false, errors };
  if ((options.requireRelease ?? true) && knowledge.releases.size === 0) {
    return {
      ok: false,
      errors: [
        { file: dir, path: '', message: 'no release in this folder (a file with a `release:` section, as in releases/): refused, as it would answer nothing' },
      ],
    };
  }
  return { ok: true, knowledge: await deepFreezeInSlices(knowledge), warnings };
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
    // Its items are frozen: the container alone now (deepFreeze would check each of 100,000 items
    // again, 40 ms at once).
    freezeContainer(part);
  }
  return Object.freeze(knowledge);
}

/** A Map or array whose items are frozen already: frozen, a Map's mutators blocked (as deepFreeze does). */
function freezeContainer(value: unknown): void {
  if (value instanceof Map) blockMutators(value as Map<unknown, unknown>);
  if (value && typeof value === 'object') Object.freeze(value);
}

function blockMutators(map: Map<unknown, unknown>): void {
  // A frozen Map can still be .set(): block the mutators too.
  map.set =
    map.delete =
    map.clear =
      () => {
        throw new TypeError('knowledge is read-only');
      };
}

/** Formats errors one per line, as `check` and `/reload` show them. */
export function formatErrors(errors: readonly KnowledgeError[]): string[] {
  return errors.map((e) => `${e.file}${e.path ? ` › ${e.path}` : ''}: ${e.message}`);
}

/** localeCompare's order, from one collator: 20,000 file names sorted with localeCompare held a reload ~100 ms. */
const COLLATOR = new Intl.Collator();

const OUTSIDE = 'is a symbolic link out of the knowledge folder: refused, not read';

/** Whether `real` (a real path) is `root.real` or inside it. */
function inside(root: Root, real: string): boolean {
  const relative = path.relative(root.real, real);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

async function listKnowledgeFiles(dir: string, errors: KnowledgeError[]): Promise<{ root: Root; files: string[] } | undefined> {
  let root: Root;
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      errors.push({ file: dir, path: '', message: 'is not a folder' });
      return undefined;
    }
    root = { dir, real: await fs.realpath(dir) };
  } catch (error) {
    errors.push({ file: dir, path: '', message: `knowledge folder cannot be opened (${describeIoError(error)})` });
    return undefined;
  }
  const found: string[] = [];
  const walked = new Set<string>(); // real paths: a symlinked folder inside is walked once, and cannot loop
  const walk = async (folder: string, real: string): Promise<void> => {
    if (walked.has(real)) return;
    walked.add(real);
    const entries: Dirent[] = [];
    try {
      // Read a batch at a time (opendir), not all at once: readdir of a 20,000-file folder made every
      // entry in one turn, and this loop handled them in another; a reloading bot answers meanwhile.
      for await (const entry of await fs.opendir(folder)) entries.push(entry);
    } catch (error) {
      errors.push({ file: path.relative(dir, folder) || folder, path: '', message: `folder cannot be read (${describeIoError(error)})` });
      return;
    }
    let seen = 0;
    // Sorted in slices: 20,000 names took 60 ms at once.
    for (const entry of await runStepsInSlices(sortSteps(entries, (a, b) => COLLATOR.compare(a.name, b.name)))) {
      if (++seen % 1024 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (entry.name.startsWith('.')) continue; // editors' swap and temp files
      const full = path.join(folder, entry.name);
      const isKnowledge = KNOWLEDGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase());
      if (entry.isSymbolicLink()) {
        // Refused when it leads out of the folder, whatever it names; followed when it stays inside.
        let target: string;
        try {
          target = await fs.realpath(full);
        } catch {
          if (isKnowledge) found.push(full); // dangling: reported when read ("not found")
          continue;
        }
        if (!inside(root, target)) {
          errors.push({ file: path.relative(dir, full), path: '', message: OUTSIDE });
          continue;
        }
        if ((await fs.stat(target).catch(() => undefined))?.isDirectory()) await walk(full, target);
        else if (isKnowledge) found.push(full);
      } else if (entry.isDirectory()) await walk(full, path.join(real, entry.name));
      else if (isKnowledge) found.push(full);
    }
  };
  await walk(dir, root.real);
  return { root, files: found };
}

/**
 * Reads a file of the knowledge folder, and nothing outside it: its real path must stay in the
 * folder; it is opened (not following a last symlink, not blocking on a FIFO), and the file opened
 * is checked again — by its descriptor's path on Linux, else by comparing it with a fresh
 * realpath — so a swap between the check and the read cannot lead out. Bounded by MAX_FILE_BYTES.
 */
async function readBounded(root: Root, absolute: string, file: string, errors: KnowledgeError[]): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    const real = await fs.realpath(absolute);
    if (!inside(root, real)) {
      errors.push({ file, path: '', message: OUTSIDE });
      return undefined;
    }
    handle = await fs.open(real, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
    const stat = await handle.stat();
    // A FIFO or device named *.yaml would block the read forever.
    if (!stat.isFile()) {
      errors.push({ file, path: '', message: stat.isDirectory() ? 'cannot be read (is a folder)' : 'is not a regular file' });
      return undefined;
    }
    if (!(await openedInside(root, handle, stat, absolute))) {
      errors.push({ file, path: '', message: OUTSIDE });
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(1);
      errors.push({ file, path: '', message: `file is ${mb} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    // Read at most one byte past the limit: the file may have grown since its stat.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n: number; length < buffer.length && (n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead) > 0; ) length += n;
    if (length > MAX_FILE_BYTES) {
      errors.push({ file, path: '', message: `file is over the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    errors.push({ file, path: '', message: `cannot be read (${describeIoError(error)})` });
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Whether the file open on `handle` is inside the folder (see readBounded). */
async function openedInside(root: Root, handle: fs.FileHandle, stat: { dev: number; ino: number }, absolute: string): Promise<boolean> {
  try {
    return inside(root, await fs.readlink(`/proc/self/fd/${handle.fd}`));
  } catch {
    // No /proc: the path, resolved again, must still be inside and be the very file opened.
    const real = await fs.realpath(absolute);
    const again = await fs.stat(real);
    return inside(root, real) && again.dev === stat.dev && again.ino === stat.ino;
  }
}

async function readKnowledgeFile(
  root: Root,
  absolute: string,
  file: string,
  errors: KnowledgeError[],
  parseCacheDir: string | undefined,
  offThread = false,
): Promise<KnowledgeFile | undefined> {
  const raw = await readBounded(root, absolute, file, errors);
  if (raw === undefined) return undefined;
  if (!raw.trim()) {
    errors.push({ file, path: '', message: 'file is empty' });
    return undefined;
  }
  const json = absolute.endsWith('.json');
  const parsed = parseCacheDir
    ? await parseKnowledgeTextCached(raw, json, parseCacheDir)
    : await parseKnowledgeText(raw, json, WORKER_LIMITS, offThread ? 0 : INLINE_BYTES);
  if (!parsed.ok) {
    for (const message of parsed.messages) errors.push({ file, path: '', message });
    return undefined;
  }
  const value = parsed.value;
  const result = knowledgeFileSchema.safeParse(value);
  if (!result.success) {
    errors.push(...zodErrors(file, result.error));
    return undefined;
  }
  return result.data;
}

/** Every field the bot shows, refused while it still holds a draft placeholder. Comments (`# DRAFT: check`) are not values. */
function checkPlaceholders(file: string, data: KnowledgeFile, errors: KnowledgeError[]): void {
  const at = (field: string, value: string | undefined): void => {
    if (value !== undefined && PLACEHOLDER.test(value)) {
      errors.push({
        file,
        path: field,
        message: `is a draft placeholder ("${truncate(value, 60)}"): write the real value, or remove the field if it is optional`,
      });
    }
  };
  const r = data.release;
  if (r) for (const key of ['id', 'title', 'source', 'date'] as const) at(`release.${key}`, r[key]);
  data.entities.forEach((e, i) => {
    at(`entities[${i}].name`, e.name);
    at(`entities[${i}].title`, e.title);
    for (const key of ['aliases', 'titles', 'demonyms'] as const) e[key].forEach((v, j) => at(`entities[${i}].${key}[${j}]`, v));
  });
  const facts = (prefix: string, list: KnowledgeFile['facts']) =>
    list.forEach((f, i) => {
      at(`${prefix}[${i}].label`, f.label);
      at(`${prefix}[${i}].when`, f.when);
    });
  facts('facts', data.facts);
  data.meetings.forEach((m, i) => facts(`meetings[${i}].facts`, m.facts));
}

function zodErrors(file: string, error: ZodError): KnowledgeError[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), ''),
    message: issue.message,
  }));
}

async function assemble(files: ParsedFile[], root: Root, errors: KnowledgeError[]): Promise<Knowledge | undefined> {
  const entities = new Map<string, Entity>();
  const entityFile = new Map<string, string>();
  const releases = new Map<string, Release>();
  const meetings = new Map<string, Meeting>();
  const facts = new Map<string, Fact>();
  const mentions: Mention[] = [];

  // A turn every thousand entities: a bot reloading 14,000 of them keeps answering meanwhile.
  const turn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
  let seen = 0;
  for (const { file, data } of files) {
    for (let i = 0; i < data.entities.length; i++) {
      if (++seen % 1024 === 0) await turn();
      const e = data.entities[i]!;
      const first = entityFile.get(e.id);
      if (first) {
        errors.push({ file, path: `entities[${i}].id`, message: `duplicate entity id "${e.id}" (first defined in ${first})` });
        continue;
      }
      entityFile.set(e.id, file);
      entities.set(e.id, stripUndefined({ ...e }));
    }
  }

  const ref = (file: string, at: string, entityId: string | undefined, what = 'entity'): void => {
    if (entityId !== undefined && !entities.has(entityId)) {
      errors.push({ file, path: at, message: `unknown ${what} "${entityId}": add it to the entities first` });
    }
  };
  for (const e of entities.values()) {
    if (++seen % 1024 === 0) await turn();
    const file = entityFile.get(e.id)!;
    ref(file, `entities(${e.id}).organization`, e.organization);
    ref(file, `entities(${e.id}).country`, e.country);
    ref(file, `entities(${e.id}).parent`, e.parent);
  }

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
    const textFile = path.relative(root.dir, textPath);
    const raw = await readBounded(root, textPath, textFile, errors);
    if (raw === undefined) continue;
    const paragraphs = raw
      .split(/\n\s*\n/)
      .map(squashSpaces)
      .filter(Boolean);
    if (paragraphs.length === 0) {
      errors.push({ file: textFile, path: '', message: 'the release text is empty' });
      continue;
    }
    ref(file, 'release.place', r.place);
    ref(file, 'release.principal', r.principal);
    const curated = data.people.length + data.facts.length + data.meetings.length > 0;
    const release: Release = stripUndefined({ ...r, text: undefined, month_day: undefined, monthDay: r.month_day, paragraphs, file: textFile, curated });
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
      blockMutators(value as Map<unknown, unknown>);
    } else {
      for (const v of Object.values(value)) deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}
