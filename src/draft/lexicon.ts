/**
 * The words the draft reads a release by: titles, the heads of organization names,
 * and the verbs that say what kind of fact a sentence reports. English press-release
 * style; anything these do not cover is left for the moderator (precision first).
 */
import type { EntityType } from '../core/knowledge/schema';
import { MONTH_WORDS } from '../core/text/months';

/** A title holds one of these ("UN Secretary-General", "Minister of Foreign Affairs of …"). */
export const TITLE_HEADS = new Set(
  [
    'minister', 'president', 'secretary-general', 'director-general', 'under-secretary-general', 'vice-president',
    'director', 'secretary', 'commissioner', 'chairman', 'chairwoman', 'chairperson', 'chair', 'ambassador', 'head',
    'administrator', 'envoy', 'representative', 'king', 'queen', 'prince', 'emir', 'sultan', 'chancellor', 'speaker',
    'governor', 'mayor', 'premier', 'rapporteur', 'coordinator', 'commander', 'general', 'executive', 'member', 'consul',
  ],
);

/** Words that open a title or sit in one but never start a name. */
export const TITLE_WORDS = new Set([
  ...TITLE_HEADS,
  'deputy', 'prime', 'foreign', 'first', 'high', 'vice', 'acting', 'special', 'permanent', 'chief', 'state', 'former',
  'mr', 'mrs', 'ms', 'dr', 'his', 'her', 'excellency', 'sir', 'senator', 'minister-counsellor', 'counsellor', 'consul',
]);

/** Words of institutions, places and programmes: a capitalized run made of these is not a person's name. */
export const INSTITUTION_WORDS = new Set([
  'human', 'rights', 'affairs', 'republic', 'federal', 'department', 'development', 'health', 'organization',
  'organisation', 'council', 'office', 'united', 'nations', 'international', 'national', 'security', 'trade',
  'economic', 'economy', 'cooperation', 'finance', 'defence', 'defense', 'interior', 'justice', 'education', 'culture',
  'energy', 'agriculture', 'industry', 'environment', 'ministry', 'kingdom', 'union', 'european', 'commission', 'bank',
  'fund', 'world', 'global', 'regional', 'property', 'intellectual', 'refugees', 'migration', 'peace', 'sustainable',
  'programme', 'program', 'agency', 'institute', 'assembly', 'parliament', 'senate', 'government', 'emirates', 'arab',
  'islamic', 'democratic', 'central', 'asia', 'africa', 'europe', 'america', 'pacific', 'atlantic', 'middle', 'east',
  'west', 'north', 'south', 'conference', 'summit', 'session', 'forum', 'meeting', 'plan', 'action', 'coalition',
  'care', 'primary', 'hub', 'committee', 'court', 'alliance', 'association', 'secretariat', 'centre', 'center',
  'foundation', 'treaty', 'agenda', 'strategy', 'initiative', 'law', 'rule', 'council', 'board', 'group', 'partnership',
  'dialogue', 'declaration', 'convention', 'charter', 'protocol', 'framework', 'mission', 'delegation', 'embassy',
  'academy', 'university', 'elders', 'relations', 'external', 'political', 'planning', 'headquarters',
  'consulate', 'press', 'service', 'official', 'visit', 'state', 'states', 'countries', 'country', 'region', 'city',
]);

/** Capitalized only because they open a sentence or a clause. */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'at', 'with', 'during', 'on', 'in', 'moreover', 'additionally', 'furthermore', 'also', 'after',
  'before', 'following', 'within', 'as', 'by', 'for', 'from', 'to', 'this', 'that', 'these', 'those', 'he', 'she', 'they',
  'it', 'we', 'our', 'his', 'her', 'their', 'both', 'each', 'all', 'and', 'but', 'however', 'meanwhile', 'then', 'later',
  'earlier', 'today', 'yesterday', 'besides', 'finally', 'parties', 'sides', 'there', 'here', 'among', 'between', 'of',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ...MONTH_WORDS,
]);

/** Lower-case words inside names ("Faisal bin Farhan", "Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'ben']);

/** Small words that may join the capitalized words of a title or an institution's name. */
export const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the']);

/** The head of a capitalized name says what it names: "… Council" is an organization, "… Summit" an event. */
export const HEAD_TYPES: ReadonlyMap<string, EntityType> = new Map<string, EntityType>([
  ...['organization', 'organisation', 'council', 'office', 'agency', 'fund', 'bank', 'union', 'commission', 'committee',
    'coalition', 'hub', 'institute', 'alliance', 'association', 'secretariat', 'ministry', 'court', 'centre', 'center',
    'foundation', 'board', 'parliament', 'assembly', 'group', 'partnership', 'community', 'federation', 'league', 'academy',
    'university']
    .map((w) => [w, 'organization'] as const),
  ...['conference', 'summit', 'forum', 'congress', 'session', 'games', 'expo', 'exhibition', 'festival', 'week', 'dialogue']
    .map((w) => [w, 'event'] as const),
  ...['plan', 'programme', 'program', 'strategy', 'initiative', 'agenda', 'roadmap', 'concept', 'declaration', 'treaty',
    'convention', 'charter', 'agreement', 'memorandum', 'protocol', 'framework']
    .map((w) => [w, 'program'] as const),
]);

/** Acronyms that are also words: they count only when written in capitals. */
export const WORD_ACRONYMS = new Set(['WHO', 'US', 'IT', 'AM', 'IS', 'ON', 'AT', 'AS', 'OR', 'AN', 'NO', 'SO', 'UP', 'WE', 'ME', 'HE', 'BE', 'DO', 'GO', 'IN', 'OF', 'TO', 'BY', 'MY', 'OUR', 'ALL', 'CAN', 'MAY', 'CARE', 'HOPE', 'AIM', 'ACT']);

/** Openers that join a sentence to the one before and add nothing to a fact's label. */
export const LEADING_CONNECTIVE =
  /^(?:moreover|additionally|furthermore|also|in addition|in this regard|in this context|in this connection|at the same time|besides|finally|in turn|on the same day|then|meanwhile),\s*/i;

/** Verbs that list what was talked about. */
export const LIST_VERBS_ACTIVE = /\b(?:discussed|addressed|considered|reviewed|exchanged views on|talked about|focused on)\s+/i;
export const LIST_VERBS_PASSIVE = /\s+(?:were|was)\s+(?:discussed|addressed|considered|raised|reviewed)\b/i;
export const NOTED_LIST = /\bthere (?:was|were) noted\s+/i;
export const INFORMED_ABOUT = /\binformed\b.*?\babout\s+/i;

/** One-fact sentences: the earliest of these verbs in the sentence says the kind. */
export const FACT_VERBS: readonly { kind: 'invitation' | 'agreement' | 'cooperation' | 'assessment' | 'support' | 'statement'; pattern: RegExp }[] = [
  { kind: 'invitation', pattern: /\b(?:conveyed|extended|handed over|delivered|passed on|renewed)\s+(?:an |the |his |her )?invitation\b|\binvited\b/i },
  { kind: 'agreement', pattern: /\b(?:an agreement was reached|agreement was reached|agreed|reached an agreement|signed)\b/i },
  { kind: 'cooperation', pattern: /\b(?:identified|named|outlined)\b.*\b(?:promising areas?|areas? of (?:cooperation|interaction))\b/i },
  { kind: 'assessment', pattern: /\b(?:appreciated|praised|commended|welcomed|assessed|valued|thanked|congratulated)\b/i },
  { kind: 'support', pattern: /\b(?:supported|supports|expressed support|reaffirmed (?:its |his |her )?support)\b/i },
  { kind: 'statement', pattern: /\b(?:emphasi[sz]ed|stressed|underlined|underscored|said|stated|pointed out|noted that|expressed)\b/i },
];

/** Words that open a meeting: "At the meeting with …", "held talks with …", "informed …". */
export const MEETING_WITH = /\b(?:meeting|meetings|talks|conversation|negotiations|consultations|interview|call)\s+with\s+/gi;
export const MEETING_VERB = /\b(?:met with|met|received|informed|spoke with|spoke to|talked with|held talks with|had talks with)\s+/gi;
export const MEETING_WITH_OPENING = /^(?:(?:on the same day|also|then|later|in addition),\s*)?with\s+/i;

/** A continuing paragraph: "The parties discussed …". */
export const PARTIES = /^(?:(?:moreover|additionally|furthermore|also|in addition|in this regard),\s*)?(?:the parties|the sides|both sides|the interlocutors|the two sides|the two|they)\b/i;

/** "the heads of the foreign ministries of" → the title each listed person gets. */
export function groupTitle(group: string, country: string): string {
  const g = group.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(?:foreign ministries|foreign ministry|ministries of foreign affairs|ministry of foreign affairs|foreign affairs ministries|diplomatic services?)$/.test(g)) {
    return `Minister of Foreign Affairs of ${country}`;
  }
  // "deputy foreign ministers" → "Deputy Foreign Minister of Azerbaijan"
  if (/\bministers?\b/.test(g)) return `${g.replace(/\bministers\b/, 'minister').replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())} of ${country}`;
  const singular = g.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
  return `Head of the ${singular} of ${country}`;
}
