/**
 * How an interaction or a mention ended, for the metrics (src/app/metrics.ts): the error boundary
 * (./interactions.ts) counts every interaction once, as `error` when it threw, else as a handler noted
 * it here — `not_found` (the knowledge is silent) or `refused` (cooldown, permission, a question too
 * long) — else `answered`. Answer views carry their answer's status from renderAnswer.
 */
import type { AnswerStatus } from '../core';
import type { InteractionStatus } from '../app/metrics';

const noted = new WeakMap<object, InteractionStatus>();
const answerStatus = new WeakMap<object, AnswerStatus>();

/** A handler says how its interaction (or message) ended. */
export function noteOutcome(interaction: object, status: 'not_found' | 'refused'): void {
  noted.set(interaction, status);
}

/** The answer's status travels with its view (set by renderAnswer)… */
export function tagAnswerView<V extends object>(view: V, status: AnswerStatus): V {
  answerStatus.set(view, status);
  return view;
}

/** …and is noted for the interaction that sends it: not_found when the knowledge is silent. */
export function noteAnswer<V extends object>(interaction: object, view: V): V {
  if (answerStatus.get(view) === 'not_found') noteOutcome(interaction, 'not_found');
  return view;
}

/** How it ended, once the handler returned without throwing. */
export function outcomeOf(interaction: object): InteractionStatus {
  return noted.get(interaction) ?? 'answered';
}
