/**
 * The benchmark run: for each size, a knowledge folder (the shipped one at 1 release;
 * the shipped one plus generated releases above), loaded with the real loader, then
 * index build, ask and autocomplete latencies, heap after build, and the fuse.js
 * baseline on the same questions. Accuracy is measured on the shipped release with
 * the public question set, scored as the eval script scores it.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { ask, createEngine, formatErrors, KnowledgeStore, loadKnowledge, suggest, toPlainText, type Engine, type Knowledge } from '../core';
import { Baseline, sentencesOf } from './baseline';
import { generateCorpus, writeCorpus } from './generate';
import { partialsFor, questionsFor } from './questions';
import { accuracy, readEval } from './score';

export interface SizeResult {
  releases: number;
  facts: number;
  build_ms: number;
  ask_p50_ms: number;
  ask_p99_ms: number;
  autocomplete_p50_ms: number;
  autocomplete_p99_ms: number;
  baseline_ask_p99_ms: number;
  heap_mb: number;
  /** The longest the event loop went without a turn while the store reloaded this folder (load + sliced build). */
  reload_max_stall_ms?: number;
  /** p99, over the turns of that reload, of an ask's wait for its turn plus its answer: what an interaction sees. */
  reload_ask_p99_ms?: number;
}

export interface BenchResult {
  sizes: SizeResult[];
  accuracy: { engine: number | null; baseline: number | null };
}

/** What the table shows besides the contract's numbers. */
export interface SizeDetails {
  releases: number;
  entities: number;
  sentences: number;
  load_ms: number;
  questions: number;
  baseline_questions: number;
  baseline_p50_ms: number;
  baseline_build_ms: number;
  /** GC pauses and preemptions that fell inside timed calls: how much of the tail they explain. */
  ask_noise: Noise;
  autocomplete_noise: Noise;
  /** Builds timed (1 when a build takes over a second). */
  builds: number;
  /** The reload measured alongside the stall (absent when not measured). */
  reload?: ReloadStall;
}

export interface ReloadStall {
  reload_ms: number;
  turns: number;
  max_stall_ms: number;
  ask_p99_ms: number;
  ask_max_ms: number;
  /** The CPU time this process spent during the longest stall, and the OS's switches-out then: a stall far longer than its CPU time is the machine, not the reload. */
  max_stall_cpu_ms: number;
  max_stall_preempted: number;
  /** The GC pauses inside the longest stall, ms added up: how much of it was the collector. */
  max_stall_gc_ms: number;
  /** The longest GC pause during the reload (from its start: not the full collection the bench runs just before it). */
  max_gc_pause_ms: number;
  /** Heap used at the end of the reload, both engines alive, MB. */
  heap_mb: number;
}

export interface Noise {
  /** Calls during which a GC pause ran. */
  gc_calls: number;
  /** The longest such pause, ms. */
  max_gc_pause_ms: number;
  /** Calls during which the OS switched the process out (involuntary context switches: a busy machine). */
  preempted_calls: number;
  /** p99 of the calls neither touched, ms: the engine's own tail. */
  p99_undisturbed_ms: number;
}

export interface BenchOptions {
  seed: number;
  sizes: readonly number[];
  /** Questions in the mix (each asked `rounds` times after three warm-up passes). */
  questions: number;
  partials: number;
  rounds: number;
  /** How many of the questions the baseline answers at a size (it is slow on big corpora). */
  baselineQuestions: (releases: number, sentences: number) => number;
  /** Builds timed per size (after one warm-up build); the median is reported. */
  builds: number;
  knowledgeDir: string;
  evalFile: string | undefined;
  /** Sizes at which to measure the event loop during a reload (all of them by default). */
  reload?: (releases: number) => boolean;
  log: (message: string) => void;
}

export const DEFAULT_SIZES = [1, 100, 1000, 10000] as const;

/** The baseline's cost grows with the corpus: every question is a scan of every sentence (seconds each at 10,000 releases). */
export function defaultBaselineQuestions(_releases: number, sentences: number): number {
  if (sentences <= 500) return Infinity;
  if (sentences <= 5000) return 40;
  if (sentences <= 50000) return 12;
  return 5;
}

export async function runBench(options: BenchOptions): Promise<{ result: BenchResult; details: SizeDetails[] }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const gcWatch = watchGc();
  try {
    return await measure(options, gc, gcWatch);
  } finally {
    gcWatch.stop();
  }
}

async function measure(options: BenchOptions, gc: (() => void) | undefined, gcWatch: GcWatch): Promise<{ result: BenchResult; details: SizeDetails[] }> {
  if (!gc) options.log('note: no --expose-gc, heap_mb is measured without a full collection first');
  const shipped = await load(options.knowledgeDir);
  const reservedIds = new Set([...shipped.entities.keys(), ...shipped.releases.keys()]);
  const sizes: SizeResult[] = [];
  const details: SizeDetails[] = [];

  for (const size of options.sizes) {
    let dir = options.knowledgeDir;
    let scratch: string | undefined;
    try {
      if (size > 1) {
        scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-bench-'));
        dir = path.join(scratch, 'knowledge');
        await fs.cp(options.knowledgeDir, dir, { recursive: true });
        const t = performance.now();
        const corpus = generateCorpus({ seed: options.seed, releases: size - 1, reservedIds });
        await writeCorpus(corpus, dir);
        options.log(`[${size}] generated ${corpus.releases} releases (${corpus.curated} curated) + the shipped one in ${ms(performance.now() - t)} ms`);
      }
      const loadStart = performance.now();
      const knowledge = await load(dir);
      const loadMs = performance.now() - loadStart;
      options.log(
        `[${size}] loaded ${knowledge.releases.size} releases, ${knowledge.entities.size} entities, ${knowledge.facts.size} facts in ${ms(loadMs)} ms`,
      );

      // Index build: one warm-up, then the median of the timed builds (one when a build is slow: the run stays short).
      const warm = performance.now();
      let engine: Engine = createEngine(knowledge);
      const builds = performance.now() - warm > 1000 ? 1 : options.builds;
      const buildTimes: number[] = [];
      for (let i = 0; i < builds; i++) {
        const t = performance.now();
        engine = createEngine(knowledge);
        buildTimes.push(performance.now() - t);
      }
      const buildMs = percentile(buildTimes, 0.5);
      gc?.();
      const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
      options.log(
        `[${size}] index built in ${ms(buildMs)} ms (${builds === 1 ? 'one timed build after a warm-up' : `median of ${builds}`}); heap ${heapMb.toFixed(1)} MB`,
      );

      const questions = questionsFor(knowledge, options.seed + size, options.questions).map((q) => q.text);
      const partials = partialsFor(knowledge, options.seed + size, options.partials);
      const askTimed = timeEach(questions, options.rounds, (q) => ask(engine, q), gc);
      const suggestTimed = timeEach(partials, options.rounds, (p) => suggest(engine, p), gc);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the GC observer reports asynchronously, after a timer turn
      const askTimes = askTimed.map((c) => c.ms);
      const suggestTimes = suggestTimed.map((c) => c.ms);
      const askNoise = noiseIn(askTimed, gcWatch.entries);
      const suggestNoise = noiseIn(suggestTimed, gcWatch.entries);
      options.log(
        `[${size}] ask p50 ${ms(percentile(askTimes, 0.5))} / p99 ${ms(percentile(askTimes, 0.99))} ms over ${askTimes.length} (${describeNoise(askNoise)})`,
      );
      options.log(
        `[${size}] autocomplete p50 ${ms(percentile(suggestTimes, 0.5))} / p99 ${ms(percentile(suggestTimes, 0.99))} ms over ${suggestTimes.length} (${describeNoise(suggestNoise)})`,
      );

      const sentences = sentencesOf(knowledge);
      const baselineStart = performance.now();
      const baseline = new Baseline(sentences);
      const baselineBuildMs = performance.now() - baselineStart;
      const wanted = Math.min(questions.length, options.baselineQuestions(size, sentences.length));
      const sampled = evenly(questions, wanted);
      options.log(
        `[${size}] baseline: fuse.js over ${sentences.length} sentences, ${sampled.length} of the ${questions.length} questions${sampled.length < questions.length ? ' (sampled: each is a scan of every sentence)' : ''}…`,
      );
      const baselineTimes = timeEach(sampled, 1, (q) => baseline.answer(q), gc, 1).map((c) => c.ms);
      options.log(`[${size}] baseline p99 ${ms(percentile(baselineTimes, 0.99))} ms`);

      let reload: ReloadStall | undefined;
      if (options.reload?.(size) ?? true) {
        gc?.();
        reload = await reloadStall(KnowledgeStore.withEngine(dir, engine), questions);
        options.log(
          `[${size}] reload in ${ms(reload.reload_ms)} ms while asking every turn: longest stall ${ms(reload.max_stall_ms)} ms (${ms(reload.max_stall_cpu_ms)} ms of CPU, ${reload.max_stall_preempted} preemption(s), ${ms(reload.max_stall_gc_ms)} ms of GC pauses; longest GC pause ${ms(reload.max_gc_pause_ms)} ms), ask p99 ${ms(reload.ask_p99_ms)} ms (max ${ms(reload.ask_max_ms)}) over ${reload.turns} turns; heap with both engines ${reload.heap_mb.toFixed(0)} MB`,
        );
      }

      sizes.push({
        releases: knowledge.releases.size,
        facts: knowledge.facts.size,
        build_ms: round(buildMs, 3),
        ask_p50_ms: round(percentile(askTimes, 0.5), 3),
        ask_p99_ms: round(percentile(askTimes, 0.99), 3),
        autocomplete_p50_ms: round(percentile(suggestTimes, 0.5), 3),
        autocomplete_p99_ms: round(percentile(suggestTimes, 0.99), 3),
        baseline_ask_p99_ms: round(percentile(baselineTimes, 0.99), 3),
        heap_mb: round(heapMb, 1),
        ...(reload ? { reload_max_stall_ms: round(reload.max_stall_ms, 1), reload_ask_p99_ms: round(reload.ask_p99_ms, 1) } : {}),
      });
      details.push({
        releases: knowledge.releases.size,
        entities: knowledge.entities.size,
        sentences: sentences.length,
        load_ms: round(loadMs, 1),
        questions: askTimes.length,
        baseline_questions: baselineTimes.length,
        baseline_p50_ms: round(percentile(baselineTimes, 0.5), 3),
        baseline_build_ms: round(baselineBuildMs, 1),
        ask_noise: askNoise,
        autocomplete_noise: suggestNoise,
        builds,
        ...(reload ? { reload } : {}),
      });
    } finally {
      if (scratch) await fs.rm(scratch, { recursive: true, force: true });
    }
    gc?.();
  }
  // Accuracy: the shipped release alone, the public questions, engine against baseline.
  let accuracyResult: BenchResult['accuracy'] = { engine: null, baseline: null };
  if (options.evalFile && existsSync(options.evalFile)) {
    const items = readEval(options.evalFile);
    const engine = createEngine(shipped);
    const baseline = new Baseline(sentencesOf(shipped));
    accuracyResult = {
      engine: round(
        accuracy(items, (q) => {
          const answer = ask(engine, q);
          return { status: answer.status, answer: toPlainText(answer, engine.knowledge) };
        }),
        4,
      ),
      baseline: round(
        accuracy(items, (q) => baseline.answer(q)),
        4,
      ),
    };
    options.log(
      `accuracy on ${path.basename(options.evalFile)} (${items.length} questions, the shipped release): engine ${pct(accuracyResult.engine)}, baseline ${pct(accuracyResult.baseline)}`,
    );
  } else {
    options.log(`note: ${options.evalFile ?? 'the question set'} not found: accuracy skipped`);
  }
  return { result: { sizes, accuracy: accuracyResult }, details };
}

async function load(dir: string): Promise<Knowledge> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(`the knowledge in ${dir} does not load:\n${formatErrors(loaded.errors).slice(0, 20).join('\n')}`);
  return loaded.knowledge;
}

/**
 * Reloads the store (the bot's path: load and validate every file, then build the index in
 * slices) while, on every turn of the event loop, one question is answered from the current
 * engine. A turn's gap is the time since the previous turn ended; an ask's latency counts from
 * then (an interaction that arrived just after the previous turn waits the whole gap) to its
 * answer. The largest gap is the longest stall the reload caused.
 */
async function reloadStall(store: KnowledgeStore, questions: readonly string[]): Promise<ReloadStall> {
  const latencies: number[] = [];
  let maxStall = 0;
  let done = false;
  let sink = 0;
  const start = performance.now();
  let lastEnd = start;
  let lastCpu = process.cpuUsage();
  let lastSwitches = process.resourceUsage().involuntaryContextSwitches;
  let stallCpu = 0;
  let stallPreempted = 0;
  let stallFrom = start;
  let stallTo = start;
  const gcPauses = watchGc();
  const turn = (): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const switches = process.resourceUsage().involuntaryContextSwitches;
    if (now - lastEnd > maxStall) {
      maxStall = now - lastEnd;
      stallFrom = lastEnd;
      stallTo = now;
      stallCpu = (cpu.user + cpu.system) / 1000;
      stallPreempted = switches - lastSwitches;
    }
    sink ^= ask(store.current(), questions[latencies.length % questions.length]!) ? 1 : 0;
    const end = performance.now();
    latencies.push(end - lastEnd);
    lastEnd = end;
    lastCpu = process.cpuUsage();
    lastSwitches = process.resourceUsage().involuntaryContextSwitches;
    if (!done) setImmediate(turn);
  };
  setImmediate(turn);
  const result = await store.reload();
  done = true;
  const reloadMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the GC observer reports after a timer turn
  gcPauses.stop();
  // The GC observer reports a pause a turn after it ran: the full collection just before this reload
  // (the caller's gc()) would be counted as the reload's (it was, as 400–650 ms "pauses" at 10,000).
  const pauses = gcPauses.entries.filter((e) => e.startTime >= start);
  const inStall = pauses.filter((e) => e.startTime < stallTo && stallFrom < e.startTime + e.duration);
  if (!result.ok) throw new Error(`reload failed:\n${formatErrors(result.errors).slice(0, 10).join('\n')}`);
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  if (sink === 42) process.stderr.write('');
  return {
    reload_ms: round(reloadMs, 1),
    turns: latencies.length,
    max_stall_ms: round(maxStall, 2),
    ask_p99_ms: round(percentile(latencies, 0.99), 2),
    ask_max_ms: round(
      latencies.reduce((a, b) => Math.max(a, b), 0),
      2,
    ),
    max_stall_cpu_ms: round(stallCpu, 1),
    max_stall_preempted: stallPreempted,
    max_stall_gc_ms: round(
      inStall.reduce((sum, e) => sum + e.duration, 0),
      1,
    ),
    max_gc_pause_ms: round(
      pauses.reduce((m, e) => Math.max(m, e.duration), 0),
      1,
    ),
    heap_mb: round(heapMb, 1),
  };
}

interface Call {
  start: number;
  ms: number;
  /** Involuntary context switches during the call. */
  preempted: number;
}

/**
 * Per-call timings: `warmups` untimed passes over the inputs, then `rounds` timed ones. A bot
 * answers thousands of questions a day: what matters is the steady state, after V8 has compiled
 * every path the mix takes (with one pass, the first calls of rarely taken paths were timed too).
 */
function timeEach<T>(inputs: readonly T[], rounds: number, fn: (input: T) => unknown, gc?: () => void, warmups = 3): Call[] {
  let sink = 0;
  for (let w = 0; w < warmups; w++) for (const input of inputs) sink ^= fn(input) ? 1 : 0;
  gc?.(); // start the timed rounds with the warm-up's garbage collected, as a long-running bot would be between bursts
  const calls: Call[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const switches = process.resourceUsage().involuntaryContextSwitches;
      const start = performance.now();
      sink ^= fn(input) ? 1 : 0;
      const elapsed = performance.now() - start;
      calls.push({ start, ms: elapsed, preempted: process.resourceUsage().involuntaryContextSwitches - switches });
    }
  }
  if (sink === 42) process.stderr.write(''); // keeps the results alive
  return calls;
}

interface GcWatch {
  entries: PerformanceEntry[];
  stop: () => void;
}

/** Records GC pauses (perf_hooks), to tell a slow call from a call a collection interrupted. */
function watchGc(): GcWatch {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return { entries, stop: () => observer.disconnect() };
}

function noiseIn(calls: readonly Call[], pauses: readonly PerformanceEntry[]): Noise {
  const gcDuring = (c: Call) => pauses.filter((p) => p.startTime < c.start + c.ms && c.start < p.startTime + p.duration);
  let gcCalls = 0;
  let preempted = 0;
  let maxPause = 0;
  const undisturbed: number[] = [];
  for (const c of calls) {
    const during = gcDuring(c);
    if (during.length) {
      gcCalls++;
      maxPause = Math.max(maxPause, ...during.map((p) => p.duration));
    }
    if (c.preempted > 0) preempted++;
    if (!during.length && c.preempted === 0) undisturbed.push(c.ms);
  }
  return { gc_calls: gcCalls, max_gc_pause_ms: round(maxPause, 2), preempted_calls: preempted, p99_undisturbed_ms: round(percentile(undisturbed, 0.99), 3) };
}

export function describeNoise(n: Noise): string {
  return `${n.gc_calls} call(s) during a GC pause (longest ${ms(n.max_gc_pause_ms)} ms), ${n.preempted_calls} preempted by the OS; p99 of the others ${ms(n.p99_undisturbed_ms)} ms`;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** n items spread evenly over the list, so a sample keeps the mix of kinds. */
function evenly<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}
