/**
 * Who may reload the knowledge every server shares (issue 10, item 5): moderators (Manage Server or a
 * MODERATOR_ROLE_IDS role) of the admin servers (ADMIN_GUILD_IDS), and the application's owner or
 * team from anywhere, DMs included. A Manage Server member — even an Administrator with a moderator
 * role — of any other server is refused, ephemerally, and nothing is reloaded.
 */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { BOT_STRINGS } from '../../src/discord/strings';
import type { InteractionContext, SimUser } from '../simulator/simulator';
import { EPHEMERAL, MOD_ROLE, setup, type Harness, type SentMessage } from '../discord/setup';

/** A moderator role of the second (non-admin) server, listed in MODERATOR_ROLE_IDS too. */
const OTHER_MOD_ROLE = '223344556677889900';
const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);
const ALL = String(PermissionsBitField.All);

async function reload(h: Harness, ctx: InteractionContext): Promise<{ type: number; data?: SentMessage; edit?: SentMessage }> {
  const { id, token } = h.sim.slash('reload', [], ctx);
  const cb = await h.sim.waitForCallback(id);
  if (cb.type !== 5) return { type: cb.type, data: cb.data as SentMessage };
  const edit = await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.sim.applicationId}/${token}/messages/@original`);
  return { type: cb.type, edit: edit.body as SentMessage };
}

function logsWith(h: Harness, msg: string): Array<{ level: number; userId?: string; guildId?: string; as?: string }> {
  return h.logs.map((l) => JSON.parse(l) as { msg: string; level: number }).filter((l) => l.msg === msg);
}

describe('an application owned by a user', () => {
  let h: Harness;
  let reloadSpy: jest.SpyInstance;
  let admin: string;
  let other: string;

  beforeAll(async () => {
    h = await setup({ MODERATOR_ROLE_IDS: `${MOD_ROLE},${OTHER_MOD_ROLE}` }, { sim: { guilds: 2 } });
    [admin, other] = h.sim.guildIds as [string, string];
    h.sim.createRole('other moderators', '0', { id: OTHER_MOD_ROLE, guildId: other });
    await new Promise((r) => setTimeout(r, 100)); // the GUILD_ROLE_CREATE reaches the client
    expect(h.config.adminGuildIds).toEqual([admin]);
    reloadSpy = jest.spyOn(h.store, 'reload');
  });
  afterAll(async () => {
    await h?.teardown();
  });

  test.each([
    ['Manage Server', MANAGE_GUILD, [], 'en-US'],
    ['Administrator', String(PermissionFlagsBits.Administrator), [], 'en-GB'],
    ['every permission and a moderator role', ALL, [OTHER_MOD_ROLE], 'ru'],
    ['a moderator role', '0', [OTHER_MOD_ROLE], 'en-US'],
  ])('in another server, a member with %s is refused and nothing reloads', async (_what, permissions, roles, locale) => {
    const engine = h.store.current();
    const user = h.sim.newUser('other-mod');
    const r = await reload(h, { guildId: other, user, permissions, roles, locale });
    expect(r).toEqual({ type: 4, data: expect.objectContaining({ flags: EPHEMERAL, content: BOT_STRINGS[locale === 'ru' ? 'ru' : 'en'].reloadOtherGuild }) });
    expect(reloadSpy).not.toHaveBeenCalled();
    expect(h.store.current()).toBe(engine);
    expect(logsWith(h, 'reload refused: not an admin server').pop()).toMatchObject({ level: 40, userId: user.id, guildId: other });
  });

  test('in a DM, anyone but the owner is refused', async () => {
    const r = await reload(h, { dm: true, user: h.sim.newUser('dm-user') });
    expect(r.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadGuildOnly });
    expect(reloadSpy).not.toHaveBeenCalled();
  });

  test('in the admin server, a moderator by role reloads; a member without the role or Manage Server does not', async () => {
    const refused = await reload(h, { guildId: admin, user: h.sim.newUser('member'), permissions: '0', roles: [OTHER_MOD_ROLE] });
    expect(refused.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadForbidden });
    expect(reloadSpy).not.toHaveBeenCalled();

    const mod = h.sim.newUser('mod');
    const r = await reload(h, { guildId: admin, user: mod, permissions: '0', roles: [MOD_ROLE] });
    expect(r.edit!.embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
    expect(reloadSpy).toHaveBeenCalledTimes(1);
    expect(logsWith(h, 'knowledge reloaded').pop()).toMatchObject({ userId: mod.id, guildId: admin, as: 'moderator' });
  });

  test('the application’s owner reloads from another server without any permission, and from a DM', async () => {
    const before = reloadSpy.mock.calls.length;
    const inOther = await reload(h, { guildId: other, user: h.sim.owner, permissions: '0', roles: [] });
    expect(inOther.edit!.embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
    const inDm = await reload(h, { dm: true, user: h.sim.owner });
    expect(inDm.edit!.embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
    expect(reloadSpy).toHaveBeenCalledTimes(before + 2);
    expect(logsWith(h, 'knowledge reloaded').slice(-2)).toEqual([
      expect.objectContaining({ userId: h.sim.owner.id, guildId: other, as: 'owner' }),
      expect.objectContaining({ userId: h.sim.owner.id, as: 'owner' }),
    ]);
    // The owners were fetched once (GET /applications/@me) and kept.
    expect(h.sim.requests.filter((r) => r.method === 'GET' && r.path === '/applications/@me')).toHaveLength(1);
  });
});

describe('an application owned by a team', () => {
  let h: Harness;
  let reloadSpy: jest.SpyInstance;
  let other: string;
  const team: Record<string, SimUser> = {};

  beforeAll(async () => {
    h = await setup({}, { sim: { guilds: 2 } });
    other = h.sim.guildIds[1]!;
    for (const name of ['captain', 'admin', 'developer', 'viewer', 'invited']) team[name] = h.sim.newUser(name);
    h.sim.setApplicationOwner({
      ownerId: team.captain!.id,
      members: [
        { user: team.captain!, role: 'admin' },
        { user: team.admin!, role: 'admin' },
        { user: team.developer!, role: 'developer' },
        { user: team.viewer!, role: 'read_only' },
        { user: team.invited!, role: 'admin', state: 1 },
      ],
    });
    reloadSpy = jest.spyOn(h.store, 'reload');
  });
  afterAll(async () => {
    await h?.teardown();
  });

  test('read-only members and pending invitations are refused in another server', async () => {
    for (const name of ['viewer', 'invited']) {
      const r = await reload(h, { guildId: other, user: team[name]!, permissions: MANAGE_GUILD });
      expect(r.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadOtherGuild });
    }
    expect(reloadSpy).not.toHaveBeenCalled();
  });

  test('the team’s owner, admins and developers reload from another server or a DM', async () => {
    for (const [name, ctx] of [
      ['captain', { guildId: other, permissions: '0' }],
      ['admin', { dm: true }],
      ['developer', { guildId: other, permissions: '0' }],
    ] as const) {
      const r = await reload(h, { ...ctx, user: team[name]! });
      expect(r.edit!.embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
    }
    expect(reloadSpy).toHaveBeenCalledTimes(3);
  });
});
