/**
 * Process signals, the same for the bot and the shard manager:
 * SIGINT/SIGTERM stop cleanly (once) and exit 0; SIGHUP reloads the knowledge.
 */
import type { Logger } from 'pino';

/** Returns `shutdown`, for other reasons to stop (a shard whose manager went away). */
export function handleSignals(
  logger: Logger,
  actions: { stop: () => Promise<unknown>; reload: () => Promise<void> },
): { shutdown: (signal: NodeJS.Signals) => void } {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    actions.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', () => {
    actions.reload().catch((error: unknown) => logger.error({ err: error }, 'knowledge reload crashed'));
  });
  return { shutdown };
}
