/**
 * Every interaction enters here, and this is its one error boundary: a failure is logged with
 * { command, userId, guildId } and the user gets an ephemeral apology — as a reply, or as an edit or
 * follow-up when the handler had already deferred or replied. A command still running near Discord's
 * 3-second deadline is deferred here too (deferIfSlow); an interaction Discord has already forgotten
 * (10062) is logged as expired, with no apology attempted.
 */
import {
  DiscordAPIError,
  MessageFlags,
  MessageFlagsBitField,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Logger } from '../app/log';
import type { InteractionStatus } from '../app/metrics';
import type { BotContext } from './context';
import { COMMANDS_BY_NAME, PAGERS } from './commands';
import { noteOutcome, outcomeOf } from './outcome';
import { parsePageId, pageIdsFor } from './paging';
import { ephemeral, toChoices } from './render';
import { BOT_STRINGS, langOf } from './strings';

/** Discord's deadline is 3 s from when it sent the interaction: 2 s leaves room for latency and the deferral's own round trip. */
export const DEFER_AFTER_MS = 2000;

export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  const started = performance.now();
  let failed = false;
  try {
    if (interaction.isAutocomplete()) await onAutocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await onCommand(ctx, interaction);
    else if (interaction.isButton()) await onButton(ctx, interaction);
  } catch (error) {
    failed = true;
    await fail(ctx, interaction, error);
  }
  // Metrics: every command and page button once (autocomplete, on every keystroke, is not counted).
  const command = interaction.isChatInputCommand() ? interaction.commandName : interaction.isButton() ? 'button' : undefined;
  if (command) {
    const status: InteractionStatus = failed ? 'error' : outcomeOf(interaction);
    ctx.metrics.interaction(command, status, (performance.now() - started) / 1000);
  }
}

async function onCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = COMMANDS_BY_NAME.get(interaction.commandName);
  if (!command) throw new Error(`unknown command /${interaction.commandName} (deploy-commands is out of date?)`);
  const wait = ctx.cooldown.take(interaction.user.id);
  if (wait > 0) {
    noteOutcome(interaction, 'refused');
    await interaction.reply(ephemeral(BOT_STRINGS[langOf(interaction.locale)].cooldown(wait)));
    return;
  }
  ctx.logger.debug({ command: interaction.commandName, userId: interaction.user.id, guildId: interaction.guildId }, 'command');
  const deferral = deferIfSlow(interaction, ctx.deferAfterMs, ctx.logger);
  try {
    await command.execute(interaction, ctx);
  } finally {
    deferral.stop();
  }
}

/**
 * Discord forgets an interaction not acknowledged within 3 s (then: 10062 Unknown interaction). A
 * command still running after `afterMs` is deferred ("Attaché is thinking…"), and its reply()
 * becomes an edit of that message — or, when the reply is ephemeral and the deferral was not, the
 * public placeholder is deleted and the reply sent as an ephemeral follow-up. Handlers keep calling
 * reply(); a handler that defers by itself (/reload) is left alone. Only a handler that awaits can be
 * deferred: a synchronous one blocks the timer along with everything else. Today that is /reload
 * before its own deferral: a non-moderator's permission check awaits the application's owners
 * (GET /applications/@me, owners.ts), which a 429's retry_after can hold past the deadline. The
 * answering commands build their reply synchronously, so for them this is a safety net for any
 * handler that comes to await. (Known gap: when this fires first, /reload's ephemeral deferral
 * becomes the public placeholder, so its result is edited in publicly.)
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction)
 */
function deferIfSlow(interaction: ChatInputCommandInteraction, afterMs: number, logger: Logger): { stop(): void } {
  if (!Number.isFinite(afterMs)) return { stop() {} };
  const where = { command: interaction.commandName, userId: interaction.user.id, guildId: interaction.guildId };
  let deferring: Promise<unknown> | undefined;
  // The handler's own acknowledgement is on its way: deferring now would be a second one (40060).
  let acknowledging = false;
  const timer = setTimeout(() => {
    if (acknowledging || interaction.deferred || interaction.replied) return;
    logger.debug({ ...where, afterMs }, 'slow command: deferring its reply');
    deferring = interaction.deferReply().catch((error: unknown) => logger.warn({ ...where, err: error }, 'could not defer a slow command'));
  }, afterMs);
  const reply = interaction.reply.bind(interaction);
  const deferReply = interaction.deferReply.bind(interaction);
  const ownDeferral = (): boolean => deferring !== undefined && interaction.deferred && !interaction.replied;

  interaction.reply = (async (options: string | InteractionReplyOptions) => {
    clearTimeout(timer);
    if (deferring) await deferring;
    if (!ownDeferral()) {
      acknowledging = true;
      return reply(options as InteractionReplyOptions);
    }
    const { flags, withResponse: _, ...message } = typeof options === 'string' ? ({ content: options } as InteractionReplyOptions) : options;
    if (flags !== undefined && new MessageFlagsBitField(flags as number).has(MessageFlags.Ephemeral)) {
      await interaction.deleteReply();
      return interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    }
    return interaction.editReply(message);
  }) as unknown as typeof interaction.reply;

  interaction.deferReply = (async (options?: Parameters<typeof deferReply>[0]) => {
    clearTimeout(timer);
    if (deferring) await deferring;
    if (ownDeferral()) return undefined;
    acknowledging = true;
    return deferReply(options);
  }) as unknown as typeof interaction.deferReply;

  return { stop: () => clearTimeout(timer) };
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
  if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
    // Too late (3 s) or already gone: Discord will not take an answer, not even an apology.
    ctx.logger.warn({ ...where, err: error }, 'interaction expired before it was answered');
    return;
  }
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
