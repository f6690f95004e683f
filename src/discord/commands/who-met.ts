/** /who-met [person]: every counterpart of the visits, or those a name, title, organization or country points to. */
import { suggest, whoMet, type Engine } from '../../core';
import { pageIdsFor, type PageRef } from '../paging';
import { renderAnswer, type PageIdOf, type View } from '../render';
import { noteAnswer } from '../outcome';
import { langOf } from '../strings';
import { WHO_MET } from './definitions';
import { bounded } from './options';
import type { Command } from './types';

export function whoMetView(engine: Engine, ref: PageRef, page: number, pageId: PageIdOf): View {
  return renderAnswer(whoMet(engine, ref.arg || undefined, ref.lang), engine.knowledge, { page, pageId });
}

export const whoMetCommand: Command = {
  definition: WHO_MET,
  async execute(interaction, ctx) {
    const ref: PageRef = { kind: 'who-met', lang: langOf(interaction.locale), arg: bounded(interaction.options.getString('person')) };
    await interaction.reply(noteAnswer(interaction, whoMetView(ctx.store.current(), ref, 1, pageIdsFor(ref, ctx.longArgs))));
  },
  autocomplete: (engine, focused) => suggest(engine, focused.value),
};
