/**
 * Shard respawn backoff (issue 10, item 6). A shard whose process cannot start — the knowledge was
 * broken after the manager started, and a shard is killed — used to be respawned by discord.js at
 * once, forever (25 times in 30 s). The manager now waits 1 s, 2 s, 4 s … 60 s between respawns, and
 * starts again from 1 s once a shard has stayed up for a while.
 *
 * The shard here is a stand-in script, not the bot: it tells the manager it is ready (the message
 * discord.js's ShardClientUtil sends) when its mode file says "live", and exits 1 at once when it
 * says "crash". The delays are shortened so the test takes seconds.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/app/log';
import { DEFAULT_RESPAWN_BACKOFF, respawnDelayMs, startSharded, type Sharded } from '../../src/app/sharded';

const SHARD_SCRIPT = `
const fs = require('node:fs');
const { MODE_FILE, STARTS_FILE } = process.env;
fs.appendFileSync(STARTS_FILE, Date.now() + '\\n');
if (fs.readFileSync(MODE_FILE, 'utf8').trim() === 'crash') process.exit(1);
process.send({ _ready: true });
const keepAlive = setInterval(() => {}, 1000);
const bye = () => { clearInterval(keepAlive); process.exit(0); };
process.on('SIGTERM', bye);
process.on('disconnect', bye);
`;

const BACKOFF = { initialMs: 400, maxMs: 1600, resetAfterMs: 2000 };

let dir: string;
let sharded: Sharded | undefined;
const logs: Array<Record<string, unknown>> = [];
const envBefore = { ...process.env };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const starts = async (): Promise<number[]> => (await fs.readFile(path.join(dir, 'starts'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
const setMode = (mode: 'live' | 'crash'): Promise<void> => fs.writeFile(path.join(dir, 'mode'), mode);
const respawnLogs = (): Array<Record<string, unknown>> => logs.filter((l) => l.msg === 'shard exited; respawning after a delay');

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-respawn-'));
  await fs.writeFile(path.join(dir, 'shard.cjs'), SHARD_SCRIPT);
  await setMode('live');
  sharded = await startSharded({
    token: 'not.a.token',
    totalShards: 1,
    spawnDelayMs: 0,
    file: path.join(dir, 'shard.cjs'),
    env: { MODE_FILE: path.join(dir, 'mode'), STARTS_FILE: path.join(dir, 'starts') },
    respawnBackoff: BACKOFF,
    logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) }),
  });
}, 30_000);

afterAll(async () => {
  await sharded?.stop();
  await fs.rm(dir, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
});

test('the delay doubles from the first one up to the cap', () => {
  const b = { initialMs: 1000, maxMs: 60_000, resetAfterMs: 60_000 };
  expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => respawnDelayMs(n, b))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  expect(DEFAULT_RESPAWN_BACKOFF).toEqual(b);
});

test('a shard that cannot start is respawned after growing delays, each one logged', async () => {
  await setMode('crash');
  const child = sharded!.manager.shards.get(0)!.process!;
  child.kill('SIGKILL'); // a crash, not a deliberate shard.kill()
  await sleep(4000);
  // discord.js alone respawned as fast as a process can start and die.
  const after = (await starts()).slice(1);
  expect(after.length).toBeGreaterThanOrEqual(2);
  expect(after.length).toBeLessThanOrEqual(3);
  const logged = respawnLogs();
  expect(logged.map((l) => l.delayMs).slice(0, 4)).toEqual([400, 800, 1600, 1600].slice(0, logged.length));
  expect(logged.map((l) => l.attempt).slice(0, 3)).toEqual([1, 2, 3]);
  expect(logged[0]).toMatchObject({ shardId: 0, signal: 'SIGKILL' });
  expect(logged[1]).toMatchObject({ shardId: 0, exitCode: 1 });
  // The starts themselves are spaced by at least the delays.
  const all = await starts();
  for (let i = 2; i < all.length; i++) expect(all[i]! - all[i - 1]!).toBeGreaterThanOrEqual(respawnDelayMs(i, BACKOFF) - 20);
}, 20_000);

test('once the shard starts again and stays up, the next crash starts from the first delay', async () => {
  await setMode('live');
  const shard = sharded!.manager.shards.get(0)!;
  const end = Date.now() + 5000;
  while (!shard.ready && Date.now() < end) await sleep(50);
  expect(shard.ready).toBe(true);
  await sleep(BACKOFF.resetAfterMs + 200);
  const before = respawnLogs().length;
  shard.process!.kill('SIGKILL');
  while (respawnLogs().length === before && Date.now() < end + 5000) await sleep(20);
  expect(respawnLogs()[before]).toMatchObject({ shardId: 0, attempt: 1, delayMs: BACKOFF.initialMs });
  while (!shard.ready && Date.now() < end + 5000) await sleep(50);
  expect(shard.ready).toBe(true);
}, 20_000);

test('stop(): a deliberate stop is not respawned', async () => {
  const before = (await starts()).length;
  const codes = await sharded!.stop();
  expect(Object.fromEntries(codes)).toEqual({ 0: 0 });
  sharded = undefined;
  await sleep(500);
  expect((await starts()).length).toBe(before);
});
