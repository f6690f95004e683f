/**
 * The simulator against the real, unmodified discord.js Client: login, interactions, messages,
 * gateway faults (resume, invalid session, zombie), REST faults (429, 500), limits, and 2 shards.
 */
import {
  AutocompleteInteraction,
  ButtonInteraction,
  ChannelType,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Partials,
  PermissionFlagsBits,
} from 'discord.js';
import { WebSocket } from 'ws';
import { DiscordSimulator, type RecordedRequest } from './index';

const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Run `fn` on the interaction with this id when the client receives it. */
function onInteraction(client: Client, id: string, fn: (i: Interaction) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const listener = (i: Interaction): void => {
      if (i.id !== id) return;
      client.off(Events.InteractionCreate, listener);
      fn(i).then(resolve, reject);
    };
    client.on(Events.InteractionCreate, listener);
  });
}

function nextMessage(client: Client, id: string): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (m: Message): void => {
      if (m.id !== id) return;
      client.off(Events.MessageCreate, listener);
      resolve(m);
    };
    client.on(Events.MessageCreate, listener);
  });
}

async function login(sim: DiscordSimulator, extra: Partial<ConstructorParameters<typeof Client>[0]> = {}): Promise<Client> {
  const client = new Client({ intents, partials: [Partials.Channel], rest: { api: sim.apiUrl }, ...extra });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(sim.token);
  await ready;
  return client;
}

/** A slash command answered with `reply({content})`, asserting the client got it. */
async function pingRoundTrip(sim: DiscordSimulator, client: Client, content: string): Promise<void> {
  const { id } = sim.slash('ping');
  const handled = onInteraction(client, id, (i) => (i as ChatInputCommandInteraction).reply({ content }));
  expect((await sim.waitForCallback(id, 10_000)).data.content).toBe(content);
  await handled;
}

describe('DiscordSimulator with one shard', () => {
  let sim: DiscordSimulator;
  let client: Client;

  beforeAll(async () => {
    sim = await DiscordSimulator.start({ heartbeatIntervalMs: 400 });
    client = await login(sim);
  });

  afterAll(async () => {
    await client?.destroy();
    await sim?.stop();
  });

  test('logs in, gets ready and sees the guild', async () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(sim.botUser.id);
    expect(client.application?.id).toBe(sim.applicationId);
    const guild = client.guilds.cache.get(sim.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(sim.channelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.roles.everyone.id).toBe(sim.guildId);
    expect(guild?.members.me?.id).toBe(sim.botUser.id);
    const identify = sim.gatewayLog.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: sim.token, shard: [0, 1] });
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', headers: { authorization: `Bot ${sim.token}` } });
    await sim.whenReady();
  });

  test('registers commands; a slash interaction is a ChatInputCommandInteraction and reply() is recorded', async () => {
    const registered = await client.application!.commands.set(
      [{ name: 'ping', description: 'Ping', options: [{ name: 'text', description: 'Some text', type: 3 }] }],
      sim.guildId,
    );
    const cmd = registered.first()!;
    expect(sim.registeredCommands(sim.guildId)[0]).toMatchObject({ id: cmd.id, name: 'ping', application_id: sim.applicationId, guild_id: sim.guildId });

    const { id } = sim.slash('ping', [{ name: 'text', type: 3, value: 'x' }], { permissions: String(PermissionFlagsBits.ManageGuild), locale: 'de' });
    let seen: ChatInputCommandInteraction | undefined;
    const handled = onInteraction(client, id, async (i) => {
      seen = i as ChatInputCommandInteraction;
      await seen.reply({ content: 'hi', allowedMentions: { parse: [] } });
    });
    const cb = await sim.waitForCallback(id);
    expect(cb.type).toBe(4);
    expect(cb.data).toMatchObject({ content: 'hi', allowed_mentions: { parse: [] } });
    await handled;
    expect(seen).toBeInstanceOf(ChatInputCommandInteraction);
    expect(seen!.commandId).toBe(cmd.id);
    expect(seen!.options.getString('text')).toBe('x');
    expect(seen!.guildId).toBe(sim.guildId);
    expect(seen!.locale).toBe('de');
    expect(seen!.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(seen!.memberPermissions?.has(PermissionFlagsBits.Administrator)).toBe(false);
    const cbReq = sim.requests.find((r) => r.path === `/interactions/${id}/${seen!.token}/callback`);
    expect(cbReq).toMatchObject({ status: 204, query: { with_response: 'false' } });
    expect(cbReq?.headers.authorization).toBeUndefined();

    // fetchReply() reads @original back
    const fetched = await seen!.fetchReply();
    expect(fetched.content).toBe('hi');

    // a second callback for the same interaction → 400 40060
    const again = await fetch(`${sim.apiUrl}/v10/interactions/${id}/${seen!.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again' } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
  });

  test('withResponse, autocomplete, deferReply + editReply + followUp, button update', async () => {
    // reply with with_response=true
    const a = sim.slash('ping');
    const resp = await onInteraction(client, a.id, (i) => (i as ChatInputCommandInteraction).reply({ content: 'r', withResponse: true }));
    expect((resp as { resource?: { message?: Message } }).resource?.message?.content).toBe('r');

    // autocomplete → type 8
    const ac = sim.autocomplete('ping', [{ name: 'text', type: 3, value: 'ber' }]);
    const acDone = onInteraction(client, ac.id, async (i) => {
      expect(i).toBeInstanceOf(AutocompleteInteraction);
      const focused = (i as AutocompleteInteraction).options.getFocused();
      await (i as AutocompleteInteraction).respond([{ name: `Berlin (${focused})`, value: 'berlin' }]);
    });
    expect(await sim.waitForCallback(ac.id)).toEqual({ type: 8, data: { choices: [{ name: 'Berlin (ber)', value: 'berlin' }] } });
    await acDone;

    // deferReply → type 5, editReply → PATCH @original, followUp → POST webhook
    const d = sim.slash('ping');
    const dDone = onInteraction(client, d.id, async (i) => {
      const it = i as ChatInputCommandInteraction;
      await it.deferReply();
      const edited = await it.editReply({
        content: 'done',
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'more' }] }],
      });
      const follow = await it.followUp({ content: 'also', files: [{ attachment: Buffer.from('brief'), name: 'brief.txt' }] });
      return { edited, follow };
    });
    expect((await sim.waitForCallback(d.id)).type).toBe(5);
    const patch = await sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${sim.applicationId}/${d.token}/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'done' });
    const { edited } = (await dDone) as { edited: Message; follow: Message };
    expect(edited.content).toBe('done');
    const post = await sim.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${sim.applicationId}/${d.token}`);
    expect(post).toMatchObject({ query: { wait: 'true' }, body: { content: 'also' }, files: [{ name: 'brief.txt', size: 5 }] });
    expect(((await dDone) as { follow: Message }).follow.attachments.first()?.name).toBe('brief.txt');

    // a button on the edited message → ButtonInteraction, update() → type 7
    const b = sim.button('more', patch.body);
    const bDone = onInteraction(client, b.id, async (i) => {
      expect(i).toBeInstanceOf(ButtonInteraction);
      expect((i as ButtonInteraction).customId).toBe('more');
      expect((i as ButtonInteraction).message.content).toBe('done');
      await (i as ButtonInteraction).update({ content: 'page 2', components: [] });
    });
    expect(await sim.waitForCallback(b.id)).toMatchObject({ type: 7, data: { content: 'page 2', components: [] } });
    await bDone;
  });

  test('a mention and a DM reach messageCreate; message.reply() is recorded', async () => {
    const mention = sim.message('what is on today?', { mentionsBot: true });
    const got = await nextMessage(client, mention.id);
    expect(got.content).toBe(`<@${sim.botUser.id}> what is on today?`);
    expect(got.mentions.users.has(sim.botUser.id)).toBe(true);
    expect(got.guildId).toBe(sim.guildId);
    await got.reply({ content: 'the visit', allowedMentions: { parse: [] } });
    const r = await sim.waitForRequest((q) => q.method === 'POST' && q.path === `/channels/${sim.channelId}/messages`);
    expect(r.body).toMatchObject({ content: 'the visit', message_reference: { message_id: mention.id }, allowed_mentions: { parse: [] } });

    // without the MessageContent intent, a guild message that does not mention the bot has no content
    const plain = sim.message('secret');
    expect((await nextMessage(client, plain.id)).content).toBe('');

    const dm = sim.message('hello in DM', { dm: true });
    const dmMsg = await nextMessage(client, dm.id);
    expect(dmMsg.content).toBe('hello in DM');
    expect(dmMsg.guildId).toBeNull();
    expect(dmMsg.channel.type).toBe(ChannelType.DM);
    await dmMsg.reply('answer');
    const dr = await sim.waitForRequest((q) => q.method === 'POST' && q.path === `/channels/${dm.channelId}/messages`);
    expect(dr.body).toMatchObject({ content: 'answer' });

    // a DM slash command: user instead of member
    const s = sim.slash('ping', [], { dm: true });
    const sDone = onInteraction(client, s.id, async (i) => {
      expect(i.guildId).toBeNull();
      expect(i.member).toBeNull();
      expect(i.user.id).toBe(sim.user.id);
      await (i as ChatInputCommandInteraction).reply('dm reply');
    });
    expect((await sim.waitForCallback(s.id)).data.content).toBe('dm reply');
    await sDone;
  });

  test('REST faults: 429 with retry_after and 500 are retried by discord.js; 10062 after the deadline', async () => {
    sim.failNext(
      { method: 'POST', pathIncludes: '/callback' },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false } },
    );
    const a = sim.slash('ping');
    const aDone = onInteraction(client, a.id, (i) => (i as ChatInputCommandInteraction).reply('after 429'));
    await aDone;
    const tries = sim.requests.filter((r) => r.path.startsWith(`/interactions/${a.id}/`));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(180);

    sim.failNext({ pathIncludes: `/channels/${sim.channelId}/messages` }, { status: 500, body: { message: 'oops', code: 0 } });
    const sent = await (client.channels.cache.get(sim.channelId) as { send(c: string): Promise<Message> }).send('after 500');
    expect(sent.content).toBe('after 500');
    const posts = sim.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${sim.channelId}/messages` && (r.body as { content?: string }).content === 'after 500',
    );
    expect(posts.map((r) => r.status)).toEqual([500, 200]);

    // too slow to acknowledge → Unknown interaction
    sim.interactionTimeoutMs = 100;
    try {
      const late = sim.slash('ping');
      const err = await onInteraction(client, late.id, async (i) => {
        await new Promise((r) => setTimeout(r, 250));
        return (i as ChatInputCommandInteraction).reply('late').catch((e: unknown) => e);
      });
      expect(err).toBeInstanceOf(DiscordAPIError);
      expect((err as DiscordAPIError).code).toBe(10062);
    } finally {
      sim.interactionTimeoutMs = 3000;
    }
  });

  test('limits: over-long content and a bad locale are rejected with 50035', async () => {
    const s = sim.slash('ping');
    const e = await onInteraction(client, s.id, (i) => (i as ChatInputCommandInteraction).reply('x'.repeat(2001)).catch((x: unknown) => x));
    expect(e).toBeInstanceOf(DiscordAPIError);
    expect((e as DiscordAPIError).code).toBe(50035);
    const bad = await client
      .application!.commands.set([{ name: 'brief', description: 'Brief', nameLocalizations: { kk: 'брифинг' } as never }], sim.guildId)
      .catch((x: unknown) => x);
    expect((bad as DiscordAPIError).code).toBe(50035);
    expect(sim.registeredCommands(sim.guildId).map((c) => c.name)).toEqual(['ping']); // unchanged
  });

  test('dropConnection → the client RESUMEs at resume_gateway_url and gets the missed interaction', async () => {
    const opsBefore = sim.gatewayLog.length;
    sim.dropConnection(0);
    // dispatched while the client is disconnected: buffered, replayed after RESUME
    const { id } = sim.slash('ping');
    const handled = onInteraction(client, id, (i) => (i as ChatInputCommandInteraction).reply('replayed'));
    const resume = await sim.waitForGateway((f) => f.op === 6 && sim.gatewayLog.indexOf(f) >= opsBefore);
    expect(resume.d).toMatchObject({ token: sim.token, session_id: expect.any(String), seq: expect.any(Number) });
    expect(sim.connectionLog.find((c) => c.conn === resume.conn)?.path).toBe('/resume');
    await sim.whenReady();
    await handled;
    expect((await sim.waitForCallback(id)).data.content).toBe('replayed');
    // on the new connection: the missed INTERACTION_CREATE is replayed, then RESUMED
    const onNew = sim.serverLog.filter((f) => f.conn === resume.conn && f.op === 0).map((f) => f.t);
    expect(onNew.slice(0, 2)).toEqual(['INTERACTION_CREATE', 'RESUMED']);
    await pingRoundTrip(sim, client, 'after resume');
  });

  test('stopHeartbeatAcks → zombie connection: the client reconnects and resumes', async () => {
    const opsBefore = sim.gatewayLog.length;
    const closed = new Promise<void>((resolve) => client.once(Events.ShardReconnecting, () => resolve()));
    sim.stopHeartbeatAcks(0);
    await closed;
    const resume = await sim.waitForGateway((f) => f.op === 6 && sim.gatewayLog.indexOf(f) >= opsBefore);
    // discord.js closed the zombie connection itself with 4200 ("resuming")
    expect(sim.connectionLog.find((c) => c.conn === resume.conn - 1)?.closeCode).toBe(4200);
    await sim.whenReady();
    // the new connection is acked again
    await sim.waitForGateway((f) => f.op === 1 && f.conn === resume.conn);
    await pingRoundTrip(sim, client, 'after zombie');
  });

  test('invalidateSession → the client IDENTIFYs again and gets the guild again', async () => {
    const identifies = sim.gatewayLog.filter((f) => f.op === 2).length;
    sim.invalidateSession(0);
    // produced while the shard has no session: delivered after the next READY + GUILD_CREATE
    const { id } = sim.slash('ping');
    const handled = onInteraction(client, id, (i) => (i as ChatInputCommandInteraction).reply('queued'));
    // discord.js waits for its identify throttle (≤ 5 s + jitter after the previous IDENTIFY)
    await sim.waitForGateway(() => sim.gatewayLog.filter((f) => f.op === 2).length > identifies, 10_000);
    await sim.whenReady();
    await handled;
    const sentAfter = sim.serverLog
      .filter((f) => f.op === 0)
      .slice(-3)
      .map((f) => f.t);
    expect(sentAfter).toEqual(['READY', 'GUILD_CREATE', 'INTERACTION_CREATE']);
    await pingRoundTrip(sim, client, 'after re-identify');
    expect(client.guilds.cache.get(sim.guildId)?.available).toBe(true);
  }, 15_000);

  test('a wrong token: REST 401 rejects login; IDENTIFY closes with 4004', async () => {
    const bad = new Client({ intents, rest: { api: sim.apiUrl } });
    await expect(bad.login('MTIz.bad.token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await bad.destroy();
    expect(sim.requests.some((r: RecordedRequest) => r.path === '/gateway/bot' && r.status === 401)).toBe(true);

    const ws = new WebSocket(`${sim.gatewayUrl}?v=10&encoding=json`);
    const code = await new Promise<number>((resolve) => {
      ws.on('message', (raw) => {
        const f = JSON.parse(raw.toString()) as { op: number };
        if (f.op === 10) ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {}, shard: [0, 1] } }));
      });
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4004);
  });
});

describe('DiscordSimulator with two shards', () => {
  let sim: DiscordSimulator;
  let client: Client;

  beforeAll(async () => {
    sim = await DiscordSimulator.start({ shards: 2, heartbeatIntervalMs: 1000 });
    client = await login(sim, { shards: 'auto' });
  });

  afterAll(async () => {
    await client?.destroy();
    await sim?.stop();
  });

  test('each shard identifies with its own guild and each guild’s interaction reaches the client', async () => {
    await sim.whenReady(2);
    expect(client.ws.shards.size).toBe(2);
    const ids = sim.gatewayLog.filter((f) => f.op === 2).map((f) => (f.d as { shard: number[] }).shard);
    expect(ids).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(sim.guildIds).toHaveLength(2);
    for (const [i, gid] of sim.guildIds.entries()) {
      expect(client.guilds.cache.get(gid)?.shardId).toBe(i);
      const { id } = sim.slash('ping', [], { guildId: gid });
      const shardOfInteraction = await onInteraction(client, id, async (it) => {
        await (it as ChatInputCommandInteraction).reply(`guild ${i}`);
        return it.guild?.shardId;
      });
      expect(shardOfInteraction).toBe(i);
      expect((await sim.waitForCallback(id)).data.content).toBe(`guild ${i}`);
      expect(sim.serverLog.find((f) => f.t === 'INTERACTION_CREATE' && (f.d as { id: string }).id === id)?.shard).toBe(i);
    }
  });
});
