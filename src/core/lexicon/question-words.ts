/**
 * General words of questions, in English and simple Russian: what a question asks
 * for and how it is phrased, as opposed to what it is about. A word that is none of
 * these, no name the knowledge knows and no word of the releases is "unknown", and
 * an unknown subject is how the bot knows the release is silent.
 * Nothing here is about any particular release.
 */

/** Words that carry no subject at all. */
export const STOPWORDS = new Set(
  `a an the of to in on at by for from with about into onto over under as and or but nor so than then that this these those
  there here it its it's he him his she her hers they them their theirs we us our you your i me my mine
  be is am are was were been being do does did done doing have has had having will would shall should can could may might must
  what which who whom whose when where why how whether if any some all each every both either neither no not yes
  also too very just only still even ever again such same other another more most much many few lot lots
  up down out off per via within without between among during before after since until while upon against toward towards
  else besides apart except any anything
  s t let lets please hi hello hey thanks ok okay bot`.split(/\s+/),
);

export const RU_STOPWORDS = new Set(
  `и в во на с со к ко о об обо от до по за из у для при без над под про через между а но или ли же бы не ни да нет
  что кто как где когда куда откуда почему зачем какой какая какое какие каким какими каких какого какую каком чем чего кем кого кому всего всех
  сколько чей чья чьи это этот эта эти тот та те то он она оно они его ее их ему ей им ним ней них мы вы я ты нас вас мне
  был была было были быть есть будет будут ещё еще уже также тоже все всё весь вся всех очень только пожалуйста`.split(/\s+/),
);

/**
 * Frame words: how people ask, grouped by what they ask for. The answerer reads the
 * groups as intents ("meet" → who was met; "topic" → what was discussed).
 * English forms are matched by stem, so "discuss" covers "discussed" and "discussion".
 */
export const INTENT_WORDS: Record<string, readonly string[]> = {
  meet: `meet met meeting meetings see saw seen talk talked talks talking speak spoke spoken sit sat hold held encounter encountered
    counterpart counterparts interlocutor interlocutors host hosted receive received greet greeted
    встреч встретил встретился встречался встречалс встреча встречи переговоры переговор беседовал беседа виделся видел`.split(/\s+/),
  topic: `discuss discussed discussion discussions agenda topic topics subject subjects issue issues matter matters cover covered
    raise raised address addressed focus focused theme themes point points touch touched bring brought
    обсуждали обсудили обсуждался обсуждалось обсуждение тема темы вопрос вопросы повестка говорили`.split(/\s+/),
  date: `date dated day days published when time year month
    дата дату число день год месяц опубликован опубликовали опубликовано вышел датирован`.split(/\s+/),
  place: `where city place location venue country town held
    где город городе месте место`.split(/\s+/),
  source: `source sources reported reports report according publisher published author wrote written origin
    источник источники сообщает сообщил сообщение`.split(/\s+/),
  count: `number count total
    количество число`.split(/\s+/),
  invite: `invite invited invitation invitations
    приглашение пригласил приглашение пригласили`.split(/\s+/),
  visit: `visit visited visiting trip trips tour travel travelled traveled
    визит визита посетил посетила посещение поездка приезжал`.split(/\s+/),
  agree: `agree agreed agreement agreements deal deals decided decide decision decisions result results outcome outcomes reached
    договорились соглашение решили решение итог итоги результат`.split(/\s+/),
  support: `support supported supports back backed endorse endorsed welcome welcomed
    поддержал поддержали поддержка приветствовал`.split(/\s+/),
  assess: `assess assessed assessment appreciate appreciated praise praised commend commended note noted think thought view opinion say said thank thanked thanking
    оценил оценка высоко отметил сказал заявил поблагодарил благодарил`.split(/\s+/),
  plan: `plan planned plans planning scheduled upcoming future next expected propose proposed proposal proposals initiative initiatives
    планируется запланирован план планы`.split(/\s+/),
  identity: `name names called title role position job
    зовут имя должность`.split(/\s+/),
};

/**
 * Words that only frame a question ("the foreign minister", "tell me", "which officials")
 * and say nothing about the subject. They are neither unknown nor search terms.
 */
export const FRAME_WORDS = new Set(
  `tell show give list name explain describe summarize summarise summary overview brief briefing know knows details detail detailed
    information info happen happened happens go going get got make made take took want like need find mention mentioned mentions
    release press statement news article text story document item post announcement official officials minister ministers
    foreign fm fms person people persons man woman leader leaders head heads representative representatives represented represent representing
    delegation delegations party parties side sides guy guys someone somebody anyone anybody everyone everybody one ones
    purpose purposes goal goals aim aims reason reasons context told informed top senior leading highest diplomat diplomats
    charge charged stuff kind sort type thing things something anything everything way ways exactly really actually approximately about regarding concerning
    related relating respect re main key important major also further during trip visit whole entire full complete
    first last later earlier recently today yesterday there lot put forward bring brought present presented come came take took extend extended
    министр министры министрами министром глава главы главой руководитель руководителей руководители представитель представители люди кого хотят хочет хотели планируют собираются стран страны странами стране провел провели проводил провёл проходили проходила состоялась состоялись прошла прошли прошел находится находятся будет собеседник собеседники собеседников расскажи скажи покажи перечисли
    информация новость пресс релиз релиза релизе иностранных иностранным иностранные иностранный дел делам`.split(/\s+/),
);

/** Question openers, first words → the type of question (first match wins). */
export const QUESTION_TYPES: ReadonlyArray<readonly [QuestionType, readonly string[]]> = [
  ['count', ['how many', 'how much', 'what number', 'сколько']],
  ['who', ['who', 'whom', 'whose', 'кто', 'кого', 'кому', 'кем', 'с кем']],
  ['who', ['which', 'what'].flatMap((w) =>
    ['minister', 'ministers', 'official', 'officials', 'person', 'people', 'leader', 'leaders', 'counterpart', 'counterparts', 'head', 'heads',
      'representative', 'representatives', 'foreign minister', 'foreign ministers', 'diplomat', 'diplomats', 'un officials'].map((n) => `${w} ${n}`))],
  ['when', ['when', 'what year', 'which year', 'in what year', 'in which year', 'what month', 'which month', 'in what month', 'in which month', 'what date', 'what day', 'which date', 'which day', 'on what date', 'on which date', 'когда', 'какого числа', 'в какой день']],
  ['where', ['where', 'in which city', 'in what city', 'which city', 'what city', 'in which country', 'which country', 'what place', 'где', 'в каком городе', 'в какой стране', 'куда']],
  ['yesno', ['did', 'does', 'do', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'can', 'could']],
  ['yesno', ['встречался ли', 'встретился ли', 'был ли', 'была ли', 'было ли', 'были ли', 'обсуждали ли', 'обсуждался ли', 'обсуждалось ли', 'говорили ли']],
  ['what', ['what', 'which', 'why', 'how', 'tell', 'list', 'show', 'describe', 'summarize', 'summarise', 'give',
    'что', 'о чем', 'о чём', 'какие', 'какой', 'какая', 'какое', 'каких', 'с министрами каких', 'с представителями каких', 'почему', 'как', 'расскажи', 'перечисли']],
];

export type QuestionType = 'who' | 'what' | 'when' | 'where' | 'count' | 'yesno' | 'bare';

/** Chat shorthand, spelled out before a question is read ("un sec gen", "w/ tedros", "whats"). */
export const SHORTHAND: Record<string, string> = {
  w: 'with', u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', abt: 'about', bc: 'because', ppl: 'people',
  wat: 'what', wht: 'what', whats: 'what is', whos: 'who is', wheres: 'where is', whens: 'when is', hows: 'how is',
  didnt: 'did not', doesnt: 'does not', wasnt: 'was not', isnt: 'is not',
  govt: 'government', gov: 'government', intl: 'international', org: 'organization', orgs: 'organizations',
  sec: 'secretary', gen: 'general', secgen: 'secretary general', sg: 'secretary general', unsg: 'un secretary general', dg: 'director general',
  prez: 'president', pres: 'president', min: 'minister', mins: 'ministers', hr: 'human rights',
};

/**
 * Simple Russian content words mapped to the English words of the releases, by
 * Russian stem. Enough for short Russian questions about a diplomatic visit.
 */
export const RU_TO_EN: Record<string, string> = {
  обсужд: 'discuss', тем: 'topic', визит: 'visit', посет: 'visit', посещен: 'visit', поездк: 'visit',
  приглаш: 'invitation', приглас: 'invitation', саммит: 'summit', здравоохранен: 'health', здоров: 'health',
  медико: 'health', первичн: 'primary', помощ: 'assistance', прав: 'rights', человек: 'human',
  интеллектуальн: 'intellectual', собственн: 'property', сотрудничеств: 'cooperation', соглашен: 'agreement',
  инициатив: 'initiative', хаб: 'hub', центр: 'hub', университет: 'university', вуз: 'university',
  программ: 'programme', магистратур: 'master', магистр: 'master', диплом: 'diploma', техническ: 'technical',
  экономик: 'economy', креативн: 'creative', творческ: 'creative', развит: 'development', устойчив: 'sustainable',
  безопасност: 'security', мир: 'peace', регион: 'regional', региональн: 'regional', вызов: 'challenges',
  глобальн: 'global', совет: 'council', рекомендац: 'recommendations', реформ: 'reforms', демократ: 'democratic',
  президент: 'president', министр: 'minister', генеральн: 'general', секретар: 'secretary', директор: 'director',
  комиссар: 'commissioner', верховн: 'high', организац: 'organization', конференц: 'conference', сесс: 'session',
  коалиц: 'coalition', октябр: 'october', июл: 'july', феврал: 'february', дипломатическ: 'diplomatic',
  международн: 'international', благодар: 'thanking', открыт: 'establish', созда: 'establish', двусторонн: 'bilateral', многосторонн: 'multilateral', переговор: 'talks', встреч: 'meeting', договор: 'agreement',
  поддерж: 'support', оценк: 'appreciated', оцен: 'appreciated', план: 'plan', государств: 'state',
  преобразован: 'transformations', работ: 'work', повестк: 'agenda', правительств: 'government',
};
