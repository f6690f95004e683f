/**
 * npm run --silent bench [-- --json] [--seed N] [--sizes 1,100,1000,10000] [--questions N] [--no-reload] [--json-file F]
 *
 * Measures the engine at 1, 100, 1,000 and 10,000 releases against plain fuse.js over every
 * sentence, and the event loop while the store reloads each archive (--no-reload skips that).
 * stdout: one JSON object with --json, a table otherwise (--json-file F writes the JSON there too); progress on stderr.
 * Run through `node --expose-gc dist/bench/main.js` (the npm script) so heap is measured after a GC.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_KNOWLEDGE_DIR } from '../app/paths';
import { DEFAULT_SIZES, defaultBaselineQuestions, describeNoise, runBench, type BenchResult, type SizeDetails } from './run';

/** The public question set, beside the repository. */
const EVAL_FILE = path.resolve(__dirname, '..', '..', '..', 'shared', 'eval', 'dev.jsonl');
export const DEFAULT_SEED = 20240228;

const TARGETS = [
  `targets: at 10,000 releases ask p99 ≤ 15 ms, autocomplete p99 ≤ 5 ms, build ≤ 10 s, heap ≤ 1 GB, ask p99 ≥ 20× below the baseline's, no event-loop stall over 100 ms during a reload;`,
  `at 1,000 releases ask p99 ≤ 10 ms, autocomplete p99 ≤ 5 ms, build ≤ 2 s, heap ≤ 300 MB, ≥ 20× below the baseline; at 1 release ask p99 ≤ 1 ms and accuracy above the baseline's`,
].join('\n');

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      questions: { type: 'string', default: '200' },
      'no-reload': { type: 'boolean', default: false },
      'json-file': { type: 'string' },
      eval: { type: 'string', default: EVAL_FILE },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes positive integers, like 1,100,1000`);
  const questions = Number(values.questions);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const started = performance.now();
  // Timings on a shared machine: say how busy it was.
  log(
    `bench: node ${process.version}, ${os.cpus().length} CPU(s), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const { result, details } = await runBench({
    seed: Number(values.seed),
    sizes,
    questions,
    partials: questions,
    rounds: 2,
    builds: 3,
    baselineQuestions: defaultBaselineQuestions,
    knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
    evalFile: values.eval,
    reload: () => !values['no-reload'],
    log,
  });
  log(
    `done in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (values['json-file']) writeFileSync(values['json-file'], `${JSON.stringify(result)}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${table(result, details)}\n`);
  return 0;
}

export function table(result: BenchResult, details: readonly SizeDetails[]): string {
  const head = [
    'releases',
    'facts',
    'build ms',
    'ask p50',
    'ask p99',
    'ac p50',
    'ac p99',
    'baseline p99',
    'speed-up',
    'heap MB',
    'reload stall',
    'reload ask p99',
  ];
  const rows = result.sizes.map((s, i) => {
    const d = details[i];
    return [
      String(s.releases),
      String(s.facts),
      fmt(s.build_ms),
      fmt(s.ask_p50_ms),
      fmt(s.ask_p99_ms),
      fmt(s.autocomplete_p50_ms),
      fmt(s.autocomplete_p99_ms),
      `${fmt(s.baseline_ask_p99_ms)} (n=${d?.baseline_questions ?? '?'})`,
      `${(s.baseline_ask_p99_ms / Math.max(s.ask_p99_ms, 1e-3)).toFixed(0)}×`,
      fmt(s.heap_mb),
      s.reload_max_stall_ms === undefined ? '–' : fmt(s.reload_max_stall_ms),
      s.reload_ask_p99_ms === undefined ? '–' : fmt(s.reload_ask_p99_ms),
    ];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  const a = result.accuracy;
  return [
    line(head),
    ...rows.map(line),
    '',
    `times in ms; ask/autocomplete over ${details[0]?.questions ?? '?'} calls per size after three warm-up passes; the baseline (fuse.js, default options + includeScore, over every sentence) answers n of the questions`,
    `corpus above 1 release: the shipped release + generated ones; sentences: ${details.map((d) => d.sentences).join(' / ')}`,
    ...details.flatMap((d) => [
      `at ${d.releases}: load ${fmt(d.load_ms)} ms; ask — ${describeNoise(d.ask_noise)}`,
      `at ${d.releases}: autocomplete — ${describeNoise(d.autocomplete_noise)}`,
      ...(d.reload
        ? [
            `at ${d.releases}: reload (load + sliced build) ${fmt(d.reload.reload_ms)} ms, asking every turn: ${d.reload.turns} turns, longest stall ${fmt(d.reload.max_stall_ms)} ms, ask wait+answer p99 ${fmt(d.reload.ask_p99_ms)} / max ${fmt(d.reload.ask_max_ms)} ms (the longest stall: ${fmt(d.reload.max_stall_cpu_ms)} ms of CPU, ${d.reload.max_stall_preempted} OS preemption(s), ${fmt(d.reload.max_stall_gc_ms)} ms of GC pauses; longest GC pause ${fmt(d.reload.max_gc_pause_ms)} ms), heap with both engines ${fmt(d.reload.heap_mb)} MB`,
          ]
        : []),
    ]),
    a.engine === null
      ? 'accuracy: skipped (no question set)'
      : `accuracy on the public questions (shipped release): engine ${(a.engine * 100).toFixed(1)}%, baseline ${(a.baseline! * 100).toFixed(1)}%`,
    TARGETS,
  ].join('\n');
}

function fmt(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
