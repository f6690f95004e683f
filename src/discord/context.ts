/** What every handler gets: the configuration, the knowledge, the logger and the per-process tables. */
import type { KnowledgeStore } from '../core';
import type { Config } from '../app/config';
import type { Logger } from '../app/log';
import type { Metrics } from '../app/metrics';
import type { Cooldown } from './cooldown';
import type { ApplicationOwners } from './owners';
import type { LongArgs } from './paging';

export interface BotContext {
  config: Config;
  store: KnowledgeStore;
  logger: Logger;
  cooldown: Cooldown;
  /** Arguments of page buttons too long for a custom_id. */
  longArgs: LongArgs;
  /** A command still running after this many ms is deferred (Discord's deadline is 3 s); Infinity: never. */
  deferAfterMs: number;
  /** The application's owner or team: they may /reload from anywhere. */
  owners: ApplicationOwners;
  /** Counts each interaction's outcome and latency (src/app/metrics.ts). */
  metrics: Metrics;
}
