/**
 * Reloading the knowledge on every shard. Under discord.js's ShardingManager (src/app/sharded.ts) each
 * shard is its own process with its own KnowledgeStore, so `/reload` on one shard must reach the
 * others. It does so through discord.js's own IPC: `broadcastEval` runs a function on a shard's
 * Client — but as source text, evaluated inside discord.js, where none of our modules are in scope.
 * So each shard's bot hangs one hook on its Client (`exposeShardReload`) and the evaluated
 * function only calls it: `(c, request) => c.attacheReloadKnowledge(request)`.
 *
 * One shard at a time is asked (not one broadcast to all): a dead or respawning shard then fails
 * alone, and the moderator hears which one, instead of the whole broadcast rejecting.
 */
import path from 'node:path';
import type { Client } from 'discord.js';
import { formatErrors, type KnowledgeChanges, type KnowledgeStore } from '../core';
import type { Logger } from './log';

/** The property each shard's Client carries. The evaluated function below names it literally. */
const HOOK = 'attacheReloadKnowledge';

/** How long a shard may take to reload before the asker gives up on it. */
export const SHARD_RELOAD_TIMEOUT_MS = 30_000;
/** Error lines a shard sends back (all of them are in that shard's log). */
const MAX_ERROR_LINES = 10;

export interface ShardReloadRequest {
  /** The shard ids of the process that asked; it has reloaded already, so it answers 'self'. */
  from: number[];
  /** Makes concurrent requests distinct: discord.js matches an eval's answer by its source text. */
  nonce: string;
}

export type ShardReloadOutcome =
  | { shard: number; status: 'reloaded'; changes: KnowledgeChanges }
  | { shard: number; status: 'failed'; errorCount: number; errors: string[] }
  | { shard: number; status: 'unreachable'; error: string }
  | { shard: number; status: 'self' };

export type HookedClient = Client & { [HOOK]?: (request: ShardReloadRequest) => Promise<ShardReloadOutcome> };

/** This process's shard id (a ShardingManager child runs exactly one). */
export function shardIdOf(client: Client): number {
  return client.shard?.ids[0] ?? 0;
}

/**
 * Lets other shards reload this one. Called by createBot when the process is a ShardingManager
 * child; a no-op otherwise.
 */
export function exposeShardReload(client: Client, store: KnowledgeStore, logger: Logger): void {
  if (!client.shard) return;
  const hook = async (request: ShardReloadRequest): Promise<ShardReloadOutcome> => {
    const shard = shardIdOf(client);
    if (client.shard?.ids.some((id) => request.from.includes(id))) return { shard, status: 'self' };
    const by = request.from.length ? `shard ${request.from.join(',')}` : 'manager';
    const result = await store.reload();
    if (result.ok) {
      logger.info({ shardId: shard, by, changes: result.changes }, 'knowledge reloaded');
      return { shard, status: 'reloaded', changes: result.changes };
    }
    const lines = formatErrors(result.errors);
    logger.warn({ shardId: shard, by, errors: lines }, 'knowledge reload failed; the previous knowledge keeps answering');
    // Paths relative to the knowledge folder, as /reload shows its own errors.
    const relative = lines.map((l) => l.split(`${store.dir}${path.sep}`).join(''));
    return { shard, status: 'failed', errorCount: result.errors.length, errors: relative.slice(0, MAX_ERROR_LINES) };
  };
  Object.defineProperty(client, HOOK, { value: hook, enumerable: false, configurable: true });
}

/** Runs `evalOn` for each shard id with a timeout; a rejection or timeout becomes 'unreachable'. */
export async function askShards(
  ids: readonly number[],
  evalOn: (shard: number) => Promise<ShardReloadOutcome>,
  timeoutMs = SHARD_RELOAD_TIMEOUT_MS,
): Promise<ShardReloadOutcome[]> {
  return Promise.all(
    ids.map(async (shard): Promise<ShardReloadOutcome> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
      try {
        return await Promise.race([evalOn(shard), timeout]);
      } catch (error) {
        return { shard, status: 'unreachable', error: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

export function reloadRequest(from: number[]): ShardReloadRequest {
  return { from, nonce: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}` };
}

/**
 * From a shard: reloads every other shard and returns their outcomes, in shard order; null when
 * this process is not sharded (the local reload was all there is).
 */
export async function reloadOtherShards(client: Client, timeoutMs = SHARD_RELOAD_TIMEOUT_MS): Promise<ShardReloadOutcome[] | null> {
  const util = client.shard;
  if (!util) return null;
  const self = [...util.ids];
  const others = Array.from({ length: util.count }, (_, i) => i).filter((id) => !self.includes(id));
  const request = reloadRequest(self);
  // The evaluated function travels as source text: it may name nothing from this module (not even
  // HOOK), hence the literal property name.
  return askShards(others, (shard) => util.broadcastEval((c, req) => (c as HookedClient).attacheReloadKnowledge!(req), { shard, context: request }), timeoutMs);
}
