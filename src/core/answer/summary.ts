/**
 * Summary ("tl;dr", "recap", "вкратце"): a digest — who went where and when, then what the release says. Of one whole
 * release, as a reader skims it: each paragraph's opening, then the next sentences while there is room. Of a release
 * too long for that, of several, or of a part asked about (a group — "just the international organizations" — or a
 * named counterpart): each meeting's counterpart with its key points, at most MAX_SUMMARY characters.
 */
import type { FactKind } from '../knowledge/schema';
import type { Fact, Meeting, Release, Source } from '../knowledge/types';
import { LEXICON } from '../lexicon/lexicon';
import { answered, type Answer } from './answer';
import { inGroup, meetingsIn, type Context } from './ask-context';
import { entity, factsIn, nameOf, visitWords } from './people';
import { releasesInScope } from './release-meta';
import { sceneStems, sentencesOf, sentencesStating } from './sentences';
import { factsOf } from './topics';

export const MAX_SUMMARY = 1200;
/** Releases one summary covers: the newest in scope. */
const MAX_RELEASES = 3;
const POINTS_PER_MEETING = 2;

export function summaryAnswer(ctx: Context): Answer | undefined {
  const releases = bilateralFirst(ctx, focused(ctx, releasesInScope(ctx))).slice(0, MAX_RELEASES);
  if (releases.length === 0) return undefined;
  const lines: string[] = [];
  const sources: Source[] = [];
  let heading = '';
  for (const release of releases) {
    const meetings = meetingsOf(ctx, release);
    const v = visitWords(ctx.engine, release, ctx.lang);
    const head = ctx.S.digest(v.principal, v.place, v.date, meetings.length);
    if (!heading) heading = head;
    else lines.push(head);
    if (meetings.length === 0) {
      // Nobody curated it (or nothing matches the group): its opening sentences say what it is about…
      const lead = release.paragraphs[0];
      if (lead) sources.push({ release: release.id, paragraph: 1, quote: sentencesOf(release)[0]!.slice(0, 2).join(' ') });
      if (ctx.group) continue;
      // …and, of a call or an event with no meeting drafted, what was discussed and what the release's own facts say.
      const own = factsIn(ctx.engine, [release.id]).filter((f) => !f.meeting && f.kind !== 'visit');
      const points = keyPoints(own, POINTS_PER_MEETING + 1);
      lines.push(...points.map((f) => f.label));
      const discussed = sentencesStating(ctx.engine, [release.id], (x) => LEXICON.discussion(x), 1);
      sources.push(...discussed.filter((x) => x.paragraph !== 1), ...points.flatMap((f) => f.sources.slice(0, 1)));
      continue;
    }
    for (const m of meetings) {
      // One meeting asked about: all its points; several: the first few of each.
      const points = meetings.length === 1 ? factsOf(ctx.engine, m) : keyPoints(factsOf(ctx.engine, m), POINTS_PER_MEETING);
      lines.push(`${counterparts(ctx, m)}: ${points.map((f) => f.label).join('; ') || ctx.S.metOnly}`);
      sources.push(...(points[0]?.sources.slice(0, 1) ?? m.sources.slice(0, 1)));
    }
  }
  // One whole release asked about is told as a reader skims it — unless it is too long to skim whole and its meetings
  // say more in fewer words.
  const whole = releases.length === 1 ? wholeRelease(ctx, releases[0]!) : undefined;
  if (whole) {
    const skim = skimmed(whole);
    const meetings = ctx.engine.index.meetingsByRelease.get(whole.id) ?? [];
    if (skim.complete || meetings.length === 0 || lines.length < THIN_DIGEST) {
      const one = meetings.length === 1 ? meetings[0]! : undefined;
      const points = [...(one ? [ctx.S.topicsWith(counterparts(ctx, one))] : []), ...skim.points.map((x) => x.line)];
      return answered(
        heading,
        within(heading, points, MAX_SKIM),
        skim.points.map((x) => x.source),
        ctx.lang,
      );
    }
  }
  return answered(heading, within(heading, lines), sources, ctx.lang);
}

/** Fewer lines than this, and a digest of meetings says less than a skim of the release. */
const THIN_DIGEST = 3;

/**
 * The release a digest is of when the question asks about all of it: one release in scope, no group or part of it
 * asked about ("tl;dr of his chat with the tourism minister", "tl;dr of the Orbán meeting" are told by that part's
 * points), and every word asked in its headline or opening.
 */
function wholeRelease(ctx: Context, release: Release): Release | undefined {
  if (ctx.group !== undefined) return undefined;
  const asked = meetingsOf(ctx, release).length;
  const all = ctx.engine.index.meetingsByRelease.get(release.id)?.length ?? 0;
  if (asked > 0 && asked < all) return undefined;
  return ctx.terms.every((t) => sceneStems(ctx.engine, release.id).has(t)) ? release : undefined;
}

/**
 * "tl;dr kz at the geneva afghanistan conf": of the releases in scope, those whose headline and opening hold every
 * word asked ("conference") — not the February visit to Geneva that mentions Afghanistan too.
 */
function focused(ctx: Context, releases: readonly Release[]): readonly Release[] {
  if (releases.length < 2 || ctx.terms.length === 0) return releases;
  const holding = releases.filter((r) => ctx.terms.every((t) => sceneStems(ctx.engine, r.id).has(t)));
  return holding.length ? holding : releases;
}

/** A skim's longest digest, in characters: longer than a digest of meetings, which says more in fewer words. */
const MAX_SKIM = 1800;
/** The longest point of a skim: a sentence longer than this is cut at a word. */
const POINT_CHARS = 240;

/**
 * A release as a reader skims it: each paragraph's opening sentence, in the release's order; then, while the digest has
 * room, each paragraph's next sentence, and so on — a short release is told nearly whole, a long one by its openings.
 * `complete` when every paragraph got its opening.
 */
function skimmed(release: Release): { points: { line: string; source: Source }[]; complete: boolean } {
  const sentences = sentencesOf(release);
  const taken = sentences.map(() => 0);
  let room = MAX_SKIM;
  for (let round = 0, full = false; !full; round++) {
    const next = sentences.flatMap((list, i) => (list[round] && taken[i] === round ? [i] : []));
    if (next.length === 0) break;
    for (const i of next) {
      const cost = brief(sentences[i]![round]!).length + 3;
      // (A round that cannot give every paragraph its next sentence is the last: none is told deeper than one before it
      // that got less.)
      if (cost > room) full = true;
      else {
        taken[i] = round + 1;
        room -= cost;
      }
    }
  }
  const points = sentences.flatMap((list, i) => {
    const chosen = list.slice(0, taken[i]);
    if (chosen.length === 0) return [];
    return [{ line: chosen.map(brief).join(' ').replace(/\.$/, ''), source: { release: release.id, paragraph: i + 1, quote: chosen.join(' ') } }];
  });
  return { points, complete: sentences.every((list, i) => list.length === 0 || taken[i]! > 0) };
}

function brief(sentence: string): string {
  return sentence.length <= POINT_CHARS ? sentence : `${sentence.slice(0, POINT_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * "tl;dr of the Kazakh–Georgian meeting": the releases where those named were met on their own come before those
 * where they sat at one table among many (the Georgian minister in a group of six in Geneva); newest first within each.
 */
function bilateralFirst(ctx: Context, releases: readonly Release[]): readonly Release[] {
  if (ctx.people.length === 0) return releases;
  const named = new Set(ctx.people);
  const own = new Set(
    ctx.people
      .flatMap((p) => meetingsIn(ctx, p))
      .filter((m) => m.with.every((p) => named.has(p)))
      .map((m) => m.release),
  );
  return own.size ? [...releases.filter((r) => own.has(r.id)), ...releases.filter((r) => !own.has(r.id))] : releases;
}

/**
 * The first few points of a meeting, one of each kind first: what was discussed, then what was agreed or signed —
 * not two topics of one list while the signing goes unsaid.
 */
function keyPoints(facts: readonly Fact[], n: number): Fact[] {
  const firsts = facts
    .filter((f, i) => facts.findIndex((g) => g.kind === f.kind) === i)
    .sort((a, b) => SUMMARY_ORDER.indexOf(a.kind) - SUMMARY_ORDER.indexOf(b.kind));
  return [...new Set([...firsts, ...facts])].slice(0, n);
}

/** What a digest tells first: what was discussed, what was agreed or signed, then what was proposed; what was said, last. */
const SUMMARY_ORDER: readonly FactKind[] = ['topic', 'agreement', 'initiative', 'invitation', 'support', 'cooperation', 'visit', 'assessment', 'statement'];

/** The release's meetings the question is about: all, those of a group, or those with the people it names. */
function meetingsOf(ctx: Context, release: Release): Meeting[] {
  const all = [...(ctx.engine.index.meetingsByRelease.get(release.id) ?? [])]; // (its meetings, in the order the knowledge has them)
  if (ctx.people.length) {
    // (With those named go the meetings of the visitor's own side, where a thin draft keeps what the visit was about:
    // "the co-chair met … also present were <the visitor's compatriots>".)
    const home = release.principal ? entity(ctx.engine, release.principal)?.country : undefined;
    const ownSide = all.filter((m) => home !== undefined && m.with.every((p) => entity(ctx.engine, p)?.country === home));
    const named = [...new Set(ctx.people.flatMap((p) => meetingsIn(ctx, p)))].filter((m) => m.release === release.id);
    return named.length ? [...new Set([...ownSide, ...named])] : named;
  }
  if (ctx.group) return all.filter((m) => m.with.some((p) => inGroup(ctx.engine, p, ctx.group)));
  return all;
}

/** "António Guterres (UN Secretary-General)"; a group of ministers by name and country. */
function counterparts(ctx: Context, m: Meeting): string {
  if (m.with.length === 1) {
    const e = entity(ctx.engine, m.with[0]!);
    return e?.title ? `${e.name} (${e.title})` : nameOf(ctx.engine, m.with[0]!);
  }
  return m.with
    .map((p) => {
      const e = entity(ctx.engine, p);
      const of = e?.country ?? e?.organization;
      return of ? `${nameOf(ctx.engine, p)} (${nameOf(ctx.engine, of)})` : nameOf(ctx.engine, p);
    })
    .join(', ');
}

/** Whole lines while they fit; the last one cut at a word if it must be. */
function within(heading: string, lines: readonly string[], budget = MAX_SUMMARY): string[] {
  const out: string[] = [];
  let left = budget - heading.length;
  for (const line of lines) {
    if (left <= 40) break;
    const cut = line.length + 1 <= left ? line : `${line.slice(0, left - 2).replace(/\s+\S*$/, '')}…`;
    out.push(cut);
    left -= cut.length + 1;
  }
  return out;
}
