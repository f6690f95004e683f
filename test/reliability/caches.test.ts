/**
 * Bounded caches (issue 10, item 9): 10,000 distinct users reach the bot through the simulator —
 * autocomplete interactions in the server (user + member in each payload), plain server messages
 * (author + member in each MESSAGE_CREATE), interactions and mentions in DMs — and discord.js's caches
 * stay within CACHE_LIMITS instead of growing by one user, one member and one DM channel each. The bot
 * still answers afterwards, in the server and in a DM. Heap growth is printed (not asserted: it is noisy);
 * run with `node --expose-gc node_modules/.bin/jest test/reliability/caches.test.ts` for steadier figures.
 */
import { ChannelType, Events } from 'discord.js';
import { CACHE_LIMITS } from '../../src/discord/client';
import { replyTo, setup, textOf, type Harness, type SentMessage } from '../discord/setup';

const USERS = 10_000;
const BATCH = 100;

let h: Harness;
beforeAll(async () => {
  h = await setup();
});
afterAll(async () => {
  await h?.teardown();
});

const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

test(`${USERS.toLocaleString('en')} distinct users: users, members, DM channels and messages stay bounded`, async () => {
  const client = h.bot.client;
  const guild = client.guilds.cache.get(h.sim.guildId)!;
  let messagesSeen = 0;
  client.on(Events.MessageCreate, () => void messagesSeen++);
  h.sim.interactionTimeoutMs = 60_000; // a busy 2-core machine; latency is not what this test measures
  const heapBefore = heapMb();
  const rssBefore = process.memoryUsage().rss / 2 ** 20;

  let messagesSent = 0;
  for (let start = 0; start < USERS; start += BATCH) {
    const callbacks: Array<Promise<unknown>> = [];
    for (let i = start; i < Math.min(start + BATCH, USERS); i++) {
      const user = h.sim.newUser(`user${i}`);
      switch (i % 4) {
        case 0:
        case 1: // autocomplete in the server
          callbacks.push(h.sim.waitForCallback(h.sim.autocomplete('who-met', [{ name: 'person', type: 3, value: 'gut' }], { user }).id, 20_000));
          break;
        case 2: // a message in the server that does not mention the bot: cached, not answered
          h.sim.message(`hello from ${i}`, { author: user });
          messagesSent++;
          break;
        default: // autocomplete in a DM
          callbacks.push(h.sim.waitForCallback(h.sim.autocomplete('who-met', [{ name: 'person', type: 3, value: 'ted' }], { user, dm: true }).id, 20_000));
      }
    }
    await Promise.all(callbacks);
    // The simulator's own records (every request and frame) would dwarf the bot's caches and make its
    // waits quadratic: this test is about the bot.
    h.sim.requests.length = 0;
    h.sim.gatewayLog.length = 0;
    h.sim.serverLog.length = 0;
  }
  const deadline = Date.now() + 20_000;
  while (messagesSeen < messagesSent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(messagesSeen).toBe(messagesSent);

  const dmChannels = client.channels.cache.filter((c) => c.type === ChannelType.DM).size;
  const sizes = {
    users: client.users.cache.size,
    members: guild.members.cache.size,
    dmChannels,
    messages: guild.channels.cache.get(h.sim.channelId)!.isTextBased()
      ? (guild.channels.cache.get(h.sim.channelId) as { messages: { cache: Map<string, unknown> } }).messages.cache.size
      : -1,
  };
  const heapAfter = heapMb();
  process.stderr.write(
    `caches after ${USERS} users: ${JSON.stringify(sizes)}; heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB (+${(heapAfter - heapBefore).toFixed(1)}), rss ${rssBefore.toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc)'}\n`,
  );
  // +1: the bot's own user / member, kept over the limit.
  expect(sizes.users).toBeLessThanOrEqual(CACHE_LIMITS.users + 1);
  expect(sizes.members).toBeLessThanOrEqual(CACHE_LIMITS.membersPerGuild + 1);
  expect(sizes.dmChannels).toBeLessThanOrEqual(CACHE_LIMITS.dmChannels);
  expect(sizes.messages).toBe(0);
  expect(client.users.cache.has(client.user!.id)).toBe(true);
  expect(guild.members.me).not.toBeNull();

  // Still answering: a command in the server, a mention, and a DM from a user long evicted.
  const { id } = h.sim.slash('who-met', [{ name: 'person', type: 3, value: 'guterres' }]);
  expect(textOf((await h.sim.waitForCallback(id)).data as SentMessage)).toContain('Guterres');
  const mention = h.sim.message('who is the WHO Director-General?', { mentionsBot: true, author: h.sim.newUser('late') });
  expect(textOf((await replyTo(h.sim, mention)).body as SentMessage)).toContain('Tedros');
  const dm = h.sim.message('who is the WHO Director-General?', { dm: true, author: h.sim.newUser('late-dm') });
  expect(textOf((await replyTo(h.sim, dm)).body as SentMessage)).toContain('Tedros');
}, 180_000);

test('the sweepers are set: users and members every CACHE_LIMITS.sweepSeconds, keeping the bot', () => {
  const sweepers = h.bot.client.options.sweepers!;
  expect(sweepers.users).toMatchObject({ interval: CACHE_LIMITS.sweepSeconds });
  expect(sweepers.guildMembers).toMatchObject({ interval: CACHE_LIMITS.sweepSeconds });
  const client = h.bot.client;
  const before = client.users.cache.size;
  expect(before).toBeGreaterThan(1);
  client.sweepers.sweepUsers(sweepers.users!.filter!()!);
  client.sweepers.sweepGuildMembers(sweepers.guildMembers!.filter!()!);
  expect([...client.users.cache.keys()]).toEqual([client.user!.id]);
  expect([...client.guilds.cache.get(h.sim.guildId)!.members.cache.keys()]).toEqual([client.user!.id]);
});
