/** /ask question: a free-text question; mentions and DMs are answered the same way (see ../messages.ts). */
import { MAX_QUESTION_LENGTH, STRINGS, ask, type Engine } from '../../core';
import { pageIdsFor, type PageRef } from '../paging';
import { ephemeral, renderAnswer, type PageIdOf, type View } from '../render';
import { noteAnswer, noteOutcome } from '../outcome';
import { langOf } from '../strings';
import { ASK } from './definitions';
import type { Command } from './types';

/** The answer under the question it answers (the language is the question's, detected by the core). */
export function askView(engine: Engine, ref: PageRef, page: number, pageId: PageIdOf): View {
  return renderAnswer(ask(engine, ref.arg), engine.knowledge, { page, pageId, heading: ref.arg });
}

export const askCommand: Command = {
  definition: ASK,
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    const question = interaction.options.getString('question', true).trim();
    // Discord enforces max_length on the option; this is the second line of defence, and a refusal.
    if (question.length > MAX_QUESTION_LENGTH) {
      noteOutcome(interaction, 'refused');
      await interaction.reply(ephemeral(STRINGS[lang].questionTooLong(MAX_QUESTION_LENGTH)));
      return;
    }
    const ref: PageRef = { kind: 'ask', lang, arg: question };
    await interaction.reply(noteAnswer(interaction, askView(ctx.store.current(), ref, 1, pageIdsFor(ref, ctx.longArgs))));
  },
};
