/**
 * Parses one knowledge file's text (YAML or JSON) with limits, as knowledge arrives by pull request:
 *   - nesting: checked before the parser sees the text, over the yaml library's own lexer (flat,
 *     linear, exact about quotes and block scalars). The parser spends about 1 KB and quadratic time
 *     per level (1 MB of `[`: 1 GB, 11 s), and a few thousand levels abort the whole process from
 *     inside V8 ("RegExpCompiler Allocation failed"), a worker thread's too. The bound counts a
 *     line's indentation and block indicators (`-`, `?`, `:`) plus the open flow collections: never
 *     less than the real depth (each block level costs a column), about 15 for real files;
 *   - aliases: expanded at most MAX_ALIAS_COUNT times (billion laughs);
 *   - time: a file above INLINE_BYTES is parsed in a worker thread with a heap and a time cap, as the
 *     yaml library parses about 1 MB a second, which would stall the bot (heartbeats, answers).
 * Never throws: every failure is a message for the file's error.
 */
import { Worker } from 'node:worker_threads';
import * as yaml from 'yaml';

export const MAX_DEPTH = 100;
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

/**
 * The parse itself, as plain JavaScript: the worker runs it without tsx or ts-jest, and the main
 * thread compiles the very same text (below), so the two cannot drift apart.
 */
const PARSE_SOURCE = String.raw`
function parseText(yaml, raw, json, maxDepth, maxAliasCount) {
  const deep = json ? jsonTooDeep(raw, maxDepth) : yamlTooDeep(yaml, raw, maxDepth);
  if (deep) return { ok: false, messages: ['is refused: it nests deeper than ' + maxDepth + ' levels (at line ' + deep.line + ', column ' + deep.column + ')'] };
  if (json) {
    try { return { ok: true, value: JSON.parse(raw) }; }
    catch (error) { return { ok: false, messages: ['is not valid JSON: ' + error.message] }; }
  }
  try {
    const doc = yaml.parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) return { ok: false, messages: doc.errors.map((e) => 'is not valid YAML: ' + e.message.split('\n')[0]) };
    return { ok: true, value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    const message = String((error && error.message) || error);
    if (/alias count/i.test(message)) return { ok: false, messages: ['is refused: its aliases expand more than ' + maxAliasCount + ' times (a "billion laughs")'] };
    return { ok: false, messages: ['is not valid YAML: ' + message.split('\n')[0]] };
  }
}

function position(raw, at) {
  let line = 1, start = 0;
  for (let i = raw.indexOf('\n'); i !== -1 && i < at; i = raw.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: at - start + 1 };
}

function jsonTooDeep(raw, max) {
  let depth = 0, inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) { if (c === '\\') i++; else if (c === '"') inString = false; }
    else if (c === '"') inString = true;
    else if (c === '[' || c === '{') { if (++depth > max) return position(raw, i); }
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

// Over the lexer's tokens: a scalar's source follows a SCALAR mark (\x1f), quoted and block scalars
// are one token each, and the marks \x02 \x18 \x1f \ufeff take no room in the text.
function yamlTooDeep(yaml, raw, max) {
  let at = 0, flow = 0, indent = 0, indicators = 0, lineStart = true, scalar = false;
  for (const token of new yaml.Lexer().lex(raw)) {
    if (token === '\x02' || token === '\x18' || token === '\ufeff') continue;
    if (token === '\x1f') { scalar = true; continue; }
    const here = at;
    at += token.length;
    if (scalar) { scalar = false; lineStart = false; continue; }
    const c = token[0];
    if (token === '\n' || token === '\r\n') { lineStart = true; if (flow === 0) { indent = 0; indicators = 0; } continue; }
    if (lineStart && flow === 0 && c === ' ') { indent = token.length; lineStart = false; continue; }
    lineStart = false;
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') { if (flow > 0) flow--; continue; }
    else if (flow === 0 && (token === '-' || token === '?' || token === ':')) indicators++;
    else continue;
    if (indent + indicators + flow > max) return position(raw, here);
  }
  return undefined;
}
`;

type ParseText = (lib: typeof yaml, raw: string, json: boolean, maxDepth: number, maxAliasCount: number) => Parsed;
/** What the parse depends on, for caches of its results (parse-cache.ts). */
export const PARSER_ID = `yaml ${(require('yaml/package.json') as { version: string }).version}, depth ${MAX_DEPTH}, aliases ${MAX_ALIAS_COUNT}\n${PARSE_SOURCE}`;

const parseSource = new Function(`${PARSE_SOURCE}\nreturn parseText;`)() as ParseText;

/** Parses on this thread: for small texts (and tests). */
export function parseText(raw: string, json: boolean): Parsed {
  return parseSource(yaml, raw, json, MAX_DEPTH, MAX_ALIAS_COUNT);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const yaml = require(workerData.yaml);
${PARSE_SOURCE}
parentPort.on('message', ({ raw, json }) => parentPort.postMessage(parseText(yaml, raw, json, workerData.maxDepth, workerData.maxAliasCount)));
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
      const onMessage = (reply: Parsed): void => done(reply, true);
      const onError = (error: Error & { code?: string }): void =>
        done(
          {
            ok: false,
            messages: [
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? `is refused: parsing it needs more than ${this.limits.heapMb} MB (split or simplify it)`
                : `could not be parsed (${error.message})`,
            ],
          },
          false,
        );
      const onExit = (): void => done({ ok: false, messages: ['could not be parsed (the parser stopped)'] }, false);
      // This timer (not unref'd) is what keeps the process alive while the worker parses.
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
      workerData: { yaml: require.resolve('yaml'), maxDepth: MAX_DEPTH, maxAliasCount: MAX_ALIAS_COUNT },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: true, // nothing of the worker's reaches the bot's stdout (the CLI's answers)
      stderr: true,
    });
    worker.unref(); // an idle worker does not keep the process alive
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

/**
 * Parses `raw` (the text of a `.json` file when `json`): inline when small, else in the worker.
 * `inlineBytes` 0 parses every file in the worker: a bot (re)loading thousands of files keeps the
 * parser's garbage (its tokens, nodes and documents, many times the value) out of the heap that
 * answers, and its event loop free meanwhile.
 */
export function parseKnowledgeText(raw: string, json: boolean, limits: WorkerLimits = WORKER_LIMITS, inlineBytes = INLINE_BYTES): Promise<Parsed> {
  if (raw.length <= inlineBytes) return Promise.resolve(parseText(raw, json));
  const key = `${limits.timeoutMs}/${limits.heapMb}`;
  let worker = workers.get(key);
  if (!worker) workers.set(key, (worker = new ParseWorker(limits)));
  return worker.parse(raw, json);
}
