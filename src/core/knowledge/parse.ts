/**
 * Parses one knowledge file's text (YAML or JSON) with limits, as knowledge arrives by pull request:
 * aliases expand at most MAX_ALIAS_COUNT times (billion laughs), nesting is pre-checked by ./depth,
 * and a file above INLINE_BYTES is parsed in a worker thread with a heap and a time cap: the yaml
 * library parses about 1 MB a second, which would stall the bot's event loop (heartbeats, answers)
 * for seconds. Never throws: every failure is a message for the file's error.
 */
import { Worker } from 'node:worker_threads';
import { parseDocument } from 'yaml';

export const MAX_ALIAS_COUNT = 100;
/** Parsed on the main thread up to this size (a few ms); above it, in the worker. */
export const INLINE_BYTES = 16 * 1024;

export interface WorkerLimits {
  timeoutMs: number;
  heapMb: number;
}
/** Enough for a 1 MB file with room to spare (the shipped files are 12 KB). */
export const WORKER_LIMITS: WorkerLimits = { timeoutMs: 5000, heapMb: 160 };
const IDLE_MS = 1000;

export type Parsed = { ok: true; value: unknown } | { ok: false; messages: string[] };

export function parseText(raw: string, json: boolean): Parsed {
  if (json) {
    try {
      return { ok: true, value: JSON.parse(raw) as unknown };
    } catch (error) {
      return { ok: false, messages: [`is not valid JSON: ${(error as Error).message}`] };
    }
  }
  try {
    const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) return { ok: false, messages: doc.errors.map((e) => `is not valid YAML: ${e.message.split('\n')[0]}`) };
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    return { ok: false, messages: [refusal(error)] };
  }
}

function refusal(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) return `is refused: its aliases expand more than ${MAX_ALIAS_COUNT} times (a "billion laughs")`;
  return `is not valid YAML: ${message.split('\n')[0]}`;
}

// The worker's code, plain JavaScript (it runs without tsx or ts-jest): parseText above, restated.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parseDocument } = require(workerData.yaml);
function parseText(raw, json) {
  if (json) {
    try { return { ok: true, value: JSON.parse(raw) }; }
    catch (error) { return { ok: false, messages: ['is not valid JSON: ' + error.message] }; }
  }
  try {
    const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) return { ok: false, messages: doc.errors.map((e) => 'is not valid YAML: ' + e.message.split('\\n')[0]) };
    return { ok: true, value: doc.toJS({ maxAliasCount: workerData.maxAliasCount }) };
  } catch (error) {
    return { ok: false, error: String(error && error.message || error) };
  }
}
parentPort.on('message', ({ raw, json }) => parentPort.postMessage(parseText(raw, json)));
`;

/** One worker, reused while busy and ended after IDLE_MS; one file at a time. */
class ParseWorker {
  private worker: Worker | undefined;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limits: WorkerLimits) {}

  parse(raw: string, json: boolean): Promise<Parsed> {
    const run = this.queue.then(() => this.run(raw, json));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private run(raw: string, json: boolean): Promise<Parsed> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    return new Promise<Parsed>((resolve) => {
      const done = (result: Parsed, keep: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (!keep) this.stop();
        else this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
        resolve(result);
      };
      const onMessage = (reply: Parsed | { ok: false; error: string }): void =>
        done('error' in reply ? { ok: false, messages: [refusal(new Error(reply.error))] } : reply, true);
      const onError = (error: Error & { code?: string }): void =>
        done({ ok: false, messages: [error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `is refused: parsing it needs more than ${this.limits.heapMb} MB (split or simplify it)` : `could not be parsed (${error.message})`] }, false);
      const onExit = (): void => done({ ok: false, messages: ['could not be parsed (the parser stopped)'] }, false);
      const timer = setTimeout(
        () => done({ ok: false, messages: [`is refused: parsing it takes more than ${this.limits.timeoutMs / 1000} s (split or simplify it)`] }, false),
        this.limits.timeoutMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ raw, json });
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { yaml: require.resolve('yaml'), maxAliasCount: MAX_ALIAS_COUNT },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: true, // nothing of the worker's reaches the bot's stdout (its answers, for the CLI)
      stderr: true,
    });
    worker.unref(); // a load in progress holds the process by its own pending promise
    return worker;
  }

  private stop(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

const workers = new Map<string, ParseWorker>();

/** Parses `raw` (the text of a `.json` file when `json`): inline when small, else in the worker. */
export function parseKnowledgeText(raw: string, json: boolean, limits: WorkerLimits = WORKER_LIMITS): Promise<Parsed> {
  if (raw.length <= INLINE_BYTES) return Promise.resolve(parseText(raw, json));
  const key = `${limits.timeoutMs}/${limits.heapMb}`;
  let worker = workers.get(key);
  if (!worker) workers.set(key, (worker = new ParseWorker(limits)));
  return worker.parse(raw, json);
}
