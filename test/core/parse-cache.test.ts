import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../../src/core';
import { parseKnowledgeTextCached } from '../../src/core/knowledge/parse-cache';
import { KNOWLEDGE_DIR, tempKnowledge } from './setup';

/** The one-shot CLI's cache of parsed knowledge files: faster, never different. */
describe('parse cache', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-parse-cache-'));
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  const entries = (): string[] => fs.readdirSync(cacheDir);

  test('the shipped knowledge loads the same with and without it, the second time from the cache', async () => {
    const plain = await loadKnowledge(KNOWLEDGE_DIR);
    const first = await loadKnowledge(KNOWLEDGE_DIR, { parseCacheDir: cacheDir });
    expect(entries().length).toBeGreaterThanOrEqual(2); // entities.yaml and the release's YAML
    const second = await loadKnowledge(KNOWLEDGE_DIR, { parseCacheDir: cacheDir });
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
  });

  test('an entry serves only the very text it was made from', async () => {
    const text = 'entities:\n  - id: a\n';
    await parseKnowledgeTextCached(text, false, cacheDir);
    const [entry] = entries();
    const file = path.join(cacheDir, entry!);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { raw: string };
    // The entry is what is served for its text (marked here, to see it served)…
    fs.writeFileSync(file, JSON.stringify({ ...stored, value: { served: true } }));
    expect(await parseKnowledgeTextCached(text, false, cacheDir)).toEqual({ ok: true, value: { served: true } });
    // …and never for another text forced under the same name (a hash collision): that one is parsed.
    fs.writeFileSync(file, JSON.stringify({ ...stored, raw: 'entities: []\n', value: { served: true } }));
    expect(await parseKnowledgeTextCached(text, false, cacheDir)).toEqual({ ok: true, value: { entities: [{ id: 'a' }] } });
    // A broken entry costs only the parse.
    fs.writeFileSync(file, '{ not json');
    expect(await parseKnowledgeTextCached(text, false, cacheDir)).toEqual({ ok: true, value: { entities: [{ id: 'a' }] } });
  });

  test('a changed file is parsed again, and its errors are reported as without the cache', async () => {
    const k = await tempKnowledge();
    expect((await loadKnowledge(k.dir, { parseCacheDir: cacheDir })).ok).toBe(true);
    fs.appendFileSync(path.join(k.dir, 'entities.yaml'), '\n  - [unclosed\n');
    const cached = await loadKnowledge(k.dir, { parseCacheDir: cacheDir });
    const plain = await loadKnowledge(k.dir);
    expect(cached.ok).toBe(false);
    expect(cached).toEqual(plain);
  });

  test('what JSON cannot hold exactly (NaN, Infinity) and what failed to parse are not kept', async () => {
    expect(await parseKnowledgeTextCached('value: .nan\n', false, cacheDir)).toEqual({ ok: true, value: { value: Number.NaN } });
    expect(await parseKnowledgeTextCached('value: .inf\n', false, cacheDir)).toEqual({ ok: true, value: { value: Number.POSITIVE_INFINITY } });
    expect((await parseKnowledgeTextCached('a: [\n', false, cacheDir)).ok).toBe(false);
    expect(entries()).toEqual([]);
  });

  test('a cache folder that cannot be written only costs the parse', async () => {
    const blocked = path.join(cacheDir, 'a-file');
    fs.writeFileSync(blocked, '');
    expect(await parseKnowledgeTextCached('a: 1\n', false, path.join(blocked, 'parsed'))).toEqual({ ok: true, value: { a: 1 } });
  });
});
