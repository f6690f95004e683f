/**
 * Prometheus metrics (prom-client), one Registry per bot (not prom-client's global one, so tests can
 * run several bots in one process). The Discord adapter counts into it through the few calls below;
 * the core knows nothing of it. Served by ./health.ts on HEALTH_PORT.
 *
 *   attache_interactions_total{command,status}   commands, page buttons ("button"), mentions/DMs ("mention"); status answered |
 *                                                not_found | refused (cooldown, permission, too long) | error
 *   attache_answer_duration_seconds{command}     from the interaction's arrival to its reply
 *   attache_reloads_total{outcome}               reload requests (/reload, SIGHUP, the watcher, another shard): ok | failed
 *   attache_knowledge_releases{shard}, attache_knowledge_facts{shard}   what the current knowledge holds
 *   attache_gateway_ping_seconds{shard}, attache_gateway_ready{shard}   the gateway connection
 *   plus prom-client's default process metrics (CPU, memory, event loop lag, GC) when asked for.
 *
 * Under the shard manager each shard's registry is read through discord.js's IPC (`exposeShardMetrics`
 * below, the way ./shard.ts exposes reloads) and merged with prom-client's AggregatorRegistry:
 * counters and histograms add up over the shards; the per-shard gauges keep their `shard` label.
 */
import type { Client } from 'discord.js';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type MetricObjectWithValues, type MetricValue } from 'prom-client';

export type InteractionStatus = 'answered' | 'not_found' | 'refused' | 'error';
export type ReloadOutcome = 'ok' | 'failed';
/** One registry's metrics as `getMetricsAsJSON()` gives them: what travels between processes. */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** What the gauges read at each scrape. */
export interface MetricSources {
  shard: number;
  /** Gateway heartbeat round trip in ms; negative while unknown. */
  pingMs(): number;
  ready(): boolean;
  knowledge(): { releases: number; facts: number };
}

export interface Metrics {
  readonly registry: Registry;
  interaction(command: string, status: InteractionStatus, seconds: number): void;
  reload(outcome: ReloadOutcome): void;
  /** Points the gauges at a bot (createBot does this). */
  observe(sources: MetricSources): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/** `processMetrics`: also prom-client's default metrics for this process (the bot's main.ts asks for them). */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  let sources: MetricSources | undefined;
  const shardLabel = (): { shard: string } => ({ shard: String(sources?.shard ?? 0) });

  const interactions = new Counter({
    name: 'attache_interactions_total',
    help: 'Interactions handled (slash commands, page buttons as "button", mentions and DMs as "mention"), by command and outcome.',
    labelNames: ['command', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'attache_answer_duration_seconds',
    help: 'Time from an interaction reaching the bot to its handler finishing (the reply sent).',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'attache_reloads_total',
    help: 'Knowledge reload requests by outcome (ok: swapped in; failed: did not validate, the previous knowledge kept answering).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  // Per-shard gauges: the aggregate keeps one series per shard instead of adding them up.
  const perShard = (name: string, help: string, read: (s: MetricSources) => number | undefined): Gauge<'shard'> =>
    new Gauge({
      name,
      help,
      labelNames: ['shard'],
      registers: [registry],
      collect() {
        this.reset();
        const value = sources && read(sources);
        if (value !== undefined) this.set(shardLabel(), value);
      },
    });
  perShard('attache_knowledge_releases', 'Releases in the knowledge currently answering.', (s) => s.knowledge().releases);
  perShard('attache_knowledge_facts', 'Curated facts in the knowledge currently answering.', (s) => s.knowledge().facts);
  perShard('attache_gateway_ping_seconds', 'Gateway heartbeat round trip (absent until the first heartbeat).', (s) => {
    const ms = s.pingMs();
    return ms >= 0 ? ms / 1000 : undefined;
  });
  perShard('attache_gateway_ready', '1 while the gateway connection is ready, else 0.', (s) => (s.ready() ? 1 : 0));

  return {
    registry,
    interaction(command, status, seconds) {
      interactions.inc({ command, status });
      latency.observe({ command }, seconds);
    },
    reload(outcome) {
      reloads.inc({ outcome });
    },
    observe(next) {
      sources = next;
    },
  };
}

/**
 * Counts every reload the store runs, whoever asked (/reload, SIGHUP, the watcher, another shard):
 * the store's reload() is wrapped once. Concurrent calls share one reload (KnowledgeStore coalesces
 * them) and so one result object: each result is counted once.
 */
export function countReloads(store: { reload(): Promise<{ ok: boolean }> }, metrics: Metrics): void {
  if (counted.has(store)) return;
  counted.add(store);
  const seen = new WeakSet<object>();
  const reload = store.reload.bind(store);
  store.reload = () => {
    const result = reload();
    result.then(
      (r) => {
        if (seen.has(r)) return;
        seen.add(r);
        metrics.reload(r.ok ? 'ok' : 'failed');
      },
      () => metrics.reload('failed'),
    );
    return result;
  };
}
const counted = new WeakSet<object>();

/** Merges registries' JSON (one per shard, plus the manager's own) into one registry to serve. */
export function aggregateMetrics(parts: readonly MetricsJson[]): Registry {
  return AggregatorRegistry.aggregate(parts as MetricsJson[]);
}

/** The shard manager's own metrics: respawns, and whether each shard answered the last scrape. */
export interface ManagerMetrics {
  readonly registry: Registry;
  respawn(shard: number): void;
  scraped(shard: number, ok: boolean): void;
}

export function createManagerMetrics(): ManagerMetrics {
  const registry = new Registry();
  const respawns = new Counter({
    name: 'attache_shard_respawns_total',
    help: 'Shard processes the manager respawned after they exited.',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  const up = new Gauge({
    name: 'attache_shard_up',
    help: '1 when the shard answered the manager for this scrape, else 0.',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  return {
    registry,
    respawn: (shard) => respawns.inc({ shard: String(shard) }),
    scraped: (shard, ok) => up.set({ shard: String(shard) }, ok ? 1 : 0),
  };
}

/** The property each shard's Client carries; the evaluated function in ./sharded.ts names it literally. */
const HOOK = 'attacheMetrics';
export type MetricsHookedClient = Client & { [HOOK]?: () => Promise<MetricsJson> };

/** Lets the shard manager read this shard's registry (a no-op outside a ShardingManager child). */
export function exposeShardMetrics(client: Client, metrics: Metrics): void {
  if (!client.shard) return;
  Object.defineProperty(client, HOOK, { value: () => metrics.registry.getMetricsAsJSON(), enumerable: false, configurable: true });
}
