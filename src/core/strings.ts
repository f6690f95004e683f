/**
 * Every sentence the core says to a user, in English and Russian, in one place:
 * tests assert on these, and translation has one home. Names, titles and quotes
 * stay as the release writes them.
 */
import type { Attribute } from './lexicon/lexicon';
import { MONTHS_EN, MONTHS_RU_GENITIVE } from './text/months';

export type Lang = 'en' | 'ru';

type PluralForms = Record<'one' | 'few' | 'many' | 'other', string>;
const RU_MEETINGS: PluralForms = { one: 'встреча', few: 'встречи', many: 'встреч', other: 'встречи' };
const RU_PLURAL = new Intl.PluralRules('ru');
/** Russian counts agree with the number: 1 встреча, 2 встречи, 5 встреч. */
export function plural(n: number, forms: PluralForms): string {
  return forms[RU_PLURAL.select(n) as keyof typeof forms] ?? forms.other;
}

/**
 * What Russian counts (`count(n, what)`) count, by the word the strings below give for it (the
 * genitive plural): the number chooses the form, "1 релиз", "3 релиза", "5 релизов".
 */
const RU_COUNTED: Record<string, PluralForms> = {
  человек: { one: 'человек', few: 'человека', many: 'человек', other: 'человека' },
  'министров иностранных дел': {
    one: 'министр иностранных дел',
    few: 'министра иностранных дел',
    many: 'министров иностранных дел',
    other: 'министра иностранных дел',
  },
  'глав международных организаций': {
    one: 'глава международной организации',
    few: 'главы международных организаций',
    many: 'глав международных организаций',
    other: 'главы международных организаций',
  },
  встреч: RU_MEETINGS,
  релизов: { one: 'релиз', few: 'релиза', many: 'релизов', other: 'релиза' },
  'организаций упомянуто в релизе': {
    one: 'организация упомянута в релизе',
    few: 'организации упомянуты в релизе',
    many: 'организаций упомянуто в релизе',
    other: 'организации упомянуто в релизе',
  },
  'стран упомянуто в релизе': {
    one: 'страна упомянута в релизе',
    few: 'страны упомянуты в релизе',
    many: 'стран упомянуто в релизе',
    other: 'страны упомянуто в релизе',
  },
};

/** English counts of one: "1 release", not "1 releases". */
const EN_ONE: Record<string, string> = {
  'foreign ministers': 'foreign minister',
  'heads of international organizations': 'head of an international organization',
  meetings: 'meeting',
  releases: 'release',
  'organizations named in the release': 'organization named in the release',
  'countries named in the release': 'country named in the release',
};

const en = {
  emptyQuestion: 'Ask me something about the visit — for example: “Who did the minister meet?”',
  questionTooLong: (max: number) => `That question is too long: keep it under ${max} characters.`,
  notMentioned: (what: string) => `The release doesn't mention ${what}.`,
  releaseSilent: "The release doesn't say.",
  notSpelledOut: (acronym: string) => `The release does not spell out ${acronym}.`,
  onlyCountry: (country: string) => `The release names no city, only the country: ${country}.`,
  releaseSilentAbout: (what: string) => `The release doesn't say anything about ${what}.`,
  noVisitTo: (place: string) => `The releases report no visit to ${place}.`,
  noOneMatches: (name: string) => `No one matching “${name}” appears in the releases.`,
  noTopicsFor: (name: string) => `The releases report no meeting with “${name}”.`,
  counterparts: (principal: string, place: string | undefined, date: string) =>
    place ? `In ${place}${onDate(date)}, ${principal} met:` : `${principal} met${onDate(date)}:`,
  counterpartsMatching: (name: string) => `People matching “${name}”:`,
  metWith: (principal: string, who: string) => `${principal} met ${who}.`,
  didMeet: (principal: string, who: string, date: string) => `Yes. ${principal} met ${who} (${date}).`,
  didNotMeet: (who: string) => `No: the releases mention ${who}, but report no meeting with them.`,
  byOfficeOnly: (office: string) => `${office} (the release gives no name)`,
  noNameGiven: (office: string) => `The release names the ${office}, but gives no name.`,
  notThatRole: (role: string, of: string) => `No: the release names no ${role} of ${of}. Of ${of}, it names:`,
  notThatRoleHere: (role: string) => `No: the release names no ${role}. It names:`,
  yesDiscussed: 'Yes.',
  yes: 'Yes.',
  noBut: 'No.',
  notInPerson: 'It was not in person:',
  digest: (principal: string, place: string | undefined, date: string, meetings: number) =>
    `${principal}${place ? ` in ${place}` : ''}, ${date}${meetings ? `: ${meetings} ${meetings === 1 ? 'meeting' : 'meetings'}` : ''}.`,
  metOnly: 'met',
  mentionsButNot: (subject: string, what: string) => `The release mentions ${subject}, but not ${what}.`,
  theMeetings: 'the meetings',
  theVisit: 'the visit',
  askedWhen: 'when',
  attribute: {
    time: 'at what time',
    day: 'the exact date',
    money: 'any sum of money',
    duration: 'how long it lasted',
    start: 'when it starts',
    institution: 'which institution',
    airline: 'which airline',
    outcome: 'what came of it',
    venue: 'in which building or venue',
    residence: 'where anyone is based',
    size: 'how many people took part',
    age: 'anyone’s age',
    distance: 'any distance',
    percent: 'by what percent',
    growth: 'how much it changed',
    trade: 'the trade figure',
    year: 'in which year',
    initiator: 'whose initiative it was',
    heads: 'who headed the delegations',
    proposal: 'any proposal',
    response: 'how it was received',
  } as Record<Attribute, string>,
  withShort: (who: string) => `with ${who}`,
  nPeople: (n: number) => `${n} counterparts`,
  no: 'No.',
  topicsOfVisit: (principal: string, place: string | undefined, date: string) =>
    `Topics of ${principal}'s meetings${place ? ` in ${place}` : ''}${onDate(date)}:`,
  topicsWith: (who: string) => `With ${who}:`,
  whoIs: (name: string, title: string) => `${name} — ${title}.`,
  peopleOf: (what: string) => `From ${what}:`,
  releaseDate: (date: string) => `The release is dated ${date}.`,
  releasePlace: (place: string, date: string) => `The meetings were held in ${place} (${date}).`,
  metThere: (who: string, met: string) => `${who} met ${met}.`,
  formerName: (then: string, now: string) => `${then}, now ${now}`,
  releaseSource: (source: string) => `Source: ${source}.`,
  when: (when: string) => `${when}.`,
  where: (where: string) => `In ${where}.`,
  count: (n: number, what: string) => `${n} ${n === 1 ? (EN_ONE[what] ?? what) : what}:`,
  people: 'people',
  person: 'person',
  ministers: 'foreign ministers',
  heads: 'heads of international organizations',
  meetings: 'meetings',
  releases: 'releases',
  organizations: 'organizations named in the release',
  countries: 'countries named in the release',
  fromText: 'What the release says:',
  listed: (n: number) => `The release lists ${n}:`,
  whatItSays: 'What it says:',
  and: 'and',
  page: (n: number, total: number) => `Page ${n}/${total}`,
};

const ru: typeof en = {
  emptyQuestion: 'Спросите меня о визите — например: «С кем встречался министр?»',
  questionTooLong: (max) => `Вопрос слишком длинный: не больше ${max} символов.`,
  notMentioned: (what) => `В релизе не упоминается ${what}.`,
  releaseSilent: 'В релизе об этом не сказано.',
  notSpelledOut: (acronym) => `В релизе не расшифровано, что такое ${acronym}.`,
  onlyCountry: (country) => `Город в релизе не назван, только страна: ${country}.`,
  releaseSilentAbout: (what) => `В релизе ничего не сказано о ${what}.`,
  noVisitTo: (place) => `В релизах нет визита в ${place}.`,
  noOneMatches: (name) => `В релизах нет никого, похожего на «${name}».`,
  noTopicsFor: (name) => `В релизах нет встречи с «${name}».`,
  counterparts: (principal, place, date) => `${scene(place, date)}: ${principal} встретился с:`,
  counterpartsMatching: (name) => `Совпадения для «${name}»:`,
  metWith: (principal, who) => `${principal} встретился с ${who}.`,
  didMeet: (principal, who, date) => `Да. ${principal} встретился с ${who} (${date}).`,
  didNotMeet: (who) => `Нет: в релизах упоминается ${who}, но встреча не сообщается.`,
  byOfficeOnly: (office) => `${office} (имя в релизе не названо)`,
  noNameGiven: (office) => `В релизе упомянут ${office}, но имя не названо.`,
  notThatRole: (role, of) => `Нет: должность «${role}» (${of}) в релизе не упомянута; из ${of} в нём названы:`,
  notThatRoleHere: (role) => `Нет: должность «${role}» в релизе не упомянута; в нём названы:`,
  yesDiscussed: 'Да.',
  yes: 'Да.',
  noBut: 'Нет.',
  notInPerson: 'Это была не очная встреча:',
  digest: (principal, place, date, meetings) =>
    meetings ? `${principal}: ${scene(place, date)} — ${meetings} ${plural(meetings, RU_MEETINGS)}.` : `${principal}: ${scene(place, date)}.`,
  metOnly: 'встреча',
  mentionsButNot: (subject, what) => `В релизе упоминается ${subject}, но не сказано, ${what}.`,
  theMeetings: 'встречи',
  theVisit: 'визит',
  askedWhen: 'когда',
  attribute: {
    time: 'в котором часу',
    day: 'какого точно числа',
    money: 'о каких суммах идёт речь',
    duration: 'сколько это длилось',
    start: 'когда это начнётся',
    institution: 'какое именно учреждение',
    airline: 'какая авиакомпания',
    outcome: 'чем это закончилось',
    venue: 'в каком именно здании',
    residence: 'где кто-либо находится постоянно',
    size: 'сколько было участников',
    age: 'сколько кому лет',
    distance: 'какое расстояние',
    percent: 'на сколько процентов',
    growth: 'насколько это изменилось',
    trade: 'каков товарооборот',
    year: 'в каком году',
    initiator: 'по чьей инициативе',
    heads: 'кто возглавлял делегации',
    proposal: 'какие были предложения',
    response: 'как на это ответили',
  },
  withShort: (who) => `с ${who}`,
  nPeople: (n) => `${n} собеседниками`,
  no: 'Нет.',
  topicsOfVisit: (principal, place, date) => `Темы встреч (${principal}, ${scene(place, date)}):`,
  topicsWith: (who) => `Встреча с ${who}:`,
  whoIs: (name, title) => `${name} — ${title}.`,
  peopleOf: (what) => `${what}:`,
  releaseDate: (date) => `Дата релиза: ${date}.`,
  releasePlace: (place, date) => `Встречи прошли в городе ${place} (${date}).`,
  metThere: (who, met) => `${who} — встречи: ${met}.`,
  formerName: (then, now) => `${then}, ныне ${now}`,
  releaseSource: (source) => `Источник: ${source}.`,
  when: (when) => `Когда: ${when}.`,
  where: (where) => `Место: ${where}.`,
  count: (n, what) => `${n} ${RU_COUNTED[what] ? plural(n, RU_COUNTED[what]) : what}:`,
  people: 'человек',
  person: 'человек',
  ministers: 'министров иностранных дел',
  heads: 'глав международных организаций',
  meetings: 'встреч',
  releases: 'релизов',
  organizations: 'организаций упомянуто в релизе',
  countries: 'стран упомянуто в релизе',
  fromText: 'Что говорится в релизе:',
  listed: (n) => `В релизе перечислено: ${n}.`,
  whatItSays: 'Вот что в нём сказано:',
  and: 'и',
  page: (n, total) => `Стр. ${n}/${total}`,
};

export const STRINGS: Record<Lang, typeof en> = { en, ru };
export type Strings = typeof en;

/** " on 28 February 2024", or nothing for an undated release ("In Milan on date unknown" reads badly). */
/** "Geneva, 28 February 2024", or the date alone where the release names no place. */
export function scene(place: string | undefined, date: string): string {
  return place ? `${place}, ${date}` : date;
}

function onDate(date: string): string {
  return date === formatDate(undefined) ? '' : ` on ${date}`;
}

/** A release's date as shown: "28 February 2024"; "14 November (year not given)" for an undated one that gives its day. */
export function releaseDateText(release: { date?: string; monthDay?: string }, lang: Lang = 'en'): string {
  if (release.date || !release.monthDay) return formatDate(release.date, lang);
  const [m, d] = release.monthDay.split('-').map(Number) as [number, number];
  return `${d} ${(lang === 'ru' ? MONTHS_RU_GENITIVE : MONTHS_EN)[m - 1]} ${lang === 'ru' ? '(год не указан)' : '(year not given)'}`;
}

/** "2024-02-28" → "28 February 2024" (or "28 февраля 2024"); a release with no date → "date unknown". */
export function formatDate(iso: string | undefined, lang: Lang = 'en'): string {
  if (!iso) return lang === 'ru' ? 'дата неизвестна' : 'date unknown';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${(lang === 'ru' ? MONTHS_RU_GENITIVE : MONTHS_EN)[m - 1]} ${y}`;
}
