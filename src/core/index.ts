/**
 * The core's public face: knowledge in, answers out. Nothing here imports discord.js;
 * the CLI, the console and the Discord adapter all call these.
 */
export { createEngine, createEngineInSlices, type Engine } from './engine';
export { loadKnowledge, formatErrors, type LoadResult } from './knowledge/load';
export type { Knowledge, KnowledgeError, Release, Entity, Fact, Meeting, Source } from './knowledge/types';
export { KnowledgeStore, diffKnowledge, type KnowledgeChanges, type ReloadResult } from './store';
export { ask, MAX_QUESTION_LENGTH } from './answer/ask';
export { whoMet, type WhoMetAnswer, type PersonSummary } from './answer/who-met';
export { topics } from './answer/topics';
export { suggest, type Suggestion } from './answer/suggest';
export { toPlainText, quoteBlocks, evidenceBlocks, citedReleases, type Answer, type AnswerStatus } from './answer/answer';
export { STRINGS, formatDate, releaseDateText, plural, type Lang } from './strings';
