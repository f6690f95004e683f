/** whoMet: every counterpart of the visits, or those matching a name, title, organization or country. */
import type { Engine } from '../engine';
import { unnamedMet, withUnnamed } from './unnamed';
import { STRINGS, type Lang } from '../strings';
import { answered, notFound, type Answer } from './answer';
import { allCounterparts, entity, mentionSources, personLine, releaseOf, resolvePeople, visitWords } from './people';

export interface PersonSummary {
  name: string;
  title: string;
  organization?: string;
  country?: string;
  release: string;
}

export interface WhoMetAnswer extends Answer {
  people: PersonSummary[];
}

export function whoMet(engine: Engine, name?: string, lang: Lang = 'en', scope?: ReadonlySet<string>): WhoMetAnswer {
  const S = STRINGS[lang];
  let met = allCounterparts(engine).filter((m) => !scope || scope.has(m.meeting.release));
  const query = name?.trim();
  if (query) {
    const wanted = new Set(resolvePeople(engine, query));
    met = met.filter((m) => wanted.has(m.person));
    // Named in the releases but never met (President Tokayev): say that, not "no one matches".
    if (met.length === 0 && wanted.size) {
      return { ...notFound(S.didNotMeet([...wanted].map((id) => engine.knowledge.entities.get(id)?.name ?? id).join(', ')), lang), people: [] };
    }
    if (met.length === 0) return { ...notFound(S.noOneMatches(query), lang), people: [] };
  }
  if (met.length === 0) return { ...notFound(S.releaseSilent, lang), people: [] };

  const releases = [...new Set(met.map((m) => m.meeting.release))];
  const several = releases.length > 1;
  const first = releaseOf(engine, releases[0]!)!;
  const v = visitWords(engine, first, lang);
  const summary = query ? S.counterpartsMatching(query) : several ? S.counterpartsMatching('*') : S.counterparts(v.principal, v.place, v.date);
  const items = met.map(({ person, meeting }) => {
    const line = personLine(engine, person);
    if (!several) return line;
    const r = releaseOf(engine, meeting.release)!;
    const w = visitWords(engine, r, lang);
    return `${line} (${[w.date, w.place].filter(Boolean).join(', ')})`;
  });
  const sources = met.flatMap(({ person, meeting }) => {
    const intro = mentionSources(engine, person, meeting.release);
    return intro.length ? intro : meeting.sources;
  });
  const people = met.map(({ person, meeting }) => summarize(engine, person, meeting.release));
  // Those the release names only by office ("also met with the President of the Chamber of Commerce"), after them.
  const unnamed = query ? [] : unnamedMet(engine, scope ?? releases);
  return { ...withUnnamed(answered(summary, items, sources, lang), unnamed, lang), people };
}

function summarize(engine: Engine, id: string, release: string): PersonSummary {
  const e = entity(engine, id)!;
  const organization = e.organization ? entity(engine, e.organization)?.name : undefined;
  const country = e.country ? entity(engine, e.country)?.name : undefined;
  return { name: e.name, title: e.title ?? '', ...(organization ? { organization } : {}), ...(country ? { country } : {}), release };
}
