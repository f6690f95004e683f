/**
 * The faults of test/reliability/bad-knowledge.test.ts, as data: each breaks a good copy of the
 * shipped knowledge in one way and says which file the error must name and what it must say —
 * plus the helpers to copy, restore and `check` a folder.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatErrors, loadKnowledge, type KnowledgeError } from '../../src/core';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/app/paths';

export const ROOT = path.resolve(__dirname, '../..');
export const ENTITIES_YAML = 'entities.yaml';
export const RELEASE_YAML = 'releases/2024-02-28-geneva.yaml';
export const RELEASE_TXT = 'releases/2024-02-28-geneva.txt';
export const QUESTION = 'Who is the WIPO Director General?';

/** Put in the environment of every spawned `check`: it must never appear in its output. */
export const FAKE_TOKEN = 'MTAfake.token-never-printed.Xyz123';

/** Stands for the knowledge folder itself in `Fault.file` (the loader names it by its absolute path). */
export const FOLDER = '<the folder>';

export interface Fault {
  name: string;
  /** Breaks the good copy at `dir` (which may be deleted). */
  apply(dir: string): Promise<void>;
  /** The file the error names, relative to the folder, or FOLDER. */
  file: string;
  /** The field path the error names, when it has one. */
  path?: string | RegExp;
  /** The problem, as the error says it (matched anywhere in the message). */
  message: RegExp;
  /** (a) spawns the real `npm run cli -- check` for this row; the others run its code path in-process. */
  spawn?: boolean;
}

/** A throw-away copy of the shipped knowledge. */
export async function copyOfKnowledge(prefix = 'attache-bad-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Puts the good knowledge back at `dir`, whatever a fault did to it (even deleting it). */
export async function restore(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
}

/** Replaces text in a file of the copy; throws when `from` is not there, so a stale fixture cannot pass silently. */
export async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const absolute = path.join(dir, file);
  const before = await fs.readFile(absolute, 'utf8');
  if (!before.includes(from)) throw new Error(`fixture: ${JSON.stringify(from)} is not in ${file}`);
  await fs.writeFile(absolute, before.replace(from, to));
}

export const FAULTS: Fault[] = [
  {
    name: 'malformed YAML (a flow list left open)',
    apply: (dir) => edit(dir, ENTITIES_YAML, 'aliases: [Daren Tang, Tang, Дарен Тан, Тан]', 'aliases: [Daren Tang, Tang, Дарен Тан, Тан'),
    file: ENTITIES_YAML,
    message: /is not valid YAML: .* at line \d+, column \d+/,
    spawn: true,
  },
  {
    name: 'malformed JSON (a trailing comma)',
    apply: (dir) =>
      fs.writeFile(path.join(dir, 'releases/2024-03-01-extra.json'), '{ "entities": [ { "id": "extra", "type": "place", "name": "Extra", } ] }\n'),
    file: 'releases/2024-03-01-extra.json',
    message: /is not valid JSON: /,
  },
  {
    name: 'wrong type (a date written as a number)',
    apply: (dir) => edit(dir, RELEASE_YAML, '  date: 2024-02-28\n', '  date: 20240228\n'),
    file: RELEASE_YAML,
    path: 'release.date',
    message: /expected string, received number/,
  },
  {
    name: "missing field (an entity's name)",
    apply: (dir) => edit(dir, ENTITIES_YAML, '    name: Daren Tang\n', ''),
    file: ENTITIES_YAML,
    path: /^entities\[\d+\]\.name$/,
    message: /expected string, received undefined/,
  },
  {
    name: 'a quote not in its release',
    apply: (dir) =>
      edit(
        dir,
        RELEASE_YAML,
        'quote: Daren Tang, Director General of the World Intellectual Property Organization (WIPO)\n',
        'quote: Daren Tang, Director General of the World Trade Organization (WTO)\n',
      ),
    file: RELEASE_YAML,
    path: /^people\[\d+\]\.sources\[0\]\.quote$/,
    message: /quote not found in paragraph \d+ of releases\/2024-02-28-geneva\.txt: "Daren Tang, Director General of the World Trade Organization \(WTO\)"/,
  },
  {
    name: 'duplicate ids (a release copied to start a new one, its id unchanged)',
    apply: (dir) => fs.copyFile(path.join(dir, RELEASE_YAML), path.join(dir, 'releases/2024-03-01-geneva-copy.yaml')),
    file: 'releases/2024-03-01-geneva-copy.yaml',
    path: 'release.id',
    message: /duplicate release id "2024-02-28-geneva" \(first defined in releases\/2024-02-28-geneva\.yaml\)/,
  },
  {
    name: 'a reference to an unknown entity (a meeting with "daren-tang", not "tang")',
    apply: (dir) => edit(dir, RELEASE_YAML, '    with: [tang]\n', '    with: [daren-tang]\n'),
    file: RELEASE_YAML,
    path: /^meetings\[\d+\]\.with\[0\]$/,
    message: /unknown person "daren-tang": add it to the entities first/,
  },
  {
    name: 'an empty folder',
    apply: async (dir) => {
      for (const entry of await fs.readdir(dir)) await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    },
    file: FOLDER,
    message: /no knowledge files \(\.yaml, \.yml or \.json\) in this folder/,
  },
  {
    name: 'a missing folder',
    apply: (dir) => fs.rm(dir, { recursive: true, force: true }),
    file: FOLDER,
    message: /knowledge folder cannot be opened \(not found\)/,
    spawn: true,
  },
  {
    // chmod 000 cannot make a file unreadable to root, and CI runs the tests as root: a dangling
    // symlink (the file moved away under its link) is unreadable to everyone. A real EACCES is
    // tried separately (see the "chmod 000" test).
    name: 'an unreadable file (a dangling symlink)',
    apply: async (dir) => {
      await fs.rm(path.join(dir, ENTITIES_YAML));
      await fs.symlink('entities.yaml.moved-away', path.join(dir, ENTITIES_YAML));
    },
    file: ENTITIES_YAML,
    message: /cannot be read \(not found\)/,
  },
  {
    name: 'an unreadable file (a folder where the release text should be)',
    apply: async (dir) => {
      await fs.rm(path.join(dir, RELEASE_TXT));
      await fs.mkdir(path.join(dir, RELEASE_TXT));
    },
    file: RELEASE_TXT,
    message: /cannot be read \(is a folder\)/,
  },
  {
    // Cut inside a double-quoted scalar past the middle, as a reader racing a slow writer would see
    // it. Not every cut is invalid: see the known failure about a cut inside a plain scalar.
    name: 'a file caught half-written (cut mid-quote, past its middle)',
    apply: async (dir) => {
      const file = path.join(dir, RELEASE_YAML);
      const text = await fs.readFile(file, 'utf8');
      const at = text.indexOf('quote: "', text.length / 2);
      if (at < 0) throw new Error(`fixture: no double-quoted quote in the second half of ${RELEASE_YAML}`);
      await fs.writeFile(file, text.slice(0, at + 'quote: "'.length + 10));
    },
    file: RELEASE_YAML,
    message: /is not valid YAML: Missing closing "quote/,
  },
  {
    // Sparse: truncate() sets the size without writing 50 MB; the loader refuses it by size, unread.
    name: 'a 50 MB file',
    apply: async (dir) => {
      const file = path.join(dir, 'releases/2024-03-01-huge.yaml');
      await fs.writeFile(file, 'entities: []\n');
      await fs.truncate(file, 50 * 1024 * 1024);
    },
    file: 'releases/2024-03-01-huge.yaml',
    message: /file is 50\.0 MB; the limit is 5 MB/,
    spawn: true,
  },
  // Issue 10: knowledge arrives by pull request, and nothing outside the folder may be read.
  {
    // Before: the environment (DISCORD_TOKEN) became the release's paragraphs, which /source posts.
    name: 'a release text symlinked out of the folder (to /proc/self/environ)',
    apply: async (dir) => {
      await fs.rm(path.join(dir, RELEASE_TXT));
      await fs.symlink('/proc/self/environ', path.join(dir, RELEASE_TXT));
    },
    file: RELEASE_TXT,
    message: /is a symbolic link out of the knowledge folder: refused, not read/,
    spawn: true,
  },
  {
    // An uncurated release needs no quote to match: before, it loaded with the outside file as its text.
    name: 'a new release whose text is a symlink to a file outside the folder',
    apply: async (dir) => {
      await fs.writeFile(path.join(dir, 'releases/2024-03-01-out.yaml'), UNCURATED_RELEASE('2024-03-01-out'));
      await fs.symlink(path.join(ROOT, 'package.json'), path.join(dir, 'releases/2024-03-01-out.txt'));
    },
    file: 'releases/2024-03-01-out.txt',
    message: /is a symbolic link out of the knowledge folder: refused, not read/,
  },
  {
    name: 'a knowledge file symlinked out of the folder',
    apply: (dir) => fs.symlink(path.join(ROOT, 'knowledge', RELEASE_YAML), path.join(dir, 'releases/2024-03-01-linked.yaml')),
    file: 'releases/2024-03-01-linked.yaml',
    message: /is a symbolic link out of the knowledge folder: refused, not read/,
  },
  {
    name: 'a subfolder symlinked out of the folder',
    apply: (dir) => fs.symlink(path.join(ROOT, 'knowledge', 'releases'), path.join(dir, 'more-releases')),
    file: 'more-releases',
    message: /is a symbolic link out of the knowledge folder: refused, not read/,
  },
  {
    // Before: 1 GB of RSS and seconds of a blocked event loop in the yaml parser (4 MB: 3.7 GB, 40 s).
    name: 'a YAML nesting bomb (entities: and 1 MB of "[")',
    apply: (dir) => fs.writeFile(path.join(dir, 'releases/2024-03-01-bomb.yaml'), `entities: ${'['.repeat(1024 * 1024)}`),
    file: 'releases/2024-03-01-bomb.yaml',
    message: /is refused: it nests deeper than 100 levels \(at line 1, column \d+\)/,
  },
  {
    name: 'a YAML nesting bomb (entities: and 4 MB of "[")',
    apply: (dir) => fs.writeFile(path.join(dir, 'releases/2024-03-01-bomb.yaml'), `entities: ${'['.repeat(4 * 1024 * 1024)}`),
    file: 'releases/2024-03-01-bomb.yaml',
    message: /is refused: it nests deeper than 100 levels/,
    spawn: true,
  },
  {
    name: 'a JSON nesting bomb (4 MB of "[")',
    apply: (dir) => fs.writeFile(path.join(dir, 'releases/2024-03-01-bomb.json'), `{"entities": ${'['.repeat(4 * 1024 * 1024)}`),
    file: 'releases/2024-03-01-bomb.json',
    message: /is refused: it nests deeper than 100 levels/,
  },
  {
    // Before: toJS() threw past the loader (outside its try): a stack trace, and no file named.
    name: 'billion laughs (aliases of aliases)',
    apply: (dir) => fs.writeFile(path.join(dir, 'releases/2024-03-01-laughs.yaml'), BILLION_LAUGHS),
    file: 'releases/2024-03-01-laughs.yaml',
    message: /is refused: its aliases expand more than 100 times/,
    spawn: true,
  },
  {
    // Before: a successful reload, from 22 facts to none.
    name: 'every release deleted (releases/ removed)',
    apply: (dir) => fs.rm(path.join(dir, 'releases'), { recursive: true }),
    file: FOLDER,
    message: /no release in this folder/,
    spawn: true,
  },
  {
    name: 'every release deleted (releases/ emptied)',
    apply: async (dir) => {
      for (const entry of await fs.readdir(path.join(dir, 'releases'))) await fs.rm(path.join(dir, 'releases', entry));
    },
    file: FOLDER,
    message: /no release in this folder/,
  },
];

/** A release with nothing curated: it loads on its text alone (answered sentence by sentence). */
export function UNCURATED_RELEASE(id: string): string {
  return `release:\n  id: ${id}\n  title: A visit\n  date: 2024-03-01\n  source: Ministry of Foreign Affairs\n  text: ${id}.txt\n`;
}

/** The classic: nine levels of aliases, each ten of the one before, a billion "lol"s expanded. */
export const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i]!;
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'entities: *i',
  '',
].join('\n');

/** The file name an error carries for this fault in a folder at `dir`. */
export function fileOf(fault: Fault, dir: string): string {
  return fault.file === FOLDER ? dir : fault.file;
}

/** Whether `errors` has the fault's error: its file, its field path (if given) and its problem. */
export function hasFaultError(errors: readonly KnowledgeError[], fault: Fault, dir: string): boolean {
  return errors.some(
    (e) =>
      e.file === fileOf(fault, dir) &&
      (fault.path === undefined || (typeof fault.path === 'string' ? e.path === fault.path : fault.path.test(e.path))) &&
      fault.message.test(e.message),
  );
}

export interface CheckRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run --silent cli -- check` on `dir`, as a moderator runs it. */
export function spawnCheck(dir: string, options: { uid?: number; gid?: number; env?: Record<string, string> } = {}): Promise<CheckRun> {
  return new Promise((resolve, reject) => {
    const { env, ...ids } = options;
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'check'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: FAKE_TOKEN, KNOWLEDGE_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ids,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What `cli check` prints for `dir`, computed in-process: src/cli/main.ts runs `main()` when
 * imported, so its check branch (loadKnowledge → formatErrors, one `error:` line each, then a count)
 * is restated here. The rows that spawn the real CLI assert that both print the same bytes.
 */
export async function checkInProcess(dir: string): Promise<CheckRun> {
  const loaded = await loadKnowledge(dir);
  if (loaded.ok) return { code: 0, stdout: `ok: ${loaded.knowledge.releases.size} release(s)\n`, stderr: '' };
  const n = loaded.errors.length;
  const stdout = `${formatErrors(loaded.errors)
    .map((line) => `error: ${line}\n`)
    .join('')}${n} error${n === 1 ? '' : 's'} in ${dir}\n`;
  return { code: 1, stdout, stderr: '' };
}

/** A pool that runs at most `limit` tasks at a time: `run(task)` queues one and settles with it. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = (): void => {
    if (active >= limit) return;
    const start = queue.shift();
    if (!start) return;
    active++;
    start();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 5000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
