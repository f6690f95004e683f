/**
 * Facts as an answer: with whom each came up, their labels as the points, their quotes as the evidence — a
 * proposal's with the sentence after it that says what became of it ("The Brunei side promised to consider it").
 */
import type { Fact } from '../knowledge/types';
import { answered, type Answer } from './answer';
import type { Context } from './ask-context';
import { counterpartsOf } from './fact-match';
import { nameOf, nameWithTitle } from './people';
import { withResponses } from './sentences';

export function factsAnswer(ctx: Context, facts: readonly Fact[], prefix?: string): Answer {
  const { engine } = ctx;
  const withWhom = [...new Set(facts.flatMap((f) => counterpartsOf(ctx, f)))];
  if (withWhom.length && withWhom.length <= 3) {
    const summary = ctx.S.topicsWith(withWhom.map((p) => nameWithTitle(engine, p)).join(', '));
    return {
      ...answered(
        prefix ? `${prefix} ${summary}` : summary,
        facts.map((f) => f.label),
        withResponses(
          engine,
          facts.flatMap((f) => f.sources),
        ),
        ctx.lang,
      ),
      about: withWhom,
    };
  }
  // Facts from several meetings: each says with whom.
  const withLine = (f: Fact): string => {
    const who = counterpartsOf(ctx, f);
    if (who.length === 0) return f.label;
    return `${f.label} (${ctx.S.withShort(who.length <= 2 ? who.map((p) => nameOf(engine, p)).join(', ') : ctx.S.nPeople(who.length))})`;
  };
  const [first, ...rest] = facts.map(withLine);
  return answered(
    prefix ? `${prefix} ${first ?? ''}` : (first ?? ''),
    rest,
    withResponses(
      engine,
      facts.flatMap((f) => f.sources),
    ),
    ctx.lang,
  );
}
