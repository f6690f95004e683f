/**
 * Holds the current engine and replaces it only with a complete, validated one:
 * a reload that fails leaves the old knowledge answering.
 */
import { createEngineInSlices, type Engine } from './engine';
import { loadKnowledge } from './knowledge/load';
import type { Knowledge, KnowledgeError } from './knowledge/types';

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
    const loaded = await loadKnowledge(dir);
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
    const loaded = await loadKnowledge(this.dir);
    if (!loaded.ok) return loaded;
    // Built in slices: questions keep being answered from the current engine meanwhile.
    const next = await createEngineInSlices(loaded.knowledge);
    // A turn of the event loop between the build's last slice and the comparison (~40 ms at 10,000 releases).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const changes = diffKnowledge(this.engine.knowledge, next.knowledge);
    this.engine = next;
    return { ok: true, changes, engine: next };
  }
}

export function diffKnowledge(before: Knowledge, after: Knowledge): KnowledgeChanges {
  const people = (k: Knowledge) => new Set([...k.entities.values()].filter((e) => e.type === 'person').map((e) => e.name));
  const [p0, p1] = [people(before), people(after)];
  return {
    releasesAdded: [...after.releases.keys()].filter((id) => !before.releases.has(id)),
    releasesRemoved: [...before.releases.keys()].filter((id) => !after.releases.has(id)),
    peopleAdded: [...p1].filter((n) => !p0.has(n)),
    peopleRemoved: [...p0].filter((n) => !p1.has(n)),
    factsBefore: before.facts.size,
    factsAfter: after.facts.size,
  };
}
