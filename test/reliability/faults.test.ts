/**
 * Discord faults, through the simulator (issue 5, item 3), on one bot login: REST 429 with
 * retry_after and 500s on callbacks, edits and channel messages; an answer slower than Discord's
 * deadline (deferred first, then edited); stale interactions (10062); the gateway dropped mid-session
 * (resume), asked to reconnect (op 7), invalidated (re-identify) and gone zombie (heartbeat ACKs
 * stopped). After each, the bot is still there and answers; at the end, every interaction that could
 * still be answered was answered.
 *
 * Deadlines are shortened so the file stays fast: the bot defers a command still running after
 * DEFER_MS, and the slow-answer tests give the simulator a deadline of a few hundred ms (Discord: 3 s).
 */
import { Events } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { MAX_QUESTION_LENGTH, STRINGS } from '../../src/core';
import { askCommand } from '../../src/discord/commands/ask';
import { BOT_STRINGS } from '../../src/discord/strings';
import type { RecordedRequest } from '../simulator';
import { EPHEMERAL, MOD_ROLE, setup, sleep, textOf, type Harness, type SentMessage } from '../discord/setup';

const DEFER_MS = 150;
const QUESTION = 'Who did the minister meet from WHO?';
const ANSWER = 'Tedros Ghebreyesus';

let h: Harness;
const crashes: unknown[] = [];
const onCrash = (e: unknown): void => void crashes.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  h = await setup({}, { sim: { heartbeatIntervalMs: 400 }, deferAfterMs: DEFER_MS });
});
afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await h?.teardown();
});
afterEach(() => {
  h.sim.interactionTimeoutMs = 3000;
  jest.restoreAllMocks();
});

/** Every interaction this file sends, and whether it can still be answered (a stale one cannot). */
const sent: Array<{ id: string; token: string; what: string; answerable: boolean }> = [];

function ask(what: string, question = QUESTION, opts: { answerable?: boolean } = {}): { id: string; token: string } {
  const s = h.sim.slash('ask', [{ name: 'question', type: 3, value: question }]);
  sent.push({ ...s, what, answerable: opts.answerable ?? true });
  return s;
}

/** Accepted requests for one interaction, callbacks and webhooks. */
const requestsOf = (s: { id: string; token: string }): RecordedRequest[] =>
  h.sim.requests.filter((r) => r.path.startsWith(`/interactions/${s.id}/`) || r.path.startsWith(`/webhooks/${h.sim.applicationId}/${s.token}`));

/** The answer the user ends up seeing: the reply, or the edit (or ephemeral follow-up) after a deferral. */
async function answerOf(s: { id: string; token: string }, timeoutMs = 10_000): Promise<{ type: number; message: SentMessage }> {
  const cb = await h.sim.waitForCallback(s.id, timeoutMs);
  if (cb.type !== 5) return { type: cb.type, message: cb.data as SentMessage };
  const edit = await h.sim.waitForRequest(
    (r) => r.path.startsWith(`/webhooks/${h.sim.applicationId}/${s.token}`) && (r.method === 'PATCH' || r.method === 'POST') && (r.status ?? 500) < 300,
    timeoutMs,
  );
  return { type: 5, message: edit.body as SentMessage };
}

async function expectAnswered(s: { id: string; token: string }, timeoutMs?: number): Promise<SentMessage> {
  const { message } = await answerOf(s, timeoutMs);
  expect(textOf(message)).toContain(ANSWER);
  return message;
}

const logLines = (): Array<Record<string, unknown> & { msg: string; level: number }> => h.logs.map((l) => JSON.parse(l));

/** Blocks the event loop, as a CPU-bound handler (or a stalled process) would. */
function busyWait(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('REST faults', () => {
  test('429 with retry_after on the callback: discord.js waits, retries, and the answer lands', async () => {
    const s = ask('429 on callback');
    h.sim.failNext(
      { method: 'POST', pathIncludes: `/interactions/${s.id}/` },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.3, global: false } },
    );
    await expectAnswered(s);
    const tries = requestsOf(s);
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(250);
  });

  test('500s on the callback are retried; the answer lands', async () => {
    const s = ask('500 on callback');
    h.sim.failNext({ method: 'POST', pathIncludes: `/interactions/${s.id}/` }, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 2);
    await expectAnswered(s);
    expect(requestsOf(s).map((r) => r.status)).toEqual([500, 500, 204]);
  });

  test('a callback that keeps failing (500 through every retry): the error boundary still apologizes to the user', async () => {
    const s = ask('500 until retries run out');
    h.sim.failNext({ method: 'POST', pathIncludes: `/interactions/${s.id}/` }, { status: 500, body: { message: 'Internal Server Error', code: 0 } }, 4);
    const { message } = await answerOf(s);
    expect(message).toMatchObject({ content: BOT_STRINGS.en.error, flags: EPHEMERAL });
    expect(requestsOf(s).map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect(logLines().find((l) => l.msg === 'interaction failed' && l.command === 'ask')).toBeDefined();
  });

  test('429 and 500 on a mention reply (a channel message) are retried', async () => {
    h.sim.failNext(
      { method: 'POST', pathIncludes: `/channels/${h.sim.channelId}/messages` },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
    );
    h.sim.failNext({ method: 'POST', pathIncludes: `/channels/${h.sim.channelId}/messages` }, { status: 500, body: { message: 'oops', code: 0 } });
    const m = h.sim.message(QUESTION, { mentionsBot: true });
    const isReply = (r: RecordedRequest): boolean => r.method === 'POST' && (r.body as SentMessage | null)?.message_reference?.message_id === m.id;
    const reply = await h.sim.waitForRequest((r) => isReply(r) && r.status === 200);
    expect(textOf(reply.body as SentMessage)).toContain(ANSWER);
    expect(h.sim.requests.filter(isReply).map((r) => r.status)).toEqual([429, 500, 200]);
  });

  test('429 on the edit after a deferral (/reload): retried, the moderator sees the result', async () => {
    const s = h.sim.slash('reload', [], { permissions: String(PermissionFlagsBits.ManageGuild) });
    sent.push({ ...s, what: '/reload with 429 on the edit', answerable: true });
    h.sim.failNext(
      { method: 'PATCH', pathIncludes: `/webhooks/${h.sim.applicationId}/${s.token}/` },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
    );
    const { type, message } = await answerOf(s);
    expect(type).toBe(5);
    expect(message.embeds?.[0]?.title).toBe(BOT_STRINGS.en.reloaded);
    expect(
      requestsOf(s)
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.status),
    ).toEqual([429, 200]);
  });
});

describe('slow answers and stale interactions', () => {
  test('an answer slower than the deadline is deferred first, then edited in', async () => {
    h.sim.interactionTimeoutMs = 400; // Discord: 3 s; the bot defers after DEFER_MS
    const original = askCommand.execute.bind(askCommand);
    jest.spyOn(askCommand, 'execute').mockImplementationOnce(async (interaction, ctx) => {
      await sleep(900); // e.g. a slow dependency: twice the deadline
      return original(interaction, ctx);
    });
    const sentAt = Date.now();
    const s = ask('slow answer');
    const { type, message } = await answerOf(s);
    expect(type).toBe(5);
    expect(textOf(message)).toContain(ANSWER);
    const [callback, edit] = requestsOf(s);
    expect(callback).toMatchObject({ method: 'POST', status: 204 }); // the deferral, inside the deadline
    expect(callback!.at - sentAt).toBeLessThan(400);
    expect(edit).toMatchObject({ method: 'PATCH', status: 200 }); // the answer, after it
    expect(edit!.at - sentAt).toBeGreaterThanOrEqual(900);
    expect(logLines().find((l) => l.msg === 'slow command: deferring its reply')).toMatchObject({ command: 'ask', afterMs: DEFER_MS });
  });

  test('a slow answer that turns out to be ephemeral: the public "thinking…" is deleted, the answer follows up ephemerally', async () => {
    h.sim.interactionTimeoutMs = 400;
    const original = askCommand.execute.bind(askCommand);
    jest.spyOn(askCommand, 'execute').mockImplementationOnce(async (interaction, ctx) => {
      await sleep(600);
      return original(interaction, ctx);
    });
    const s = ask('slow refusal', 'why? '.repeat(120)); // over the limit: refused ephemerally
    const { type, message } = await answerOf(s);
    expect(type).toBe(5);
    expect(message).toMatchObject({ content: STRINGS.en.questionTooLong(MAX_QUESTION_LENGTH), flags: EPHEMERAL });
    expect(requestsOf(s).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'DELETE 204', 'POST 200']);
  });

  test('a stale interaction (the bot stalled past the deadline: 10062 Unknown interaction) is logged, no crash; the next one is answered', async () => {
    h.sim.interactionTimeoutMs = 200;
    const original = askCommand.execute.bind(askCommand);
    jest.spyOn(askCommand, 'execute').mockImplementationOnce(async (interaction, ctx) => {
      busyWait(400); // synchronous: not even the deferral timer can run
      return original(interaction, ctx);
    });
    const stale = ask('stale (stalled bot)', QUESTION, { answerable: false });
    await h.sim.waitForRequest((r) => r.path.startsWith(`/interactions/${stale.id}/`));
    const expired = await waitForLog((l) => l.msg === 'interaction expired before it was answered');
    expect(expired).toMatchObject({ command: 'ask', level: 40, err: { code: 10062 } });
    // One attempt: no apology is tried on an interaction Discord has forgotten.
    expect(requestsOf(stale).map((r) => r.status)).toEqual([404]);
    h.sim.interactionTimeoutMs = 3000;
    await expectAnswered(ask('after the stale one'));
  });

  test('10062 on a page button (Discord already forgot it): logged, no crash; the next click works', async () => {
    const first = h.sim.slash('who-met', []);
    sent.push({ ...first, what: '/who-met (pages)', answerable: true });
    const list = (await answerOf(first)).message;
    const next = list.components![0]!.components.find((b) => !b.disabled && b.label === BOT_STRINGS.en.next)!;
    const stale = h.sim.button(next.custom_id, list);
    sent.push({ ...stale, what: 'stale button', answerable: false });
    h.sim.failNext({ method: 'POST', pathIncludes: `/interactions/${stale.id}/` }, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    await waitForLog((l) => l.msg === 'interaction expired before it was answered' && l.customId === next.custom_id);
    const again = h.sim.button(next.custom_id, list);
    sent.push({ ...again, what: 'button after the stale one', answerable: true });
    expect((await answerOf(again)).type).toBe(7);
  });
});

describe('gateway faults', () => {
  test('the connection dropped mid-session: an interaction sent meanwhile is replayed after RESUME and answered', async () => {
    const before = h.sim.gatewayLog.length;
    h.sim.dropConnection(0);
    const s = ask('during a dropped connection');
    await expectAnswered(s);
    const resume = await h.sim.waitForGateway((f) => f.op === 6 && h.sim.gatewayLog.indexOf(f) >= before);
    expect(h.sim.connectionLog.find((c) => c.conn === resume.conn)?.path).toBe('/resume');
    await waitForLog((l) => l.msg === 'gateway resumed');
    await expectAnswered(ask('after resume'));
  });

  test('op 7 (Discord asks for a reconnect): resumed, answered', async () => {
    const before = h.sim.gatewayLog.length;
    h.sim.requestReconnect(0);
    await h.sim.waitForGateway((f) => f.op === 6 && h.sim.gatewayLog.indexOf(f) >= before);
    await h.sim.whenReady();
    await expectAnswered(ask('after op 7'));
  });

  test('zombie connection (heartbeat ACKs stopped): the bot notices, reconnects, resumes, answers', async () => {
    const before = h.sim.gatewayLog.length;
    const reconnecting = new Promise<void>((resolve) => h.bot.client.once(Events.ShardReconnecting, () => resolve()));
    h.sim.stopHeartbeatAcks(0);
    await reconnecting;
    const resume = await h.sim.waitForGateway((f) => f.op === 6 && h.sim.gatewayLog.indexOf(f) >= before);
    expect(h.sim.connectionLog.find((c) => c.conn === resume.conn - 1)?.closeCode).toBe(4200); // closed by discord.js: zombie
    await h.sim.whenReady();
    await expectAnswered(ask('after zombie'));
  });

  test('invalid session, resumable (op 9 d:true): resumed, answered', async () => {
    const before = h.sim.gatewayLog.length;
    h.sim.invalidateSession(0, true);
    const s = ask('during a resumable invalid session');
    await h.sim.waitForGateway((f) => f.op === 6 && h.sim.gatewayLog.indexOf(f) >= before);
    await expectAnswered(s);
  });

  test('invalid session (op 9 d:false): the bot identifies again, gets the guild (and its roles) again, answers what was queued', async () => {
    const identifies = h.sim.gatewayLog.filter((f) => f.op === 2).length;
    h.sim.invalidateSession(0, false);
    const s = ask('during an invalid session');
    // discord.js waits for its identify throttle (≤ 5 s + jitter after the previous IDENTIFY)
    await h.sim.waitForGateway(() => h.sim.gatewayLog.filter((f) => f.op === 2).length > identifies, 10_000);
    await h.sim.whenReady();
    await expectAnswered(s, 10_000);
    // The moderator role came back with GUILD_CREATE: a moderator by role can still reload.
    expect(h.bot.client.guilds.cache.get(h.sim.guildId)?.roles.cache.has(MOD_ROLE)).toBe(true);
    const r = h.sim.slash('reload', [], { user: h.sim.newUser('mod'), permissions: '0', roles: [MOD_ROLE] });
    sent.push({ ...r, what: '/reload by role after re-identify', answerable: true });
    expect((await answerOf(r)).message.embeds?.[0]?.title).toBe(BOT_STRINGS.en.reloaded);
    await expectAnswered(ask('after re-identify'));
  }, 20_000);
});

test('the bot survived: every interaction that could still be answered was answered, nothing crashed', async () => {
  expect(sent.length).toBeGreaterThanOrEqual(15);
  const unanswered: string[] = [];
  for (const s of sent.filter((x) => x.answerable)) {
    const ok = requestsOf(s).some((r) => r.path.endsWith('/callback') && (r.status ?? 500) < 300);
    if (!ok) unanswered.push(s.what);
  }
  expect(unanswered).toEqual([]);
  // and each deferred one got its edit or follow-up
  for (const s of sent.filter((x) => x.answerable)) {
    const cb = requestsOf(s).find((r) => r.path.endsWith('/callback') && (r.status ?? 500) < 300)!;
    if ((cb.body as { type: number }).type === 5)
      expect(requestsOf(s).some((r) => r.method !== 'DELETE' && r.path.includes('/webhooks/') && (r.status ?? 500) < 300)).toBe(true);
  }
  expect(crashes).toEqual([]);
  expect(h.bot.client.isReady()).toBe(true);
  expect(h.bot.client.ws.ping).toBeGreaterThanOrEqual(-1);
  await expectAnswered(ask('the last word'));
});

async function waitForLog(pred: (l: Record<string, unknown> & { msg: string; level: number }) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = logLines().find(pred);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no such log line; last: ${h.logs.slice(-5).join('')}`);
    await sleep(10);
  }
}
