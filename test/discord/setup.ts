/**
 * setup(): a local Discord (the simulator), a copy of the shipped knowledge in a temp folder, and
 * the real bot logged into the one with the other — plus helpers to read what Discord received.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeStore } from '../../src/core';
import { parseConfig, type Config, type LogLevel } from '../../src/app/config';
import { createLogger } from '../../src/app/log';
import { createBot, type Bot, type BotOptions } from '../../src/discord/bot';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/app/paths';
import { DiscordSimulator, type RecordedRequest, type StartOptions } from '../simulator';

export const MOD_ROLE = '112233445566778899';

/** The shipped knowledge copied to a temp folder, so tests can edit (and break) it. */
export async function copyKnowledge(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-knowledge-'));
  await fs.cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

export interface Harness {
  sim: DiscordSimulator;
  bot: Bot;
  store: KnowledgeStore;
  config: Config;
  dir: string;
  /** Every log line the bot wrote (JSON). */
  logs: string[];
  teardown(): Promise<void>;
}

/** What some tests change beyond the environment. */
export interface SetupOptions {
  /** e.g. { heartbeatIntervalMs: 400 } for fast zombie detection */
  sim?: StartOptions;
  /** createBot's deferAfterMs (default: the bot's own, 2 s) */
  deferAfterMs?: number;
  /** default 'debug' */
  logLevel?: LogLevel;
  /** Also write every log line to this stream (e.g. to read the log as a process would see it). */
  logStream?: NodeJS.WritableStream;
  /** createBot's onFatal (a gateway close discord.js gives up on) */
  onFatal?: BotOptions['onFatal'];
}

export async function setup(env: Record<string, string> = {}, opts: SetupOptions = {}): Promise<Harness> {
  const sim = await DiscordSimulator.start(opts.sim);
  // In every GUILD_CREATE, so discord.js knows the role a moderator carries (and keeps it across a re-identify).
  sim.createRole('moderators', '0', { id: MOD_ROLE });
  const dir = await copyKnowledge();
  const parsed = parseConfig({
    DISCORD_TOKEN: sim.token,
    DISCORD_CLIENT_ID: sim.applicationId,
    DISCORD_API_URL: sim.apiUrl,
    KNOWLEDGE_DIR: dir,
    MODERATOR_ROLE_IDS: MOD_ROLE,
    // The first guild (the moderator role's) is where /reload is allowed.
    ADMIN_GUILD_IDS: sim.guildId,
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'debug',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const opened = await KnowledgeStore.open(dir);
  if (!opened.ok) throw new Error('the shipped knowledge does not load');
  const logs: string[] = [];
  const logger = createLogger(opts.logLevel ?? 'debug', {
    write: (line: string) => {
      logs.push(line);
      opts.logStream?.write(line);
    },
  });
  const bot = createBot({
    config: parsed.config,
    store: opened.store,
    logger,
    ...(opts.deferAfterMs === undefined ? {} : { deferAfterMs: opts.deferAfterMs }),
    ...(opts.onFatal ? { onFatal: opts.onFatal } : {}),
  });
  await bot.start();
  if (!bot.client.guilds.cache.get(sim.guildId)?.roles.cache.has(MOD_ROLE)) throw new Error('the moderator role never reached the client');
  return {
    sim,
    bot,
    store: opened.store,
    config: parsed.config,
    dir,
    logs,
    async teardown() {
      await bot.stop();
      await sim.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** The message a callback carried (type 4 reply, type 7 update). */
export interface SentMessage {
  content?: string;
  flags?: number;
  embeds?: Array<{
    title?: string;
    description?: string;
    author?: { name: string };
    footer?: { text: string };
    fields?: Array<{ name: string; value: string }>;
  }>;
  components?: Array<{ type: number; components: Array<{ type: number; custom_id: string; label: string; disabled?: boolean }> }>;
  allowed_mentions?: { parse: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

export const EPHEMERAL = 1 << 6;

/** The bot's reply to a user's message (a mention or a DM): the POST that references it. */
export async function replyTo(sim: DiscordSimulator, message: { id: string; channelId: string }): Promise<RecordedRequest> {
  return sim.waitForRequest(
    (r) =>
      r.method === 'POST' &&
      r.path === `/channels/${message.channelId}/messages` &&
      (r.body as SentMessage | null)?.message_reference?.message_id === message.id,
  );
}

/** All the text of a sent message, for "contains" assertions. */
export function textOf(m: SentMessage): string {
  const e = m.embeds ?? [];
  return [m.content ?? '', ...e.flatMap((x) => [x.author?.name, x.title, x.description, ...(x.fields ?? []).flatMap((f) => [f.name, f.value]), x.footer?.text])]
    .filter(Boolean)
    .join('\n');
}

export function buttons(m: SentMessage): Array<{ custom_id: string; label: string; disabled?: boolean }> {
  return (m.components ?? []).flatMap((row) => row.components);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
