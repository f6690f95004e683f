/** /source [release]: the release itself — title, text in pages, date and source. */
import type { Engine } from '../../core';
import { pageIdsFor, type PageRef } from '../paging';
import { findRelease, suggestReleases } from '../releases';
import { ephemeral, renderRelease, type PageIdOf, type View } from '../render';
import { BOT_STRINGS, langOf } from '../strings';
import { SOURCE } from './definitions';
import { bounded } from './options';
import type { Command } from './types';

/** `ref.arg` is a release id; null once a reload has removed it. */
export function sourceView(engine: Engine, ref: PageRef, page: number, pageId: PageIdOf): View | null {
  const release = engine.knowledge.releases.get(ref.arg);
  return release ? renderRelease(release, ref.lang, { page, pageId }) : null;
}

export const sourceCommand: Command = {
  definition: SOURCE,
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    const engine = ctx.store.current();
    const typed = bounded(interaction.options.getString('release'));
    const release = findRelease(engine.knowledge, typed);
    if (!release) {
      await interaction.reply(ephemeral(typed ? BOT_STRINGS[lang].noRelease(typed) : BOT_STRINGS[lang].noReleases));
      return;
    }
    const ref: PageRef = { kind: 'source', lang, arg: release.id };
    await interaction.reply(renderRelease(release, lang, { page: 1, pageId: pageIdsFor(ref, ctx.longArgs) }));
  },
  autocomplete: (engine, focused) => suggestReleases(engine.knowledge, focused.value),
};
