/**
 * The store parses every file in the parse worker (loadKnowledge's parseOffThread): the same
 * knowledge and errors as parsing inline, and a worker that fails or stops mid-reload fails that
 * reload only — the old engine keeps answering, and the next reload (with a working worker) succeeds.
 */
import { KnowledgeStore, ask, loadKnowledge } from '../../src/core';
import { ENTITIES_YAML, RELEASE_YAML, tempKnowledge, textOf } from './setup';

// A Worker that, while mockFault.kind is set, fails instead of parsing (the real one otherwise).
const mockFault: { kind: 'error' | 'exit' | undefined } = { kind: undefined };
jest.mock('node:worker_threads', () => {
  const actual = jest.requireActual<typeof import('node:worker_threads')>('node:worker_threads');
  class FlakyWorker extends actual.Worker {
    override postMessage(message: unknown): void {
      if (mockFault.kind === 'error') setImmediate(() => this.emit('error', new Error('the worker broke')));
      else if (mockFault.kind === 'exit') setImmediate(() => this.emit('exit', 1));
      else super.postMessage(message);
    }
  }
  return { ...actual, Worker: FlakyWorker };
});

afterEach(() => {
  mockFault.kind = undefined;
});

describe('loadKnowledge with parseOffThread', () => {
  test('loads the same knowledge as parsing on this thread', async () => {
    const k = await tempKnowledge();
    const [inline, off] = [await loadKnowledge(k.dir), await loadKnowledge(k.dir, { parseOffThread: true })];
    expect(inline.ok && off.ok).toBe(true);
    if (!inline.ok || !off.ok) return;
    expect([...off.knowledge.facts.values()]).toEqual([...inline.knowledge.facts.values()]);
    expect([...off.knowledge.releases.values()]).toEqual([...inline.knowledge.releases.values()]);
    expect([...off.knowledge.entities.keys()]).toEqual([...inline.knowledge.entities.keys()]);
    expect(off.warnings).toEqual(inline.warnings);
  });

  test('reports the same errors, in the files’ order, though files are read ahead', async () => {
    const k = await tempKnowledge((k) => {
      k.replace(ENTITIES_YAML, 'entities:', 'entities: [oops');
      k.replace(RELEASE_YAML, 'release:', 'release: [nope');
    });
    const [inline, off] = [await loadKnowledge(k.dir), await loadKnowledge(k.dir, { parseOffThread: true })];
    expect(inline.ok).toBe(false);
    expect(off).toEqual(inline);
    if (!off.ok) expect([...new Set(off.errors.map((e) => e.file))]).toEqual([ENTITIES_YAML, RELEASE_YAML]);
  });
});

describe('KnowledgeStore.reload when the parse worker fails', () => {
  test.each(['error', 'exit'] as const)('a worker %s fails the reload; the old engine keeps answering; the next reload succeeds', async (kind) => {
    const k = await tempKnowledge();
    const opened = await KnowledgeStore.open(k.dir);
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    const store = opened.store;
    const before = store.current();

    mockFault.kind = kind;
    const failed = await store.reload();
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.errors[0]!.message).toMatch(/could not be parsed/);
    expect(store.current()).toBe(before);
    const answer = ask(store.current(), 'Who is the UN Secretary-General?');
    expect(answer.status).toBe('answered');
    expect(textOf(answer)).toContain('António Guterres');

    mockFault.kind = undefined;
    const next = await store.reload();
    expect(next.ok).toBe(true);
    expect(store.current()).not.toBe(before);
  });
});
