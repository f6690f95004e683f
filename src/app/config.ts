/**
 * The only reader of process.env (paths.ts only resolves the folder we hand it). The environment is
 * validated once with a zod schema into a frozen, typed object; a bad variable stops start-up with
 * one line per variable that names it — and never echoes its value, since one of them is the token.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { knowledgeDir } from './paths';

/** A comma-separated list of Discord ids (roles, servers); absent or empty is an empty list. */
const idList = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{17,20}$/, `must be a comma-separated list of Discord ${what} ids`)));

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const schema = z
  .object({
    // Three base64url parts separated by dots, like every Discord bot token.
    DISCORD_TOKEN: z
      .string()
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'is not a bot token (three dot-separated parts)')
      .optional(),
    DISCORD_CLIENT_ID: snowflake.optional(),
    DISCORD_GUILD_ID: snowflake.optional(),
    MODERATOR_ROLE_IDS: idList('role'),
    // Absent: DISCORD_GUILD_ID alone (see parseConfig). Empty after trimming is absent too.
    ADMIN_GUILD_IDS: idList('server'),
    KNOWLEDGE_DIR: z.string().optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent')
      .default('info'),
    DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional(),
    COOLDOWN_SECONDS: z.coerce.number('must be a number of seconds').int('must be a whole number of seconds').min(0).max(3600).default(3),
    // Off unless asked for: reloading on every save suits a moderator editing on the server, not every deployment.
    KNOWLEDGE_WATCH: z
      .string()
      .transform((v) => v.trim().toLowerCase())
      .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], 'must be 1 or 0 (true/false, yes/no, on/off)'))
      .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))
      .default(false),
    KNOWLEDGE_WATCH_DEBOUNCE_MS: z.coerce
      .number('must be a number of milliseconds')
      .int('must be a whole number of milliseconds')
      .min(10)
      .max(60_000)
      .default(500),
    // Health and metrics (src/app/health.ts): off unless a port is given; 0 picks a free port (logged).
    HEALTH_PORT: z.coerce
      .number('must be a TCP port number')
      .int('must be a TCP port number')
      .min(0, 'must be a TCP port number (0 to 65535)')
      .max(65_535, 'must be a TCP port number (0 to 65535)')
      .optional(),
    HEALTH_HOST: z.union([z.ipv4(), z.ipv6(), z.hostname()], 'must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0').optional(),
  })
  .superRefine((env, ctx) => {
    // The bot itself learns its application id from READY, but deploying needs it, and a mismatch
    // with the token means commands were registered to another application (checked at ready).
    if (env.DISCORD_TOKEN && !env.DISCORD_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_CLIENT_ID'], message: 'is required when DISCORD_TOKEN is set (the application id)' });
    }
    if (env.HEALTH_HOST !== undefined && env.HEALTH_PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['HEALTH_HOST'], message: 'is set but HEALTH_PORT is not (the health server is off without a port)' });
    }
  });

export type LogLevel = z.infer<typeof schema>['LOG_LEVEL'];

export interface Config {
  /** Absent → `npm start` opens the console instead of connecting to Discord. */
  readonly discordToken: string | undefined;
  readonly clientId: string | undefined;
  readonly guildId: string | undefined;
  readonly moderatorRoleIds: readonly string[];
  /**
   * The servers whose moderators (Manage Server or a MODERATOR_ROLE_IDS role) may /reload the
   * knowledge every server shares: ADMIN_GUILD_IDS, else DISCORD_GUILD_ID, else none (then only the
   * application's owner or team can).
   */
  readonly adminGuildIds: readonly string[];
  readonly knowledgeDir: string;
  readonly logLevel: LogLevel;
  /** REST base for discord.js's `rest.api` (a proxy or the local simulator). */
  readonly apiUrl: string | undefined;
  readonly cooldownSeconds: number;
  /** KNOWLEDGE_WATCH=1: reload when knowledge/ changes, after this quiet period. Absent when off. */
  readonly knowledgeWatch: { readonly debounceMs: number } | undefined;
  /** HEALTH_PORT (+ HEALTH_HOST, default 127.0.0.1): /healthz, /readyz, /metrics. Absent when off. */
  readonly health: { readonly port: number; readonly host: string } | undefined;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Pure: validates an environment (process.env or a test's object). */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // `.env.example` leaves optional variables empty ("DISCORD_GUILD_ID="): empty means unset.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      discordToken: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      moderatorRoleIds: Object.freeze(e.MODERATOR_ROLE_IDS),
      adminGuildIds: Object.freeze(e.ADMIN_GUILD_IDS.length ? e.ADMIN_GUILD_IDS : e.DISCORD_GUILD_ID ? [e.DISCORD_GUILD_ID] : []),
      knowledgeDir: knowledgeDir(e.KNOWLEDGE_DIR),
      logLevel: e.LOG_LEVEL,
      apiUrl: e.DISCORD_API_URL,
      cooldownSeconds: e.COOLDOWN_SECONDS,
      knowledgeWatch: e.KNOWLEDGE_WATCH ? Object.freeze({ debounceMs: e.KNOWLEDGE_WATCH_DEBOUNCE_MS }) : undefined,
      health: e.HEALTH_PORT === undefined ? undefined : Object.freeze({ port: e.HEALTH_PORT, host: e.HEALTH_HOST ?? '127.0.0.1' }),
    }),
  };
}

let loaded: Config | undefined;

/**
 * The process's configuration: .env + process.env, parsed on first call and the same frozen object
 * afterwards. A function rather than a module-level constant so that importing this file (tests,
 * `deploy-commands --dry-run`) never reads the environment or exits.
 */
export function loadConfig(): Config {
  if (loaded) return loaded;
  loadDotenv({ quiet: true }); // dotenv 18 prints a banner unless quiet
  const result = parseConfig(process.env);
  if (!result.ok) {
    for (const line of result.errors) process.stderr.write(`Configuration error: ${line} (see .env.example)\n`);
    process.exit(1);
  }
  loaded = result.config;
  return loaded;
}
