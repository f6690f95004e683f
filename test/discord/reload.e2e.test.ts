/**
 * /reload end to end, on a copy of the knowledge: refused to non-moderators and in DMs; a moderator
 * (Manage Server, or a MODERATOR_ROLE_IDS role) reloads a good folder and sees what changed, or a
 * broken one and sees the errors while the old knowledge keeps answering.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { BOT_STRINGS } from '../../src/discord/strings';
import { EPHEMERAL, MOD_ROLE, setup, textOf, type Harness, type SentMessage } from './setup';

let h: Harness;
beforeAll(async () => {
  h = await setup();
});
afterAll(async () => {
  await h?.teardown();
});

const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);
const GENEVA = 'releases/2024-02-28-geneva';

/** /reload as someone; returns the first callback and, when deferred, the edit that followed. */
async function reload(ctx: Parameters<Harness['sim']['slash']>[2]): Promise<{ type: number; data: SentMessage; edit?: SentMessage }> {
  const { id, token } = h.sim.slash('reload', [], ctx);
  const cb = await h.sim.waitForCallback(id);
  if (cb.type !== 5) return { type: cb.type, data: cb.data as SentMessage };
  const edit = await h.sim.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.sim.applicationId}/${token}/messages/@original`);
  return { type: cb.type, data: cb.data as SentMessage, edit: edit.body as SentMessage };
}

async function helpText(): Promise<string> {
  const { id } = h.sim.slash('help');
  return textOf((await h.sim.waitForCallback(id)).data as SentMessage);
}

function logLines(): Array<Record<string, unknown>> {
  return h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('refused, ephemerally, to a member without Manage Server or a moderator role', async () => {
  const reloadSpy = jest.spyOn(h.store, 'reload');
  const outsider = h.sim.newUser('mallory');
  const r = await reload({ user: outsider, permissions: '0', roles: [] });
  expect(r.type).toBe(4);
  expect(r.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadForbidden });
  expect(reloadSpy).not.toHaveBeenCalled();
  reloadSpy.mockRestore();
  expect(logLines().find((l) => l.msg === 'reload refused: not a moderator')).toMatchObject({ userId: outsider.id, guildId: h.sim.guildId });
});

test('refused, ephemerally, in a direct message', async () => {
  const r = await reload({ dm: true });
  expect(r.data).toMatchObject({ flags: EPHEMERAL, content: BOT_STRINGS.en.reloadGuildOnly });
});

test('a moderator (Manage Server) reloads a good folder and sees what changed; the new knowledge answers', async () => {
  // A second release: the Geneva one under another id and date.
  const yaml = await fs.readFile(path.join(h.dir, `${GENEVA}.yaml`), 'utf8');
  const bis = yaml.replaceAll('2024-02-28-geneva', '2024-03-01-geneva-bis').replace(/^ {2}date: 2024-02-28$/m, '  date: 2024-03-01');
  await fs.writeFile(path.join(h.dir, 'releases/2024-03-01-geneva-bis.yaml'), bis);
  await fs.copyFile(path.join(h.dir, `${GENEVA}.txt`), path.join(h.dir, 'releases/2024-03-01-geneva-bis.txt'));

  const r = await reload({ permissions: MANAGE_GUILD });
  expect(r.type).toBe(5); // deferred: reading files may outlast the 3-second deadline
  expect(r.data.flags).toBe(EPHEMERAL);
  const embed = r.edit!.embeds![0]!;
  expect(embed.title).toBe(BOT_STRINGS.en.reloaded);
  expect(embed.description).toContain(`**${BOT_STRINGS.en.releasesAdded}** (1): 2024-03-01-geneva-bis`);
  expect(embed.description).toMatch(/Facts: \d+ → \d+/);
  expect(logLines().find((l) => l.msg === 'knowledge reloaded')).toMatchObject({
    userId: h.sim.user.id,
    guildId: h.sim.guildId,
    changes: { releasesAdded: ['2024-03-01-geneva-bis'] },
  });
  expect(await helpText()).toContain('Releases (2)');
});

test('a moderator by role reloads a broken folder: sees the errors, and the old knowledge keeps answering', async () => {
  const file = path.join(h.dir, `${GENEVA}.yaml`);
  const yaml = await fs.readFile(file, 'utf8');
  const broken = yaml.replace('quote: UN Secretary-General António Guterres\n', 'quote: UN Secretary-General António Guterres the Magnificent\n');
  expect(broken).not.toBe(yaml);
  await fs.writeFile(file, broken);

  const moderator = h.sim.newUser('mod');
  const r = await reload({ user: moderator, permissions: '0', roles: [MOD_ROLE] });
  expect(r.type).toBe(5);
  expect(r.data.flags).toBe(EPHEMERAL);
  const embed = r.edit!.embeds![0]!;
  expect(embed.title).toMatch(/^Reload failed with \d+ errors?: the previous knowledge keeps answering\.$/);
  expect(embed.description).toContain(`${GENEVA}.yaml`);
  expect(embed.description).not.toContain(h.dir); // paths relative to the knowledge folder
  expect(embed.description!.length).toBeLessThanOrEqual(4096);
  expect(logLines().find((l) => l.msg?.toString().startsWith('knowledge reload failed'))).toMatchObject({ userId: moderator.id });

  // Still the knowledge of the last good reload.
  expect(await helpText()).toContain('Releases (2)');
  const { id } = h.sim.slash('who-met', [{ name: 'person', type: 3, value: 'Guterres' }]);
  expect(textOf((await h.sim.waitForCallback(id)).data as SentMessage)).toContain('António Guterres');
});

test('a reload that crashes after deferring: the error boundary edits the deferred reply', async () => {
  const spy = jest.spyOn(h.store, 'reload').mockRejectedValueOnce(new Error('disk on fire'));
  try {
    const r = await reload({ permissions: MANAGE_GUILD });
    expect(r.type).toBe(5);
    expect(r.edit).toMatchObject({ content: BOT_STRINGS.en.error, embeds: [], components: [] });
    expect(logLines().find((l) => l.msg === 'interaction failed' && l.command === 'reload')).toMatchObject({
      userId: h.sim.user.id,
      guildId: h.sim.guildId,
      err: { message: 'disk on fire' },
    });
  } finally {
    spy.mockRestore();
  }
});

test('the token never appears in the logs', () => {
  expect(h.logs.join('\n')).not.toContain(h.sim.token);
});
