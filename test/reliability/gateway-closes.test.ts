/**
 * Gateway closes (issue 10, item 7), through the simulator closing the bot's socket with each code.
 * Fatal ones (4004, 4010–4014), which discord.js gives up on: one error line naming the code and what
 * to fix, and onFatal (main.ts exits 1 on it; see main.e2e.test.ts). A fatal close while logging in
 * makes start() fail with that explanation. Closes that lose the session (4003, 4005, 4007, 4008, and
 * op 9 invalid session): a warning, then an info line once logged in again with a fresh session. A
 * resumable close (4000): an info line, then the resume.
 */
import { parseConfig } from '../../src/app/config';
import { createLogger } from '../../src/app/log';
import { KnowledgeStore } from '../../src/core';
import { FATAL_CLOSES, createBot, type FatalClose } from '../../src/discord/bot';
import { DiscordSimulator } from '../simulator';
import { copyKnowledge, setup, sleep, textOf, type Harness, type SentMessage } from '../discord/setup';
import fs from 'node:fs/promises';

interface Line {
  level: number;
  msg: string;
  code?: number;
  shardId?: number;
  reason?: string;
  fix?: string;
}
const parse = (h: Harness): Line[] => h.logs.map((l) => JSON.parse(l) as Line);

async function waitForLog(h: Harness, pred: (l: Line) => boolean, ms = 15_000): Promise<Line> {
  const end = Date.now() + ms;
  for (;;) {
    const found = parse(h).find(pred);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no such log line; last: ${h.logs.slice(-5).join('')}`);
    await sleep(25);
  }
}

async function answers(h: Harness): Promise<void> {
  const { id } = h.sim.slash('who-met', [{ name: 'person', type: 3, value: 'guterres' }]);
  expect(textOf((await h.sim.waitForCallback(id, 10_000)).data as SentMessage)).toContain('Guterres');
}

describe.each(Object.keys(FATAL_CLOSES).map(Number))('fatal close %i after ready', (code) => {
  let h: Harness;
  const fatal: FatalClose[] = [];
  beforeAll(async () => {
    h = await setup({}, { onFatal: (c) => fatal.push(c) });
  });
  afterAll(async () => {
    await h?.teardown();
  });

  test('one error line naming the code and what to fix, onFatal, and no reconnection', async () => {
    h.sim.dropConnection(0, code);
    const line = await waitForLog(h, (l) => l.level === 50 && l.code === code);
    expect(line.msg).toBe(`gateway closed with ${code} (${FATAL_CLOSES[code]!.reason}) and will not reconnect: ${FATAL_CLOSES[code]!.fix}`);
    expect(line).toMatchObject({ shardId: 0, reason: FATAL_CLOSES[code]!.reason, fix: FATAL_CLOSES[code]!.fix });
    expect(fatal).toEqual([{ shardId: 0, code, ...FATAL_CLOSES[code]! }]);
    await sleep(300);
    expect(h.sim.connectionLog).toHaveLength(1);
    expect(parse(h).some((l) => l.msg.startsWith('gateway session lost') || l.msg.startsWith('gateway connection lost'))).toBe(false);
  });
});

test('a fatal close while logging in (4014 Disallowed intents): start() fails saying what to fix', async () => {
  const sim = await DiscordSimulator.start();
  const dir = await copyKnowledge();
  const lines: string[] = [];
  try {
    sim.failIdentify(4014);
    const parsed = parseConfig({ DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir });
    const opened = await KnowledgeStore.open(dir);
    if (!parsed.ok || !opened.ok) throw new Error('setup');
    const onFatal = jest.fn();
    const bot = createBot({ config: parsed.config, store: opened.store, logger: createLogger('info', { write: (l: string) => void lines.push(l) }), onFatal });
    await expect(bot.start()).rejects.toThrow(`the gateway closed with 4014 (Disallowed intent(s)): ${FATAL_CLOSES[4014]!.fix}`);
    expect(onFatal).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => JSON.parse(l) as Line).filter((l) => l.level === 50 && l.code === 4014)).toHaveLength(1);
    await bot.stop();
  } finally {
    await sim.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

describe('closes that lose the session, and a resumable one', () => {
  let h: Harness;
  const fatal: FatalClose[] = [];
  beforeAll(async () => {
    h = await setup({}, { onFatal: (c) => fatal.push(c) });
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const relogins = (): number => parse(h).filter((l) => l.msg === 'gateway logged in again with a fresh session').length;

  test.each([
    [4003, 'Not authenticated'],
    [4005, 'Already authenticated'],
    [4007, 'Invalid seq'],
    [4008, 'Rate limited'],
    ['op 9', 'invalid session (op 9) or a normal close'],
  ] as const)(
    '%s: a warning that the session is lost, then the fresh login, and the bot answers',
    async (what, reason) => {
      const lostBefore = parse(h).filter((l) => l.msg === 'gateway session lost; logging in again').length;
      const before = relogins();
      const identifies = h.sim.gatewayLog.filter((f) => f.op === 2).length;
      if (what === 'op 9') h.sim.invalidateSession(0, false);
      else h.sim.dropConnection(0, what);
      const lostLines = (): Line[] => parse(h).filter((l) => l.msg === 'gateway session lost; logging in again');
      await waitForLog(h, () => lostLines().length > lostBefore);
      expect(lostLines()).toHaveLength(lostBefore + 1);
      expect(lostLines().pop()).toMatchObject({ level: 40, shardId: 0, code: what === 'op 9' ? 1000 : what, reason });
      // discord.js waits out its identify throttle (≤ 5 s since the previous IDENTIFY) before logging in again.
      await waitForLog(h, () => relogins() === before + 1, 10_000);
      expect(h.sim.gatewayLog.filter((f) => f.op === 2)).toHaveLength(identifies + 1);
      expect(
        parse(h)
          .filter((l) => l.msg === 'gateway logged in again with a fresh session')
          .pop(),
      ).toMatchObject({ level: 30, shardId: 0 });
      await answers(h);
      expect(fatal).toEqual([]);
    },
    20_000,
  );

  test('4000 (resumable): an info line, the resume, no lost session', async () => {
    const lost = parse(h).filter((l) => l.msg === 'gateway session lost; logging in again').length;
    const resumed = parse(h).filter((l) => l.msg === 'gateway resumed').length;
    h.sim.dropConnection(0, 4000);
    expect(await waitForLog(h, (l) => l.msg === 'gateway connection lost; resuming' && l.code === 4000)).toMatchObject({ level: 30, shardId: 0 });
    await waitForLog(h, () => parse(h).filter((l) => l.msg === 'gateway resumed').length === resumed + 1);
    expect(parse(h).filter((l) => l.msg === 'gateway session lost; logging in again')).toHaveLength(lost);
    await answers(h);
  });

  test('stopping the bot logs no lost connection', async () => {
    const count = h.logs.length;
    await h.bot.stop();
    await sleep(100);
    expect(
      parse(h)
        .slice(count)
        .filter((l) => l.msg.startsWith('gateway')),
    ).toEqual([]);
  });
});
