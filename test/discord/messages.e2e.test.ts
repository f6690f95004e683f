/**
 * Free text end to end — a mention in a channel, a DM — plus what protects the server: no pings,
 * bounded questions, and the per-user cooldown (COOLDOWN_SECONDS=30 here; each test is its own user).
 */
import type { Message } from 'discord.js';
import { MAX_QUESTION_LENGTH, STRINGS } from '../../src/core';
import { questionFor } from '../../src/discord/messages';
import { replyTo, EPHEMERAL, setup, sleep, textOf, type Harness, type SentMessage } from './setup';

let h: Harness;
beforeAll(async () => {
  h = await setup({ COOLDOWN_SECONDS: '30' });
});
afterAll(async () => {
  await h?.teardown();
});

/** The bot's replies to one message. */
const repliesTo = (messageId: string) =>
  h.sim.requests.filter((r) => r.method === 'POST' && (r.body as SentMessage | null)?.message_reference?.message_id === messageId);

describe('a message that mentions the bot', () => {
  test('is answered like /ask, as a reply that pings no one (not even the asker)', async () => {
    const author = h.sim.newUser('bob');
    const sent = h.sim.message('Who did the minister meet from WHO?', { mentionsBot: true, author });
    const post = await replyTo(h.sim, sent);
    const body = post.body as SentMessage;
    expect(body.message_reference?.message_id).toBe(sent.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds![0]!.author?.name).toBe('Who did the minister meet from WHO?'); // the mention is stripped
    expect(textOf(body)).toContain('Tedros Ghebreyesus');
  });

  test('a ping attempt (@everyone, @here, a role) in the question pings no one', async () => {
    const author = h.sim.newUser('eve');
    const sent = h.sim.message('@everyone @here <@&123456789012345678> who met WHO?', {
      mentionsBot: true,
      author,
      mentionEveryone: true,
      mentionRoles: ['123456789012345678'],
    });
    const body = (await replyTo(h.sim, sent)).body as SentMessage;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('a question over the limit is answered with the limit, not cut', async () => {
    const author = h.sim.newUser('verbose');
    const sent = h.sim.message(`Who ${'really '.repeat(90)}met the minister?`, { mentionsBot: true, author });
    const body = (await replyTo(h.sim, sent)).body as SentMessage;
    expect(body.embeds![0]!.description).toBe(STRINGS.en.questionTooLong(MAX_QUESTION_LENGTH));
    expect(body.embeds![0]!.author!.name.length).toBeLessThanOrEqual(256);
  });

  test('a message in a channel that does not mention the bot is left alone', async () => {
    const sent = h.sim.message('who met WHO?', { author: h.sim.newUser('quiet') });
    await sleep(300);
    expect(repliesTo(sent.id)).toHaveLength(0);
  });
});

describe('a direct message', () => {
  test('is answered without a mention, in the language of the question', async () => {
    const author = h.sim.newUser('dmitry');
    const sent = h.sim.message('С кем встречался министр?', { dm: true, author });
    const body = (await replyTo(h.sim, sent)).body as SentMessage;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds![0]!.footer?.text).toContain('28 февраля 2024');
    expect(textOf(body)).toContain('António Guterres');
  });
});

describe('the cooldown', () => {
  test('a second command within the window gets a polite ephemeral note', async () => {
    const user = h.sim.newUser('eager');
    const first = h.sim.slash('help', [], { user });
    expect((await h.sim.waitForCallback(first.id)).data.flags ?? 0).toBe(0);
    const second = h.sim.slash('help', [], { user });
    const cb = await h.sim.waitForCallback(second.id);
    expect(cb.data.flags).toBe(EPHEMERAL);
    expect(cb.data.content).toMatch(/^Please wait (30|29) s before your next request\.$/);
    // Russian for a Russian client
    const third = h.sim.slash('help', [], { user, locale: 'ru' });
    expect((await h.sim.waitForCallback(third.id)).data.content).toMatch(/^Подождите \d+ с/);
    // someone else is not held back
    const other = h.sim.slash('help', [], { user: h.sim.newUser('patient') });
    expect((await h.sim.waitForCallback(other.id)).data.flags ?? 0).toBe(0);
  });

  test('a second mention within the window is ignored (a public note would be noise); autocomplete and buttons are never held back', async () => {
    const author = h.sim.newUser('chatty');
    const sent = h.sim.message('who met WHO?', { mentionsBot: true, author });
    await replyTo(h.sim, sent);
    const second = h.sim.message('and who else?', { mentionsBot: true, author });
    await sleep(300);
    expect(repliesTo(second.id)).toHaveLength(0);

    const ac = h.sim.autocomplete('who-met', [{ name: 'person', type: 3, value: 'te' }], { user: author });
    expect((await h.sim.waitForCallback(ac.id)).type).toBe(8);
    const page = h.sim.button('page:who-met:en:2:', { embeds: [] }, { user: author });
    expect((await h.sim.waitForCallback(page.id)).type).toBe(7);
  });
});

describe('questionFor', () => {
  const fake = (over: Record<string, unknown>): Message =>
    ({ author: { id: '1', bot: false }, system: false, content: '', inGuild: () => true, ...over }) as unknown as Message;
  const BOT = '999999999999999999';

  test('ignores bots, the bot itself and system messages', () => {
    expect(questionFor(fake({ author: { id: '2', bot: true }, content: `<@${BOT}> hi` }), BOT)).toBeNull();
    expect(questionFor(fake({ author: { id: BOT, bot: false }, content: `<@${BOT}> hi` }), BOT)).toBeNull();
    expect(questionFor(fake({ system: true, content: `<@${BOT}> hi` }), BOT)).toBeNull();
  });

  test('strips every form of the mention, anywhere in the text', () => {
    expect(questionFor(fake({ content: `<@${BOT}> who met   <@!${BOT}> WHO?` }), BOT)).toBe('who met WHO?');
    expect(questionFor(fake({ content: 'who met WHO?', inGuild: () => false }), BOT)).toBe('who met WHO?');
    expect(questionFor(fake({ content: 'who met WHO? <@123>' }), BOT)).toBeNull();
  });
});
