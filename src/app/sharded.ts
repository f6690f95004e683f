/**
 * `npm run start:sharded [-- --shards N|auto] [--spawn-delay MS]`: the bot under discord.js's
 * ShardingManager, for servers that outgrow one gateway connection. The manager holds no bot: it
 * forks one process per shard, each running the ordinary main beside this file: `dist/app/main.js`
 * when the manager runs compiled, `src/app/main.ts` through tsx's loader when it runs from source
 * (the tests). discord.js gives each child SHARDS / SHARD_COUNT / SHARDING_MANAGER in its environment
 * and the child's Client reads them itself; the rest of the environment (DISCORD_API_URL,
 * KNOWLEDGE_DIR, …) is inherited, plus whatever `env` adds.
 *
 *   SIGINT/SIGTERM → stop respawning, SIGTERM every shard (each disconnects cleanly), wait, exit 0.
 *   SIGHUP        → reload the knowledge on every shard.
 *   A shard that dies later is respawned by the manager, after an exponential backoff (1 s, 2 s,
 *   4 s … 60 s; back to 1 s once a shard has stayed up for a minute), so a shard that cannot start
 *   (a knowledge file broken since the manager started) does not respawn in a tight loop.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { KnowledgeStore, formatErrors } from '../core';
import { loadConfig } from './config';
import { createLogger, type Logger } from './log';
import { askShards, reloadRequest, SHARD_RELOAD_TIMEOUT_MS, type HookedClient, type ShardReloadOutcome } from './shard';
import { handleSignals } from './signals';
import { startHealthServer, type HealthServer, type Readiness } from './health';
import { aggregateMetrics, createManagerMetrics, type MetricsHookedClient, type MetricsJson } from './metrics';

/** Whether this module runs from its TypeScript source (tsx, ts-jest) rather than from dist/. */
const FROM_SOURCE = __filename.endsWith('.ts');
/** The script every shard runs: the main beside this file, compiled or not like this one. */
export const SHARD_FILE = path.resolve(__dirname, FROM_SOURCE ? 'main.ts' : 'main.js');
/** Discord allows one IDENTIFY per 5 s per max_concurrency bucket; discord.js's default spacing. */
const DISCORD_SPAWN_DELAY_MS = 5500;

/** How long a shard may take to hand its metrics to the manager's /metrics. */
const SHARD_METRICS_TIMEOUT_MS = 5000;

/** How long the manager waits before respawning a shard that exited. */
export interface RespawnBackoff {
  /** The first respawn's delay; each further one doubles it. */
  initialMs: number;
  /** The longest delay. */
  maxMs: number;
  /** A shard that stayed up this long before exiting starts again from `initialMs`. */
  resetAfterMs: number;
}

export const DEFAULT_RESPAWN_BACKOFF: RespawnBackoff = { initialMs: 1000, maxMs: 60_000, resetAfterMs: 60_000 };

/** The delay before respawn number `attempt` (1, 2, 3, …): initial × 2^(attempt−1), capped. */
export function respawnDelayMs(attempt: number, backoff: RespawnBackoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
}

export interface ShardedOptions {
  token: string;
  /** DISCORD_API_URL (without /v10): where 'auto' asks for the shard count. Children inherit it from the environment. */
  apiUrl?: string | undefined;
  /** Default 'auto': what Discord recommends (GET /gateway/bot). */
  totalShards?: number | 'auto';
  /** Pause between spawning shards; default 0 when every shard has its own identify bucket, else 5.5 s. */
  spawnDelayMs?: number;
  /** How long each shard may take to become ready (default 30 s). */
  readyTimeoutMs?: number;
  /** Added to the environment the shards inherit. */
  env?: Record<string, string>;
  /** When set, each shard's stdout and stderr come here instead of the manager's own. */
  output?: (shard: number, stream: 'stdout' | 'stderr', chunk: string) => void;
  logger: Logger;
  /** Default SHARD_FILE. */
  file?: string;
  /** Default DEFAULT_RESPAWN_BACKOFF; tests shorten it. */
  respawnBackoff?: Partial<RespawnBackoff>;
  /** HEALTH_PORT / HEALTH_HOST: the manager serves /healthz, /readyz and /metrics for every shard (the shards serve none). */
  health?: { port: number; host: string } | undefined;
}

export interface Sharded {
  manager: ShardingManager;
  totalShards: number;
  /** Reload the knowledge on every shard (what SIGHUP does). */
  reloadAll(timeoutMs?: number): Promise<ShardReloadOutcome[]>;
  /** Stop respawning, SIGTERM every shard and wait for them to exit; their exit codes by shard id. */
  stop(timeoutMs?: number): Promise<Map<number, number | null>>;
  /** Ready when every shard is (what /readyz says). */
  readiness(): Readiness;
  /** Every shard's metrics merged, with the manager's own, in Prometheus text format (what /metrics says). */
  metrics(): Promise<{ contentType: string; body: string }>;
  /** The health server, when `health` was given. */
  health: HealthServer | undefined;
}

/** What Discord says about this bot's gateway: the recommended shard count and identify concurrency. */
export async function fetchGatewayBot(token: string, apiUrl: string | undefined): Promise<{ shards: number; maxConcurrency: number }> {
  // discord.js's own fetchRecommendedShardCount always asks discord.com; DISCORD_API_URL must win.
  const base = (apiUrl ?? 'https://discord.com/api').replace(/\/+$/, '');
  const response = await fetch(`${base}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` } });
  if (response.status === 401) throw new Error('the token was refused (401 on GET /gateway/bot)');
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
  const body = (await response.json()) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown } };
  const shards = typeof body.shards === 'number' && body.shards >= 1 ? body.shards : 1;
  const maxConcurrency = typeof body.session_start_limit?.max_concurrency === 'number' ? body.session_start_limit.max_concurrency : 1;
  return { shards, maxConcurrency };
}

/** From source, `--import <tsx loader>` by absolute URL, so children run TypeScript whatever the working directory. */
function shardExecArgv(): string[] {
  return FROM_SOURCE ? ['--import', pathToFileURL(require.resolve('tsx')).href] : [];
}

export async function startSharded(options: ShardedOptions): Promise<Sharded> {
  const { logger } = options;
  const requested = options.totalShards ?? 'auto';
  let totalShards = typeof requested === 'number' ? requested : 0;
  let spawnDelayMs = options.spawnDelayMs;
  if (requested === 'auto' || spawnDelayMs === undefined) {
    const gateway = await fetchGatewayBot(options.token, options.apiUrl);
    if (requested === 'auto') totalShards = gateway.shards;
    // Shards 0..N-1 fall in distinct identify buckets (id % max_concurrency) when N ≤ max_concurrency.
    spawnDelayMs ??= totalShards <= gateway.maxConcurrency ? 0 : DISCORD_SPAWN_DELAY_MS;
  }

  const manager = new ShardingManager(options.file ?? SHARD_FILE, {
    token: options.token,
    totalShards,
    mode: 'process',
    // discord.js respawns a dead shard at once, forever: a shard that cannot start would loop. The
    // 'death' handler below respawns instead, with a backoff.
    respawn: false,
    execArgv: shardExecArgv(),
    silent: options.output !== undefined,
  });
  const managerMetrics = createManagerMetrics();
  const backoff: RespawnBackoff = { ...DEFAULT_RESPAWN_BACKOFF, ...options.respawnBackoff };
  let respawning = true;
  /** Per shard: when its process last spawned, respawns since it last stayed up, the pending respawn. */
  const lives = new Map<number, { spawnedAt: number; attempt: number; timer?: NodeJS.Timeout | undefined }>();

  const scheduleRespawn = (shard: Shard, child: { exitCode?: number | null; signalCode?: NodeJS.Signals | null }): void => {
    const life = lives.get(shard.id) ?? { spawnedAt: 0, attempt: 0 };
    lives.set(shard.id, life);
    const exit = { exitCode: child.exitCode ?? null, signal: child.signalCode ?? null };
    // shard.kill() (stop(), or anyone's deliberate kill) reports the death before the process has
    // exited: that shard is meant to stay down, as with discord.js's own respawn.
    if (!respawning || (exit.exitCode === null && exit.signal === null)) return;
    const upMs = Date.now() - life.spawnedAt;
    if (upMs >= backoff.resetAfterMs) life.attempt = 0;
    life.attempt += 1;
    const delayMs = respawnDelayMs(life.attempt, backoff);
    logger.warn({ shardId: shard.id, ...exit, upMs, attempt: life.attempt, delayMs }, 'shard exited; respawning after a delay');
    clearTimeout(life.timer);
    life.timer = setTimeout(() => {
      life.timer = undefined;
      // Someone (shard.respawn()) may have brought it back meanwhile.
      if (!respawning || shard.process) return;
      logger.info({ shardId: shard.id, attempt: life.attempt }, 'respawning shard');
      managerMetrics.respawn(shard.id);
      shard.spawn(options.readyTimeoutMs ?? 30_000).catch((error: unknown) => {
        // A shard that dies while starting also emits 'death', which schedules the next attempt.
        logger.warn({ shardId: shard.id, attempt: life.attempt, err: error }, 'respawned shard did not become ready');
      });
    }, delayMs);
  };

  // Each Shard copies process.env when it is created: add ours before it is spawned.
  manager.on('shardCreate', (shard: Shard) => {
    if (options.env) Object.assign(shard.env as Record<string, unknown>, options.env);
    // The manager serves health and metrics for all shards; a shard must not bind the same port.
    // (Empty, not deleted: dotenv would fill a missing variable back in from .env.)
    Object.assign(shard.env as Record<string, unknown>, { HEALTH_PORT: '', HEALTH_HOST: '' });
    shard.on('spawn', (child: { pid?: number; stdout?: NodeJS.ReadableStream | null; stderr?: NodeJS.ReadableStream | null }) => {
      const life = lives.get(shard.id);
      if (life) life.spawnedAt = Date.now();
      else lives.set(shard.id, { spawnedAt: Date.now(), attempt: 0 });
      logger.info({ shardId: shard.id, pid: child.pid }, 'shard spawned');
      const out = options.output;
      if (out) {
        child.stdout?.on('data', (d: Buffer) => out(shard.id, 'stdout', d.toString()));
        child.stderr?.on('data', (d: Buffer) => out(shard.id, 'stderr', d.toString()));
      }
    });
    shard.on('ready', () => logger.info({ shardId: shard.id }, 'shard ready'));
    shard.on('death', (child) => scheduleRespawn(shard, 'exitCode' in child ? child : {}));
    shard.on('error', (error: unknown) => logger.error({ shardId: shard.id, err: error }, 'shard error'));
  });

  const stop = async (timeoutMs = 10_000): Promise<Map<number, number | null>> => {
    respawning = false; // a child exiting now must stay down
    for (const life of lives.values()) clearTimeout(life.timer);
    const codes = new Map<number, number | null>();
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child) return;
        if (child.exitCode !== null || child.signalCode !== null) return void codes.set(shard.id, child.exitCode);
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        shard.kill(); // SIGTERM: the child's own handler disconnects from the gateway and exits 0
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
        const code = await Promise.race([exited, late]);
        clearTimeout(timer);
        if (code === 'late') {
          logger.warn({ shardId: shard.id, pid: child.pid }, 'shard did not stop in time; killing it');
          child.kill('SIGKILL');
          codes.set(shard.id, await exited);
        } else {
          codes.set(shard.id, code);
        }
      }),
    );
    logger.info({ exitCodes: Object.fromEntries(codes) }, 'all shards stopped');
    await health?.close();
    return codes;
  };

  const readiness = (): Readiness => {
    const notReady = Array.from({ length: totalShards }, (_, id) => id).filter((id) => !manager.shards.get(id)?.ready);
    return notReady.length ? { ready: false, reason: `shard${notReady.length > 1 ? 's' : ''} ${notReady.join(', ')} not ready` } : { ready: true };
  };

  const metrics = async (): Promise<{ contentType: string; body: string }> => {
    const parts = await Promise.all(
      Array.from({ length: totalShards }, (_, id) => id).map(async (id): Promise<MetricsJson | undefined> => {
        const shard = manager.shards.get(id);
        let timer: NodeJS.Timeout | undefined;
        try {
          if (!shard?.process) throw new Error('not running');
          const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), SHARD_METRICS_TIMEOUT_MS)));
          // Source text evaluated in the shard (see src/app/metrics.ts): it names the hook literally.
          const json = await Promise.race([shard.eval((c) => (c as MetricsHookedClient).attacheMetrics!()), late]);
          managerMetrics.scraped(id, true);
          return json;
        } catch (error) {
          logger.debug({ shardId: id, err: error }, 'no metrics from shard');
          managerMetrics.scraped(id, false);
          return undefined;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const registry = aggregateMetrics([...parts.filter((p): p is MetricsJson => p !== undefined), await managerMetrics.registry.getMetricsAsJSON()]);
    return { contentType: registry.contentType, body: await registry.metrics() };
  };

  // Before the shards: /healthz answers and /readyz says 503 while they spawn.
  const health = options.health && (await startHealthServer({ ...options.health, logger, readiness, metrics }));

  logger.info({ totalShards, spawnDelayMs }, 'spawning shards');
  try {
    await manager.spawn({ amount: totalShards, delay: spawnDelayMs, timeout: options.readyTimeoutMs ?? 30_000 });
  } catch (error) {
    // A shard that dies while starting would be respawned forever: stop them all instead.
    await stop();
    throw error;
  }

  return {
    manager,
    totalShards,
    reloadAll: (timeoutMs = SHARD_RELOAD_TIMEOUT_MS) => {
      const request = reloadRequest([]);
      const ids = [...manager.shards.keys()].sort((a, b) => a - b);
      // Source text evaluated in the shard (see src/app/shard.ts): it names the hook literally.
      return askShards(
        ids,
        (shard) => manager.broadcastEval((c, req) => (c as HookedClient).attacheReloadKnowledge!(req), { shard, context: request }),
        timeoutMs,
      );
    },
    stop,
    readiness,
    metrics,
    health: health || undefined,
  };
}

/** `--shards N|auto`, `--spawn-delay MS`. */
export function parseArgs(argv: readonly string[]): { totalShards: number | 'auto'; spawnDelayMs?: number } | { error: string } {
  let totalShards: number | 'auto' = 'auto';
  let spawnDelayMs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (flag === '--shards') {
      if (value === 'auto') totalShards = 'auto';
      else if (value && /^[1-9]\d*$/.test(value)) totalShards = Number(value);
      else return { error: '--shards takes a whole number of shards (1 or more) or "auto"' };
    } else if (flag === '--spawn-delay') {
      if (value && /^\d+$/.test(value)) spawnDelayMs = Number(value);
      else return { error: '--spawn-delay takes a number of milliseconds' };
    } else {
      return { error: `unknown option ${flag} (expected --shards N|auto, --spawn-delay MS)` };
    }
  }
  return spawnDelayMs === undefined ? { totalShards } : { totalShards, spawnDelayMs };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`start:sharded: ${args.error}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, [config.discordToken]).child({ manager: true });
  if (!config.discordToken) {
    process.stderr.write('start:sharded needs DISCORD_TOKEN (and DISCORD_CLIENT_ID); `npm start` opens the console without them.\n');
    return 1;
  }
  // Check the knowledge once here: a shard that cannot start would otherwise be respawned forever.
  const opened = await KnowledgeStore.open(config.knowledgeDir);
  if (!opened.ok) {
    process.stderr.write(`The knowledge in ${config.knowledgeDir} does not validate; not starting:\n`);
    for (const line of formatErrors(opened.errors)) process.stderr.write(`  ${line}\n`);
    return 1;
  }

  const sharded = await startSharded({ token: config.discordToken, apiUrl: config.apiUrl, ...args, logger, health: config.health });
  logger.info({ totalShards: sharded.totalShards }, 'all shards ready');

  handleSignals(logger, {
    stop: () => sharded.stop(),
    reload: async () => logger.info({ by: 'SIGHUP', shards: await sharded.reloadAll() }, 'knowledge reload on every shard'),
  });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`Attaché (sharded) could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
