/**
 * `cli draft FILE.txt`: from a release's raw text to a draft knowledge entry that
 * passes `check` together with the knowledge already there — or to nothing at all.
 * The draft is validated in a scratch copy of the knowledge folder before a single
 * file is written; if the curated part does not validate, an uncurated entry (text
 * and metadata only, still answerable sentence by sentence) is written instead.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatErrors, loadKnowledge, type Knowledge, type KnowledgeError } from '../core';
import { cleanRelease, releaseText } from './clean';
import { extractDraft, type Draft } from './extract';
import { draftYaml } from './yaml';

export interface DraftOptions {
  /** The raw release text. */
  file: string;
  /** The knowledge folder the draft must validate with (KNOWLEDGE_DIR). */
  knowledgeDir: string;
  /** Where to write; default <knowledgeDir>/releases. */
  out?: string;
  id?: string;
  force?: boolean;
}

export type DraftResult = { ok: true; textFile: string; yamlFile: string; draft: Draft; curated: boolean; report: string[] } | { ok: false; report: string[] };

export async function draftRelease(options: DraftOptions): Promise<DraftResult> {
  let raw: string;
  try {
    raw = await fs.readFile(options.file, 'utf8');
  } catch (error) {
    return { ok: false, report: [`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`] };
  }
  const clean = cleanRelease(raw);
  if (clean.paragraphs.length === 0) return { ok: false, report: [`${options.file} has no text once the debris is removed`] };
  if (options.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(options.id)) {
    return { ok: false, report: [`--id "${options.id}" must be lower-case letters, digits and dashes (like 2024-02-28-geneva)`] };
  }

  const existing = await existingKnowledge(options.knowledgeDir);
  if (!existing.ok) {
    return {
      ok: false,
      report: [`the knowledge in ${options.knowledgeDir} does not pass check; fix it first:`, ...formatErrors(existing.errors).map((l) => `  ${l}`)],
    };
  }
  const draft = extractDraft(clean.paragraphs, {
    ...(existing.knowledge ? { knowledge: existing.knowledge } : {}),
    ...(clean.date ? { date: clean.date } : {}),
    ...(clean.dayMonth ? { dayMonth: clean.dayMonth } : {}),
    ...(clean.dateReadings ? { dateReadings: clean.dateReadings } : {}),
    ...(clean.title ? { title: clean.title } : {}),
    ...(clean.dateline ? { dateline: clean.dateline } : {}),
    ...(options.id ? { id: options.id } : {}),
  });
  const out = path.resolve(options.out ?? path.join(options.knowledgeDir, 'releases'));
  const textFile = path.join(out, `${draft.release.id}.txt`);
  const yamlFile = path.join(out, `${draft.release.id}.yaml`);
  if (!options.force) {
    const taken = [];
    for (const f of [textFile, yamlFile]) if (await exists(f)) taken.push(f);
    if (taken.length)
      return {
        ok: false,
        report: [`${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: not overwritten (use --force, or --id for another id)`],
      };
  }

  const text = releaseText(clean.paragraphs);
  const source = path.basename(options.file);
  // People alone are worth writing: "who's Helena Brandt?" of a side event with no meeting drafted. (Every sentence stays
  // answerable, curated or not: no fact covers it.)
  let curated = draft.facts.length + draft.meetings.length + draft.people.length > 0;
  let yaml = draftYaml(draft, source);
  let errors = await validate(options.knowledgeDir, out, draft.release.id, text, yaml);
  const report: string[] = [];
  if (errors.length && curated) {
    // Precision first: an entry that does not validate is worth less than the bare text.
    report.push('the drafted facts did not pass check, so the entry is uncurated (text and metadata only):', ...formatErrors(errors).map((l) => `  ${l}`));
    const bare: Draft = { ...draft, entities: [], people: [], facts: [], meetings: [], release: withoutRefs(draft) };
    yaml = draftYaml(bare, source);
    curated = false;
    errors = await validate(options.knowledgeDir, out, draft.release.id, text, yaml);
  }
  if (errors.length)
    return {
      ok: false,
      report: [...report, 'the draft does not pass check with the existing knowledge; nothing written:', ...formatErrors(errors).map((l) => `  ${l}`)],
    };

  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(textFile, text);
  await fs.writeFile(yamlFile, yaml);

  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const facts = draft.facts.length + draft.meetings.reduce((n, m) => n + m.facts.length, 0);
  report.unshift(
    `cleaned ${source}: ${clean.paragraphs.length} paragraphs; removed ${clean.removed.length ? clean.removed.map((l) => `“${l}”`).join(', ') : 'no debris lines'} and ${clean.blankLines} extra blank line(s)`,
    `wrote ${rel(textFile)}`,
    curated
      ? `wrote ${rel(yamlFile)}: ${draft.people.length} people, ${draft.meetings.length} meetings, ${facts} facts, ${draft.entities.length} new entities${existing.knowledge ? '' : ' (the knowledge folder was empty)'}`
      : `wrote ${rel(yamlFile)}: uncurated — answered sentence by sentence until someone adds facts`,
  );
  report.push('check before /reload:', ...checksOf(curated ? draft : { ...draft, entities: [], people: [], facts: [], meetings: [] }).map((c) => `  - ${c}`));
  report.push(`then: npm run --silent cli -- check, and /reload`);
  return { ok: true, textFile, yamlFile, draft, curated, report };
}

function checksOf(draft: Draft): string[] {
  const checks = [...draft.checks];
  for (const p of draft.aliasProposals) {
    checks.push(
      `alias proposed: ${p.aliases.map((a) => `“${a}”`).join(', ')} spell${p.aliases.length === 1 ? 's' : ''} ${p.id}, already in the knowledge: the draft refers to ${p.id}; add ${p.aliases.length === 1 ? 'it' : 'them'} to its aliases`,
    );
  }
  for (const e of draft.entities) {
    const details = [e.title, e.country && `country: ${e.country}`, e.organization && `organization: ${e.organization}`].filter(Boolean).join('; ');
    checks.push(`new ${e.type} ${e.id} “${e.name}”${details ? ` — ${details}` : ''} (${e.why})`);
  }
  for (const m of draft.meetings) checks.push(`meeting ${m.id} with ${m.with.join(', ')}: ${m.facts.length} fact(s) — check each kind and label`);
  if (draft.facts.length)
    checks.push(`${draft.facts.length} fact(s) about the visit as a whole — check actors ("He …" sentences are attributed to the person before)`);
  if (draft.uncovered.length && (draft.meetings.length || draft.facts.length)) {
    checks.push(`no fact cites ¶${draft.uncovered.join(', ¶')}: add what matters there (a curated release is answered from its facts)`);
  }
  return checks;
}

function withoutRefs(draft: Draft): Draft['release'] {
  const { place: _place, principal: _principal, ...release } = draft.release;
  return release;
}

/** The knowledge to draft against; an empty or missing folder is a fresh start, a broken one is an error. */
async function existingKnowledge(dir: string): Promise<{ ok: true; knowledge?: Knowledge } | { ok: false; errors: KnowledgeError[] }> {
  if (!(await exists(dir)) || (await isEmptyKnowledge(dir))) return { ok: true };
  const loaded = await loadKnowledge(dir, { requireRelease: false }); // entities only: the first release is this draft
  return loaded.ok ? { ok: true, knowledge: loaded.knowledge } : { ok: false, errors: loaded.errors };
}

async function isEmptyKnowledge(dir: string): Promise<boolean> {
  const walk = async (folder: string): Promise<boolean> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!(await walk(path.join(folder, entry.name)))) return false;
      } else if (/\.(ya?ml|json)$/i.test(entry.name)) return false;
    }
    return true;
  };
  return walk(dir);
}

/** Loads the knowledge plus the draft in a scratch copy: exactly what `check` will see once the files are in place. */
async function validate(knowledgeDir: string, out: string, id: string, text: string, yaml: string): Promise<KnowledgeError[]> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-draft-'));
  try {
    const copy = path.join(scratch, 'knowledge');
    if (await exists(knowledgeDir)) await fs.cp(knowledgeDir, copy, { recursive: true });
    const inside = path.relative(path.resolve(knowledgeDir), out);
    const target = inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? path.join(copy, inside) : inside === '' ? copy : path.join(copy, 'draft');
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, `${id}.txt`), text);
    await fs.writeFile(path.join(target, `${id}.yaml`), yaml);
    const loaded = await loadKnowledge(copy);
    return loaded.ok ? [] : loaded.errors;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
