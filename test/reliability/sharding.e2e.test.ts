/**
 * Sharding end to end (issue 5, item 6): discord.js's ShardingManager, started in this process as
 * `npm run start:sharded` starts it, forks two real shard processes (src/app/main.ts under tsx) that log
 * into a two-shard simulator. Each guild is answered by the process that owns its shard; `/reload`
 * on one shard reloads the other too, and the moderator reads how many shards reloaded; a broken
 * folder is refused everywhere with every shard still answering; an unreachable shard is named.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { createLogger } from '../../src/app/log';
import { parseArgs, startSharded, type Sharded } from '../../src/app/sharded';
import { BOT_STRINGS } from '../../src/discord/strings';
import { DiscordSimulator } from '../simulator';
import { until } from '../app/http';
import { EPHEMERAL, copyKnowledge, textOf, type SentMessage } from '../discord/setup';

const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);
const ENTITIES = 'entities.yaml';
const TANG_ALIASES = 'aliases: [Daren Tang, Tang, Дарен Тан, Тан]';
/** A nickname nobody uses until a moderator adds it. */
const NICKNAME = 'Zorblax';

let sim: DiscordSimulator;
let dir: string;
let sharded: Sharded | undefined;
/** Everything each shard process wrote to stderr (pino JSON lines). */
const shardLogs: Record<number, string> = { 0: '', 1: '' };
const managerLogs: string[] = [];
const envBefore = { ...process.env };

beforeAll(async () => {
  sim = await DiscordSimulator.start({ shards: 2 });
  dir = await copyKnowledge();
  sharded = await startSharded({
    token: sim.token,
    apiUrl: sim.apiUrl, // 'auto' asks the simulator's GET /gateway/bot: 2 shards
    env: {
      DISCORD_CLIENT_ID: sim.applicationId,
      DISCORD_API_URL: sim.apiUrl,
      KNOWLEDGE_DIR: dir,
      // /reload is allowed in either guild (each is on its own shard).
      ADMIN_GUILD_IDS: sim.guildIds.join(','),
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'debug',
    },
    output: (shard, stream, chunk) => {
      if (stream === 'stderr') shardLogs[shard] = (shardLogs[shard] ?? '') + chunk;
    },
    logger: createLogger('info', { write: (line: string) => void managerLogs.push(line) }),
  });
  await sim.whenReady(2);
}, 60_000);

afterAll(async () => {
  await sharded?.stop();
  await sim?.stop();
  await fs.rm(dir, { recursive: true, force: true });
  // The ShardingManager marks its own process (SHARDING_MANAGER, DISCORD_TOKEN): undo that.
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
}, 30_000);

function lines(shard: number): Array<Record<string, unknown>> {
  return (shardLogs[shard] ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function ask(question: string, guild: number): Promise<string> {
  const { id } = sim.slash('ask', [{ name: 'question', type: 3, value: question }], { guildId: sim.guildIds[guild]! });
  const cb = await sim.waitForCallback(id, 10_000);
  expect(cb.type).toBe(4);
  return textOf(cb.data as SentMessage);
}

/** /reload in a guild; the deferred reply's edit. */
async function reload(guild: number, permissions = MANAGE_GUILD): Promise<{ type: number; data: SentMessage; edit?: SentMessage }> {
  const { id, token } = sim.slash('reload', [], { guildId: sim.guildIds[guild]!, permissions, roles: [] });
  const cb = await sim.waitForCallback(id, 10_000);
  if (cb.type !== 5) return { type: cb.type, data: cb.data as SentMessage };
  const edit = await sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${sim.applicationId}/${token}/messages/@original`, 40_000);
  return { type: cb.type, data: cb.data as SentMessage, edit: edit.body as SentMessage };
}

const reloadsLogged = (shard: number): number => lines(shard).filter((l) => l.msg === 'knowledge reloaded').length;

test('the manager forks one process per shard; each identifies as its own shard of two', () => {
  expect(sharded!.totalShards).toBe(2);
  const identifies = sim.gatewayLog.filter((f) => f.op === 2).map((f) => (f.d as { shard: number[] }).shard);
  expect(identifies).toEqual(
    expect.arrayContaining([
      [0, 2],
      [1, 2],
    ]),
  );
  const pids = [0, 1].map((i) => sharded!.manager.shards.get(i)?.process?.pid);
  expect(pids.every((p) => typeof p === 'number')).toBe(true);
  expect(new Set([...pids, process.pid]).size).toBe(3);
  // The token was handed to the shards, never written to a log line.
  expect(shardLogs[0]! + shardLogs[1]! + managerLogs.join('')).not.toContain(sim.token);
});

test('an /ask in each guild is answered by the shard process that owns it', async () => {
  for (const guild of [0, 1]) {
    expect(await ask('Who is the WIPO Director General?', guild)).toContain('Daren Tang');
    const gid = sim.guildIds[guild]!;
    // The command was logged by this guild's shard process, and the other one never saw the guild. (The
    // shard's log reaches this process through a pipe, possibly after the answer: wait for the line.)
    await until(() => lines(guild).some((l) => l.guildId === gid), `shard ${guild}'s log line for the /ask`, 5_000).catch(() => undefined);
    expect(lines(guild).some((l) => l.guildId === gid)).toBe(true);
    expect(shardLogs[1 - guild]).not.toContain(gid);
  }
});

test('/reload by a moderator on shard 0 reloads shard 1: the other guild answers with the new knowledge', async () => {
  expect(await ask(`Who is ${NICKNAME}?`, 1)).not.toContain('Daren Tang');
  const file = path.join(dir, ENTITIES);
  const yaml = await fs.readFile(file, 'utf8');
  expect(yaml).toContain(TANG_ALIASES);
  await fs.writeFile(file, yaml.replace(TANG_ALIASES, TANG_ALIASES.replace(']', `, ${NICKNAME}]`)));

  const before = reloadsLogged(1);
  const r = await reload(0);
  expect(r.type).toBe(5);
  expect(r.data.flags).toBe(EPHEMERAL);
  const embed = r.edit!.embeds![0]!;
  expect(embed.title).toBe(BOT_STRINGS.en.reloaded);
  expect(embed.fields).toContainEqual({ name: 'Shards', value: '2 of 2 shards reloaded.' });

  // Shard 1's own process reloaded, asked by shard 0 (its log line comes through a pipe: wait for it).
  await until(() => reloadsLogged(1) > before, "shard 1's reload log line", 5_000).catch(() => undefined);
  expect(reloadsLogged(1)).toBe(before + 1);
  expect(
    lines(1)
      .filter((l) => l.msg === 'knowledge reloaded')
      .pop(),
  ).toMatchObject({ by: 'shard 0', shardId: 1 });
  expect(await ask(`Who is ${NICKNAME}?`, 1)).toContain('Daren Tang');
  expect(await ask(`Who is ${NICKNAME}?`, 0)).toContain('Daren Tang');
}, 60_000);

test('a refused /reload (no Manage Server, no role) changes nothing on any shard', async () => {
  const before = [reloadsLogged(0), reloadsLogged(1)];
  const r = await reload(1, '0');
  expect(r.type).toBe(4);
  expect(r.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadForbidden });
  expect([reloadsLogged(0), reloadsLogged(1)]).toEqual(before);
});

test('a broken folder: /reload on shard 1 shows the errors, no shard swaps, every guild keeps answering', async () => {
  const file = path.join(dir, ENTITIES);
  const good = await fs.readFile(file, 'utf8');
  try {
    await fs.writeFile(file, 'entities: [this is not valid');
    const before = lines(0).length;
    const r = await reload(1);
    expect(r.edit!.embeds![0]!.title).toMatch(/^Reload failed with \d+ errors?/);
    // The failed local reload is not broadcast: shard 0 was not asked.
    expect(
      lines(0)
        .slice(before)
        .some((l) => String(l.msg).startsWith('knowledge reload')),
    ).toBe(false);
    // The manager's reload (SIGHUP) asks both; both refuse and say why.
    const outcomes = await sharded!.reloadAll();
    expect(outcomes.map((o) => [o.shard, o.status])).toEqual([
      [0, 'failed'],
      [1, 'failed'],
    ]);
    for (const o of outcomes) if (o.status === 'failed') expect(o.errors.join('\n')).toContain(ENTITIES);
    for (const guild of [0, 1]) expect(await ask(`Who is ${NICKNAME}?`, guild)).toContain('Daren Tang');
  } finally {
    await fs.writeFile(file, good);
  }
  // Fixed: the manager's reload reaches both again.
  expect((await sharded!.reloadAll()).map((o) => o.status)).toEqual(['reloaded', 'reloaded']);
}, 60_000);

test('a shard that is down is named in the moderator’s reply; the reachable ones still reload', async () => {
  const manager = sharded!.manager;
  manager.respawn = false;
  const shard1 = manager.shards.get(1)!;
  const child = shard1.process!;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  shard1.kill(); // SIGTERM
  expect(await exited).toBe(0); // the shard process stopped cleanly

  const r = await reload(0);
  const field = r.edit!.embeds![0]!.fields?.find((f) => f.name === 'Shards');
  expect(field?.value).toMatch(/^1 of 2 shards reloaded\.\nShard 1: not reached \(.+\)\.$/);
  expect(await ask('Who is the WIPO Director General?', 0)).toContain('Daren Tang');
}, 60_000);

test('stop(): the remaining shard exits 0 and nothing is respawned', async () => {
  const codes = await sharded!.stop();
  expect(Object.fromEntries(codes)).toEqual({ 0: 0 });
  await new Promise((r) => setTimeout(r, 300));
  expect([...sharded!.manager.shards.values()].every((s) => s.process === null)).toBe(true);
  expect(managerLogs.some((l) => l.includes('respawning'))).toBe(false);
  sharded = undefined;
}, 30_000);

test('start:sharded arguments: --shards N|auto, --spawn-delay MS; anything else is named', () => {
  expect(parseArgs([])).toEqual({ totalShards: 'auto' });
  expect(parseArgs(['--shards', '4', '--spawn-delay=0'])).toEqual({ totalShards: 4, spawnDelayMs: 0 });
  expect(parseArgs(['--shards', '0'])).toEqual({ error: '--shards takes a whole number of shards (1 or more) or "auto"' });
  expect(parseArgs(['--workers', '2'])).toMatchObject({ error: expect.stringContaining('unknown option --workers') });
});
