/**
 * What the Discord adapter itself says (the answers' own sentences live in the core's STRINGS):
 * one place, in English and Russian, so tests assert on these and translation has one home.
 */
import { plural, type Lang } from '../core';

/** Discord sends locales like "ru", "en-US", "en-GB": replies are Russian for "ru", else English. */
export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const en = {
  error: 'Something went wrong while answering. Please try again in a moment.',
  cooldown: (seconds: number) => `Please wait ${seconds} s before your next request.`,
  pageExpired: 'This list has expired: run the command again to see it.',
  noRelease: (what: string) => `No release matches “${what}”.`,
  noReleases: 'No release is loaded yet.',
  previous: 'Previous',
  next: 'Next',
  reloadGuildOnly: 'Reloading works only in the bot’s admin server, not in direct messages.',
  reloadForbidden: 'Only moderators (Manage Server permission or a moderator role) can reload the knowledge.',
  reloadOtherGuild: 'Every server shares the same knowledge, so it can be reloaded only from the bot’s admin server.',
  reloaded: 'Knowledge reloaded.',
  reloadUnchanged: 'Nothing changed.',
  releasesAdded: 'Releases added',
  releasesRemoved: 'Releases removed',
  peopleAdded: 'People added',
  peopleRemoved: 'People removed',
  facts: (before: number, after: number) => `Facts: ${before} → ${after}`,
  reloadFailed: (n: number) => `Reload failed with ${n} error${n === 1 ? '' : 's'}: the previous knowledge keeps answering.`,
  andMore: (n: number) => `…and ${n} more`,
  helpTitle: 'Attaché: what I know and how to ask',
  helpIntro: 'I answer questions about diplomatic press releases, quoting their own words.',
  helpCommands: {
    'who-met': 'who was met, or who matches a name, title, organization or country',
    topics: 'what the visit covered, or what one meeting covered',
    ask: 'any question in your own words, in English or Russian',
    source: 'the release itself, page by page',
    help: 'this message',
    reload: 'moderators: re-read the knowledge after editing it',
  } as Record<string, string>,
  helpMention: 'You can also mention me with a question, or send me a direct message.',
  helpReleases: (n: number) => `Releases (${n})`,
  helpCounts: 'What is loaded',
  counts: (releases: number, people: number, meetings: number, facts: number) =>
    `${releases} release(s) · ${people} people met · ${meetings} meetings · ${facts} facts`,
  shardsField: 'Shards',
  shardsReloaded: (reloaded: number, total: number) => `${reloaded} of ${total} shards reloaded.`,
  shardFailed: (shard: number, n: number) => `Shard ${shard}: reload failed with ${n} error${n === 1 ? '' : 's'}; it keeps its previous knowledge.`,
  shardUnreachable: (shard: number, why: string) => `Shard ${shard}: not reached (${why}).`,
};

const ru: typeof en = {
  error: 'Не удалось ответить из-за ошибки. Попробуйте ещё раз чуть позже.',
  cooldown: (seconds) => `Подождите ${seconds} с перед следующим запросом.`,
  pageExpired: 'Этот список устарел: выполните команду ещё раз.',
  noRelease: (what) => `Нет релиза, похожего на «${what}».`,
  noReleases: 'Релизы ещё не загружены.',
  previous: 'Назад',
  next: 'Далее',
  reloadGuildOnly: 'Перезагрузка доступна только на административном сервере бота, не в личных сообщениях.',
  reloadForbidden: 'Перезагружать знания могут только модераторы (право «Управлять сервером» или роль модератора).',
  reloadOtherGuild: 'Знания общие для всех серверов, поэтому перезагрузить их можно только с административного сервера бота.',
  reloaded: 'Знания перезагружены.',
  reloadUnchanged: 'Ничего не изменилось.',
  releasesAdded: 'Добавлены релизы',
  releasesRemoved: 'Удалены релизы',
  peopleAdded: 'Добавлены люди',
  peopleRemoved: 'Удалены люди',
  facts: (before, after) => `Факты: ${before} → ${after}`,
  reloadFailed: (n) => `Перезагрузка не удалась (ошибок: ${n}): бот продолжает отвечать по прежним знаниям.`,
  andMore: (n) => `…и ещё ${n}`,
  helpTitle: 'Attaché: что я знаю и как спрашивать',
  helpIntro: 'Я отвечаю на вопросы о дипломатических пресс-релизах и цитирую их слова.',
  helpCommands: {
    'who-met': 'с кем встречались, или кто подходит под имя, должность, организацию или страну',
    topics: 'какие темы обсуждались во время визита или на одной встрече',
    ask: 'любой вопрос своими словами, по-русски или по-английски',
    source: 'сам релиз, по страницам',
    help: 'это сообщение',
    reload: 'модераторам: перечитать знания после правки',
  },
  helpMention: 'Можно также упомянуть меня с вопросом или написать мне в личные сообщения.',
  helpReleases: (n) => `Релизы (${n})`,
  helpCounts: 'Что загружено',
  counts: (releases, people, meetings, facts) =>
    [
      `${releases} ${plural(releases, { one: 'релиз', few: 'релиза', many: 'релизов', other: 'релиза' })}`,
      `${people} ${plural(people, { one: 'собеседник', few: 'собеседника', many: 'собеседников', other: 'собеседника' })}`,
      `${meetings} ${plural(meetings, { one: 'встреча', few: 'встречи', many: 'встреч', other: 'встречи' })}`,
      `${facts} ${plural(facts, { one: 'факт', few: 'факта', many: 'фактов', other: 'факта' })}`,
    ].join(' · '),
  shardsField: 'Шарды',
  shardsReloaded: (reloaded, total) => `Перезагружено шардов: ${reloaded} из ${total}.`,
  shardFailed: (shard, n) => `Шард ${shard}: перезагрузка не удалась (ошибок: ${n}); он отвечает по прежним знаниям.`,
  shardUnreachable: (shard, why) => `Шард ${shard}: нет ответа (${why}).`,
};

export const BOT_STRINGS: Record<Lang, typeof en> = { en, ru };
