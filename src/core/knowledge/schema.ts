/**
 * The shape of the hand-edited knowledge files, checked with zod so that every
 * error names the field path and the problem (instead of hand-written checks).
 * Cross-file rules (unknown ids, duplicates, quotes found in the text) live in load.ts.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (like "daren-tang")');
const text = z.string().trim().min(1, 'must not be empty');

export const ENTITY_TYPES = ['person', 'organization', 'country', 'place', 'event', 'program'] as const;
export const FACT_KINDS = ['topic', 'invitation', 'assessment', 'support', 'agreement', 'initiative', 'visit', 'statement', 'cooperation'] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Only a well-formed date is checked against the calendar: a malformed one already has its error.
  .refine(
    (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (!Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)),
    'is not a real calendar date',
  );

export const sourceSchema = z.strictObject({
  paragraph: z.number().int().min(1, 'paragraphs are numbered from 1'),
  quote: text,
});

const sources = z.array(sourceSchema).min(1, 'needs at least one source quote');

export const entitySchema = z.strictObject({
  id,
  type: z.enum(ENTITY_TYPES),
  name: text,
  title: text.optional(),
  organization: id.optional(),
  country: id.optional(),
  parent: id.optional(),
  aliases: z.array(text).default([]),
  titles: z.array(text).default([]),
  demonyms: z.array(text).default([]),
  /** Forms that count only when written exactly so: "WHO" is the organization, "who" is a question word. */
  caseSensitive: z.array(text).default([]),
  /** Names it had for a while: a release of 2021 was in Nur-Sultan, shown as "Nur-Sultan (now Astana)". */
  formerNames: z.array(z.strictObject({ name: text, from: isoDate.optional(), until: isoDate })).default([]),
});

export const factSchema = z.strictObject({
  kind: z.enum(FACT_KINDS),
  label: text,
  actor: id.optional(),
  when: text.optional(),
  where: id.optional(),
  sources,
});

export const meetingSchema = z.strictObject({
  id,
  with: z.array(id).min(1, 'a meeting is with at least one person'),
  sources,
  facts: z.array(factSchema).default([]),
});

export const releaseSchema = z.strictObject({
  id,
  title: text,
  /** Optional: a release whose year cannot be known is undated (check warns), never dated today. */
  date: isoDate.optional(),
  /** The day a release without a year gives ("14 November" → 11-14): shown and matched without a year. */
  month_day: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day written MM-DD (month first), e.g. 11-14 for 14 November')
    .optional(),
  place: id.optional(),
  principal: id.optional(),
  source: text,
  /** The release text, relative to this file; paragraphs separated by blank lines. */
  text: z.string().regex(/^[^/\\]+\.txt$/, 'must be the name of a .txt file in the same folder'),
});

/**
 * One knowledge file. `entities` may stand alone (entities.yaml) or beside a
 * release; a release file has `release` and whatever it has curated so far.
 */
export const knowledgeFileSchema = z
  .strictObject({
    entities: z.array(entitySchema).default([]),
    release: releaseSchema.optional(),
    people: z.array(z.strictObject({ person: id, sources })).default([]),
    facts: z.array(factSchema).default([]),
    meetings: z.array(meetingSchema).default([]),
  })
  .refine((f) => f.release || (f.people.length === 0 && f.facts.length === 0 && f.meetings.length === 0), {
    message: 'people, facts and meetings belong to a release: add a `release:` section',
  });

export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type FactKind = (typeof FACT_KINDS)[number];
