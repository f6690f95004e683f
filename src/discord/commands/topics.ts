/** /topics [counterpart]: what the visit covered, or what was discussed with one counterpart. */
import { suggest, topics, type Engine } from '../../core';
import { pageIdsFor, type PageRef } from '../paging';
import { renderAnswer, type PageIdOf, type View } from '../render';
import { noteAnswer } from '../outcome';
import { langOf } from '../strings';
import { TOPICS } from './definitions';
import { bounded } from './options';
import type { Command } from './types';

export function topicsView(engine: Engine, ref: PageRef, page: number, pageId: PageIdOf): View {
  return renderAnswer(topics(engine, ref.arg || undefined, ref.lang), engine.knowledge, { page, pageId });
}

export const topicsCommand: Command = {
  definition: TOPICS,
  async execute(interaction, ctx) {
    const ref: PageRef = { kind: 'topics', lang: langOf(interaction.locale), arg: bounded(interaction.options.getString('counterpart')) };
    await interaction.reply(noteAnswer(interaction, topicsView(ctx.store.current(), ref, 1, pageIdsFor(ref, ctx.longArgs))));
  },
  autocomplete: (engine, focused) => suggest(engine, focused.value),
};
