/**
 * The compiled bot started the way a supervisor (systemd, a container runtime) starts it:
 * `node dist/app/main.js` itself, no npm and no tsx in between, so the signals sent to the pid the
 * supervisor knows reach the bot. SIGHUP reloads the knowledge and the process keeps answering;
 * SIGTERM stops it cleanly with exit 0. Both in the console (no token) and as the Discord bot.
 * Also: the compiled command line (one esbuild bundle) answers exactly as the sources do, and the
 * world gazetteer's forms, the question lexicon and its English stems the build worked out are the
 * ones the sources give.
 * dist/ is built by `npm test` (and `npm ci`); run alone, this file first checks dist/ is current.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ask, createEngine, loadKnowledge, toPlainText } from '../../src/core';
import { WORLD_FORMS_FILE, computeWorldPlaceForms } from '../../src/core/search/world-forms';
import { LEXICON_JSON_FILE, compileLexiconFiles } from '../../src/core/lexicon/lexicon';
import { ENGLISH_STEMS_FILE, computeEnglishStems } from '../../src/core/text/normalize';
import { DiscordSimulator } from '../simulator';
import { copyKnowledge } from '../discord/setup';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'app', 'main.js');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const TANG_ALIASES = 'aliases: [Daren Tang, Tang, Дарен Тан, Тан]';
const NICKNAME = 'Zorblax';

/** dist/ must be at least as new as every source, or these tests would pass on an old build. */
function assertDistCurrent(): void {
  const stale: string[] = [];
  const newestDist = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);
  for (const entry of fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue; // declarations compile to nothing
    const source = path.join(entry.parentPath, entry.name);
    const compiled = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), source)).replace(/\.ts$/, '.js');
    if (newestDist(compiled) < fs.statSync(source).mtimeMs) stale.push(path.relative(ROOT, source));
  }
  if (stale.length)
    throw new Error(`dist/ is missing or older than ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}: run npm run build (npm test does)`);
}

beforeAll(assertDistCurrent);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node dist/app/main.js` from an empty temp folder (no developer .env), only `env` set. */
function supervise(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [MAIN], {
    cwd: os.tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** pino's JSON lines on stderr. */
function logLines(run: Run): Array<Record<string, unknown>> {
  return run
    .stderr()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function addNickname(dir: string): Promise<void> {
  const file = path.join(dir, 'entities.yaml');
  const text = await fs.promises.readFile(file, 'utf8');
  expect(text).toContain(TANG_ALIASES);
  await fsp.writeFile(file, text.replace(TANG_ALIASES, `aliases: [Daren Tang, Tang, Дарен Тан, Тан, ${NICKNAME}]`));
}

test('console: the pid is the bot; SIGHUP reloads and it keeps answering; SIGTERM exits 0', async () => {
  const dir = await copyKnowledge();
  const run = supervise({ KNOWLEDGE_DIR: dir });
  try {
    await until(() => run.stdout().includes('Type /help for commands.'), 'the console banner');
    await addNickname(dir);

    run.child.kill('SIGHUP');
    await until(() => logLines(run).some((l) => l.msg === 'knowledge reloaded'), 'the reload log line');
    const reloaded = logLines(run).find((l) => l.msg === 'knowledge reloaded')!;
    expect(reloaded.pid).toBe(run.child.pid); // no wrapper process in between
    expect(reloaded.by).toBe('SIGHUP');

    // Still running, and on the new knowledge.
    run.child.stdin!.write(`Who is ${NICKNAME}?\n`);
    await until(() => run.stdout().includes('Daren Tang — Director General'), 'an answer after the reload');

    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(logLines(run).some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await fsp.rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test('bot: SIGHUP to the pid a supervisor holds reloads, SIGTERM disconnects and exits 0', async () => {
  const sim = await DiscordSimulator.start();
  const dir = await copyKnowledge();
  const run = supervise({ DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'info' });
  try {
    await sim.whenReady(1, 30_000);
    await until(() => logLines(run).some((l) => l.msg === 'ready'), 'the ready log line');
    expect(logLines(run).find((l) => l.msg === 'ready')!.pid).toBe(run.child.pid);

    await addNickname(dir);
    run.child.kill('SIGHUP');
    await until(() => logLines(run).some((l) => l.msg === 'knowledge reloaded'), 'the reload log line');
    expect(run.child.exitCode).toBeNull();

    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(run.stderr()).toContain('"msg":"shutting down"');
    expect(run.stderr()).not.toContain(sim.token);
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await sim.stop();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test('the compiled cli answers as the sources do; stdout is JSON lines only', async () => {
  const questions = [
    'Who is the WIPO Director General?',
    'Who did the minister meet in Geneva?',
    'What did they discuss with Guterres?',
    'Кто такой Дарен Тан?',
    'What is the capital of Mars?',
  ];
  const child = execFile(process.execPath, [CLI, 'ask', '--json'], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() } });
  child.stdin!.end(`${questions.join('\n')}\n`);
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);

  const loaded = await loadKnowledge(path.join(ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  const engine = createEngine(loaded.knowledge);
  const expected = questions.map((question) => {
    const answer = ask(engine, question);
    const sources = answer.sources.map((s) => ({ release: s.release, paragraph: s.paragraph, quote: s.quote }));
    return JSON.stringify({ question, status: answer.status, answer: toPlainText(answer, engine.knowledge), sources });
  });
  expect(stdout).toBe(expected.map((l) => `${l}\n`).join(''));

  const check = await promisify(execFile)(process.execPath, [CLI, 'check'], { cwd: os.tmpdir() });
  expect(check.stdout).toMatch(/^ok: 1 release\(s\), \d+ entities/);
});

test("the build's world-forms.json holds exactly what the sources work out", () => {
  const built: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'core', 'search', WORLD_FORMS_FILE), 'utf8'));
  expect(built).toStrictEqual(computeWorldPlaceForms());
});

test("the build's lexicon.json holds exactly what the lexicon's YAML gives", () => {
  const built: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'core', 'lexicon', LEXICON_JSON_FILE), 'utf8'));
  expect(built).toStrictEqual(compileLexiconFiles());
});

test("the build's english-stems.json holds exactly Snowball's stems of the lexicon's words", () => {
  const built: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'core', 'text', ENGLISH_STEMS_FILE), 'utf8'));
  const expected = computeEnglishStems(compileLexiconFiles());
  expect(Object.keys(expected).length).toBeGreaterThan(500);
  expect(built).toStrictEqual(expected);
});
