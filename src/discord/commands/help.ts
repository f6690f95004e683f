/** /help: what the bot knows (releases, dates, counts) and how to ask it, in the user's language. */
import type { APIEmbed } from 'discord.js';
import { releaseDateText, type Engine, type Lang } from '../../core';
import { releasesByDate } from '../releases';
import { fitEmbed, LIMITS, md, truncate, type View } from '../render';
import { BOT_STRINGS, langOf } from '../strings';
import { DEFINITIONS, HELP } from './definitions';
import type { Command } from './types';

type Localized = { name: string; name_localizations?: Partial<Record<string, string>> };

/** The name a user of this language types: Discord shows Russian clients the localized names. */
function localName(x: Localized, lang: Lang): string {
  return (lang === 'ru' ? x.name_localizations?.ru : undefined) ?? x.name;
}

/** "/who-met [person]", "/ask <question>" — from the definitions, so help never drifts from them. */
function usage(lang: Lang): string[] {
  const S = BOT_STRINGS[lang];
  return DEFINITIONS.map((d) => {
    const options = 'options' in d ? d.options : [];
    const args = options.map((o: Localized & { required?: boolean }) => (o.required ? `<${localName(o, lang)}>` : `[${localName(o, lang)}]`));
    return `**/${[localName(d, lang), ...args].join(' ')}** — ${S.helpCommands[d.name] ?? ''}`;
  });
}

/** Lines joined under a field's 1024 characters, with "…and N more" when they do not all fit. */
function boundedLines(lines: string[], lang: Lang): string {
  const out: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const more = BOT_STRINGS[lang].andMore(lines.length - i);
    if (size + line.length + 1 + more.length + 1 > LIMITS.fieldValue) {
      out.push(more);
      break;
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n') || '—';
}

export function renderHelp(engine: Engine, lang: Lang): View {
  const S = BOT_STRINGS[lang];
  const k = engine.knowledge;
  const releases = releasesByDate(k).map((r) => `• ${releaseDateText(r, lang)} — ${md(truncate(r.title, 200))}`);
  const peopleMet = new Set([...k.meetings.values()].flatMap((m) => m.with)).size;
  const embed: APIEmbed = {
    color: 0x5865f2,
    title: S.helpTitle,
    description: [S.helpIntro, '', ...usage(lang), '', S.helpMention].join('\n'),
    fields: [
      { name: S.helpReleases(k.releases.size), value: boundedLines(releases, lang) },
      { name: S.helpCounts, value: S.counts(k.releases.size, peopleMet, k.meetings.size, k.facts.size) },
    ],
  };
  return { embeds: [fitEmbed(embed)], components: [] };
}

export const helpCommand: Command = {
  definition: HELP,
  async execute(interaction, ctx) {
    await interaction.reply(renderHelp(ctx.store.current(), langOf(interaction.locale)));
  },
};
