/**
 * Holds the current engine and replaces it only with a complete, validated one:
 * a reload that fails leaves the old knowledge answering.
 */
import { createEngineInSlices, type Engine } from './engine';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge, KnowledgeError } from './knowledge/types';
import { runSteps, runStepsInSlices, type Steps } from './steps';

export interface KnowledgeChanges {
  releasesAdded: string[];
  releasesRemoved: string[];
  peopleAdded: string[];
  peopleRemoved: string[];
  factsBefore: number;
  factsAfter: number;
}

export type ReloadResult = { ok: true; changes: KnowledgeChanges; engine: Engine } | { ok: false; errors: KnowledgeError[] };

export class KnowledgeStore {
  private engine: Engine;
  private pending: Promise<ReloadResult> | undefined;
  private queued: Promise<ReloadResult> | undefined;

  private constructor(
    readonly dir: string,
    engine: Engine,
  ) {
    this.engine = engine;
  }

  /** Loads the folder; fails (with every error) when it does not validate. */
  static async open(dir: string): Promise<{ ok: true; store: KnowledgeStore } | { ok: false; errors: KnowledgeError[] }> {
    const loaded = await loadKnowledge(dir, { parseOffThread: true });
    if (!loaded.ok) return loaded;
    return { ok: true, store: new KnowledgeStore(dir, await createEngineInSlices(loaded.knowledge)) };
  }

  /** A store around an engine already built from `dir` (the benchmark's: it times reloads, not the first load). */
  static withEngine(dir: string, engine: Engine): KnowledgeStore {
    return new KnowledgeStore(dir, engine);
  }

  /** The engine to answer with right now. Callers take it once per request and keep it for that request. */
  current(): Engine {
    return this.engine;
  }

  /**
   * Re-reads the folder and swaps the engine in one assignment. Reloads never race: a call made
   * while one runs (which may have read the files before this call's edit) gets one more reload
   * right after it, shared by every call made meanwhile.
   */
  reload(): Promise<ReloadResult> {
    if (!this.pending) {
      this.pending = this.doReload().finally(() => {
        this.pending = undefined;
      });
      return this.pending;
    }
    this.queued ??= this.pending.then(() => {
      this.queued = undefined;
      return this.reload();
    });
    return this.queued;
  }

  private async doReload(): Promise<ReloadResult> {
    // The files are parsed in the parse worker: the parser's garbage stays out of this heap.
    const loaded = await loadKnowledge(this.dir, { parseOffThread: true });
    if (!loaded.ok) return loaded;
    // Built in slices: questions keep being answered from the current engine meanwhile.
    const next = await createEngineInSlices(loaded.knowledge);
    // A turn of the event loop between the build's last slice and the comparison (~40 ms at 10,000 releases).
    await new Promise<void>((resolve) => setImmediate(resolve));
    // In slices too: at 10,000 releases the comparison took 50–160 ms at once.
    const changes = await runStepsInSlices(diffKnowledgeSteps(this.engine.knowledge, next.knowledge));
    this.engine = next;
    return { ok: true, changes, engine: next };
  }
}

export function diffKnowledge(before: Knowledge, after: Knowledge): KnowledgeChanges {
  return runSteps(diffKnowledgeSteps(before, after));
}

/** The same comparison, yielding every thousand items. */
function* diffKnowledgeSteps(before: Knowledge, after: Knowledge): Steps<KnowledgeChanges> {
  let n = 0;
  function* people(k: Knowledge): Steps<Set<string>> {
    const names = new Set<string>();
    for (const e of k.entities.values()) {
      if (e.type === 'person') names.add(e.name);
      if (++n % 1024 === 0) yield;
    }
    return names;
  }
  function* missing(items: Iterable<string>, from: { has(item: string): boolean }): Steps<string[]> {
    const out: string[] = [];
    for (const item of items) {
      if (!from.has(item)) out.push(item);
      if (++n % 1024 === 0) yield;
    }
    return out;
  }
  const p0 = yield* people(before);
  const p1 = yield* people(after);
  return {
    releasesAdded: yield* missing(after.releases.keys(), before.releases),
    releasesRemoved: yield* missing(before.releases.keys(), after.releases),
    peopleAdded: yield* missing(p1, p0),
    peopleRemoved: yield* missing(p0, p1),
    factsBefore: before.facts.size,
    factsAfter: after.facts.size,
  };
}
