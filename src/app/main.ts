/**
 * `npm start` (`node dist/app/main.js`). With DISCORD_TOKEN: the Discord bot. Without it: the
 * console, to try the answers locally. Either way the knowledge must validate first, or nothing starts.
 *   SIGINT/SIGTERM → disconnect cleanly and exit 0;  SIGHUP → reload the knowledge, like /reload.
 *   A gateway close Discord will not take back (4004 bad token, 4010–4014) → exit 1.
 * The console answers the same signals, so a supervisor sees one behaviour in both modes.
 * With HEALTH_PORT (and a token): /healthz, /readyz and /metrics (src/app/health.ts) from the start,
 * so /readyz says 503 while the knowledge loads and the gateway connects.
 */
import { KnowledgeStore, formatErrors } from '../core';
import { loadConfig } from './config';
import { createLogger } from './log';
import { createBot, type Bot } from '../discord/bot';
import { runConsole } from '../console/console';
import { watchKnowledge } from './watch';
import { handleSignals } from './signals';
import { startHealthServer, type HealthServer } from './health';
import { createMetrics } from './metrics';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, [config.discordToken]);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // Process metrics too: a lone bot serves them, a shard's are read by the manager (src/app/sharded.ts).
  const metrics = createMetrics({ processMetrics: true });
  let bot: Bot | undefined;
  let health: HealthServer | undefined;
  if (config.discordToken && config.health) {
    health = await startHealthServer({
      ...config.health,
      logger,
      readiness: () =>
        !bot ? { ready: false, reason: 'knowledge not loaded' } : bot.client.isReady() ? { ready: true } : { ready: false, reason: 'gateway not ready' },
      metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
    });
  }

  const opened = await KnowledgeStore.open(config.knowledgeDir);
  if (!opened.ok) {
    process.stderr.write(`The knowledge in ${config.knowledgeDir} does not validate; not starting:\n`);
    for (const line of formatErrors(opened.errors)) process.stderr.write(`  ${line}\n`);
    return 1;
  }
  const store = opened.store;
  // KNOWLEDGE_WATCH=1: reload on every (debounced) change of the folder, with /reload's guarantees.
  const watcher = config.knowledgeWatch && watchKnowledge(store, { debounceMs: config.knowledgeWatch.debounceMs, logger });
  const reload = async (): Promise<void> => {
    const result = await store.reload();
    if (result.ok) logger.info({ changes: result.changes, by: 'SIGHUP' }, 'knowledge reloaded');
    else logger.warn({ errors: formatErrors(result.errors), by: 'SIGHUP' }, 'knowledge reload failed; the previous knowledge keeps answering');
  };

  if (!config.discordToken) {
    handleSignals(logger, { stop: async () => watcher?.close(), reload });
    await runConsole(store, process.stdin, process.stdout);
    watcher?.close();
    return 0;
  }

  // A fatal gateway close (a bad token, disallowed intents…; already logged with what to fix): stop
  // and exit 1 — exiting 0 would tell a supervisor that all is well, and staying up would do nothing.
  let failing = false;
  const running = createBot({
    config,
    store,
    logger,
    metrics,
    onFatal: () => {
      if (failing) return;
      failing = true;
      watcher?.close();
      void running.stop().finally(() => process.exit(1));
    },
  });
  bot = running;
  const { shutdown } = handleSignals(logger, {
    stop: async () => {
      watcher?.close();
      await running.stop();
      await health?.close();
    },
    reload,
  });

  // A ShardingManager child (npm run start:sharded) whose manager has gone away stops too.
  if (running.client.shard) process.once('disconnect', () => shutdown('SIGTERM'));

  await running.start();
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    // Typically a login failure (a revoked token): one readable line, no stack for the user to parse.
    process.stderr.write(`Attaché could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
