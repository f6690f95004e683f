/**
 * Permissions (issue 5, item 4): /reload from a member with neither Manage Server nor a moderator
 * role is refused whatever it carries — any other permission bits, look-alike roles, extra and
 * unknown options (a role option naming the moderator role, a user option naming a moderator,
 * sub-commands, hostile strings) — and from a DM always. Other doors (autocomplete on /reload, a
 * forged button, the text "/reload" in a mention or DM) lead nowhere either. A refused reload changes
 * nothing: store.reload is never called and the same knowledge keeps answering — although the folder
 * on disk has changed and a moderator's reload, at the end, picks that change up.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { Engine } from '../../src/core';
import { BOT_STRINGS } from '../../src/discord/strings';
import type { SimOption } from '../simulator';
import { EPHEMERAL, MOD_ROLE, setup, textOf, type Harness, type SentMessage } from '../discord/setup';
import { SEED, hostileText } from './hostile-input';

const RUNS = { member: 150, dm: 50 } as const;
const GENEVA = 'releases/2024-02-28-geneva';

let h: Harness;
let reloadSpy: jest.SpyInstance;
let engineBefore: Engine;

beforeAll(async () => {
  h = await setup();
  // The folder changes on disk (a second release): any reload that runs would show it.
  const yaml = await fs.readFile(path.join(h.dir, `${GENEVA}.yaml`), 'utf8');
  const bis = yaml.replaceAll('2024-02-28-geneva', '2024-03-01-geneva-bis').replace(/^ {2}date: 2024-02-28$/m, '  date: 2024-03-01');
  await fs.writeFile(path.join(h.dir, 'releases/2024-03-01-geneva-bis.yaml'), bis);
  await fs.copyFile(path.join(h.dir, `${GENEVA}.txt`), path.join(h.dir, 'releases/2024-03-01-geneva-bis.txt'));
  reloadSpy = jest.spyOn(h.store, 'reload');
  engineBefore = h.store.current();
});
afterAll(async () => {
  await h?.teardown();
});

const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
const ADMINISTRATOR = PermissionFlagsBits.Administrator;
/** Every permission Discord defines, but neither Manage Server nor Administrator (which implies it). */
const ALL_BUT = new PermissionsBitField(PermissionsBitField.All).remove(MANAGE_GUILD, ADMINISTRATOR).bitfield;

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n - 1n }).map(String);
/** A role id that is not the moderator role: random, @everyone (the guild id), or one digit off. */
const otherRole = (): fc.Arbitrary<string> =>
  fc.oneof(
    snowflake,
    fc.constant(h.sim.guildId),
    fc.integer({ min: 0, max: 17 }).map((i) => MOD_ROLE.slice(0, i) + String((Number(MOD_ROLE[i]) + 1) % 10) + MOD_ROLE.slice(i + 1)),
  );
/** Any permission bits but Manage Server / Administrator. */
const notModeratorPermissions = fc.bigInt({ min: 0n, max: ALL_BUT }).map((bits) => String(bits & ALL_BUT));

/** Options /reload does not define, of every type, some aimed at the permission check itself. */
const extraOption: fc.Arbitrary<SimOption> = fc.oneof(
  fc.record({
    name: fc.constantFrom('force', 'confirm', 'as', 'sudo', 'admin', 'permissions', 'question'),
    type: fc.constant(3),
    value: fc.oneof(
      hostileText.map((s) => s.slice(0, 200)),
      fc.constantFrom('true', MOD_ROLE, '32', '8', 'ManageGuild'),
    ),
  }),
  fc.record({ name: fc.constantFrom('permissions', 'level', 'shard'), type: fc.constant(4), value: fc.constantFrom(32, 8, 2147483647, -1, 0) }),
  fc.record({ name: fc.constantFrom('force', 'all-shards'), type: fc.constant(5), value: fc.boolean() }),
  fc.record({ name: fc.constant('as-user'), type: fc.constant(6), value: fc.constantFrom('user') }).map((o) => ({ ...o, value: h.sim.user.id })),
  fc.record({ name: fc.constant('role'), type: fc.constant(8), value: fc.constant(MOD_ROLE) }),
  fc.record({ name: fc.constant('mentionable'), type: fc.constant(9), value: fc.constant(MOD_ROLE) }),
  fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/), type: fc.constant(3), value: hostileText.map((s) => s.slice(0, 100)) }),
);
const extraOptions: fc.Arbitrary<SimOption[]> = fc.oneof(
  fc.uniqueArray(extraOption, { maxLength: 5, selector: (o) => o.name }),
  // as a sub-command, or a group with a sub-command
  fc.uniqueArray(extraOption, { maxLength: 3, selector: (o) => o.name }).map((opts) => [{ name: 'now', type: 1, options: opts } as SimOption]),
  fc
    .uniqueArray(extraOption, { maxLength: 3, selector: (o) => o.name })
    .map((opts) => [{ name: 'knowledge', type: 2, options: [{ name: 'all', type: 1, options: opts }] } as SimOption]),
);

let refusals = 0;

async function refused(ctx: Parameters<Harness['sim']['slash']>[2], options: SimOption[], expected: string): Promise<void> {
  const { id } = h.sim.slash('reload', options, ctx);
  const cb = await h.sim.waitForCallback(id);
  expect({ type: cb.type, data: cb.data }).toEqual({ type: 4, data: expect.objectContaining({ flags: EPHEMERAL, content: expected }) });
  refusals++;
}

function expectNothingChanged(): void {
  expect(reloadSpy).not.toHaveBeenCalled();
  expect(h.store.current()).toBe(engineBefore);
  expect(h.store.current().knowledge.releases.size).toBe(1);
}

test(`${RUNS.member} members without Manage Server or a moderator role, with any other permissions, look-alike roles and extra options: refused`, async () => {
  await fc.assert(
    fc.asyncProperty(
      notModeratorPermissions,
      fc.uniqueArray(otherRole(), { maxLength: 4 }),
      extraOptions,
      fc.constantFrom('en-US', 'ru', 'de'),
      async (permissions, roles, options, locale) => {
        const user = h.sim.newUser('mallory');
        await refused({ user, permissions, roles, locale }, options, BOT_STRINGS[locale === 'ru' ? 'ru' : 'en'].reloadForbidden);
        expectNothingChanged();
      },
    ),
    { seed: SEED, numRuns: RUNS.member, endOnFailure: true },
  );
  const refusedLogs = h.logs.map((l) => JSON.parse(l) as { msg: string; level: number }).filter((l) => l.msg === 'reload refused: not a moderator');
  expect(refusedLogs.length).toBe(RUNS.member);
  expect(refusedLogs.every((l) => l.level === 40)).toBe(true);
});

test(`${RUNS.dm} DMs, from anyone with any options: refused (reloading is for servers)`, async () => {
  await fc.assert(
    fc.asyncProperty(extraOptions, fc.boolean(), async (options, asDefaultUser) => {
      // the default user is the guild's owner in the simulator; DMs carry no member, so no permissions
      const user = asDefaultUser ? h.sim.user : h.sim.newUser('dm-user');
      await refused({ user, dm: true, permissions: String(PermissionsBitField.All), roles: [MOD_ROLE] }, options, BOT_STRINGS.en.reloadGuildOnly);
      expectNothingChanged();
    }),
    { seed: SEED, numRuns: RUNS.dm, endOnFailure: true },
  );
});

test('no other door: autocomplete on /reload, a forged button, "/reload" typed in a mention or a DM', async () => {
  const outsider = h.sim.newUser('mallory');
  const ac = h.sim.autocomplete('reload', [{ name: 'force', type: 3, value: 'yes' }], { user: outsider, permissions: '0' });
  expect(await h.sim.waitForCallback(ac.id)).toEqual({ type: 8, data: { choices: [] } });

  for (const customId of ['reload', 'page:reload:en:1:', 'page:source:en:1:#reload']) {
    const b = h.sim.button(customId, { content: 'x' }, { user: outsider, permissions: '0' });
    const cb = await h.sim.waitForCallback(b.id);
    expect(cb.data.flags).toBe(EPHEMERAL);
  }
  for (const opts of [
    { mentionsBot: true, author: outsider },
    { dm: true, author: outsider },
  ]) {
    const m = h.sim.message('/reload', opts);
    await h.sim.waitForRequest((r) => r.method === 'POST' && (r.body as SentMessage | null)?.message_reference?.message_id === m.id);
  }
  expectNothingChanged();
});

test('after every refusal the same knowledge answers; a moderator’s reload (control) then picks up the folder’s change', async () => {
  const help = async (): Promise<string> => {
    const { id } = h.sim.slash('help');
    return textOf((await h.sim.waitForCallback(id)).data as SentMessage);
  };
  expect(refusals).toBe(RUNS.member + RUNS.dm);
  expect(await help()).toContain('Releases (1)');
  expectNothingChanged();

  // Control: the same extra options from a moderator by role do not stand in the way.
  const { id, token } = h.sim.slash('reload', [{ name: 'force', type: 5, value: true }], { user: h.sim.newUser('mod'), permissions: '0', roles: [MOD_ROLE] });
  expect((await h.sim.waitForCallback(id)).type).toBe(5);
  const edit = await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.sim.applicationId}/${token}/messages/@original`);
  expect((edit.body as SentMessage).embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
  expect(reloadSpy).toHaveBeenCalledTimes(1);
  expect(h.store.current()).not.toBe(engineBefore);
  expect(await help()).toContain('Releases (2)');

  // Administrator implies Manage Server (Discord's rule, and discord.js's `has`).
  const admin = h.sim.slash('reload', [], { user: h.sim.newUser('admin'), permissions: String(ADMINISTRATOR) });
  expect((await h.sim.waitForCallback(admin.id)).type).toBe(5);
  const adminEdit = await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.sim.applicationId}/${admin.token}/messages/@original`);
  expect((adminEdit.body as SentMessage).embeds![0]!.title).toBe(BOT_STRINGS.en.reloaded);
});
