/**
 * Reads a question: what it asks for (type and intents), which known entities it
 * names (exactly or with typos), which names it uses that the knowledge lacks, and
 * which of its words the releases never use.
 */
import { INTENT_WORDS, FRAME_WORDS, QUESTION_TYPES, RU_STOPWORDS, RU_TO_EN, SHORTHAND, STOPWORDS, type QuestionType } from '../lexicon/question-words';
import { editDistance, isCyrillic, normalize, stem, typoBudget } from '../text/normalize';
import type { EntityForm } from './entity-forms';
import type { SearchIndex } from './index';
import { linkExact, linkShortened, type Link } from './link';
import { findDates, type DateMention } from './dates';
import { tokensOf, type Token } from './tokens';

export type Intent = keyof typeof INTENT_WORDS;

export interface Analysis {
  lang: 'en' | 'ru';
  type: QuestionType;
  intents: ReadonlySet<Intent>;
  links: readonly Link[];
  /** Dates the question names ("in March 2024"). */
  dates: readonly DateMention[];
  /** Names of countries, organizations or cities the knowledge does not know ("NATO", "Japanese"). */
  unknownNames: readonly string[];
  /** Subject words, as stems the facts are indexed by (Russian ones translated). */
  terms: readonly string[];
  /** Subject words no release uses, as typed. */
  unknownWords: readonly string[];
  /** Stems of the question's intent words ("welcomed", "agreed"): a hint for ranking facts, not a requirement. */
  cues: readonly string[];
  /** Every word of the question, normalized. */
  words: readonly string[];
  /** The words that are not part of a name or title the knowledge knows. */
  freeWords: readonly string[];
  /** True when the unknown words stand where the subject goes ("about X", "was X discussed"). */
  unknownIsSubject: boolean;
}

const INTENT_BY_STEM = new Map<string, Intent[]>();
for (const [intent, words] of Object.entries(INTENT_WORDS) as [Intent, readonly string[]][]) {
  for (const word of words) {
    const s = stem(normalize(word));
    INTENT_BY_STEM.set(s, [...(INTENT_BY_STEM.get(s) ?? []), intent]);
  }
}
const CUE_INTENTS = new Set<Intent>(['invite', 'agree', 'support', 'assess', 'plan']);
const FRAME_STEMS = new Set([...FRAME_WORDS].map((w) => stem(normalize(w))));
const RU_TO_EN_ENTRIES = Object.entries(RU_TO_EN).sort((a, b) => b[0].length - a[0].length);
// An unknown word right after these ("about oil"), or right before these ("was oil discussed"), is
// what the question is about. ("touch on X" puts the unknown verb before "on": that is not it.)
const SUBJECT_BEFORE = new Set(['about', 'regarding', 'concerning', 'on', 'о', 'об', 'про']);
const SUBJECT_AFTER = new Set(['discussed', 'raised', 'mentioned', 'addressed', 'обсуждали', 'обсуждался', 'обсуждалось']);

export function analyze(question: string, index: SearchIndex): Analysis {
  const lang = isCyrillic(question) ? 'ru' : 'en';
  const typed = spellOut(tokensOf(question));
  const taken: boolean[] = [];
  const dates = findDates(typed);
  for (const d of dates) for (const p of d.positions) taken[p] = true;
  const links = linkExact(typed, index.formTable, taken);
  links.push(...linkShortened(typed, index.longNamesByStem, taken, STOPWORDS));
  const worldLinks = linkExact(typed, index.worldTable, taken);
  // "whoo did he meat guterres": question words with a typo read as the words they nearly are.
  const tokens = typed.map((t, i) => (taken[i] ? t : correctQuestionWord(t, index)));
  const unknownNames = [...new Set(worldLinks.map((l) => l.entity))];

  const intents = new Set<Intent>();
  const cues: string[] = [];
  const candidates: number[] = []; // token positions that may be subject words
  tokens.forEach((t, i) => {
    // Words inside a name ("Action *Plan* on Human Rights") are the name, not what is asked.
    if (taken[i] && !dates.some((d) => d.positions.includes(i))) return;
    for (const intent of INTENT_BY_STEM.get(t.stem) ?? INTENT_BY_STEM.get(t.norm) ?? []) intents.add(intent);
    // "talk about", "speak about": a meeting word with "about" asks for its topics.
    // "What did he tell Tang about?": a question ending on "about" asks for topics too.
    if ((t.norm === 'about' || t.norm === 'о' || t.norm === 'об') && ([...intents].includes('meet') || i === typed.length - 1)) intents.add('topic');
    if (taken[i]) return;
    if (STOPWORDS.has(t.norm) || RU_STOPWORDS.has(t.norm) || /^\d{1,2}$/.test(t.norm)) return;
    if (INTENT_BY_STEM.has(t.stem) || INTENT_BY_STEM.has(t.norm)) {
      // Action words ("welcomed", "agreed") point at facts; "discussed" or "met" would only pick
      // the one fact whose quote happens to say so.
      if ((INTENT_BY_STEM.get(t.stem) ?? INTENT_BY_STEM.get(t.norm) ?? []).some((i) => CUE_INTENTS.has(i))) cues.push(englishStem(t) ?? t.stem);
      return;
    }
    if (FRAME_STEMS.has(t.stem)) return;
    candidates.push(i);
  });

  // Typo-tolerant linking for the words left: "tedross", "guteres", "world health org".
  links.push(...linkFuzzy(tokens, candidates, taken, index));

  const terms: string[] = [];
  const unknownWords: string[] = [];
  const unknownPositions: number[] = [];
  for (const i of candidates) {
    if (taken[i]) continue;
    const token = tokens[i]!;
    const known = knownStem(token, index);
    if (known) terms.push(known);
    else if (!(lang === 'ru' && token.norm.length <= 2)) {
      unknownWords.push(token.raw);
      unknownPositions.push(i);
    }
  }
  // Capitalised words mid-sentence that nothing knows are names too ("Macron", "COVID").
  for (const i of unknownPositions) {
    const raw = tokens[i]!.raw;
    if (i > 0 && /^\p{Lu}/u.test(raw) && raw.length > 1) unknownNames.push(raw);
    else if (/^\p{Lu}{2,}$/u.test(raw)) unknownNames.push(raw);
  }
  // Also an unknown word that qualifies a name: "the UN refugee agency chief" is not the UN chief.
  const linkedAt = new Set(links.flatMap((l) => Array.from({ length: l.end - l.start }, (_, k) => l.start + k)));
  // And "the budget of the hub": an unknown word that something known is "of".
  const unknownAt = new Set(unknownPositions);
  const subjectAfterMarker = (i: number): boolean => {
    // "about oil exports" is about oil; "about growing the creative economy" is mostly about known words.
    const phrase = tokens.slice(i, i + 4).map((_, k) => i + k).filter((p) => !STOPWORDS.has(tokens[p]!.norm));
    return phrase.filter((p) => unknownAt.has(p)).length * 2 >= phrase.length;
  };
  const unknownIsSubject = unknownPositions.some(
    (i) =>
      (SUBJECT_BEFORE.has(tokens[i - 1]?.norm ?? '') && subjectAfterMarker(i)) ||
      SUBJECT_AFTER.has(tokens[i + 1]?.norm ?? '') ||
      (tokens[i + 1]?.norm === 'of' && (linkedAt.has(i + 2) || linkedAt.has(i + 3))) ||
      (linkedAt.has(i - 1) && i + 1 < tokens.length && !linkedAt.has(i + 1) && !STOPWORDS.has(tokens[i + 1]!.norm)),
  );

  return { lang, dates, type: questionType(tokens), words: tokens.map((t) => t.norm), freeWords: tokens.filter((_, i) => !taken[i]).map((t) => t.norm), cues, intents, links, unknownNames, terms, unknownWords, unknownIsSubject };
}

// Only the words that carry the question (what is asked, and about which action): correcting a
// subject word into a frame word ("king" → "kind") would hide what the release lacks.
const QUESTION_WORDS: readonly string[] = [...new Set(['who', 'whom', 'whose', 'what', 'when', 'where', 'which', ...Object.values(INTENT_WORDS).flat()])].filter(
  (w) => w.length >= 3 && /^[a-z]+$/.test(w),
);

/** A word no release uses and one typo away from a question word ("meat" → "meet") is that word. */
function correctQuestionWord(token: Token, index: SearchIndex): Token {
  if (token.norm.length < 4 || index.vocabulary.has(token.stem) || QUESTION_WORD_SET.has(token.norm) || !/^[a-z]+$/.test(token.norm)) return token;
  if (STOPWORDS.has(token.norm) || FRAME_STEMS.has(token.stem)) return token; // "came" is a word, not a typo of "name"
  const near = QUESTION_WORDS.find((w) => Math.abs(w.length - token.norm.length) <= 1 && editDistance(token.norm, w, 1) <= 1);
  return near ? { raw: token.raw, norm: near, stem: stem(near) } : token;
}
const QUESTION_WORD_SET = new Set(QUESTION_WORDS);

const AUXILIARIES = new Set(['did', 'does', 'do', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);
const PEOPLE_NOUNS = new Set(
  ['official', 'officials', 'person', 'people', 'persons', 'minister', 'ministers', 'counterpart', 'counterparts', 'head', 'heads', 'leader', 'leaders', 'diplomat', 'diplomats', 'representative', 'representatives'],
);

/** Chat shorthand spelled out; the rest as typed. */
function spellOut(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => {
    const full = SHORTHAND[t.norm];
    return full === undefined ? [t] : tokensOf(full);
  });
}

function questionType(tokens: readonly Token[]): QuestionType {
  // Words, not characters: JavaScript's \b does not see Cyrillic letters as word characters.
  const words = tokens.map((t) => t.norm);
  // "Name the UN officials…", "List the ministers…": a list of people is a who-question.
  if (/^(name|list|show|tell me)\b/.test(words.join(' ')) && words.slice(1, 6).some((w) => PEOPLE_NOUNS.has(w))) return 'who';
  // "In which Kazakh city…", "what Swiss town…": a place noun close behind which/what.
  if (/^(in )?(which|what)( \S+)? (city|town|country|place|venue)\b/.test(words.join(' '))) return 'where';
  // "Which international official…": which/what + a person noun close behind.
  // ("What did the minister discuss" is not: the verb comes first.)
  if (/^(which|what)\b/.test(words.join(' ')) && !AUXILIARIES.has(words[1] ?? '') && words.slice(1, 4).some((w) => PEOPLE_NOUNS.has(w))) return 'who';
  const opener = words.join(' ').replace(/^(and|so|ok|okay|also|please|tell me|а|и|ну|скажи|подскажи|скажите)\s+/u, '');
  for (const [type, phrases] of QUESTION_TYPES) {
    if (phrases.some((p) => opener === p || opener.startsWith(`${p} `))) return type;
  }
  const has = new Set(words);
  if (has.has('who') || has.has('кто')) return 'who';
  if (has.has('when') || has.has('когда')) return 'when';
  if (has.has('where') || has.has('где')) return 'where';
  if (has.has('ли')) return 'yesno'; // Russian yes/no: "Обсуждали ли…", "…ли он…"
  return has.has('what') || has.has('что') ? 'what' : 'bare';
}

/** A Russian word's English stem, when the small dictionary has it ("поблагодарил" → "thank"). */
function englishStem(token: Token): string | undefined {
  if (!/[а-я]/.test(token.norm)) return undefined;
  const hit = RU_TO_EN_ENTRIES.find(([ru]) => token.norm.includes(ru));
  return hit ? stem(hit[1]) : undefined;
}

/** The stem a subject word is indexed by, or undefined when no release uses the word. */
function knownStem(token: Token, index: SearchIndex): string | undefined {
  if (/[а-я]/.test(token.norm)) {
    // Russian words meet the English facts through their translation.
    const hit = RU_TO_EN_ENTRIES.find(([ru]) => token.norm.startsWith(ru));
    if (hit) return stem(hit[1]);
    return index.vocabulary.has(token.stem) ? token.stem : undefined;
  }
  if (index.vocabulary.has(token.stem)) return token.stem;
  // A typo of a word the releases use ("intelectual", "diplom").
  const budget = typoBudget(token.norm.length);
  if (budget === 0) return undefined;
  for (const word of index.wordSearch.candidates(token.norm, 20)) {
    if (editDistance(token.norm, word, budget) <= budget) return stem(word);
  }
  return undefined;
}

/** Fuzzy look-ups one question may make: a long question of unknown words must stay quick. */
const MAX_FUZZY_LOOKUPS = 32;

function linkFuzzy(tokens: readonly Token[], candidates: readonly number[], taken: boolean[], index: SearchIndex): Link[] {
  const links: Link[] = [];
  let budget = MAX_FUZZY_LOOKUPS;
  // Runs of adjacent candidate words, tried longest first.
  const runs: number[][] = [];
  for (const i of candidates) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  }
  for (const run of runs) {
    for (let len = Math.min(4, run.length); len >= 1; len--) {
      for (let s = 0; s + len <= run.length; s++) {
        const positions = run.slice(s, s + len);
        if (positions.some((p) => taken[p])) continue;
        const span = positions.map((p) => tokens[p]!);
        if (budget-- <= 0) return links;
        const form = bestFuzzyForm(span, index);
        if (!form) continue;
        positions.forEach((p) => (taken[p] = true));
        links.push({ entity: form.entity, role: form.role, start: positions[0]!, end: positions[positions.length - 1]! + 1, fuzzy: true });
      }
    }
  }
  return links;
}

function bestFuzzyForm(span: readonly Token[], index: SearchIndex): EntityForm | undefined {
  const text = span.map((t) => t.norm).join(' ');
  // Words the releases use are not typos of a name; only a span with an unknown word is worth a fuzzy search.
  if (text.length < 4 || span.every((t) => index.vocabulary.has(t.stem))) return undefined;
  for (const { item } of index.formSearch.search(text, 8)) {
    if (item.exactTokens) continue;
    if (sameWithTypos(text, item.text) || sameWithTypos(withoutStopwords(text), withoutStopwords(item.text)) || abbreviates(span, item)) return item;
  }
  return undefined;
}

/** "high commisioner human rights" ~ "High Commissioner for Human Rights": small words aside. */
function withoutStopwords(text: string): string {
  return text.split(' ').filter((w) => !STOPWORDS.has(w)).join(' ');
}

/** "guteres" ~ "guterres": within the typo budget of the whole form. */
function sameWithTypos(typed: string, form: string): boolean {
  const budget = typoBudget(form.length);
  return budget > 0 && editDistance(typed, form, budget) <= budget;
}

/** "world health org" ~ "world health organization": every word matches, the last may be cut short. */
function abbreviates(span: readonly Token[], form: EntityForm): boolean {
  const words = form.text.split(' ');
  if (span.length < 2 || span.length !== words.length) return false;
  return span.every((t, i) => {
    const word = words[i]!;
    if (t.norm === word || t.stem === stem(word)) return true;
    if (i === span.length - 1 && t.norm.length >= 3 && word.startsWith(t.norm)) return true;
    return editDistance(t.norm, word, typoBudget(word.length)) <= typoBudget(word.length);
  });
}
