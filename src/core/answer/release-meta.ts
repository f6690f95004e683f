/** Answers about the releases themselves: their date, host city and source. */
import type { Context } from './ask-context';
import type { Release, Source } from '../knowledge/types';
import { releaseDateText } from '../strings';
import { answered, notFound, type Answer } from './answer';
import { visitWords } from './people';

/** The releases in scope, newest first; one answer line each when there are several. */
export function releasesInScope(ctx: Context): readonly Release[] {
  const { index } = ctx.engine;
  // Most questions are about every release: the list as it is, not a copy of 10,000.
  if (ctx.releases === index.releaseIds) return index.releasesNewestFirst;
  return index.releasesNewestFirst.filter((r) => ctx.releases.has(r.id));
}

/**
 * One line per release that has one (`has` says which: lines are made only for the releases shown,
 * not for the 10,000 a question about every release counts).
 */
function releaseMeta(ctx: Context, line: (r: Release) => string, has?: (r: Release) => boolean): Answer | undefined {
  const releases = has ? releasesInScope(ctx).filter(has) : releasesInScope(ctx);
  const [first] = releases;
  if (!first) return undefined;
  if (releases.length === 1) return answered(line(first), [], firstSentence(first.id, first.paragraphs[0]), ctx.lang);
  const shown = releases.slice(0, 10);
  return answered(
    ctx.S.count(releases.length, ctx.S.releases),
    shown.map((r) => `${releaseDateText(r, ctx.lang)} — ${r.title}: ${line(r)}`),
    shown.flatMap((r) => firstSentence(r.id, r.paragraphs[0])),
    ctx.lang,
  );
}

export function releaseDate(ctx: Context): Answer | undefined {
  const dated = releaseMeta(
    ctx,
    (r) => ctx.S.releaseDate(releaseDateText(r, ctx.lang)),
    (r) => Boolean(r.date || r.monthDay),
  );
  // Only undated releases in scope: "date unknown" is no answer to "when".
  if (!dated && releasesInScope(ctx).length) return notFound(ctx.S.mentionsButNot(ctx.S.theVisit, ctx.S.askedWhen), ctx.lang);
  return dated;
}

export function releasePlace(ctx: Context): Answer | undefined {
  return releaseMeta(
    ctx,
    (r) => ctx.S.releasePlace(visitWords(ctx.engine, r, ctx.lang).place!, releaseDateText(r, ctx.lang)),
    (r) => Boolean(r.place),
  );
}

export function releaseSource(ctx: Context): Answer | undefined {
  return releaseMeta(ctx, (r) => ctx.S.releaseSource(r.source));
}

function firstSentence(release: string, paragraph: string | undefined): Source[] {
  return paragraph ? [{ release, paragraph: 1, quote: paragraph }] : [];
}
