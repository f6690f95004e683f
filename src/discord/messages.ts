/**
 * Free text outside commands: a direct message, or a message that mentions the bot, is answered like
 * /ask, as a reply. Without the privileged Message Content intent Discord still delivers the content
 * of exactly these messages (https://support-dev.discord.com/hc/en-us/articles/4404772028055).
 */
import type { Message } from 'discord.js';
import type { BotContext } from './context';
import { ask } from '../core';
import { noteAnswer, outcomeOf } from './outcome';
import { pageIdsFor, type PageRef } from './paging';
import { renderAnswer } from './render';

/** The bot's own mention, "<@id>" or the legacy nickname form "<@!id>". */
const mentionOf = (botId: string): RegExp => new RegExp(`<@!?${botId}>`, 'g');

/** The question in a message meant for the bot, or null when the message is not for it. */
export function questionFor(message: Message, botId: string): string | null {
  if (message.author.bot || message.author.id === botId || message.system) return null;
  const mention = mentionOf(botId);
  const inDm = !message.inGuild();
  // Only an explicit mention in the text counts: a reply to the bot also "mentions" it, but such
  // replies are often conversation between people rather than questions.
  if (!inDm && !mention.test(message.content)) return null;
  return message.content.replace(mentionOf(botId), ' ').replace(/\s+/g, ' ').trim();
}

export async function handleMessage(ctx: BotContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  const question = questionFor(message, botId);
  if (question === null) return;
  const where = { userId: message.author.id, guildId: message.guildId, channelId: message.channelId };
  const started = performance.now();
  const count = (status: 'answered' | 'not_found' | 'refused' | 'error'): void =>
    ctx.metrics.interaction('mention', status, (performance.now() - started) / 1000);
  try {
    // No ephemeral messages outside interactions: a user in cooldown is ignored rather than answered in public.
    if (ctx.cooldown.take(message.author.id) > 0) {
      ctx.logger.debug(where, 'message ignored: cooldown');
      count('refused');
      return;
    }
    // A message carries no locale (interactions do): the reply, its buttons included, is in the question's language, as the core reads it.
    const engine = ctx.store.current();
    const answer = ask(engine, question);
    const ref: PageRef = { kind: 'ask', lang: answer.lang, arg: question };
    const view = noteAnswer(message, renderAnswer(answer, engine.knowledge, { page: 1, pageId: pageIdsFor(ref, ctx.longArgs), heading: question }));
    // The question may contain @everyone, @here or <@&role>: nothing in the reply pings, not even the asker.
    await message.reply({ ...view, allowedMentions: { parse: [], repliedUser: false } });
    count(outcomeOf(message));
  } catch (error) {
    ctx.logger.error({ ...where, err: error }, 'message answer failed');
    count('error');
  }
}
