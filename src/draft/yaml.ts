/**
 * The draft as a knowledge file a moderator can read and correct: the same layout as
 * the hand-written ones (release, people, facts, meetings), new entities beside them
 * with a "DRAFT: check" comment each, short lists and sources on one line.
 */
import { Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Draft, DraftFact } from './extract';

export function draftYaml(draft: Draft, sourceFile: string): string {
  const fact = (f: DraftFact) => ({
    kind: f.kind,
    label: f.label,
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.when ? { when: f.when } : {}),
    ...(f.where ? { where: f.where } : {}),
    sources: f.sources,
  });
  const data: Record<string, unknown> = { release: draft.release };
  if (draft.entities.length) {
    data['entities'] = draft.entities.map(({ why: _why, ...e }) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      ...(e.title ? { title: e.title } : {}),
      ...(e.organization ? { organization: e.organization } : {}),
      ...(e.country ? { country: e.country } : {}),
      aliases: e.aliases,
      ...(e.demonyms.length ? { demonyms: e.demonyms } : {}),
      ...(e.caseSensitive.length ? { caseSensitive: e.caseSensitive } : {}),
    }));
  }
  if (draft.people.length) data['people'] = draft.people;
  if (draft.facts.length) data['facts'] = draft.facts.map(fact);
  if (draft.meetings.length) data['meetings'] = draft.meetings.map((m) => ({ id: m.id, with: m.with, sources: m.sources, facts: m.facts.map(fact) }));

  // No anchors: a moderator edits each fact's sources on their own.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` DRAFT made by \`cli draft\` from ${sourceFile}: every line below is a guess to check.`,
    ``,
    ` The text is in ${draft.release.text} beside this file; paragraphs are numbered from 1.`,
    ` Each quote was copied from its paragraph: if you edit one, copy it exactly again.`,
    ` Remove what is wrong rather than keep it; a release with no people, facts and`,
    ` meetings is still answered sentence by sentence.`,
    ` Then: npm run --silent cli -- check, and /reload.`,
    ...draft.aliasProposals.flatMap((p) => [
      ``,
      ` DRAFT: alias proposed — the release spells ${p.id} as ${p.aliases.map((a) => `“${a}”`).join(', ')}:`,
      ` this draft refers to ${p.id}; add these to its \`aliases\` where it is defined.`,
    ]),
  ].join('\n');

  const root = doc.contents as YAMLMap<unknown, unknown>;
  const section = (key: string) => root.items.find((pair) => (pair.key as { value?: unknown }).value === key);
  for (const key of ['entities', 'people', 'facts', 'meetings']) {
    const pair = section(key);
    if (pair) (pair.key as Node).spaceBefore = true;
  }
  const comment = (key: string, text: string) => {
    const pair = section(key);
    if (pair) (pair.key as Node).commentBefore = text;
  };
  comment(
    'entities',
    ' New entities: the knowledge did not know these names. Ids are global; an entity\n already defined elsewhere must be removed here and referenced by its id.',
  );
  comment('people', ' How the release introduces each person: the words that give their title.');
  comment('facts', ' Facts about the visit as a whole.');
  comment('meetings', ' Meetings, and what each was about. Check `kind`, `actor` and `where` of every fact.');

  const releaseMap = section('release')?.value as YAMLMap<unknown, unknown> | undefined;
  const titlePair = releaseMap?.items.find((p) => (p.key as { value?: unknown }).value === 'title');
  if (titlePair) (titlePair.key as Node).commentBefore = ' DRAFT: write the headline';

  const entities = section('entities')?.value as YAMLSeq<unknown> | undefined;
  entities?.items.forEach((item, i) => {
    if (!isMap(item)) return;
    (item as Node).commentBefore = ` DRAFT: check — ${draft.entities[i]!.why}`;
    if (i > 0) (item as Node).spaceBefore = true;
  });

  // Short lists and each source on one line, as the hand-written files have them.
  const flowLeaves = (node: unknown, parentKey?: string): void => {
    if (isSeq(node)) {
      if (['aliases', 'demonyms', 'caseSensitive', 'with'].includes(parentKey ?? '')) node.flow = true;
      for (const item of node.items) {
        if (parentKey === 'sources' && isMap(item)) item.flow = true;
        else flowLeaves(item, undefined);
      }
    } else if (isMap(node)) {
      for (const pair of node.items) flowLeaves(pair.value, String((pair.key as { value?: unknown }).value));
    }
  };
  flowLeaves(root);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
