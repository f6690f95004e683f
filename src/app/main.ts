/**
 * `npm start` (`node dist/app/main.js`). With DISCORD_TOKEN: the Discord bot. Without it: the
 * console, to try the answers locally. Either way the knowledge must validate first, or nothing starts.
 *   SIGINT/SIGTERM → disconnect cleanly and exit 0;  SIGHUP → reload the knowledge, like /reload.
 * The console answers the same signals, so a supervisor sees one behaviour in both modes.
 */
import { KnowledgeStore, formatErrors } from '../core';
import { loadConfig } from './config';
import { createLogger } from './log';
import { createBot } from '../discord/bot';
import { runConsole } from '../console/console';
import { watchKnowledge } from './watch';
import { handleSignals } from './signals';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, [config.discordToken]);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

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

  const bot = createBot({ config, store, logger });
  const { shutdown } = handleSignals(logger, {
    stop: () => {
      watcher?.close();
      return bot.stop();
    },
    reload,
  });

  // A ShardingManager child (npm run start:sharded) whose manager has gone away stops too.
  if (bot.client.shard) process.once('disconnect', () => shutdown('SIGTERM'));

  await bot.start();
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
