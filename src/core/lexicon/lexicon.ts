/**
 * The question vocabulary, as data: en.yaml and ru.yaml beside this file, validated at load like
 * the knowledge (a bad entry stops start-up with the file and the field). Everything here is about
 * how people ask, never about one release. The reader (read/read.ts) is its only consumer, with the
 * index, which folds the same spelling variants and synonyms into the releases' words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const ASKS = ['summary', 'count', 'who', 'when', 'where', 'yesno', 'what'] as const;
export const INTENTS = ['meet', 'topic', 'date', 'place', 'source', 'count', 'invite', 'visit', 'agree', 'support', 'assess', 'plan', 'identity'] as const;
export const ATTRIBUTES = [
  'time',
  'day',
  'money',
  'duration',
  'start',
  'institution',
  'airline',
  'outcome',
  'venue',
  'size',
  'age',
  'distance',
  'percent',
  'year',
  'growth',
  'trade',
  'initiator',
  'heads',
  'proposal',
  'residence',
  'response',
] as const;
export const GROUPS = ['organization', 'country'] as const;

export type Ask = (typeof ASKS)[number];
export type Intent = (typeof INTENTS)[number];
export type Attribute = (typeof ATTRIBUTES)[number];
export type Group = (typeof GROUPS)[number];

/** A phrase as a regular expression's source: its characters literal, any run of spaces one or more. */
export function phrasePattern(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Whether a text holds one of these phrases as whole words, in any case. */
function phraseTest(phrases: readonly string[]): (text: string) => boolean {
  const escaped = phrases.map(phrasePattern);
  const re = escaped.length ? new RegExp(`(?:^|[^\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'iu') : /$^/;
  return (text) => re.test(text);
}

/**
 * A reply to a proposal: one of its phrases ("would study"), or any verb of a reply with any thing it answers
 * ("welcomed the offer", "the invitation was accepted") — one pattern of two alternations, not every pairing spelled
 * out (a regular expression of 1,600 phrases made each question slow).
 */
function replyTest(phrases: readonly string[], verbs: readonly string[], objects: readonly string[]): (text: string) => boolean {
  const spelled = phraseTest(phrases);
  if (verbs.length === 0 || objects.length === 0) return spelled;
  const v = verbs.map(phrasePattern).join('|');
  const o = objects.map(phrasePattern).join('|');
  const paired = new RegExp(`(?:^|[^\\p{L}])(?:(?:${v})\\s+(?:the|this|that|his|her|their|its)\\s+(?:${o})|(?:${o})\\s+was\\s+(?:${v}))(?![\\p{L}])`, 'iu');
  return (text) => spelled(text) || paired.test(text);
}

// Made only when YAML is validated (the build, the sources): a start reads the build's lexicon.json,
// and making the schema was a few milliseconds of a one-shot `cli ask`.
function fileSchema() {
  const words = z.union([z.string().transform((s) => s.split(/\s+/).filter(Boolean)), z.array(z.string().min(1))]);
  const phrases = z.array(z.string().min(1)).default([]);
  return z.strictObject({
    stopwords: words,
    filler: words,
    shorthand: z.record(z.string(), z.string()).default({}),
    synonyms: z.record(z.string(), z.string()).default({}),
    variants: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
    asks: z.partialRecord(z.enum(ASKS), phrases),
    summary_words: phrases,
    yesno_tags: phrases,
    confirm_openers: phrases,
    people_nouns: phrases,
    intents: z.partialRecord(z.enum(INTENTS), phrases),
    action_intents: z.array(z.enum(INTENTS)).default([]),
    frame: words,
    frame_exact: words.default([]),
    attributes: z.partialRecord(z.enum(ATTRIBUTES), phrases),
    groups: z.partialRecord(z.enum(GROUPS), phrases),
    roles: phrases,
    role_modifiers: phrases,
    holder_adjectives: phrases,
    role_held_by: z.record(z.string(), phrases).default({}),
    countable: phrases,
    counted_kinds: z.record(z.string(), phrases).default({}),
    attendance_words: phrases,
    year_before: phrases,
    documents: phrases,
    format_joiners: phrases.default([]),
    periods: z.record(z.string(), phrases).default({}),
    spell_out: phrases,
    in_person: phrases,
    one_on_one: phrases.default([]),
    membership: phrases,
    others: phrases,
    accompany: phrases,
    time_references: phrases,
    delegation_nouns: phrases,
    name_words: phrases,
    ordinal_words: phrases,
    cardinal_words: phrases,
    change_values: phrases,
    irregular_verbs: phrases,
    future_words: phrases,
    to_come: phrases,
    second_question: phrases,
    adjective_endings: phrases,
    strict_actions: phrases,
    portfolios: phrases,
    figure_subjects: phrases,
    trade_subjects: phrases,
    figure_change_words: phrases,
    member_of_words: phrases,
    exclusion_words: phrases,
    proposal_words: phrases,
    met_words: phrases,
    discussion_phrases: phrases,
    heading_phrases: phrases,
    offices: phrases,
    speech_verbs: phrases,
    response_phrases: phrases,
    fate_words: phrases,
    response_verbs: phrases,
    response_objects: phrases,
    subject_before: phrases,
    scene_after_on: phrases,
    subject_after: phrases,
    place_before: phrases,
    not_place_before: phrases,
    with_words: phrases,
    proposal_before: phrases,
    copulas: phrases,
    host_verbs: phrases,
    evidence: z.partialRecord(z.enum(ATTRIBUTES), z.string().refine(validRegExp, 'is not a valid regular expression')).default({}),
    evidence_exact: z.partialRecord(z.enum(ATTRIBUTES), z.string().refine(validRegExp, 'is not a valid regular expression')).default({}),
    to_english: z.record(z.string(), z.string()).default({}),
    latin_markers: phrases,
    latin_letters: z.record(z.string(), z.string()).default({}),
  });
}

type LexiconFile = z.infer<ReturnType<typeof fileSchema>>;

function validRegExp(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

function loadFile(name: string): LexiconFile {
  const file = path.join(__dirname, name);
  const result = fileSchema().safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${name}: ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`The question lexicon is invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * The file the build writes beside the compiled module (scripts/build.mjs): en.yaml and ru.yaml as
 * this schema gives them, validated there (a bad entry fails the build with the file and the field),
 * so that a start only reads JSON: parsing and validating the YAML was a fifth of a one-shot `cli ask`.
 */
export const LEXICON_JSON_FILE = 'lexicon.json';

/** The lexicon files from the YAML beside this module, validated: what the build writes as JSON. */
export function compileLexiconFiles(): LexiconFile[] {
  return [loadFile('en.yaml'), loadFile('ru.yaml')];
}

function loadFiles(): LexiconFile[] {
  let built: string;
  try {
    built = readFileSync(path.join(__dirname, LEXICON_JSON_FILE), 'utf8');
  } catch {
    return compileLexiconFiles(); // from the sources: no build output beside us
  }
  return JSON.parse(built) as LexiconFile[];
}

const FILES = loadFiles();
const all = <T>(pick: (f: LexiconFile) => readonly T[]): T[] => FILES.flatMap((f) => [...pick(f)]);
const merged = <K extends string, V>(pick: (f: LexiconFile) => Partial<Record<K, readonly V[]>>): Map<K, V[]> => {
  const out = new Map<K, V[]>();
  for (const f of FILES) for (const [k, v] of Object.entries(pick(f)) as [K, V[]][]) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
};

export const LEXICON = {
  stopwords: new Set(all((f) => f.stopwords)),
  filler: new Set(all((f) => f.filler)),
  shorthand: new Map(FILES.flatMap((f) => Object.entries(f.shorthand))),
  roleHeldBy: new Map(FILES.flatMap((f) => Object.entries(f.role_held_by))),
  synonyms: new Map(FILES.flatMap((f) => Object.entries(f.synonyms))),
  /** Longest ending first, so "isations" is folded before "ise". */
  variants: all((f) => f.variants).sort((a, b) => b[0].length - a[0].length),
  asks: merged<Ask, string>((f) => f.asks),
  summaryWords: new Set(all((f) => f.summary_words)),
  yesnoTags: all((f) => f.yesno_tags),
  confirmOpeners: all((f) => f.confirm_openers),
  peopleNouns: new Set(all((f) => f.people_nouns)),
  intents: merged<Intent, string>((f) => f.intents),
  actionIntents: new Set(all((f) => f.action_intents)),
  frame: new Set(all((f) => f.frame)),
  /** Frame words matched as written, not by stem. */
  frameExact: new Set(all((f) => f.frame_exact)),
  attributes: merged<Attribute, string>((f) => f.attributes),
  groups: merged<Group, string>((f) => f.groups),
  roles: all((f) => f.roles),
  roleModifiers: new Set(all((f) => f.role_modifiers)),
  /** Words between a country and its role that say which holder ("australia's actual foreign minister"). */
  holderAdjectives: new Set(all((f) => f.holder_adjectives)),
  countable: all((f) => f.countable),
  attendanceWords: all((f) => f.attendance_words),
  yearBefore: all((f) => f.year_before),
  documents: all((f) => f.documents),
  /** Words that join a format's parts ("Central Asia plus Japan"): the country after one is the format's. */
  formatJoiners: new Set(all((f) => f.format_joiners)),
  /** Parts of a year, each with the ways it is written ("first half": "January–June", "H1" …). */
  periods: new Map(FILES.flatMap((f) => Object.entries(f.periods))),
  /** For each countable word, the words a sentence counts that kind of thing with ("people": participants, delegates …). */
  countedKinds: new Map(FILES.flatMap((f) => Object.values(f.counted_kinds).flatMap((words) => words.map((w) => [w, words] as const)))),
  spellOut: all((f) => f.spell_out),
  inPerson: all((f) => f.in_person),
  oneOnOne: all((f) => f.one_on_one),
  membership: new Set(all((f) => f.membership)),
  others: all((f) => f.others),
  accompany: all((f) => f.accompany),
  /** "… the same day as the credentials ceremony": the words after it say when, not what is asked. */
  timeReferences: all((f) => f.time_references),
  /** "The Kazakh delegation", "делегации Малайзии": a country's side. */
  delegationNouns: new Set(all((f) => f.delegation_nouns)),
  /** "What's the name of …", "как зовут …": a name is asked for, not a title or a role. */
  nameWords: new Set(all((f) => f.name_words)),
  /** "fourth" → 4, "четвёрт…" → 4: each file lists its ordinals in order (Russian ones as stems, matched as prefixes). */
  ordinalWords: FILES.map((f) => f.ordinal_words),
  /** "zero" … "twelve": a number word's place in the list is its value. */
  cardinalWords: all((f) => f.cardinal_words),
  changeValues: new Set(all((f) => f.change_values)),
  irregularVerbs: new Set(all((f) => f.irregular_verbs)),
  futureWords: new Set(all((f) => f.future_words)),
  /** Actions a fact must say to state them ("sign"): the kind alone ("agreement") is not enough. */
  strictActions: new Set(all((f) => f.strict_actions)),
  portfolios: new Set(all((f) => f.portfolios)),
  figureSubjects: new Set(all((f) => f.figure_subjects)),
  tradeSubjects: new Set(all((f) => f.trade_subjects)),
  figureChangeWords: new Set(all((f) => f.figure_change_words)),
  memberOfWords: new Set(all((f) => f.member_of_words)),
  exclusionWords: all((f) => f.exclusion_words),
  /** A sentence that proposes something ("proposed", "suggested"), and one that answers a proposal ("would study"). */
  proposal: phraseTest(all((f) => f.proposal_words)),
  /** Words that ask what became of a proposal ("accepted", "turned down"). */
  fateWords: new Set(all((f) => f.fate_words)),
  response: replyTest(
    all((f) => f.response_phrases),
    all((f) => f.response_verbs),
    all((f) => f.response_objects),
  ),
  /** A sentence that says someone was met or was there ("also met with", "also present were", "took part"). */
  met: phraseTest(all((f) => f.met_words)),
  /** A sentence that says what was discussed ("to discuss", "exchanged views on"). */
  discussion: phraseTest(all((f) => f.discussion_phrases)),
  /** A short sentence that only names what the next one tells ("Much of the talk was about trade."). */
  heading: phraseTest(all((f) => f.heading_phrases)),
  /** Offices as a release writes them, capitalized ("the Permanent Secretary of …"): an official named only by office. */
  offices: all((f) => f.offices),
  /** A sentence in which someone says something ("noted", "stressed", "according to"). */
  speech: phraseTest(all((f) => f.speech_verbs)),
  /** Whether a sentence speaks of what is to come ("will be held", "agreed to hold the next round"). */
  adjectiveEndings: all((f) => f.adjective_endings),
  secondQuestion: phraseTest(all((f) => f.second_question)),
  toCome: phraseTest(all((f) => [...f.future_words, ...f.to_come])),
  subjectBefore: new Set(all((f) => f.subject_before)),
  sceneAfterOn: new Set(all((f) => f.scene_after_on)),
  subjectAfter: new Set(all((f) => f.subject_after)),
  /** The words before a place that say something is there ("the city of"), and those that say it is not ("for", "with"). */
  placeBefore: all((f) => f.place_before).map((p) => p.split(' ')),
  notPlaceBefore: new Set(all((f) => f.not_place_before)),
  withWords: new Set(all((f) => f.with_words)),
  proposalBefore: new Set(all((f) => f.proposal_before)),
  copulas: new Set(all((f) => f.copulas)),
  hostVerbs: new Set(all((f) => f.host_verbs)),
  /** Per attribute, what in a release's words states it (every language's patterns). */
  evidence: new Map(
    ATTRIBUTES.map((attribute) => {
      const patterns = (pick: (f: LexiconFile) => string | undefined): string[] => FILES.flatMap((f) => pick(f) ?? []);
      const loose = patterns((f) => f.evidence[attribute]);
      const exact = patterns((f) => f.evidence_exact[attribute]);
      const tests = [...(loose.length ? [new RegExp(loose.join('|'), 'iu')] : []), ...(exact.length ? [new RegExp(exact.join('|'), 'u')] : [])];
      return [attribute, (text: string) => tests.some((t) => t.test(text))] as const;
    }),
  ),
  /** Longest Russian stem first: "организац" before "орган". */
  toEnglish: FILES.flatMap((f) => Object.entries(f.to_english)).sort((a, b) => b[0].length - a[0].length),
  latinMarkers: new Set(all((f) => f.latin_markers)),
  latinLetters: FILES.flatMap((f) => Object.entries(f.latin_letters)).sort((a, b) => b[0].length - a[0].length),
};

export type Lexicon = typeof LEXICON;
