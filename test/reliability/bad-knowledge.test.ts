/**
 * Issue 5, item 1: bad knowledge, end to end. One row per fault (./knowledge-faults.ts); each row
 * asserts all three guarantees:
 *   (a) `cli check` on a copy with the fault exits 1, naming the file and the problem;
 *   (b) a KnowledgeStore opened on the good copy, then faulted: reload() fails with that error and
 *       the very same engine keeps answering "Who is the WIPO Director General?" with Daren Tang;
 *   (c) through the Discord simulator: a moderator's /reload shows the error (ephemeral) and a
 *       following /ask still answers from the old knowledge.
 * (a) spawns the real `npm run --silent cli -- check` for three rows (a parse error, a missing
 * folder, the size limit) and for a real EACCES, and compares its output byte for byte with the same
 * code path run in-process, which the other rows use: a spawn costs 2–3 s of CPU (npm + tsx), and a
 * dozen of them would take most of this file's time budget on a busy CI machine. The spawns run two
 * at a time in the background from beforeAll, while the in-process and Discord parts go on.
 * (c) shares one bot for all rows: one login per test file (Identify is rate limited).
 *
 * Then KNOWLEDGE_WATCH (src/app/watch.ts): a good change is picked up after the debounce, a broken one is
 * logged and the old knowledge kept, a burst is one reload, editors' swap files are ignored, and the
 * folder may be deleted and recreated.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeStore, ask, toPlainText, type Engine } from '../../src/core';
import { createLogger } from '../../src/app/log';
import { watchKnowledge, type KnowledgeWatcher, type WatchResult } from '../../src/app/watch';
import { EPHEMERAL, MOD_ROLE, setup, textOf, type Harness, type SentMessage } from '../discord/setup';
import {
  ENTITIES_YAML,
  FAKE_TOKEN,
  FAULTS,
  FOLDER,
  QUESTION,
  RELEASE_YAML,
  checkInProcess,
  copyOfKnowledge,
  edit,
  eventually,
  fileOf,
  hasFaultError,
  limiter,
  restore,
  spawnCheck,
  type CheckRun,
  type Fault,
} from './knowledge-faults';

/** `test.failing` for a bug found and not fixed yet (as in test/core/setup.ts): passes while the bug is there. */
const knownFailure = (process.env.SHOW_KNOWN_FAILURES ? test : test.failing) as typeof test.failing;

const temps: string[] = [];
async function tempCopy(): Promise<string> {
  const dir = await copyOfKnowledge();
  temps.push(dir);
  return dir;
}

function answerText(engine: Engine, question = QUESTION): string {
  const answer = ask(engine, question);
  expect(answer.status).toBe('answered');
  return toPlainText(answer, engine.knowledge);
}

/** (a) for the rows that spawn the CLI: its result, the folder, and what the in-process path prints. */
const checks = new Map<string, Promise<{ dir: string; run: CheckRun; inProcess: CheckRun }>>();
/** (a) for an unreadable file, for real (see canMakeUnreadable). */
let eacces: Promise<CheckRun> | undefined;

// As root (CI), chmod 000 changes nothing: the CLI is then spawned as the user "nobody", if there is one
// and this process may switch to it; as any other user, plainly.
const root = process.getuid?.() === 0;
const asNobody = root && spawnSync('true', { uid: 65534, gid: 65534 }).status === 0;
const canMakeUnreadable = !root || asNobody;

/** `cli check` on a copy whose entities.yaml is chmod 000, run by a user who cannot read it. */
async function checkUnreadable(): Promise<CheckRun> {
  const dir = await tempCopy();
  await fs.chmod(path.join(dir, ENTITIES_YAML), 0o000);
  if (!asNobody) return spawnCheck(dir);
  await fs.chmod(dir, 0o755); // mkdtemp makes it 0700
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-nobody-'));
  temps.push(home);
  await fs.chmod(home, 0o777);
  // npm's cache and logs and tsx's compile cache go to the throw-away home, not to /tmp.
  return spawnCheck(dir, { uid: 65534, gid: 65534, env: { HOME: home, TMPDIR: home, npm_config_cache: path.join(home, 'npm') } });
}

let h: Harness;
let store: KnowledgeStore;
let storeDir: string;
let engineBefore: Engine;

beforeAll(async () => {
  // Two CLIs at a time; the one as "nobody" first, as its tsx compiles from a cold cache.
  const run = limiter(2);
  if (canMakeUnreadable) eacces = run(checkUnreadable);
  for (const fault of FAULTS.filter((f) => f.spawn)) {
    checks.set(
      fault.name,
      run(async () => {
        const dir = await tempCopy();
        await fault.apply(dir);
        return { dir, run: await spawnCheck(dir), inProcess: await checkInProcess(dir) };
      }),
    );
  }
  // Each is awaited by its test; meanwhile a failure must not be an unhandled rejection.
  for (const p of [eacces, ...checks.values()]) p?.catch(() => undefined);

  storeDir = await tempCopy();
  const opened = await KnowledgeStore.open(storeDir);
  if (!opened.ok) throw new Error('the shipped knowledge does not load');
  store = opened.store;
  engineBefore = store.current();

  h = await setup();
}, 30_000);

afterAll(async () => {
  await Promise.allSettled([...checks.values(), eacces]); // no CLI left running
  await h?.teardown();
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** /reload by a moderator (by role), and the edit of its deferred reply. */
async function moderatorReload(): Promise<{ type: number; flags: number | undefined; edit: SentMessage }> {
  const { id, token } = h.sim.slash('reload', [], { user: h.sim.newUser('moderator'), permissions: '0', roles: [MOD_ROLE] });
  const cb = await h.sim.waitForCallback(id);
  const edited = await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.sim.applicationId}/${token}/messages/@original`);
  return { type: cb.type, flags: (cb.data as SentMessage | undefined)?.flags, edit: edited.body as SentMessage };
}

async function discordAsk(question = QUESTION): Promise<{ type: number; text: string }> {
  const { id } = h.sim.slash('ask', [{ name: 'question', type: 3, value: question }]);
  const cb = await h.sim.waitForCallback(id);
  return { type: cb.type, text: textOf(cb.data as SentMessage) };
}

function expectCheckNames(run: CheckRun, fault: Fault, dir: string): void {
  expect(run.code).toBe(1);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('error: '));
  const at = fault.path === undefined ? '' : ' › ';
  const named = lines.filter((l) => l.startsWith(`error: ${fileOf(fault, dir)}${at}`) && fault.message.test(l));
  expect({ stdout: run.stdout, named: named.length > 0 }).toEqual({ stdout: run.stdout, named: true });
  expect(run.stdout).toMatch(new RegExp(`^\\d+ errors? in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
}

describe('bad knowledge: check fails naming it, reload keeps the old knowledge, /reload shows it', () => {
  test('the good knowledge passes all three first (the table tests faults, not a broken fixture)', async () => {
    expect((await checkInProcess(storeDir)).code).toBe(0);
    expect(answerText(store.current())).toContain('Daren Tang');
    const reply = await discordAsk();
    expect(reply.type).toBe(4);
    expect(reply.text).toContain('Daren Tang');
  });

  test.each(FAULTS)('$name', async (fault) => {
    // (a) cli check exits 1 and names the file and the problem.
    const spawned = checks.get(fault.name);
    if (spawned) {
      const { dir, run, inProcess } = await spawned;
      expectCheckNames(run, fault, dir);
      expect(run.stdout).toBe(inProcess.stdout); // the in-process rows print what the CLI prints
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toContain(FAKE_TOKEN); // in its environment (spawnCheck): never printed
    } else {
      const dir = await tempCopy();
      await fault.apply(dir);
      expectCheckNames(await checkInProcess(dir), fault, dir);
    }

    // (b) in-process: the store keeps the same engine, still answering.
    await restore(storeDir);
    await fault.apply(storeDir);
    const result = await store.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) expect({ errors: result.errors, found: hasFaultError(result.errors, fault, storeDir) }).toMatchObject({ found: true });
    expect(store.current()).toBe(engineBefore);
    expect(answerText(store.current())).toContain('Daren Tang');

    // (c) through Discord: the moderator sees the error, ephemerally; /ask answers from the old knowledge.
    const before = h.store.current();
    await restore(h.dir);
    await fault.apply(h.dir);
    const reload = await moderatorReload();
    expect(reload.type).toBe(5); // deferred
    expect(reload.flags).toBe(EPHEMERAL);
    const embed = reload.edit.embeds![0]!;
    expect(embed.title).toMatch(/^Reload failed with \d+ errors?: the previous knowledge keeps answering\.$/);
    // (A folder's own errors name it by its absolute path: see the known failure below.)
    if (fault.file !== FOLDER) expect(embed.description).toContain(fault.file);
    expect(embed.description).toMatch(fault.message);
    expect(h.store.current()).toBe(before);
    const reply = await discordAsk();
    expect(reply.type).toBe(4);
    expect(reply.text).toContain('Daren Tang');
  });

  // An unreadable file for real (EACCES), only (a): the in-process store and the bot run as this
  // process's user (root in CI), for which the table's dangling symlink stands in.
  (canMakeUnreadable ? test : test.skip)('an unreadable file (chmod 000): check names it, "permission denied"', async () => {
    const run = await eacces!;
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`error: ${ENTITIES_YAML}: cannot be read (permission denied)`);
  });

  // An error about the folder itself (missing, empty) names it without its absolute path on the server.
  test("a missing folder is reported in Discord without the server's absolute path", async () => {
    await fs.rm(h.dir, { recursive: true, force: true });
    try {
      const reload = await moderatorReload();
      expect(reload.edit.embeds![0]!.description).toContain('knowledge folder cannot be opened');
      expect(reload.edit.embeds![0]!.description).not.toContain(h.dir);
    } finally {
      await restore(h.dir);
    }
  });

  // KNOWN GAP (src/core/knowledge/load.ts): a file caught half-written is not always invalid. Cut
  // inside a plain (unquoted) scalar, YAML ends the document there: the cut quote is a prefix of the
  // real one, hence still "found in the paragraph", and everything after the cut is simply absent.
  // About 1 in 8 cut points of the release file load (measured every 97 bytes), here with 2 of its 5
  // meetings. /reload shows "Facts: 22 → 8", so a moderator can see it; the watcher self-heals (the
  // rest of the write is another change, hence another reload). A loader rule such as "a knowledge
  // file ends with a line break" would catch nearly every such cut.
  knownFailure('a release file cut inside a plain quote fails check (today it loads, losing 3 meetings)', async () => {
    const dir = await tempCopy();
    const file = path.join(dir, RELEASE_YAML);
    const text = await fs.readFile(file, 'utf8');
    const at = text.indexOf('quote: With ', text.length / 2);
    expect(at).toBeGreaterThan(0);
    await fs.writeFile(file, text.slice(0, at + 'quote: With '.length));
    const run = await checkInProcess(dir);
    expect(run.code).toBe(1);
  });
});

describe('watchKnowledge (KNOWLEDGE_WATCH=1)', () => {
  const DEBOUNCE = 100;
  const TITLE_LINE = '    title: Director General of the World Intellectual Property Organization (WIPO)\n';
  let watcher: KnowledgeWatcher | undefined;
  afterEach(() => watcher?.close());

  async function watched(options: { retryMs?: number; debounceMs?: number } = {}) {
    const dir = await tempCopy();
    const opened = await KnowledgeStore.open(dir);
    if (!opened.ok) throw new Error('the shipped knowledge does not load');
    const results: WatchResult[] = [];
    const logs: Array<Record<string, unknown>> = [];
    const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
    watcher = watchKnowledge(opened.store, { debounceMs: DEBOUNCE, logger, onResult: (r) => results.push(r), ...options });
    return { dir, store: opened.store, results, logs };
  }

  /** Gives Daren Tang a new title in entities.yaml: the answer's first line shows it. */
  const retitle = (dir: string, title: string) => edit(dir, ENTITIES_YAML, TITLE_LINE, `    title: ${title}\n`);
  const answerHas = (store: KnowledgeStore, title: string) => answerText(store.current()).includes(title);

  /** Waits for the n-th reload, then the debounce thrice over for any reload that should not come. */
  async function settled(results: WatchResult[], n: number, debounceMs = DEBOUNCE): Promise<void> {
    await eventually(`reload #${n}`, () => (results.length >= n ? true : undefined));
    await new Promise((r) => setTimeout(r, debounceMs * 3));
  }

  test('a good change: the answers change after the debounce', async () => {
    const { dir, store, results } = await watched();
    const before = store.current();
    expect(answerHas(store, 'WIPO, re-elected')).toBe(false);
    await retitle(dir, 'Director General of WIPO, re-elected');
    await eventually('the new title in the answer', () => (answerHas(store, 'WIPO, re-elected') ? true : undefined));
    expect(answerText(store.current())).toContain('Daren Tang');
    expect(store.current()).not.toBe(before);
    expect(results.at(-1)).toMatchObject({ ok: true });
  });

  test('a broken file: the old knowledge keeps answering, and the error is logged', async () => {
    const { dir, store, results, logs } = await watched();
    const before = store.current();
    await edit(dir, ENTITIES_YAML, 'aliases: [Daren Tang, Tang, Дарен Тан, Тан]', 'aliases: [Daren Tang, Tang');
    await settled(results, 1);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(store.current()).toBe(before);
    expect(answerText(store.current())).toContain('Daren Tang');
    const failure = logs.find((l) => l.msg === 'knowledge reload failed; the previous knowledge keeps answering');
    expect(failure).toMatchObject({ level: 40, by: 'watch', errors: [expect.stringMatching(/^entities\.yaml: is not valid YAML/)] });
  });

  test("a burst of 20 writes (with an editor's swap and backup files) is one reload", async () => {
    // A longer quiet period here: on a loaded machine (CI, or jest's other workers) an await between
    // two writes can outlast 100 ms, and then two reloads are right. The writes yield to the event
    // loop between them, so the watcher sees them arrive one by one, as from an editor.
    const debounceMs = 400;
    const { dir, store, results } = await watched({ debounceMs });
    const file = path.join(dir, ENTITIES_YAML);
    const good = await fs.readFile(file, 'utf8');
    for (let i = 0; i < 20; i++) {
      // As an editor saves: a swap file, a backup, the file itself. Every version is valid; the last
      // one gives Daren Tang a new title, which the one reload must have read.
      await fs.writeFile(path.join(dir, '.entities.yaml.swp'), `swap ${i}`);
      await fs.writeFile(`${file}~`, good);
      await fs.writeFile(file, i === 19 ? good.replace(TITLE_LINE, '    title: Director General of WIPO, draft 19\n') : `${good}\n# draft ${i}\n`);
      await new Promise((r) => setImmediate(r));
    }
    await settled(results, 1, debounceMs);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true });
    expect(answerHas(store, 'Director General of WIPO, draft 19')).toBe(true);
  });

  test('dotfiles and swap files alone trigger no reload', async () => {
    const { dir, results } = await watched();
    await fs.writeFile(path.join(dir, '.entities.yaml.swp'), 'swap');
    await fs.writeFile(path.join(dir, 'releases/.#2024-02-28-geneva.yaml'), 'lock');
    await fs.writeFile(path.join(dir, 'entities.yaml~'), 'backup');
    await fs.writeFile(path.join(dir, 'releases/4913'), ''); // vim's "can I write here" probe
    await new Promise((r) => setTimeout(r, DEBOUNCE * 4));
    expect(results).toEqual([]);
  });

  test('the folder deleted, then recreated: logged, old knowledge kept, then watched and reloaded again', async () => {
    const { dir, store, results, logs } = await watched({ retryMs: 50 });
    const before = store.current();
    await fs.rm(dir, { recursive: true });
    // A slow rm may be caught half-way ("releases: folder cannot be read"): then a second reload follows.
    await eventually('a reload naming the missing folder', () =>
      results.find((r) => 'errors' in r && r.errors.some((e) => e.file === dir && e.message.includes('cannot be opened (not found)'))),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(store.current()).toBe(before);
    expect(logs.some((l) => l.msg === 'the knowledge folder is gone' || l.msg === 'cannot watch the knowledge folder; looking for it again')).toBe(true);

    await restore(dir);
    await retitle(dir, 'Director General of WIPO, recreated');
    await eventually('the recreated folder reloaded', () => (answerHas(store, 'WIPO, recreated') ? true : undefined));
    expect(logs.some((l) => l.msg === 'watching the knowledge folder again')).toBe(true);

    // Watched again for real: a later change is picked up too.
    await edit(dir, ENTITIES_YAML, 'WIPO, recreated', 'WIPO, changed later');
    await eventually('a change after the re-watch', () => (answerHas(store, 'WIPO, changed later') ? true : undefined));
  });
});
