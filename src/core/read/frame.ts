/**
 * The frame: what the reader makes of a question, and all the answerers ever look at.
 * Every word-level decision is taken in read.ts; an answerer never re-reads the words.
 */
import type { Ask, Attribute, Group, Intent } from '../lexicon/lexicon';
import type { DateMention } from '../search/dates';
import type { Link } from '../search/link';
import type { Lang } from '../strings';

export type { Ask, Attribute, Group, Intent };

export interface Frame {
  lang: Lang;
  /** What is asked; 'bare' for a few words with no question word ("tedross", "nurtleu geneva"). */
  ask: Ask | 'bare';
  /** Action and frame intents the question's words carry ("met" → meet, "agreed" → agree). */
  intents: ReadonlySet<Intent>;
  /** Stems of action words ("welcomed", "thanked"): a hint for ranking facts, not a requirement. */
  cues: readonly string[];
  /** Stems of every action word ("met", "bilateral", "discussed"): they help find the sentence that says it. */
  hints: readonly string[];
  /** Entities the question names, exactly, shortened or with typos. */
  links: readonly Link[];
  /** Dates the question names ("in March 2024"). */
  dates: readonly DateMention[];
  /** Countries, organizations or cities the knowledge and the releases never name ("NATO", "Japanese"). */
  unknownNames: readonly string[];
  /** The question is about a person: one is named, or a role or people noun stands for one ("the Saudi FM"). */
  personSubject: boolean;
  /** A word the question qualifies by a country's adjective ("*Spanish* students"): entity and the word's stem. */
  qualified: ReadonlyArray<{ entity: string; stem: string }>;
  /** "Which Algerian leaders…", "the Mongolian officials": a country's adjective before a plural people noun — that country's people. */
  peopleOfCountry: string | undefined;
  /** "The Kazakh delegation", "the delegation of Malaysia": the country (or name) whose side is asked about. */
  delegationOf: string | undefined;
  /** "Who from the MFA attended …", "who did he meet from the FAO": the organization or country whose people are asked. */
  memberOf: string | undefined;
  /** "Apart from thanking him, what …": the stems of what the asker says they already know — no answer's point. */
  known: readonly string[];
  /** "The *tourism* minister": the subject words right before a role word, which the title of whoever holds it has. */
  roleQualifiers: readonly string[];
  /** …and the stems it is asked by ("mfa"): a title that has them names that organization. */
  memberOfStems: readonly string[];
  /** "What's the name of …": only a person named answers. */
  asksName: boolean;
  /** "The 4th round": the ordinal the question names, if any. */
  ordinal: number | undefined;
  /** Places and names the knowledge has no entity for but some release's text names ("Xi'an"): they narrow to those releases. */
  textNames: readonly string[];
  /** Those names' words as the question typed them (stems): "czech republic", not "Czechia", is what a text may say. */
  textNameWords: readonly string[];
  /** Subject words, as the stems the releases are indexed by (Russian ones translated). */
  terms: readonly string[];
  /** The subject words as typed, for saying what the release does mention ("the master's programme"). */
  subjectWords: readonly string[];
  /** Subject words no release uses, as typed. */
  unknownWords: readonly string[];
  /** The unknown words stand where the subject goes ("about oil", "was oil discussed", "the budget of the hub"). */
  unknownIsSubject: boolean;
  /** Unknown words right after a role: names nobody knows ("PM Mottley"), not subjects. */
  strangersAfterRoles: string[];
  /** Beyond the thing itself, what is asked of it: its time, cost, duration, start, which institution… */
  attribute: Attribute | undefined;
  /** "Which international organizations…", "the foreign ministers". */
  group: Group | undefined;
  /** The question names the group itself ("which countries…"), not only its people ("the ministers"). */
  groupNamed: boolean;
  /** The group's people ("which heads…", "the ministers") rather than the organizations or countries themselves. */
  groupPeople: boolean;
  /** Asks for the person met, not the one who acted: "who was invited", "who did he discuss X with". */
  asksCounterpart: boolean;
  /** "Who received / hosted X?": the host of the meetings with X, not X's side. */
  asksHost: boolean;
  /** The person the question says acted ("Guterres invited…"): a fact whose actor is someone else does not confirm it. */
  agent: string | undefined;
  /** "Who else…", "besides the UN people": the others at the named people's meetings are asked for. */
  others: boolean;
  /** "Who came with the Cambodian FM?", "who was in the Kazakh delegation?": the others of that side. */
  accompany: boolean;
  /** "Is X from Y", "does X represent Y". */
  membership: boolean;
  /** "What does CICA stand for?" */
  spellOut: boolean;
  /** "They met in person?", "face to face": not a call. */
  inPerson: boolean;
  /** "What did A and B discuss one-on-one?": their talks alone, not a meeting of many delegations. */
  oneOnOne: boolean;
  /** "In which city…": a country alone does not answer it. */
  asksCity: boolean;
  /** Asked of what is to come ("when will she visit …"): what already happened does not answer it. */
  future: boolean;
  /** A statement put for confirmation ("…, right?"): a wrong detail in it is corrected, not left unanswered. */
  tagged: boolean;
  /** A yes/no question that guesses what became of a proposal ("vucic turned down the invite, right?"): the guessed verb is no subject word. */
  fate: boolean;
  /** A question of two ("what was signed, and which agreements are still negotiated?"): the second half's words need not share the first's action. */
  compound: boolean;
  /** For "how many": whether what is counted is something the releases count (people, meetings, countries…). */
  countable: boolean;
  /** …and the word it is counted by ("people", "countries"), when the lexicon's counted_kinds has it. */
  counted: string | undefined;
  /** "How many … attended / took part": how many came, not how many the release names. */
  asksAttendance: boolean;
  /** "Trade last year, per the call in May 2021": a figure of the year before the date named (the scene's). */
  yearBefore: boolean;
  /** The part of a year a figure is asked for ("first half" of "h1 2024"), as the lexicon's periods name it. */
  period: string | undefined;
  /** Roles that single out an office of a named country or organization ("the Saudi king", "the Turkish foreign minister"); `of` is '' for a role of nobody named ("which deputy FM went to Manila?"). */
  /** `of`: the entity the role is of; '' when the question names none ("which deputy FM …"). `asked`: the role right
   * after "which", "what" or "any" ("which kz ambassador sat in …", "was any kz minister there?"), whose holder is what
   * is asked for. */
  /** `to`: where the holder serves ("the Kazakh ambassador to Italy"). */
  roles: ReadonlyArray<{ role: string; of: string; asked: boolean; to?: string }>;
  /** Every role the question names, of anyone or no one ("besides the foreign minister"): the lexicon's words. */
  roleWords: readonly string[];
  /** For yes/no: the values proposed, to confirm or contradict ("in Geneva?", "in June?", "a Russian university?"). */
  proposed: {
    /** Places, countries and organizations: known entity ids, or names the knowledge lacks. */
    entities: readonly string[];
    unknownNames: readonly string[];
    dates: readonly DateMention[];
    /** Numbers that are no date ("signed 10 docs", "the loan was 500m"), as their digits ("10", "500"). */
    numbers: readonly string[];
  };
}
