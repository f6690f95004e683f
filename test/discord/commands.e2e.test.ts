/**
 * Each slash command end to end: the real discord.js Client, logged into the local simulator,
 * answers with the shipped knowledge; the assertions read what Discord would have received.
 */
import { MAX_QUESTION_LENGTH, STRINGS } from '../../src/core';
import { DEFINITIONS } from '../../src/discord/commands/definitions';
import { deployCommands } from '../../src/discord/deploy';
import { BOT_STRINGS } from '../../src/discord/strings';
import { buttons, EPHEMERAL, setup, textOf, type Harness, type SentMessage } from './setup';

const TITLE = "Kazakhstan's Foreign Minister meets the heads of international organizations in Geneva";
const FOOTER = '28 February 2024 · Press service of the Ministry of Foreign Affairs of the Republic of Kazakhstan';

let h: Harness;
beforeAll(async () => {
  h = await setup();
});
afterAll(async () => {
  await h?.teardown();
});

/** Runs a slash command and returns the accepted callback. */
async function slash(name: string, options: Record<string, string> = {}, ctx: Parameters<Harness['sim']['slash']>[2] = {}) {
  const opts = Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
  const { id } = h.sim.slash(name, opts, ctx);
  const cb = await h.sim.waitForCallback(id);
  return { id, type: cb.type, data: cb.data as SentMessage };
}

describe('deploy-commands', () => {
  test('registers every command in one bulk overwrite to the guild, without global-only fields', async () => {
    const before = h.sim.requests.length;
    const count = await deployCommands({ token: h.sim.token, clientId: h.sim.applicationId, guildId: h.sim.guildId, apiUrl: h.sim.apiUrl });
    expect(count).toBe(DEFINITIONS.length);
    const puts = h.sim.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({
      path: `/applications/${h.sim.applicationId}/guilds/${h.sim.guildId}/commands`,
      status: 200,
      headers: { authorization: `Bot ${h.sim.token}` },
    });
    const registered = h.sim.registeredCommands(h.sim.guildId);
    expect(registered.map((c) => c.name)).toEqual(DEFINITIONS.map((d) => d.name));
    for (const c of puts[0]!.body as Array<Record<string, unknown>>) {
      expect(c).not.toHaveProperty('contexts');
      expect(c).not.toHaveProperty('integration_types');
    }
  });

  test('registers globally when no guild is given, with contexts (reload: servers only)', async () => {
    await deployCommands({ token: h.sim.token, clientId: h.sim.applicationId, apiUrl: h.sim.apiUrl });
    const global = h.sim.registeredCommands();
    expect(global.map((c) => c.name)).toEqual(DEFINITIONS.map((d) => d.name));
    expect(global.find((c) => c.name === 'reload')).toMatchObject({ contexts: [0], default_member_permissions: '32' });
  });
});

describe('/who-met', () => {
  test('without a person: every counterpart, quoted, with the release in title and footer, paged with buttons', async () => {
    const { type, data } = await slash('who-met');
    expect(type).toBe(4);
    expect(data.flags ?? 0).toBe(0); // public
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(TITLE);
    expect(embed.footer?.text).toBe(FOOTER);
    expect(embed.description).toContain(STRINGS.en.counterparts('Murat Nurtleu', 'Geneva', '28 February 2024'));
    expect(embed.description).toContain('• António Guterres — UN Secretary-General');
    expect(embed.description).not.toContain('Ilia Darchiashvili'); // on page 2
    // A quote that only repeats a line of the list ("UN Secretary-General António Guterres") is not shown again.
    expect(embed.fields?.map((f) => f.value)).not.toContain('“UN Secretary-General António Guterres”');
    expect(embed.fields?.[0]).toEqual({ name: '¶4', value: '“the UN High Commissioner for Human Rights Volker Türk”' });
    const [prev, page, next] = buttons(data);
    expect(prev).toMatchObject({ label: 'Previous', disabled: true });
    expect(page).toMatchObject({ label: 'Page 1/2', disabled: true });
    expect(next).toMatchObject({ label: 'Next', disabled: false, custom_id: 'page:who-met:en:2:' });
  });

  test('the Next button edits the message in place with page 2', async () => {
    const first = await slash('who-met');
    const next = buttons(first.data)[2]!;
    const { id } = h.sim.button(next.custom_id, first.data);
    const cb = await h.sim.waitForCallback(id);
    expect(cb.type).toBe(7); // UPDATE_MESSAGE
    const data = cb.data as SentMessage;
    expect(data.embeds![0]!.description).toContain('Ilia Darchiashvili');
    expect(data.embeds![0]!.description).not.toContain('António Guterres —');
    expect(buttons(data).map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', false],
      ['Page 2/2', true],
      ['Next', true],
    ]);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  test('a person by organization ("WHO") finds Tedros; a person nobody met is an honest "not found"', async () => {
    const who = await slash('who-met', { person: 'WHO' });
    expect(textOf(who.data)).toContain('Tedros Ghebreyesus — WHO Director-General');
    // The quote ("WHO Director-General Tedros Ghebreyesus") only repeats the answer: the release is named, not quoted again.
    expect(who.data.embeds![0]!.fields).toBeUndefined();
    expect(who.data.embeds![0]!.title).toBeTruthy();
    expect(buttons(who.data)).toEqual([]);
    const nobody = await slash('who-met', { person: 'Zaphod Beeblebrox' });
    expect(nobody.data.embeds![0]!.description).toBe(STRINGS.en.noOneMatches('Zaphod Beeblebrox'));
  });

  test('replies in Russian for a Russian client', async () => {
    const { data } = await slash('who-met', {}, { locale: 'ru' });
    expect(data.embeds![0]!.footer?.text).toContain('28 февраля 2024');
    expect(data.embeds![0]!.description).toContain('встретился с:');
    expect(buttons(data).map((b) => b.label)).toEqual(['Назад', 'Стр. 1/2', 'Далее']);
  });

  test('autocomplete: at most 25 choices within 100 characters, best match first', async () => {
    const empty = h.sim.autocomplete('who-met', [{ name: 'person', type: 3, value: '' }]);
    const all = (await h.sim.waitForCallback(empty.id)) as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(all.type).toBe(8);
    expect(all.data.choices.length).toBeGreaterThan(0);
    expect(all.data.choices.length).toBeLessThanOrEqual(25);
    for (const c of all.data.choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    const typed = h.sim.autocomplete('who-met', [{ name: 'person', type: 3, value: 'gut' }]);
    const cb = (await h.sim.waitForCallback(typed.id)) as { data: { choices: Array<{ name: string; value: string }> } };
    expect(cb.data.choices[0]).toEqual({ name: 'António Guterres — UN Secretary-General', value: 'António Guterres' });
  });
});

describe('/topics', () => {
  test('without a counterpart: the topics of every meeting', async () => {
    const { data } = await slash('topics');
    const text = textOf(data);
    expect(text).toContain(STRINGS.en.topicsOfVisit('Murat Nurtleu', 'Geneva', '28 February 2024'));
    expect(text).toMatch(/With António Guterres.*Current global challenges/);
    expect(data.embeds![0]!.footer?.text).toBe(FOOTER);
  });

  test('with a counterpart: that meeting, with its quoted sentences', async () => {
    const { data } = await slash('topics', { counterpart: 'Daren Tang' });
    const embed = data.embeds![0]!;
    expect(embed.description).toMatch(/^With Daren Tang/);
    expect(embed.description).toMatch(/agreement was reached to enhance collaboration in the area of intellectual property/i);
    expect(embed.fields?.length).toBeGreaterThan(0);
  });

  test('autocomplete suggests counterparts', async () => {
    const { id } = h.sim.autocomplete('topics', [{ name: 'counterpart', type: 3, value: 'türk' }]);
    const cb = (await h.sim.waitForCallback(id)) as { data: { choices: Array<{ value: string }> } };
    expect(cb.data.choices[0]?.value).toBe('Volker Türk');
  });
});

describe('/ask', () => {
  test('answers under the question, quoting the release', async () => {
    const question = 'What did the minister discuss with WHO?';
    const { data } = await slash('ask', { question });
    const embed = data.embeds![0]!;
    expect(embed.author?.name).toBe(question);
    expect(embed.title).toBe(TITLE);
    expect(embed.description).toContain('Primary Health Care');
    expect(embed.fields?.length).toBeGreaterThan(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  test('answers a Russian question in Russian', async () => {
    const { data } = await slash('ask', { question: 'С кем встречался министр?' });
    expect(data.embeds![0]!.footer?.text).toContain('28 февраля 2024');
  });

  test('a long question with a long answer pages too: the question is kept aside, the id stays ≤ 100', async () => {
    const question = 'Who did the Deputy Prime Minister - Minister of Foreign Affairs of the Republic of Kazakhstan meet during his visit to Geneva?';
    const first = await slash('ask', { question });
    const next = buttons(first.data)[2]!;
    expect(next.custom_id).toMatch(/^page:ask:en:2:#[\w-]+$/);
    expect(next.custom_id.length).toBeLessThanOrEqual(100);
    const { id } = h.sim.button(next.custom_id, first.data);
    const page2 = (await h.sim.waitForCallback(id)).data as SentMessage;
    expect(page2.embeds![0]!.author?.name).toBe(question);
    expect(page2.embeds![0]!.description).toContain('Ilia Darchiashvili');
    expect(buttons(page2)[0]!.custom_id).toBe(next.custom_id.replace(':2:', ':1:')); // same stored question
  });

  test('a ping attempt (@everyone, @here, a role) pings no one', async () => {
    const { data } = await slash('ask', { question: '@everyone @here <@&123456789012345678> who met WHO?' });
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);
  });

  test('a question over the limit is refused, ephemerally, with the limit', async () => {
    const { data } = await slash('ask', { question: `${'Who '.repeat(150)}?` });
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe(STRINGS.en.questionTooLong(MAX_QUESTION_LENGTH));
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('/source', () => {
  test('the release text in pages: title, numbered paragraphs, date and source; Next shows the rest', async () => {
    const { data } = await slash('source');
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(TITLE);
    expect(embed.footer?.text).toBe(FOOTER);
    expect(embed.description).toMatch(/^\*\*¶1\*\* Deputy Prime Minister - Minister of Foreign Affairs/);
    const next = buttons(data)[2]!;
    expect(next.disabled).toBe(false);
    const { id } = h.sim.button(next.custom_id, data);
    const page2 = (await h.sim.waitForCallback(id)).data as SentMessage;
    expect(page2.embeds![0]!.description).toContain('**¶12**');
    expect(page2.embeds![0]!.description).not.toContain('**¶1** ');
  });

  test('autocomplete lists releases; an unknown release is refused ephemerally', async () => {
    const ac = h.sim.autocomplete('source', [{ name: 'release', type: 3, value: 'gen' }]);
    const cb = (await h.sim.waitForCallback(ac.id)) as { data: { choices: Array<{ name: string; value: string }> } };
    expect(cb.data.choices).toEqual([{ name: `2024-02-28 — ${TITLE}`, value: '2024-02-28-geneva' }]);
    const { data } = await slash('source', { release: 'tokyo' });
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe(BOT_STRINGS.en.noRelease('tokyo'));
  });
});

describe('/help', () => {
  test('what is loaded (releases with dates, counts) and how to ask', async () => {
    const { data } = await slash('help');
    const embed = data.embeds![0]!;
    expect(embed.description).toContain('**/who-met [person]**');
    expect(embed.description).toContain('**/ask <question>**');
    expect(embed.fields).toEqual([
      { name: 'Releases (1)', value: `• 28 February 2024 — ${TITLE}` },
      { name: 'What is loaded', value: '1 release(s) · 10 people met · 5 meetings · 22 facts' },
    ]);
  });

  test('in Russian, with the Russian command names', async () => {
    const { data } = await slash('help', {}, { locale: 'ru' });
    expect(data.embeds![0]!.title).toBe(BOT_STRINGS.ru.helpTitle);
    expect(data.embeds![0]!.description).toContain('**/встречи [человек]**');
    expect(data.embeds![0]!.description).toContain('**/спросить <вопрос>**');
  });
});

describe('the error boundary', () => {
  test('an unknown command gets an ephemeral apology and a log line with command, user and guild', async () => {
    const { data } = await slash('no-such-command');
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe(BOT_STRINGS.en.error);
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'interaction failed');
    expect(line).toMatchObject({ command: 'no-such-command', userId: h.sim.user.id, guildId: h.sim.guildId });
  });

  test('an unknown button is answered too (never left to time out)', async () => {
    const { id } = h.sim.button('something-else', { content: 'x' });
    const cb = await h.sim.waitForCallback(id);
    expect(cb.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.error });
  });

  test('a page button whose question the bot no longer holds (restart) asks to run the command again', async () => {
    const { id } = h.sim.button('page:ask:en:2:#gone', { content: 'x' });
    const cb = await h.sim.waitForCallback(id);
    expect(cb.type).toBe(4);
    expect(cb.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.pageExpired });
  });

  test('the token never appears in the logs', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(h.sim.token);
  });
});
