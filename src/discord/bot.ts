/**
 * The bot, assembled: a Client wired to the handlers. Tests create it in-process against the
 * simulator; src/app/main.ts is a thin wrapper around it.
 */
import { Events, type Client } from 'discord.js';
import type { KnowledgeStore } from '../core';
import type { Config } from '../app/config';
import type { Logger } from '../app/log';
import { createClient } from './client';
import type { BotContext } from './context';
import { Cooldown } from './cooldown';
import { DEFER_AFTER_MS, handleInteraction } from './interactions';
import { handleMessage } from './messages';
import { LongArgs } from './paging';
import { ApplicationOwners } from './owners';
import { exposeShardReload, shardIdOf } from '../app/shard';
import { countReloads, createMetrics, exposeShardMetrics, type Metrics } from '../app/metrics';

export interface Bot {
  client: Client;
  /** Logs in and resolves once the gateway is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BotOptions {
  config: Config;
  store: KnowledgeStore;
  logger: Logger;
  /** When a still-running command is deferred (default DEFER_AFTER_MS); tests shorten it along with the simulator's deadline. */
  deferAfterMs?: number;
  /**
   * The gateway closed a shard for good (a FATAL_CLOSES code): the bot cannot work until someone
   * fixes the cause. main.ts stops and exits non-zero. Already logged (error level) when called.
   */
  onFatal?: (close: FatalClose) => void;
  /** Where the bot counts (default: a registry of its own, without process metrics). */
  metrics?: Metrics;
}

export interface FatalClose {
  shardId: number;
  code: number;
  reason: string;
  fix: string;
}

/**
 * The close codes after which discord.js gives up on a shard (the only ones it emits shardDisconnect
 * for), and what to do about each. https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
 */
export const FATAL_CLOSES: Readonly<Record<number, { reason: string; fix: string }>> = {
  4004: {
    reason: 'Authentication failed',
    fix: 'DISCORD_TOKEN is wrong or was reset: put the current token from the Developer Portal (Bot → Reset Token) in .env',
  },
  4010: { reason: 'Invalid shard', fix: 'the shard id or count is invalid: check --shards (npm run start:sharded) and SHARDS / SHARD_COUNT' },
  4011: { reason: 'Sharding required', fix: 'the bot is in too many servers for one connection: run it with npm run start:sharded' },
  4012: { reason: 'Invalid API version', fix: 'the gateway no longer accepts this API version: update discord.js' },
  4013: { reason: 'Invalid intent(s)', fix: 'the intents sent are not a valid bitfield: check the intents in src/discord/client.ts' },
  4014: {
    reason: 'Disallowed intent(s)',
    fix: 'a privileged intent is requested but not enabled: enable it in the Developer Portal (Bot → Privileged Gateway Intents) or stop requesting it',
  },
};

/** Closes after which the session is gone and discord.js identifies again (no RESUME). 1000 is also
 *  how discord.js closes on an invalid session (op 9, not resumable). */
const SESSION_LOST: Readonly<Record<number, string>> = {
  1000: 'invalid session (op 9) or a normal close',
  4003: 'Not authenticated',
  4005: 'Already authenticated',
  4007: 'Invalid seq',
  4008: 'Rate limited',
};

/** How long stop() waits for replies still being written. */
const STOP_GRACE_MS = 5_000;

export function createBot({ config, store, logger, deferAfterMs = DEFER_AFTER_MS, onFatal, metrics = createMetrics() }: BotOptions): Bot {
  const client = createClient(config);
  const owners = new ApplicationOwners(async () => {
    if (!client.application) throw new Error('the client is not logged in');
    return client.application.fetch();
  }, logger);
  const ctx: BotContext = {
    config,
    store,
    logger,
    cooldown: new Cooldown(config.cooldownSeconds * 1000),
    longArgs: new LongArgs(),
    deferAfterMs,
    owners,
    metrics,
  };
  metrics.observe({
    shard: shardIdOf(client),
    pingMs: () => client.ws.ping,
    ready: () => client.isReady(),
    knowledge: () => {
      const k = store.current().knowledge;
      return { releases: k.releases.size, facts: k.facts.size };
    },
  });
  countReloads(store, metrics);

  // Handlers still running when the bot stops get a moment to finish their reply (a reload's edit).
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    work.finally(() => inFlight.delete(work)).catch((error: unknown) => logger.error({ err: error }, 'handler failed outside the error boundary'));
  };
  client.on(Events.InteractionCreate, (interaction) => track(handleInteraction(ctx, interaction)));
  client.on(Events.MessageCreate, (message) => track(handleMessage(ctx, message)));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  const gateway = watchGateway(client, logger, onFatal);
  // Under ShardingManager (npm run start:sharded): /reload on another shard reloads this one too.
  exposeShardReload(client, store, logger);
  // …and the manager reads this shard's metrics to serve them with the others'.
  exposeShardMetrics(client, metrics);

  return {
    client,
    async start() {
      const token = config.discordToken;
      if (!token) throw new Error('DISCORD_TOKEN is not set');
      const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
      const [c] = await Promise.all([
        ready,
        client.login(token).catch((error: unknown) => {
          // A fatal close while logging in: say what to fix rather than discord.js's bare "Authentication failed".
          const fatal = gateway.fatal();
          throw fatal ? new Error(`the gateway closed with ${fatal.code} (${fatal.reason}): ${fatal.fix}`, { cause: error }) : error;
        }),
      ]);
      if (config.clientId && c.application.id !== config.clientId) {
        logger.warn(
          { applicationId: c.application.id, clientId: config.clientId },
          'DISCORD_CLIENT_ID is not the application of DISCORD_TOKEN: commands deployed with it will not reach this bot',
        );
      }
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, releases: store.current().knowledge.releases.size }, 'ready');
    },
    async stop() {
      gateway.stopping();
      const settled = Promise.allSettled([...inFlight]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      await client.destroy();
    },
  };
}

/**
 * Gateway life, logged: a fatal close (error, with what to fix, then onFatal), a lost session and the
 * fresh login that follows (warn, info), a dropped connection being resumed (info), and the resume.
 * discord.js says which shard reconnects but not why: the close code comes from the shard's own
 * `close` event, listened to from its first ready on.
 */
function watchGateway(client: Client, logger: Logger, onFatal: BotOptions['onFatal']): { fatal(): FatalClose | undefined; stopping(): void } {
  const lastClose = new Map<number, number>();
  const everReady = new Set<number>();
  let fatal: FatalClose | undefined;
  let stopping = false;

  client.on(Events.ShardDisconnect, (event, shardId) => {
    const known = FATAL_CLOSES[event.code] ?? { reason: 'unknown', fix: 'see https://discord.com/developers/docs/topics/opcodes-and-status-codes' };
    fatal ??= { shardId, code: event.code, ...known };
    logger.error(
      { shardId, code: event.code, reason: known.reason, fix: known.fix },
      `gateway closed with ${event.code} (${known.reason}) and will not reconnect: ${known.fix}`,
    );
    if (!stopping) onFatal?.({ shardId, code: event.code, ...known });
  });
  client.on(Events.ShardError, (error, shardId) => logger.error({ shardId, err: error }, 'gateway error'));
  client.on(Events.ShardReconnecting, (shardId) => {
    if (stopping) return; // our own destroy() closes with 1000 too
    const code = lastClose.get(shardId);
    lastClose.delete(shardId);
    const lost = code === undefined ? undefined : SESSION_LOST[code];
    if (lost) logger.warn({ shardId, code, reason: lost }, 'gateway session lost; logging in again');
    else logger.info({ shardId, code }, 'gateway connection lost; resuming');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardReady, (shardId) => {
    if (everReady.has(shardId)) {
      logger.info({ shardId, guilds: client.guilds.cache.size }, 'gateway logged in again with a fresh session');
      return;
    }
    everReady.add(shardId);
    client.ws.shards.get(shardId)?.on('close', (event: { code: number }) => lastClose.set(shardId, event.code));
  });
  return {
    fatal: () => fatal,
    stopping: () => {
      stopping = true;
    },
  };
}
