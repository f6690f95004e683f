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
  /** Where the bot counts (default: a registry of its own, without process metrics). */
  metrics?: Metrics;
}

/** How long stop() waits for replies still being written. */
const STOP_GRACE_MS = 5_000;

export function createBot({ config, store, logger, deferAfterMs = DEFER_AFTER_MS, metrics = createMetrics() }: BotOptions): Bot {
  const client = createClient(config);
  const ctx: BotContext = { config, store, logger, cooldown: new Cooldown(config.cooldownSeconds * 1000), longArgs: new LongArgs(), deferAfterMs, metrics };
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
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
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
      const [c] = await Promise.all([ready, client.login(token)]);
      if (config.clientId && c.application.id !== config.clientId) {
        logger.warn({ applicationId: c.application.id, clientId: config.clientId }, 'DISCORD_CLIENT_ID is not the application of DISCORD_TOKEN: commands deployed with it will not reach this bot');
      }
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, releases: store.current().knowledge.releases.size }, 'ready');
    },
    async stop() {
      const settled = Promise.allSettled([...inFlight]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      await client.destroy();
    },
  };
}
