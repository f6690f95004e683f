/**
 * `npm run --silent loadtest [-- --count 1000 --seconds 10 --json]`: a burst of traffic through the
 * local Discord simulator (test/simulator, 127.0.0.1 only) into one in-process bot — the real
 * discord.js Client, the real handlers, the shipped knowledge. It sends `count` interactions spread
 * evenly over `seconds` (half /ask with varied questions, then /who-met, /topics and autocomplete),
 * and reports how many were answered, errored or never acknowledged, with p50/p99 latency from
 * dispatch (the simulator writing INTERACTION_CREATE to the gateway) to the callback reaching it.
 * A command the bot defers (type 5, when it runs long) counts as answered once its edit arrives;
 * its latency is still to the callback, the moment Discord stops waiting.
 *
 * The per-user cooldown (COOLDOWN_SECONDS, 3 s by default, kept as in production) would throttle a
 * single user, so the interactions come from many simulated users, each acting at most once per
 * cooldown + 1 s; a cooldown reply would be counted as "throttled", not as answered.
 *
 * A readable table by default; `--json` prints one JSON object on stdout. Progress goes to stderr.
 */
import { DiscordSimulator, type RecordedRequest, type SimOption, type SimUser } from '../test/simulator';
import { KnowledgeStore, type Knowledge } from '../src/core';
import { parseConfig } from '../src/app/config';
import { createLogger } from '../src/app/log';
import { createBot } from '../src/discord/bot';
import { BOT_STRINGS } from '../src/discord/strings';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/app/paths';
import { partialsFor, questionsFor } from '../src/bench/questions';
import { mulberry32, pick, type Random } from '../src/bench/random';

export type Kind = 'ask' | 'who-met' | 'topics' | 'autocomplete';
const KINDS: readonly Kind[] = ['ask', 'who-met', 'topics', 'autocomplete'];
/** Shares of the mix, in KINDS order. */
const MIX: Readonly<Record<Kind, number>> = { ask: 0.5, 'who-met': 0.15, topics: 0.15, autocomplete: 0.2 };
const SEED = 20240228;

export interface LoadOptions {
  count: number;
  seconds: number;
  /** Simulated users; default enough that none acts twice within cooldown + 1 s. */
  users?: number;
  /** The bot's COOLDOWN_SECONDS (default 3, as in production). */
  cooldownSeconds?: number;
  /** Interactions sent (and answered) before the clock starts, not counted (default 20): the first
   *  ones load modules lazily (discord.js structures, TypeScript through tsx) and warm the JIT. */
  warmup?: number;
  /** After the last dispatch, how long to wait for stragglers (default 5 s: Discord's 3-s deadline and more). */
  graceMs?: number;
  knowledgeDir?: string;
  progress?: (line: string) => void;
}

export interface Latency {
  p50: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

export interface KindReport {
  sent: number;
  answered: number;
  /** Of the answered: acknowledged first with a deferral (type 5), the answer edited in later. */
  deferred: number;
  throttled: number;
  errored: number;
  timedOut: number;
  latencyMs: Latency;
}

export interface LoadReport extends KindReport {
  count: number;
  seconds: number;
  users: number;
  cooldownSeconds: number;
  warmup: number;
  /** From the first dispatch to the last callback (or the end of the grace period). */
  wallSeconds: number;
  byKind: Record<Kind, KindReport>;
  /** Interactions whose callback the simulator refused and never accepted, by HTTP status (404: too late, 10062). */
  rejectedCallbacks: Record<string, number>;
}

interface Planned {
  kind: Kind;
  name: string;
  options: SimOption[];
  locale: string;
}

interface Flight {
  kind: Kind;
  sentAt: number;
  outcome?: 'answered' | 'throttled' | 'errored';
  /** dispatch → the accepted callback (for a deferral too: that is when Discord stops waiting) */
  latency?: number;
  /** acknowledged with type 5; the outcome comes with the edit of @original */
  deferred?: boolean;
  rejected?: string;
}

/** The workload, from the knowledge with a seeded PRNG: same seed, same traffic. */
export function plan(knowledge: Knowledge, count: number, seed = SEED): Planned[] {
  const random: Random = mulberry32(seed);
  const questions = questionsFor(knowledge, seed, Math.max(1, count));
  const partials = partialsFor(knowledge, seed, Math.max(1, count));
  const people = [...knowledge.meetings.values()].flatMap((m) => m.with.flatMap((id) => knowledge.entities.get(id)?.name ?? []));
  const names = people.length ? people.flatMap((n) => [n, n.split(/\s+/).pop() ?? n]) : [''];
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    let acc = 0;
    const kind = KINDS.find((k) => (acc += MIX[k]) > r) ?? 'ask';
    const locale = random() < 0.1 ? 'ru' : 'en-US';
    switch (kind) {
      case 'ask':
        out.push({ kind, name: 'ask', locale, options: [{ name: 'question', type: 3, value: questions[i % questions.length]!.text }] });
        break;
      case 'who-met':
      case 'topics': {
        const option = kind === 'who-met' ? 'person' : 'counterpart';
        out.push({ kind, name: kind, locale, options: random() < 0.3 ? [] : [{ name: option, type: 3, value: pick(random, names) }] });
        break;
      }
      case 'autocomplete': {
        const command = random() < 0.5 ? 'who-met' : 'topics';
        out.push({
          kind,
          name: command,
          locale,
          options: [{ name: command === 'who-met' ? 'person' : 'counterpart', type: 3, value: partials[i % partials.length]! }],
        });
        break;
      }
    }
  }
  return out;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarize(flights: readonly Flight[]): KindReport {
  const latencies = flights.flatMap((f) => (f.latency === undefined ? [] : [f.latency])).sort((a, b) => a - b);
  const mean = latencies.length ? Math.round((latencies.reduce((a, b) => a + b, 0) / latencies.length) * 10) / 10 : null;
  return {
    sent: flights.length,
    answered: flights.filter((f) => f.outcome === 'answered').length,
    deferred: flights.filter((f) => f.outcome === 'answered' && f.deferred).length,
    throttled: flights.filter((f) => f.outcome === 'throttled').length,
    errored: flights.filter((f) => f.outcome === 'errored').length,
    timedOut: flights.filter((f) => f.outcome === undefined).length,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? null, mean },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
const EDIT_ORIGINAL = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/;
const APOLOGIES = new Set([BOT_STRINGS.en.error, BOT_STRINGS.ru.error]);
const COOLDOWN_PREFIXES = [BOT_STRINGS.en.cooldown(0).split('0')[0]!, BOT_STRINGS.ru.cooldown(0).split('0')[0]!];

/** The outcome a message (a callback's data, or the edit of a deferred reply) stands for. */
function classify(message: unknown): 'answered' | 'throttled' | 'errored' {
  const content = (message as { content?: unknown } | null)?.content;
  if (typeof content === 'string') {
    if (APOLOGIES.has(content)) return 'errored';
    if (COOLDOWN_PREFIXES.some((p) => content.startsWith(p))) return 'throttled';
  }
  return 'answered';
}

export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const { count, seconds } = options;
  const progress = options.progress ?? (() => {});
  const cooldownSeconds = options.cooldownSeconds ?? 3;
  const rate = count / seconds;
  const users = Math.min(count, options.users ?? Math.max(1, Math.ceil(rate * (cooldownSeconds + 1))));
  const graceMs = options.graceMs ?? 5000;
  const warmup = options.warmup ?? 20;

  const sim = await DiscordSimulator.start();
  const opened = await KnowledgeStore.open(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  if (!opened.ok) {
    await sim.stop();
    throw new Error('the knowledge does not validate (npm run --silent cli -- check)');
  }
  const parsed = parseConfig({
    DISCORD_TOKEN: sim.token,
    DISCORD_CLIENT_ID: sim.applicationId,
    DISCORD_API_URL: sim.apiUrl,
    COOLDOWN_SECONDS: String(cooldownSeconds),
    LOG_LEVEL: 'error',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // Errors only, on stderr: a load run should not drown its own progress lines.
  const bot = createBot({ config: parsed.config, store: opened.store, logger: createLogger('error') });
  try {
    await bot.start();
    const knowledge = opened.store.current().knowledge;
    const traffic = plan(knowledge, count);
    const people: SimUser[] = Array.from({ length: users }, (_, i) => sim.newUser(`load${i}`));

    // Warm-up, by other users (so no measured user starts inside a cooldown), each answered before the next.
    for (const [i, p] of plan(knowledge, warmup, SEED + 1).entries()) {
      const ctx = { user: sim.newUser(`warmup${i}`), locale: p.locale };
      const { id } = p.kind === 'autocomplete' ? sim.autocomplete(p.name, p.options, ctx) : sim.slash(p.name, p.options, ctx);
      await sim.waitForCallback(id, 10_000);
    }
    const measuredFrom = sim.requests.length;
    const flights = new Map<string, Flight>();
    const byToken = new Map<string, Flight>();
    const all: Flight[] = [];
    const rejected: Record<string, number> = {};

    // Read the simulator's request log incrementally (waiting on 1,000 promises would rescan it per request).
    let cursor = measuredFrom;
    let lastCallbackAt = 0;
    const collect = (): void => {
      const log: RecordedRequest[] = sim.requests;
      while (cursor < log.length && log[cursor]!.status !== undefined) {
        const rec = log[cursor++]!;
        const edit = rec.method === 'PATCH' ? EDIT_ORIGINAL.exec(rec.path) : null;
        if (edit) {
          const flight = byToken.get(edit[1]!);
          if (flight?.deferred && !flight.outcome && rec.status! < 300) {
            flight.outcome = classify(rec.body);
            lastCallbackAt = Math.max(lastCallbackAt, rec.at);
          }
          continue;
        }
        const m = rec.method === 'POST' ? CALLBACK.exec(rec.path) : null;
        const flight = m ? flights.get(m[1]!) : undefined;
        if (!flight || flight.outcome || flight.latency !== undefined) continue;
        if (rec.status! < 300) {
          const body = rec.body as { type?: number; data?: unknown } | null;
          flight.latency = rec.at - flight.sentAt;
          lastCallbackAt = Math.max(lastCallbackAt, rec.at);
          if (body?.type === 5) flight.deferred = true;
          else flight.outcome = classify(body?.data);
        } else {
          flight.rejected = `HTTP ${rec.status}`;
        }
      }
    };

    const interval = (seconds * 1000) / count;
    const start = Date.now() + 20;
    let sent = 0;
    let nextReport = start + 1000;
    while (sent < count) {
      const now = Date.now();
      while (sent < count && start + sent * interval <= now) {
        const p = traffic[sent]!;
        const ctx = { user: people[sent % users]!, locale: p.locale };
        const sentAt = Date.now();
        const { id, token } = p.kind === 'autocomplete' ? sim.autocomplete(p.name, p.options, ctx) : sim.slash(p.name, p.options, ctx);
        const flight: Flight = { kind: p.kind, sentAt };
        flights.set(id, flight);
        byToken.set(token, flight);
        all.push(flight);
        sent++;
      }
      collect();
      if (now >= nextReport) {
        nextReport += 1000;
        const done = all.filter((f) => f.outcome).length;
        progress(`[${((now - start) / 1000).toFixed(0)} s] sent ${sent}/${count} · answered ${done} · in flight ${sent - done}`);
      }
      const wait = start + sent * interval - Date.now();
      await sleep(Math.max(0, Math.min(wait, 5)));
    }
    const lastSent = Date.now();
    while (all.some((f) => !f.outcome) && Date.now() - lastSent < graceMs) {
      await sleep(5);
      collect();
    }
    collect();
    // A refused callback that was never followed by an accepted one (the bot retries with an apology).
    for (const f of all) {
      if (!f.outcome && f.rejected) {
        f.outcome = 'errored';
        rejected[f.rejected] = (rejected[f.rejected] ?? 0) + 1;
      }
    }
    const end = Math.max(lastCallbackAt, all.some((f) => !f.outcome) ? Date.now() : 0);
    progress(`done: ${all.filter((f) => f.outcome === 'answered').length}/${count} answered`);

    const byKind = Object.fromEntries(KINDS.map((k) => [k, summarize(all.filter((f) => f.kind === k))])) as Record<Kind, KindReport>;
    return {
      count,
      seconds,
      users,
      cooldownSeconds,
      warmup,
      ...summarize(all),
      wallSeconds: Math.round((end - start) / 100) / 10,
      byKind,
      rejectedCallbacks: rejected,
    };
  } finally {
    await bot.stop();
    await sim.stop();
  }
}

const LABEL: Record<Kind, string> = { ask: '/ask', 'who-met': '/who-met', topics: '/topics', autocomplete: 'autocomplete' };

export function table(r: LoadReport): string {
  const ms = (v: number | null): string => (v === null ? '-' : String(v));
  const head = ['', 'sent', 'answered', '(deferred)', 'throttled', 'errored', 'timed out', 'p50 ms', 'p99 ms', 'max ms'];
  const row = (label: string, k: KindReport): string[] => [
    label,
    ...[k.sent, k.answered, k.deferred, k.throttled, k.errored, k.timedOut].map(String),
    ms(k.latencyMs.p50),
    ms(k.latencyMs.p99),
    ms(k.latencyMs.max),
  ];
  const rows = [head, ...KINDS.map((k) => row(LABEL[k], r.byKind[k])), row('all', r)];
  const widths = head.map((_, i) => Math.max(...rows.map((cells) => cells[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rejected = Object.entries(r.rejectedCallbacks);
  return [
    `Load test: ${r.count} interactions over ${r.seconds} s (${Math.round(r.count / r.seconds)}/s), local simulator on 127.0.0.1, one in-process bot`,
    `from ${r.users} simulated users (COOLDOWN_SECONDS=${r.cooldownSeconds} allows one command per user per window), after ${r.warmup} warm-up interactions (not counted)`,
    'latency = from the simulator dispatching INTERACTION_CREATE to the callback reaching it (simulator and bot share one process)',
    '',
    fmt(rows[0]!),
    ...rows.slice(1, -1).map(fmt),
    fmt(rows.at(-1)!),
    '',
    `wall time ${r.wallSeconds} s${rejected.length ? ` · callbacks refused: ${rejected.map(([code, n]) => `${n}× ${code}`).join(', ')}` : ''}`,
  ].join('\n');
}

export function parseArgs(argv: readonly string[]): ({ json: boolean } & LoadOptions) | { error: string } {
  const out: { json: boolean } & LoadOptions = { json: false, count: 1000, seconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') {
      out.json = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    const n = Number(value);
    const positive = value !== undefined && /^\d+(\.\d+)?$/.test(value) && n > 0;
    switch (flag) {
      case '--count':
        if (!positive || !Number.isInteger(n)) return { error: '--count takes a whole number of interactions' };
        out.count = n;
        break;
      case '--seconds':
        if (!positive) return { error: '--seconds takes a positive number of seconds' };
        out.seconds = n;
        break;
      case '--users':
        if (!positive || !Number.isInteger(n)) return { error: '--users takes a whole number of users' };
        out.users = n;
        break;
      case '--warmup':
        if (value === undefined || !/^\d+$/.test(value)) return { error: '--warmup takes a whole number of interactions' };
        out.warmup = n;
        break;
      case '--cooldown':
        if (value === undefined || !/^\d+$/.test(value)) return { error: '--cooldown takes a whole number of seconds' };
        out.cooldownSeconds = n;
        break;
      default:
        return { error: `unknown option ${arg} (expected --count N, --seconds S, --users N, --cooldown S, --warmup N, --json)` };
    }
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`loadtest: ${args.error}\n`);
    return 2;
  }
  const { json, ...options } = args;
  const report = await runLoadTest({ ...options, progress: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : `${table(report)}\n`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`loadtest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
