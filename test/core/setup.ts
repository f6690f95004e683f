/**
 * Shared fixtures for the core's tests.
 *
 * - `shippedEngine()` loads the shipped knowledge/ once per test file and hands out the same engine.
 * - `tempKnowledge(mutate?)` copies knowledge/ into a fresh folder under os.tmpdir() and lets a
 *   test break (or extend) one file; every folder it makes is removed after each test.
 * - `expectSourcesVerbatim` / `textOf` are the assertions every answer test needs.
 */
import { promises as fs, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { createEngine, loadKnowledge, type Answer, type Engine, type Knowledge, type KnowledgeError } from '../../src/core';

export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');
export const RELEASE_ID = '2024-02-28-geneva';
export const RELEASE_YAML = 'releases/2024-02-28-geneva.yaml';
export const RELEASE_TXT = 'releases/2024-02-28-geneva.txt';
export const ENTITIES_YAML = 'entities.yaml';

/** The ten people the minister met in Geneva, as the release names them. */
export const COUNTERPARTS = [
  'António Guterres',
  'Volker Türk',
  'Tedros Ghebreyesus',
  'Daren Tang',
  'Retno Marsudi',
  'Bui Thanh Son',
  'Faisal Al-Saud',
  'Ignazio Cassis',
  'Igli Hasani',
  'Ilia Darchiashvili',
] as const;

/**
 * `test.failing` for a bug found and not fixed yet: the test passes while the bug is there, and
 * fails (telling you to unmark it) once it is fixed. Run with SHOW_KNOWN_FAILURES=1 to run them as
 * plain tests and see what the code does today.
 */
export const knownFailure = (process.env.SHOW_KNOWN_FAILURES ? test : test.failing) as typeof test.failing;

let shipped: Promise<Engine> | undefined;

/** The engine over the shipped knowledge, loaded once per test file. */
export function shippedEngine(): Promise<Engine> {
  shipped ??= loadKnowledge(KNOWLEDGE_DIR).then((result) => {
    if (!result.ok) throw new Error(`shipped knowledge does not load:\n${JSON.stringify(result.errors, null, 2)}`);
    return createEngine(result.knowledge);
  });
  return shipped;
}

/** A throw-away copy of knowledge/ that a test may edit. */
export interface TempKnowledge {
  dir: string;
  /** Absolute path of a file inside the copy. */
  path(file: string): string;
  read(file: string): string;
  write(file: string, text: string | Buffer): void;
  /** Replaces text in a file; throws when `from` is not there, so a stale fixture cannot pass silently. */
  replace(file: string, from: string | RegExp, to: string): void;
  /** Parses a YAML file, lets `edit` change the plain data, writes it back. */
  editYaml(file: string, edit: (data: any) => void): void;
  remove(file: string): void;
}

const made: string[] = [];

export async function tempKnowledge(mutate?: (k: TempKnowledge) => void | Promise<void>): Promise<TempKnowledge> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-knowledge-'));
  made.push(dir);
  await fs.cp(KNOWLEDGE_DIR, dir, { recursive: true });
  const abs = (file: string): string => path.join(dir, file);
  const k: TempKnowledge = {
    dir,
    path: abs,
    read: (file) => readFileSync(abs(file), 'utf8'),
    write: (file, text) => writeFileSync(abs(file), text),
    replace: (file, from, to) => {
      const before = k.read(file);
      const found = typeof from === 'string' ? before.includes(from) : from.test(before);
      if (!found) throw new Error(`fixture: ${String(from)} is not in ${file}`);
      k.write(file, before.replace(from, to));
    },
    editYaml: (file, edit) => {
      const data = parse(k.read(file));
      edit(data);
      k.write(file, stringify(data));
    },
    remove: (file) => rmSync(abs(file), { recursive: true, force: true }),
  };
  await mutate?.(k);
  return k;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** Loads a folder that must fail, and returns its errors. */
export async function loadErrors(dir: string): Promise<KnowledgeError[]> {
  const result = await loadKnowledge(dir);
  if (result.ok) throw new Error(`expected ${dir} to fail to load, but it loaded`);
  return result.errors;
}

/** Summary and items as one string, for "mentions X / never mentions Y" assertions. */
export function textOf(answer: Pick<Answer, 'summary' | 'items'>): string {
  return [answer.summary, ...answer.items].join('\n');
}

/** Every answered answer rests on ≥1 quote, each a verbatim part of the paragraph it cites. */
export function expectSourcesVerbatim(answer: Answer, knowledge: Knowledge): void {
  if (answer.status !== 'answered') {
    expect(answer.sources).toEqual([]);
    return;
  }
  expect(answer.sources.length).toBeGreaterThanOrEqual(1);
  for (const source of answer.sources) {
    const paragraph = knowledge.releases.get(source.release)?.paragraphs[source.paragraph - 1];
    expect({ source, inParagraph: paragraph?.includes(source.quote) ?? false }).toEqual({ source, inParagraph: true });
  }
}
