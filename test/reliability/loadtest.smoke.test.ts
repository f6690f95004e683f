/**
 * The load script (issue 5, item 5) as its users run it, on a small scale: `loadtest --count 50
 * --seconds 1 --json` prints one JSON object on stdout (progress goes to stderr) and every
 * interaction is answered. No timing is asserted: the figures depend on the machine.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs, table, type KindReport, type LoadReport } from '../../scripts/loadtest';

const ROOT = path.resolve(__dirname, '..', '..');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts/loadtest.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const kindShape = (): Record<keyof KindReport, unknown> => ({
  sent: expect.any(Number),
  answered: expect.any(Number),
  deferred: expect.any(Number),
  throttled: expect.any(Number),
  errored: expect.any(Number),
  timedOut: expect.any(Number),
  latencyMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number), mean: expect.any(Number) },
});

test('--count 50 --seconds 1 --json: one JSON object on stdout, all 50 answered', async () => {
  const { code, stdout, stderr } = await run(['--count', '50', '--seconds', '1', '--json']);
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const report = JSON.parse(lines[0]!) as LoadReport;
  expect(report).toEqual({
    count: 50,
    seconds: 1,
    users: expect.any(Number),
    cooldownSeconds: 3,
    warmup: expect.any(Number),
    ...kindShape(),
    wallSeconds: expect.any(Number),
    byKind: { ask: kindShape(), 'who-met': kindShape(), topics: kindShape(), autocomplete: kindShape() },
    rejectedCallbacks: {},
  });
  expect(report).toMatchObject({ sent: 50, answered: 50, throttled: 0, errored: 0, timedOut: 0 });
  // Many simulated users, so the 3-second per-user cooldown throttles nobody.
  expect(report.users).toBeGreaterThan(1);
  const kinds = Object.values(report.byKind);
  expect(kinds.reduce((n, k) => n + k.sent, 0)).toBe(50);
  expect(kinds.every((k) => k.sent > 0 && k.answered === k.sent)).toBe(true);
  expect(stderr).toContain('done: 50/50 answered');

  // The readable form of the same report.
  const text = table(report);
  expect(text).toMatch(/^all\s+50\s+50\s+\d+\s+0\s+0\s+0\s/m);
  for (const label of ['/ask', '/who-met', '/topics', 'autocomplete']) expect(text).toContain(label);
}, 60_000);

test('arguments: defaults of 1,000 over 10 s; bad values are named', () => {
  expect(parseArgs([])).toEqual({ json: false, count: 1000, seconds: 10 });
  expect(parseArgs(['--count=200', '--seconds', '2.5', '--json'])).toEqual({ json: true, count: 200, seconds: 2.5 });
  expect(parseArgs(['--count', 'lots'])).toEqual({ error: '--count takes a whole number of interactions' });
  expect(parseArgs(['--fast'])).toMatchObject({ error: expect.stringContaining('unknown option --fast') });
});
