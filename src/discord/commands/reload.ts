/**
 * /reload: moderators re-read and validate the knowledge folder; the store swaps it in atomically or,
 * on failure, keeps the old one answering. Every server shares that knowledge, so only the admin
 * servers' moderators (ADMIN_GUILD_IDS) and the application's owner or team (from anywhere, DMs
 * included) may reload. Discord hides the command from members without Manage Server, but servers
 * can override that, so the permission is checked again here.
 */
import path from 'node:path';
import { MessageFlags, PermissionFlagsBits, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import { formatErrors, type KnowledgeChanges, type KnowledgeError, type Lang } from '../../core';
import { reloadOtherShards, shardIdOf, type ShardReloadOutcome } from '../../app/shard';
import { ephemeral, fitEmbed, md, truncate, type View } from '../render';
import { noteOutcome } from '../outcome';
import { BOT_STRINGS, langOf } from '../strings';
import type { BotContext } from '../context';
import { RELOAD } from './definitions';
import type { Command } from './types';

/** Error lines shown to the moderator; the rest are counted ("…and N more") and all are logged. */
const MAX_ERROR_LINES = 15;
const MAX_ERROR_LINE = 300;

/** Manage Server, or one of MODERATOR_ROLE_IDS. */
export function isModerator(interaction: ChatInputCommandInteraction, moderatorRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  // An uncached member arrives as raw API data (role ids), a cached one as a GuildMember.
  const ids = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return ids.some((id) => moderatorRoleIds.includes(id));
}

/** Who may reload: `as` says why; a refusal says which reply to give. */
export type ReloadPermission = { ok: true; as: 'moderator' | 'owner' } | { ok: false; reason: 'dm' | 'other-guild' | 'not-moderator' };

export async function reloadPermission(interaction: ChatInputCommandInteraction, ctx: Pick<BotContext, 'config' | 'owners'>): Promise<ReloadPermission> {
  const adminGuild = interaction.inGuild() && ctx.config.adminGuildIds.includes(interaction.guildId);
  if (adminGuild && isModerator(interaction, ctx.config.moderatorRoleIds)) return { ok: true, as: 'moderator' };
  // Asked only now: a moderator's reload never waits for the application's owners.
  if (await ctx.owners.has(interaction.user.id)) return { ok: true, as: 'owner' };
  if (!interaction.inGuild()) return { ok: false, reason: 'dm' };
  return { ok: false, reason: adminGuild ? 'not-moderator' : 'other-guild' };
}

function list(title: string, names: readonly string[]): string[] {
  return names.length ? [`**${title}** (${names.length}): ${truncate(md(names.join(', ')), 900)}`] : [];
}

export function renderReloaded(changes: KnowledgeChanges, lang: Lang): View {
  const S = BOT_STRINGS[lang];
  const lines = [
    ...list(S.releasesAdded, changes.releasesAdded),
    ...list(S.releasesRemoved, changes.releasesRemoved),
    ...list(S.peopleAdded, changes.peopleAdded),
    ...list(S.peopleRemoved, changes.peopleRemoved),
  ];
  if (changes.factsBefore !== changes.factsAfter) lines.push(S.facts(changes.factsBefore, changes.factsAfter));
  const embed: APIEmbed = { color: 0x57f287, title: S.reloaded, description: (lines.length ? lines : [S.reloadUnchanged]).join('\n') };
  return { embeds: [fitEmbed(embed)], components: [] };
}

export function renderReloadFailed(errors: readonly KnowledgeError[], dir: string, lang: Lang): View {
  const S = BOT_STRINGS[lang];
  // Paths relative to the knowledge folder: shorter, and they do not show the server's file system
  // (the folder itself is named by its last part only).
  const relative = (line: string): string => line.split(`${dir}${path.sep}`).join('').split(dir).join(path.basename(dir));
  const lines = formatErrors(errors).map((l) => truncate(relative(l).replaceAll('```', "'''"), MAX_ERROR_LINE));
  const shown = lines.slice(0, MAX_ERROR_LINES);
  if (lines.length > shown.length) shown.push(S.andMore(lines.length - shown.length));
  const embed: APIEmbed = { color: 0xed4245, title: truncate(S.reloadFailed(errors.length), 256), description: `\`\`\`\n${shown.join('\n')}\n\`\`\`` };
  return { embeds: [fitEmbed(embed)], components: [] };
}

/**
 * The reload view, plus one field on how the other shards fared (this shard reloaded already).
 * Amber instead of green when any of them did not reload. A failed shard shows its first error
 * lines (the rest are in that shard's log), so the field stays within Discord's 1,024 characters.
 */
export function withShards(view: View, others: readonly ShardReloadOutcome[], lang: Lang): View {
  const S = BOT_STRINGS[lang];
  const remote = others.filter((o) => o.status !== 'self');
  const reloaded = 1 + remote.filter((o) => o.status === 'reloaded').length;
  const lines = [S.shardsReloaded(reloaded, remote.length + 1)];
  for (const o of remote) {
    if (o.status === 'failed')
      lines.push(S.shardFailed(o.shard, o.errorCount), ...o.errors.slice(0, 3).map((e) => `\`${truncate(e.replaceAll('`', "'"), 180)}\``));
    else if (o.status === 'unreachable') lines.push(S.shardUnreachable(o.shard, truncate(o.error, 200)));
  }
  const [embed, ...rest] = view.embeds;
  if (!embed) return view;
  const allReloaded = reloaded === remote.length + 1;
  // Error lines go in inline code (markdown-inert; backticks replaced above).
  const next: APIEmbed = {
    ...embed,
    ...(allReloaded ? {} : { color: 0xfee75c }),
    fields: [...(embed.fields ?? []), { name: S.shardsField, value: lines.join('\n') }],
  };
  return { ...view, embeds: [fitEmbed(next), ...rest] };
}

export const reloadCommand: Command = {
  definition: RELOAD,
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    const S = BOT_STRINGS[lang];
    const permission = await reloadPermission(interaction, ctx);
    const who = { userId: interaction.user.id, guildId: interaction.guildId, ...(permission.ok ? { as: permission.as } : {}) };
    if (!permission.ok) {
      const refusal = {
        dm: { log: 'reload refused: not in a server', text: S.reloadGuildOnly },
        'other-guild': { log: 'reload refused: not an admin server', text: S.reloadOtherGuild },
        'not-moderator': { log: 'reload refused: not a moderator', text: S.reloadForbidden },
      }[permission.reason];
      if (permission.reason === 'dm') ctx.logger.info(who, refusal.log);
      else ctx.logger.warn(who, refusal.log);
      noteOutcome(interaction, 'refused');
      await interaction.reply(ephemeral(refusal.text));
      return;
    }
    // Reading and validating the folder can take longer than Discord's 3-second deadline.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await ctx.store.reload();
    if (result.ok) {
      ctx.logger.info({ ...who, changes: result.changes }, 'knowledge reloaded');
      // Sharded (npm run start:sharded): every other shard's process reloads its own store too.
      const others = await reloadOtherShards(interaction.client);
      if (!others) {
        await interaction.editReply(renderReloaded(result.changes, lang));
        return;
      }
      const self = shardIdOf(interaction.client);
      ctx.logger.info({ ...who, shardId: self, shards: others.map((o) => ({ shard: o.shard, status: o.status })) }, 'knowledge reloaded on the other shards');
      await interaction.editReply(withShards(renderReloaded(result.changes, lang), others, lang));
    } else {
      ctx.logger.warn({ ...who, errors: formatErrors(result.errors) }, 'knowledge reload failed; the previous knowledge keeps answering');
      await interaction.editReply(renderReloadFailed(result.errors, ctx.store.dir, lang));
    }
  },
};
