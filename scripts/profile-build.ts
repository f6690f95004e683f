/**
 * `npx tsx scripts/profile-build.ts [--releases 10000] [--dir /tmp/attache-profile] [--out build.cpuprofile] [--asks]`
 *
 * Where the index build's time goes at a size: generates the bench corpus once into --dir (kept,
 * and reused when it already holds that many releases), loads it, then builds the index under the
 * V8 profiler (node:inspector, the profile `node --cpu-prof` writes, but of the build alone) and
 * prints the functions with the most self time. The .cpuprofile opens in Chrome DevTools.
 * With --asks, the same for the benchmark's questions (after warm-up), with the slowest ones.
 * (Run it compiled — tsc --outDir — for line numbers that match; through tsx every line is 2.)
 */
import { existsSync, promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ask, createEngine, formatErrors, loadKnowledge } from '../src/core';
import { questionsFor } from '../src/bench/questions';
import { generateCorpus, writeCorpus } from '../src/bench/generate';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      releases: { type: 'string', default: '10000' },
      dir: { type: 'string', default: '/tmp/attache-profile' },
      out: { type: 'string', default: 'build.cpuprofile' },
      seed: { type: 'string', default: '20240228' },
      top: { type: 'string', default: '25' },
      asks: { type: 'boolean', default: false },
    },
  });
  const releases = Number(values.releases);
  const dir = path.join(values.dir, String(releases));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  if (!existsSync(path.join(dir, 'generated-entities.yaml'))) {
    const t = performance.now();
    await writeCorpus(generateCorpus({ seed: Number(values.seed), releases }), dir);
    log(`generated ${releases} releases in ${(performance.now() - t).toFixed(0)} ms`);
  }
  let t = performance.now();
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors).slice(0, 10).join('\n'));
  log(`loaded in ${(performance.now() - t).toFixed(0)} ms`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  const profiled = async (name: string, fn: () => void): Promise<void> => {
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    t = performance.now();
    fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
    const out = values.out.replace(/(\.cpuprofile)?$/, `-${name}.cpuprofile`);
    await fs.writeFile(out, JSON.stringify(profile));
    log(`${name}: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (the difference: a busy machine); profile in ${out}`);
    report(profile.nodes, Number(values.top));
  };
  let engine = createEngine(loaded.knowledge);
  await profiled('build', () => {
    engine = createEngine(loaded.knowledge);
  });
  if (values.asks) {
    const questions = questionsFor(loaded.knowledge, Number(values.seed) + releases, 200).map((q) => q.text);
    for (let w = 0; w < 3; w++) for (const q of questions) ask(engine, q);
    const times: [number, string][] = [];
    await profiled('asks', () => {
      for (const q of questions) {
        const s0 = performance.now();
        ask(engine, q);
        times.push([performance.now() - s0, q]);
      }
    });
    for (const [ms, q] of times.sort((a, b) => b[0] - a[0]).slice(0, 10)) process.stdout.write(`${ms.toFixed(2).padStart(8)} ms  ${q}\n`);
  }
}

function report(nodes: readonly ProfileNode[], top: number): void {
  const total = nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  for (const node of nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
