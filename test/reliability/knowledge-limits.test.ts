/**
 * Issue 10: the knowledge loader's limits, beyond the bad-knowledge table (which checks that each
 * fault is refused by name, and that the old knowledge keeps answering):
 *   - the event loop keeps turning while bombs are refused (before: 11 s blocked for 1 MB of `[`,
 *     40 s for 4 MB), and memory stays flat (before: 1 GB, 3.7 GB);
 *   - the depth check (over the yaml lexer's tokens) never counts less than the parser nests, and
 *     takes quotes, comments and block scalars for text;
 *   - a large, valid file is parsed in the worker thread and loads; past the worker's heap or time
 *     cap a file is refused with a message, and the next one gets a fresh worker;
 *   - a symlink that stays inside the folder is followed, a loop of folders is walked once.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../../src/core';
import { INLINE_BYTES, parseKnowledgeText, parseText } from '../../src/core/knowledge/parse';
import { ENTITIES_YAML, FAULTS, RELEASE_TXT, copyOfKnowledge } from './knowledge-faults';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function temp(kind: 'copy' | 'empty'): Promise<string> {
  const dir = kind === 'copy' ? await copyOfKnowledge('attache-limits-') : await fs.mkdtemp(path.join(os.tmpdir(), 'attache-limits-'));
  temps.push(dir);
  return dir;
}

/** Runs `task` while a 5 ms interval measures the longest the event loop went without turning. */
async function withLargestGap<T>(task: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 5);
  try {
    const value = await task();
    await new Promise((resolve) => setTimeout(resolve, 20)); // a gap at the very end is measured too
    return { value, gapMs };
  } finally {
    clearInterval(timer);
  }
}

// The target is 100 ms; measured 5–20 ms on a 2-core machine at load average 10, but 281 ms once in a
// fresh-clone `.ci/run` (every suite in parallel on 2 cores: the process waited for a core, it did not
// block). The bound leaves room for that and still fails by far without the limits (seconds).
const MAX_GAP_MS = 500;

describe('bombs: the event loop keeps turning and memory stays flat', () => {
  const bombs = FAULTS.filter((f) => /bomb|billion laughs/.test(f.name));

  test.each(bombs)('$name', async (fault) => {
    // The bomb alone (a folder of only it), so the gap is the bomb's, not the shipped files' parse.
    const dir = await temp('empty');
    await fs.mkdir(path.join(dir, 'releases'));
    await fault.apply(dir);
    await loadKnowledge(dir); // warm: the first call compiles the loader's code
    const rss = process.memoryUsage().rss;
    const { value: result, gapMs } = await withLargestGap(() => loadKnowledge(dir));
    const grewMb = (process.memoryUsage().rss - rss) / 1024 / 1024;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ file: fault.file, path: '', message: expect.stringMatching(fault.message) }]);
    expect(gapMs).toBeLessThan(MAX_GAP_MS);
    expect(grewMb).toBeLessThan(100);
  });

  test('the shipped files pass the depth check, on this thread (they are under INLINE_BYTES)', async () => {
    for (const file of [ENTITIES_YAML, 'releases/2024-02-28-geneva.yaml']) {
      const text = await fs.readFile(path.join(__dirname, '../../knowledge', file), 'utf8');
      expect(text.length).toBeLessThanOrEqual(INLINE_BYTES);
      expect(parseText(text, false)).toMatchObject({ ok: true });
    }
  });

  test('block nesting counts too: 1 MB of "- ", and ever-deeper indentation', () => {
    const refused = (line: number) => ({ ok: false, messages: [expect.stringMatching(new RegExp(`nests deeper than 100 levels \\(at line ${line}, `))] });
    expect(parseText(`entities:\n${'- '.repeat(512 * 1024)}`, false)).toEqual(refused(2));
    const stairs = Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(parseText(stairs, false)).toEqual(refused(101));
    expect(parseText(`? ${'? '.repeat(5000)}x`, false)).toEqual(refused(1));
  });

  test('brackets in quotes, plain text, comments and block scalars are text, not nesting', () => {
    const deep = '['.repeat(200);
    const text = `a: "${deep}"\nb: '${deep}'\nc: see ${deep}\nd: 1 # ${deep}\ne: |\n  ${deep}\n  ${deep}\nf: x\n`;
    expect(parseText(text, false)).toMatchObject({ ok: true, value: { a: deep, b: deep, f: 'x' } });
    expect(parseText(`{"a": "${deep}", "b": "\\"${deep}"}`, true)).toMatchObject({ ok: true });
    // The depth the parser reaches is never more than the check counts: 100 levels pass, 101 do not.
    const flow = (n: number) => `a: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}`;
    expect(parseText(flow(100), false)).toMatchObject({ ok: true });
    expect(parseText(flow(101), false)).toMatchObject({ ok: false });
  });
});

/** 1 MB of valid entities: renamed copies of the shipped ones (their references renamed alike). */
async function megabyteOfEntities(): Promise<string> {
  const shipped = await fs.readFile(path.join(__dirname, '../../knowledge', ENTITIES_YAML), 'utf8');
  const body = shipped.slice(shipped.indexOf('\nentities:\n') + '\nentities:\n'.length);
  let text = 'entities:\n';
  for (let i = 0; text.length < 1024 * 1024; i++) text += body.replace(/\b(id|organization|country|parent): ([a-z0-9-]+)/g, `$1: x${i}-$2`);
  return text;
}

describe('the parse worker (files above INLINE_BYTES)', () => {
  test('a large valid file (1 MB of entities) is parsed in the worker and loads', async () => {
    const dir = await temp('copy');
    const text = await megabyteOfEntities();
    await fs.writeFile(path.join(dir, 'releases/more-entities.yaml'), text);
    expect(text.length).toBeGreaterThan(INLINE_BYTES);
    const { value: result, gapMs } = await withLargestGap(() => loadKnowledge(dir));
    // (Every entity of the copies loads: some 4,000 of them, as many as fit in 1 MB.)
    const copied = (text.match(/^\s*- id: /gm) ?? []).length;
    expect(copied).toBeGreaterThan(3500);
    expect(result.ok && result.knowledge.entities.size).toBeGreaterThanOrEqual(copied);
    // Parsing it took seconds, off the event loop; what remains (validating and assembling 4,000
    // entities) is measured too, more loosely: 30–60 ms on an idle machine.
    expect(gapMs).toBeLessThan(4 * MAX_GAP_MS);
  }, 60_000);

  test('past its heap cap: refused with a message, the event loop never blocked', async () => {
    // Shallow and valid, but its document takes about 100 MB.
    const text = await megabyteOfEntities();
    const { value, gapMs } = await withLargestGap(() => parseKnowledgeText(text, false, { timeoutMs: 60_000, heapMb: 32 }));
    expect(value).toEqual({ ok: false, messages: ['is refused: parsing it needs more than 32 MB (split or simplify it)'] });
    expect(gapMs).toBeLessThan(MAX_GAP_MS);
  }, 60_000);

  test('past its time cap: refused with a message; the next file gets a fresh worker', async () => {
    // 1 MB takes a second or more to parse; then the next file, under the same cap, is quick.
    const limits = { timeoutMs: 300, heapMb: 256 };
    const { value, gapMs } = await withLargestGap(async () => parseKnowledgeText(await megabyteOfEntities(), false, limits));
    expect(value).toEqual({ ok: false, messages: ['is refused: parsing it takes more than 0.3 s (split or simplify it)'] });
    expect(gapMs).toBeLessThan(MAX_GAP_MS);
    // The same limits, hence the same ParseWorker, whose worker was ended: a new one parses the next file.
    expect(await parseKnowledgeText(`a: [1, 2]\n${'#'.repeat(INLINE_BYTES)}\n`, false, limits)).toEqual({ ok: true, value: { a: [1, 2] } });
  }, 60_000);

  test('billion laughs in the worker too: refused, not thrown', async () => {
    const laughs = FAULTS.find((f) => f.name.startsWith('billion laughs'))!;
    const dir = await temp('empty');
    await fs.mkdir(path.join(dir, 'releases'));
    await laughs.apply(dir);
    const text = await fs.readFile(path.join(dir, laughs.file), 'utf8');
    const padded = `${text}${'#'.repeat(INLINE_BYTES)}\n`;
    expect(await parseKnowledgeText(padded, false)).toEqual({ ok: false, messages: [expect.stringMatching(laughs.message)] });
  });
});

describe('symlinks that stay inside the folder', () => {
  test('a release text linked to a file elsewhere in the folder loads', async () => {
    const dir = await temp('copy');
    await fs.mkdir(path.join(dir, 'texts'));
    await fs.rename(path.join(dir, RELEASE_TXT), path.join(dir, 'texts/geneva.txt'));
    await fs.symlink('../texts/geneva.txt', path.join(dir, RELEASE_TXT));
    const result = await loadKnowledge(dir);
    expect(result.ok && result.knowledge.facts.size).toBe(22);
  });

  test('a folder linked inside, and a link back to the top: each folder walked once', async () => {
    const dir = await temp('copy');
    await fs.symlink('releases', path.join(dir, 'releases-link'));
    await fs.symlink('..', path.join(dir, 'releases/loop'));
    const result = await loadKnowledge(dir);
    expect(result.ok && result.knowledge.files).toEqual([ENTITIES_YAML, 'releases/2024-02-28-geneva.yaml']);
  });

  test('the knowledge folder itself reached through a symlink loads', async () => {
    const dir = await temp('copy');
    const link = `${dir}-link`;
    await fs.symlink(dir, link);
    temps.push(link);
    const result = await loadKnowledge(link);
    expect(result.ok && result.knowledge.facts.size).toBe(22);
  });
});
