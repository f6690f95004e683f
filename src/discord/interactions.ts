/**
 * Every interaction enters here, and this is its one error boundary: a failure is logged with
 * { command, userId, guildId } and the user gets an ephemeral apology — as a reply, or as an edit or
 * follow-up when the handler had already deferred or replied.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { BotContext } from './context';
import { COMMANDS_BY_NAME, PAGERS } from './commands';
import { parsePageId, pageIdsFor } from './paging';
import { ephemeral, toChoices } from './render';
import { BOT_STRINGS, langOf } from './strings';

export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await onAutocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await onCommand(ctx, interaction);
    else if (interaction.isButton()) await onButton(ctx, interaction);
  } catch (error) {
    await fail(ctx, interaction, error);
  }
}

async function onCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = COMMANDS_BY_NAME.get(interaction.commandName);
  if (!command) throw new Error(`unknown command /${interaction.commandName} (deploy-commands is out of date?)`);
  const wait = ctx.cooldown.take(interaction.user.id);
  if (wait > 0) {
    await interaction.reply(ephemeral(BOT_STRINGS[langOf(interaction.locale)].cooldown(wait)));
    return;
  }
  ctx.logger.debug({ command: interaction.commandName, userId: interaction.user.id, guildId: interaction.guildId }, 'command');
  await command.execute(interaction, ctx);
}

/** Autocomplete cannot be deferred and has no cooldown: it runs on every keystroke and must answer fast. */
async function onAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const command = COMMANDS_BY_NAME.get(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const suggestions = command?.autocomplete?.(ctx.store.current(), { name: focused.name, value: String(focused.value) }) ?? [];
  await interaction.respond(toChoices(suggestions));
}

/** Page buttons: re-render the page asked for and edit the message in place. */
async function onButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parsePageId(interaction.customId, ctx.longArgs);
  const S = BOT_STRINGS[langOf(interaction.locale)];
  if (!parsed.ok) {
    if (parsed.reason === 'not-a-page') throw new Error(`unknown button ${interaction.customId}`);
    await interaction.reply(ephemeral(S.pageExpired));
    return;
  }
  const view = PAGERS[parsed.ref.kind](ctx.store.current(), parsed.ref, parsed.page, pageIdsFor(parsed.ref, ctx.longArgs, parsed.storedKey));
  if (!view) {
    await interaction.reply(ephemeral(S.pageExpired));
    return;
  }
  await interaction.update(view);
}

async function fail(ctx: BotContext, interaction: Interaction, error: unknown): Promise<void> {
  const where = {
    command: 'commandName' in interaction ? interaction.commandName : undefined,
    customId: interaction.isButton() ? interaction.customId : undefined,
    userId: interaction.user.id,
    guildId: interaction.guildId,
  };
  ctx.logger.error({ ...where, err: error }, 'interaction failed');
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const text = BOT_STRINGS[langOf(interaction.locale)].error;
    if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: text, embeds: [], components: [] });
    else if (interaction.replied) await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral });
    else await interaction.reply(ephemeral(text));
  } catch (again) {
    // The interaction may have expired (3 s / 15 min): nothing more can be said to the user.
    ctx.logger.error({ ...where, err: again }, 'could not tell the user about the failure');
  }
}
