/**
 * Health and metrics under the shard manager (issue 10, "Operability"): the manager alone serves
 * HEALTH_PORT; /readyz is 200 only while every shard is ready; /metrics merges every shard's registry
 * (read through discord.js's IPC) with prom-client's AggregatorRegistry — counters add up over the
 * shards, per-shard gauges keep their `shard` label — plus the manager's own respawn counter.
 */
import fs from 'node:fs/promises';
import { createLogger } from '../../src/app/log';
import { startSharded, type Sharded } from '../../src/app/sharded';
import { DiscordSimulator } from '../simulator';
import { copyKnowledge } from '../discord/setup';
import { get, sample, until } from '../app/http';

let sim: DiscordSimulator;
let dir: string;
let sharded: Sharded | undefined;
const shardLogs: Record<number, string> = { 0: '', 1: '' };
const managerLogs: string[] = [];
/** Every /readyz status seen while the shards were starting. */
const earlyReadyz: number[] = [];
const envBefore = { ...process.env };
let base = '';

beforeAll(async () => {
  sim = await DiscordSimulator.start({ shards: 2 });
  dir = await copyKnowledge();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      if (base) earlyReadyz.push((await get(`${base}/readyz`).catch(() => ({ status: 0 }))).status);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  sharded = await startSharded({
    token: sim.token,
    apiUrl: sim.apiUrl,
    totalShards: 2,
    spawnDelayMs: 0,
    health: { port: 0, host: '127.0.0.1' },
    respawnBackoff: { initialMs: 200 },
    // A shard told to serve health would bind its own port: the manager takes that away.
    env: { DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir, COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info', HEALTH_PORT: '0' },
    output: (shard, stream, chunk) => {
      if (stream === 'stderr') shardLogs[shard] = (shardLogs[shard] ?? '') + chunk;
    },
    logger: createLogger('info', {
      write: (line: string) => {
        managerLogs.push(line);
        const m = /"port":(\d+),"msg":"health server listening"/.exec(line);
        if (m) base = `http://127.0.0.1:${m[1]}`;
      },
    }),
  });
  await sim.whenReady(2);
  polling = false;
  await poll;
}, 60_000);

afterAll(async () => {
  await sharded?.stop();
  await sim?.stop();
  await fs.rm(dir, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
}, 30_000);

async function metrics(): Promise<string> {
  const r = await get(`${base}/metrics`);
  expect(r.status).toBe(200);
  return r.body;
}

async function ask(guild: number): Promise<void> {
  const { id } = sim.slash('ask', [{ name: 'question', type: 3, value: 'Who is the WIPO Director General?' }], { guildId: sim.guildIds[guild]! });
  expect((await sim.waitForCallback(id, 10_000)).type).toBe(4);
}

test('the manager serves health from before the shards were ready; the shards serve none', async () => {
  expect(sharded!.health?.port).toBeGreaterThan(0);
  expect(earlyReadyz).toContain(503);
  expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
  expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: 'ready\n' });
  expect(shardLogs[0]! + shardLogs[1]!).not.toContain('health server listening');
});

test('/metrics: interactions summed over the shards, knowledge and gateway per shard', async () => {
  await ask(0);
  await ask(1);
  const text = await metrics();
  expect(sample(text, 'attache_interactions_total', { command: 'ask', status: 'answered' })).toBe(2);
  expect(sample(text, 'attache_answer_duration_seconds_count', { command: 'ask' })).toBe(2);
  for (const shard of ['0', '1']) {
    expect(sample(text, 'attache_knowledge_releases', { shard })).toBe(1);
    expect(sample(text, 'attache_gateway_ready', { shard })).toBe(1);
    expect(sample(text, 'attache_shard_up', { shard })).toBe(1);
  }
  // Process metrics of both shard processes, merged.
  expect(sample(text, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
  expect(text.match(/^# TYPE attache_interactions_total counter$/gm)).toHaveLength(1);
});

test('a crashed shard: /readyz 503 naming it until it is respawned and ready again; the respawn is counted', async () => {
  const shard1 = sharded!.manager.shards.get(1)!;
  shard1.process!.kill('SIGKILL');
  await until(async () => (await get(`${base}/readyz`)).status === 503, '/readyz 503', 5000);
  expect((await get(`${base}/readyz`)).body).toBe('not ready: shard 1 not ready\n');
  await until(async () => (await get(`${base}/readyz`)).status === 200, '/readyz 200 again', 30_000);
  const text = await metrics();
  expect(sample(text, 'attache_shard_respawns_total', { shard: '1' })).toBe(1);
  expect(sample(text, 'attache_shard_up', { shard: '1' })).toBe(1);
  // Shard 1's counters started again from zero; shard 0's are still there.
  expect(sample(text, 'attache_interactions_total', { command: 'ask', status: 'answered' })).toBe(1);
  expect(
    managerLogs.some((l) => l.includes('"msg":"shard exited; respawning after a delay"') && l.includes('"attempt":1') && l.includes('"delayMs":200')),
  ).toBe(true);
}, 45_000);

test('stop() closes the health server', async () => {
  await sharded!.stop();
  sharded = undefined;
  await expect(get(`${base}/healthz`)).rejects.toThrow();
}, 30_000);
