/** src/app/config.ts and src/app/log.ts: one clear line per bad variable, never the token — in errors or in logs. */
import { parseConfig } from '../../src/app/config';
import { createLogger, maskTokens } from '../../src/app/log';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/app/paths';

const TOKEN = 'MTQzMDgyNTM0MzI3NDU4NjExMg.ae-LVw.D9LqZ9LePNLrIlSwMtV9ghE4IIgKTjKegUwyBQ';
const APP = '1430825343274586112';

function errorsOf(env: Record<string, string>): string[] {
  const r = parseConfig(env);
  if (r.ok) throw new Error('expected a configuration error');
  return r.errors;
}

describe('parseConfig', () => {
  test('an empty environment is valid: no token means the console; defaults filled in', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        discordToken: undefined,
        clientId: undefined,
        guildId: undefined,
        moderatorRoleIds: [],
        adminGuildIds: [],
        knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
        logLevel: 'info',
        apiUrl: undefined,
        cooldownSeconds: 3,
      },
    });
    expect(Object.isFrozen(r.ok && r.config)).toBe(true);
  });

  test('a full bot environment', () => {
    const r = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP,
      DISCORD_GUILD_ID: '1430825343274586113',
      MODERATOR_ROLE_IDS: ' 112233445566778899, 998877665544332211 ',
      KNOWLEDGE_DIR: '/srv/knowledge',
      LOG_LEVEL: 'debug',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      COOLDOWN_SECONDS: '10',
    });
    expect(r).toMatchObject({
      ok: true,
      config: {
        discordToken: TOKEN,
        moderatorRoleIds: ['112233445566778899', '998877665544332211'],
        knowledgeDir: '/srv/knowledge',
        logLevel: 'debug',
        apiUrl: 'http://127.0.0.1:8080/api',
        cooldownSeconds: 10,
      },
    });
  });

  test('empty values (as .env.example leaves them) mean unset', () => {
    expect(parseConfig({ DISCORD_GUILD_ID: '', MODERATOR_ROLE_IDS: '', ADMIN_GUILD_IDS: ' ', DISCORD_API_URL: ' ', DISCORD_TOKEN: '' })).toMatchObject({
      ok: true,
      config: { guildId: undefined, moderatorRoleIds: [], adminGuildIds: [] },
    });
  });

  test('ADMIN_GUILD_IDS: a trimmed list; absent, it is DISCORD_GUILD_ID alone', () => {
    const guild = '1430825343274586113';
    expect(parseConfig({ ADMIN_GUILD_IDS: ' 1430825343274586114 ,1430825343274586115,', DISCORD_GUILD_ID: guild })).toMatchObject({
      ok: true,
      config: { adminGuildIds: ['1430825343274586114', '1430825343274586115'] },
    });
    expect(parseConfig({ DISCORD_GUILD_ID: guild })).toMatchObject({ ok: true, config: { adminGuildIds: [guild] } });
    expect(parseConfig({ ADMIN_GUILD_IDS: '', DISCORD_GUILD_ID: guild })).toMatchObject({ ok: true, config: { adminGuildIds: [guild] } });
  });

  test.each([
    ['a malformed guild id', { DISCORD_GUILD_ID: 'my-server' }, 'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)'],
    [
      'a role list with a name in it',
      { MODERATOR_ROLE_IDS: '112233445566778899,mods' },
      'MODERATOR_ROLE_IDS must be a comma-separated list of Discord role ids',
    ],
    [
      'a server list with a name in it',
      { ADMIN_GUILD_IDS: '1430825343274586113, my-server' },
      'ADMIN_GUILD_IDS must be a comma-separated list of Discord server ids',
    ],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    ['an API URL without a scheme', { DISCORD_API_URL: 'localhost:8080' }, 'DISCORD_API_URL must be an http(s) URL such as http://127.0.0.1:8080/api'],
    ['a cooldown that is not a number', { COOLDOWN_SECONDS: 'soon' }, 'COOLDOWN_SECONDS must be a number of seconds'],
    ['a token without its application id', { DISCORD_TOKEN: TOKEN }, 'DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set (the application id)'],
  ])('%s → one line naming the variable', (_what, env, line) => {
    expect(errorsOf(env)).toEqual([line]);
  });

  test('a malformed token is named, never echoed', () => {
    const secret = 'not-a-token-but-secret';
    const errors = errorsOf({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: APP });
    expect(errors).toEqual(['DISCORD_TOKEN is not a bot token (three dot-separated parts)']);
    expect(errors.join('\n')).not.toContain(secret);
  });
});

describe('the logger', () => {
  function capture() {
    const lines: string[] = [];
    return { lines, logger: createLogger('info', { write: (l: string) => void lines.push(l) }) };
  }

  test('redacts the token wherever a field may carry it', () => {
    const { lines, logger } = capture();
    logger.info({ token: TOKEN, config: { discordToken: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } }, 'hello');
    expect(lines.join('')).not.toContain(TOKEN);
    expect(JSON.parse(lines[0]!)).toMatchObject({ token: '[redacted]', config: { discordToken: '[redacted]' }, headers: { authorization: '[redacted]' } });
  });

  test('cuts the token out of any line it reaches, however deep or inside a message', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) }, [TOKEN]);
    logger.error({ err: new Error(`login failed for ${TOKEN}`), deep: { a: { b: { c: TOKEN } } } }, `token was ${TOKEN}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'token was [redacted]', deep: { a: { b: { c: '[redacted]' } } } });
  });

  test('cuts interaction tokens out of REST error URLs', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24_secret/callback?with_response=false',
    });
    logger.error({ err: error }, 'failed');
    expect(lines[0]).not.toContain('aW50ZXJhY3Rpb24_secret');
    expect(JSON.parse(lines[0]!).err.url).toBe('https://discord.com/api/v10/interactions/123/[token]/callback?with_response=false');
    expect(maskTokens('/api/v10/webhooks/42/tok/messages/@original')).toBe('/api/v10/webhooks/42/[token]/messages/@original');
  });
});
