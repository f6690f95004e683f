/** /source [release]: the release itself — title, text in pages, date and source. */
import type { Engine, Lang } from '../../core';
import { pageIdsFor, type LongArgs, type PageRef } from '../paging';
import { findRelease, suggestReleases } from '../releases';
import { ephemeral, md, renderRelease, type PageIdOf, type View } from '../render';
import { noteOutcome } from '../outcome';
import { BOT_STRINGS, langOf } from '../strings';
import { SOURCE } from './definitions';
import { bounded } from './options';
import type { Command } from './types';

/** `ref.arg` is a release id; null once a reload has removed it. */
export function sourceView(engine: Engine, ref: PageRef, page: number, pageId: PageIdOf): View | null {
  const release = engine.knowledge.releases.get(ref.arg);
  return release ? renderRelease(release, ref.lang, { page, pageId }) : null;
}

/** The reply to /source: the release the user typed (or the newest), or an ephemeral "no release matches". */
export function sourceReply(engine: Engine, typed: string, lang: Lang, longArgs: LongArgs): View {
  const release = findRelease(engine.knowledge, typed);
  // The user's words, in a message that renders Markdown and mentions: escaped and defused.
  if (!release) return ephemeral(typed ? BOT_STRINGS[lang].noRelease(md(typed)) : BOT_STRINGS[lang].noReleases);
  const ref: PageRef = { kind: 'source', lang, arg: release.id };
  return renderRelease(release, lang, { page: 1, pageId: pageIdsFor(ref, longArgs) });
}

export const sourceCommand: Command = {
  definition: SOURCE,
  async execute(interaction, ctx) {
    const typed = bounded(interaction.options.getString('release'));
    const engine = ctx.store.current();
    if (!findRelease(engine.knowledge, typed)) noteOutcome(interaction, 'not_found');
    await interaction.reply(sourceReply(engine, typed, langOf(interaction.locale), ctx.longArgs));
  },
  autocomplete: (engine, focused) => suggestReleases(engine.knowledge, focused.value),
};
