/**
 * Secrets (issue 5, item 7). A whole session — a login, a failed login with another token, answers,
 * errors of every kind (a crashing handler, 500s through every retry, 429, 10062), a good and a
 * broken reload, a dropped connection (RESUME carries the token) and an invalid session (IDENTIFY
 * again) — logged at the most verbose level into a stream, with stdout and stderr watched too. The
 * bot token is in no log line and in no request body, and goes only where it must (the Authorization
 * header of bot routes, IDENTIFY and RESUME); interaction tokens (15 minutes of webhook access each)
 * stay out of the logs too. And `.env` is git-ignored while `.env.example` holds placeholders only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { PermissionFlagsBits } from 'discord.js';
import { createLogger } from '../../src/app/log';
import { createBot } from '../../src/discord/bot';
import { askCommand } from '../../src/discord/commands/ask';
import { BOT_STRINGS } from '../../src/discord/strings';
import { MOD_ROLE, replyTo, setup, sleep, type Harness, type SentMessage } from '../discord/setup';

const ROOT = path.resolve(__dirname, '../..');
const GENEVA_YAML = 'releases/2024-02-28-geneva.yaml';
const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);

let h: Harness;
/** The log as the process writes it: pino → a stream. */
const stream = new PassThrough();
let logText = '';
stream.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
/** Anything else written to stdout or stderr while the session runs. */
let consoleText = '';
const interactionTokens: string[] = [];
/** Another bot's token, for a login that must fail. */
const wrongToken = `${Buffer.from('123456789012345678').toString('base64url')}.AbCdEf.${'x'.repeat(27)}Q`;

beforeAll(async () => {
  for (const s of [process.stdout, process.stderr]) {
    const write = s.write.bind(s);
    jest.spyOn(s, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      consoleText += String(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof s.write);
  }
  h = await setup({}, { logLevel: 'trace', logStream: stream, sim: { heartbeatIntervalMs: 400 } });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await h?.teardown();
});

function slash(name: string, options: Parameters<Harness['sim']['slash']>[1] = [], ctx: Parameters<Harness['sim']['slash']>[2] = {}) {
  const s = h.sim.slash(name, options, ctx);
  interactionTokens.push(s.token);
  return s;
}

const waitForLog = async (msg: string): Promise<void> => {
  const end = Date.now() + 10_000;
  while (!h.logs.some((l) => (JSON.parse(l) as { msg: string }).msg === msg)) {
    if (Date.now() > end) throw new Error(`no "${msg}" in the log`);
    await sleep(10);
  }
};

test('a session with logins, answers, errors, reloads and reconnections', async () => {
  // Another login, with a token the simulator does not know: refused (401), and the error never holds it.
  const lines: string[] = [];
  const wrongLogger = createLogger('trace', { write: (l: string) => void lines.push(l) });
  const intruder = createBot({ config: { ...h.config, discordToken: wrongToken }, store: h.store, logger: wrongLogger });
  const failure = await intruder.start().then(
    () => undefined,
    (e: unknown) => e,
  );
  await intruder.stop();
  expect(failure).toBeInstanceOf(Error);
  wrongLogger.error({ err: failure }, 'login failed'); // what a caller logging the failure would write
  expect(`${String(failure)} ${(failure as Error).stack} ${JSON.stringify(failure)} ${lines.join('')}`).not.toContain(wrongToken);

  // Answers: a command, autocomplete, a page button, a mention, a DM.
  const ask = slash('ask', [{ name: 'question', type: 3, value: 'Who did the minister meet from WHO?' }]);
  expect((await h.sim.waitForCallback(ask.id)).type).toBe(4);
  const list = slash('who-met');
  const page = (await h.sim.waitForCallback(list.id)).data as SentMessage;
  const next = page.components![0]!.components.find((b) => !b.disabled && b.label === BOT_STRINGS.en.next)!;
  const click = h.sim.button(next.custom_id, page);
  interactionTokens.push(click.token);
  expect((await h.sim.waitForCallback(click.id)).type).toBe(7);
  const ac = h.sim.autocomplete('topics', [{ name: 'counterpart', type: 3, value: 'gut' }]);
  interactionTokens.push(ac.token);
  expect((await h.sim.waitForCallback(ac.id)).type).toBe(8);
  await replyTo(h.sim, h.sim.message('who met WHO?', { mentionsBot: true }));
  await replyTo(h.sim, h.sim.message('who met WHO?', { dm: true }));

  // Errors: a handler that crashes, a callback that fails through every retry, a 429, a stale interaction.
  jest.spyOn(askCommand, 'execute').mockRejectedValueOnce(Object.assign(new Error('handler crashed'), { detail: { command: 'ask' } }));
  const crash = slash('ask', [{ name: 'question', type: 3, value: 'crash' }]);
  expect((await h.sim.waitForCallback(crash.id)).data.content).toBe(BOT_STRINGS.en.error);
  const fivehundred = slash('help');
  h.sim.failNext({ method: 'POST', pathIncludes: `/interactions/${fivehundred.id}/` }, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 4);
  expect((await h.sim.waitForCallback(fivehundred.id)).data.content).toBe(BOT_STRINGS.en.error);
  const limited = slash('help');
  h.sim.failNext(
    { method: 'POST', pathIncludes: `/interactions/${limited.id}/` },
    { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.1, global: false } },
  );
  await h.sim.waitForCallback(limited.id);
  const stale = slash('help');
  h.sim.failNext({ method: 'POST', pathIncludes: `/interactions/${stale.id}/` }, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
  await waitForLog('interaction expired before it was answered');

  // Reloads: a good one, then a broken folder (its errors are logged), by a moderator each.
  const good = slash('reload', [], { permissions: MANAGE_GUILD });
  await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(good.token));
  const file = path.join(h.dir, GENEVA_YAML);
  await fsp.writeFile(file, (await fsp.readFile(file, 'utf8')).replace('quote: UN Secretary-General António Guterres\n', 'quote: not in the release\n'));
  const broken = slash('reload', [], { roles: [MOD_ROLE], permissions: '0', user: h.sim.newUser('mod') });
  await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(broken.token));
  const refused = slash('reload', [], { permissions: '0', user: h.sim.newUser('mallory') });
  await h.sim.waitForCallback(refused.id);

  // The gateway: dropped (RESUME sends the token again), then invalidated (IDENTIFY again).
  h.sim.dropConnection(0);
  await waitForLog('gateway resumed');
  const identifies = h.sim.gatewayLog.filter((f) => f.op === 2).length;
  h.sim.invalidateSession(0, false);
  await h.sim.waitForGateway(() => h.sim.gatewayLog.filter((f) => f.op === 2).length > identifies, 10_000);
  await h.sim.whenReady();
  const last = slash('help');
  expect((await h.sim.waitForCallback(last.id)).type).toBe(4);

  // The log really covers all of that (or the checks below would prove little).
  const messages = new Set(h.logs.map((l) => (JSON.parse(l) as { msg: string }).msg));
  for (const m of [
    'ready',
    'command',
    'interaction failed',
    'interaction expired before it was answered',
    'knowledge reloaded',
    'reload refused: not a moderator',
    'gateway resumed',
  ]) {
    expect({ m, logged: messages.has(m) }).toEqual({ m, logged: true });
  }
  expect([...messages].some((m) => m.startsWith('knowledge reload failed'))).toBe(true);
}, 30_000);

test('the bot token is in no log line (the stream, stdout, stderr)', () => {
  expect(logText.length).toBeGreaterThan(1000);
  expect(logText).toBe(h.logs.join(''));
  for (const line of logText.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  expect(logText).not.toContain(h.sim.token);
  expect(consoleText).not.toContain(h.sim.token);
  // not even in part: each of its three parts is long enough to be a secret on its own
  for (const part of h.sim.token.split('.').slice(1)) expect(logText).not.toContain(part);
});

test('interaction tokens are in no log line either (error URLs are masked)', () => {
  expect(interactionTokens.length).toBeGreaterThanOrEqual(10);
  for (const t of interactionTokens) expect(logText).not.toContain(t);
  expect(logText).toContain('/interactions/'); // REST errors were logged, with their URLs…
  expect(logText).toContain('[token]'); // …masked
});

test('the bot token is in no request body, query or path; only bot routes carry it, in the Authorization header', () => {
  expect(h.sim.requests.length).toBeGreaterThan(20);
  for (const r of h.sim.requests) {
    expect(JSON.stringify([r.path, r.query, r.body])).not.toContain(h.sim.token);
    const tokenRoute = r.path.startsWith('/interactions/') || r.path.startsWith('/webhooks/');
    if (tokenRoute) expect(r.headers.authorization).toBeUndefined();
    else if (r.headers.authorization) expect([`Bot ${h.sim.token}`, `Bot ${wrongToken}`]).toContain(r.headers.authorization);
  }
});

test('on the gateway the token goes only in IDENTIFY and RESUME', () => {
  const carrying = h.sim.gatewayLog.filter((f) => JSON.stringify(f.d).includes(h.sim.token)).map((f) => f.op);
  expect(new Set(carrying)).toEqual(new Set([2, 6]));
  for (const f of h.sim.serverLog) expect(JSON.stringify(f.d)).not.toContain(h.sim.token);
});

describe('.env', () => {
  const inGit = (() => {
    try {
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();

  (inGit ? test : test.skip)('is git-ignored and not tracked; .env.example is tracked', () => {
    expect(execFileSync('git', ['check-ignore', '.env'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('.env');
    expect(execFileSync('git', ['ls-files', '--', '.env'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('');
    expect(() => execFileSync('git', ['check-ignore', '.env.example'], { cwd: ROOT, stdio: 'pipe' })).toThrow(); // exit 1: not ignored
  });

  test('.gitignore names it', () => {
    expect(
      fs
        .readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim()),
    ).toContain('.env');
  });

  test('.env.example holds placeholders, never something shaped like a real token', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const token = /^DISCORD_TOKEN=(.*)$/m.exec(example)?.[1]?.trim();
    expect(token).toBeDefined();
    expect(token).not.toMatch(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/);
  });
});

test('the README has a security section: permissions, what is stored, rotating the token, pings, /reload', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^## Security\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  for (const needle of ['Send Messages', 'Embed Links', 'Read Message History', 'stores', 'Reset Token', '.env', 'allowed_mentions', 'Manage Server']) {
    expect({ needle, present: section.includes(needle) }).toEqual({ needle, present: true });
  }
});
