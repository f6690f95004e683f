/**
 * `cli draft` on the shipped release's raw text: the entry it writes loads with the
 * rest of the knowledge, finds the ten counterparts, quotes verbatim, drops the
 * scraper's debris, never overwrites by accident, and copes with text it cannot read.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ask, createEngine, loadKnowledge, toPlainText, type Knowledge } from '../../src/core';
import { cleanRelease, parseDate, releaseText } from '../../src/draft/clean';
import { draftRelease, type DraftResult } from '../../src/draft/draft';

const ROOT = path.resolve(__dirname, '..', '..');
const RAW = path.resolve(ROOT, '..', 'shared', 'source', 'release-2024-02-28-geneva.txt');
const SHIPPED = path.join(ROOT, 'knowledge');
const COUNTERPARTS = ['guterres', 'turk', 'tedros', 'tang', 'marsudi', 'bui-thanh-son', 'faisal', 'cassis', 'hasani', 'darchiashvili'];

// The raw release lives beside the repository (../shared); without it these tests cannot run.
const describeWithRaw = existsSync(RAW) ? describe : describe.skip;

interface Setup {
  dir: string;
  knowledgeDir: string;
}

/** A scratch knowledge folder: a copy of knowledge/ without the Geneva release (or empty, or complete). */
async function setup(kind: 'without-geneva' | 'empty' | 'complete' = 'without-geneva'): Promise<Setup> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-draft-test-'));
  const knowledgeDir = path.join(dir, 'knowledge');
  if (kind === 'empty') await fs.mkdir(knowledgeDir);
  else {
    await fs.cp(SHIPPED, knowledgeDir, { recursive: true });
    if (kind === 'without-geneva') for (const ext of ['txt', 'yaml']) await fs.rm(path.join(knowledgeDir, 'releases', `2024-02-28-geneva.${ext}`));
  }
  return { dir, knowledgeDir };
}

const cleanups: string[] = [];
afterAll(async () => {
  for (const dir of cleanups) await fs.rm(dir, { recursive: true, force: true });
});

async function drafted(kind: Parameters<typeof setup>[0], options: { id?: string } = {}) {
  const s = await setup(kind);
  cleanups.push(s.dir);
  const result = await draftRelease({ file: RAW, knowledgeDir: s.knowledgeDir, ...options });
  if (!result.ok) throw new Error(result.report.join('\n'));
  const loaded = await loadKnowledge(s.knowledgeDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors, null, 2));
  return { ...s, result, knowledge: loaded.knowledge, yaml: await fs.readFile(result.yamlFile, 'utf8'), text: await fs.readFile(result.textFile, 'utf8') };
}

function counterpartsOf(knowledge: Knowledge, release: string): string[] {
  return [...knowledge.meetings.values()].filter((m) => m.release === release).flatMap((m) => m.with);
}

describeWithRaw('draftRelease on the shipped raw release', () => {
  let known: Awaited<ReturnType<typeof drafted>>;
  let fresh: Awaited<ReturnType<typeof drafted>>;
  beforeAll(async () => {
    known = await drafted('without-geneva');
    fresh = await drafted('empty');
  });

  it('writes <date>-<place>.txt and .yaml into knowledge/releases, and they pass loadKnowledge with the rest', () => {
    expect(path.relative(known.knowledgeDir, known.result.yamlFile)).toBe(path.join('releases', '2024-02-28-geneva.yaml'));
    const release = known.knowledge.releases.get('2024-02-28-geneva')!;
    expect(release).toMatchObject({ date: '2024-02-28', place: 'geneva', principal: 'nurtleu', curated: true });
    expect(release.title).not.toMatch(/DRAFT/);
    expect(release.title).toMatch(/^Murat Nurtleu, during his visit to Geneva/);
    expect(release.source).toBe('Press service of the Kazakh MFA');
  });

  it('references the ten counterparts the knowledge already has by their ids, defining no entity twice', () => {
    expect(new Set(counterpartsOf(known.knowledge, '2024-02-28-geneva'))).toEqual(new Set(COUNTERPARTS));
    expect(parse(known.yaml).entities ?? []).toEqual([]);
  });

  it('groups the six foreign ministers in one meeting and the heads of organizations one meeting each', () => {
    const meetings = [...known.knowledge.meetings.values()].map((m) => [...m.with]);
    expect(meetings).toEqual([['guterres'], ['turk'], ['tedros'], ['tang'], ['marsudi', 'bui-thanh-son', 'faisal', 'cassis', 'hasani', 'darchiashvili']]);
  });

  it('defines the ten counterparts, with their countries and organizations, when the knowledge is empty', () => {
    const k = fresh.knowledge;
    const byName = (name: string) => [...k.entities.values()].find((e) => e.name === name);
    const expected: Record<string, { country?: string; organization?: string }> = {
      'António Guterres': { organization: 'United Nations' },
      'Volker Türk': { organization: 'United Nations' },
      'Tedros Ghebreyesus': { organization: 'World Health Organization' },
      'Daren Tang': { organization: 'World Intellectual Property Organization' },
      'Retno Marsudi': { country: 'Indonesia' },
      'Bui Thanh Son': { country: 'Vietnam' },
      'Faisal Al-Saud': { country: 'Saudi Arabia' },
      'Ignazio Cassis': { country: 'Switzerland' },
      'Igli Hasani': { country: 'Albania' },
      'Ilia Darchiashvili': { country: 'Georgia' },
    };
    const met = new Set(counterpartsOf(k, '2024-02-28-geneva'));
    expect(met.size).toBe(10);
    for (const [name, want] of Object.entries(expected)) {
      const person = byName(name);
      expect(person?.type).toBe('person');
      expect(met.has(person!.id)).toBe(true);
      if (want.country) expect(k.entities.get(person!.country!)?.name).toBe(want.country);
      if (want.organization) expect(k.entities.get(person!.organization!)?.name).toBe(want.organization);
    }
    expect(byName('Murat Nurtleu')?.id).toBe(k.releases.get('2024-02-28-geneva')!.principal);
  });

  it('marks every new entity "# DRAFT: check" in the YAML', () => {
    const entities = parse(fresh.yaml).entities as unknown[];
    expect(entities.length).toBeGreaterThan(10);
    expect(fresh.yaml.match(/# DRAFT: check/g)).toHaveLength(entities.length);
  });

  it('quotes every source verbatim from its paragraph', () => {
    for (const d of [known, fresh]) {
      const paragraphs = d.text.trimEnd().split('\n\n');
      const file = parse(d.yaml);
      const sources = [
        ...(file.people ?? []).flatMap((p: { sources: unknown[] }) => p.sources),
        ...(file.facts ?? []).flatMap((f: { sources: unknown[] }) => f.sources),
        ...(file.meetings ?? []).flatMap((m: { sources: unknown[]; facts: { sources: unknown[] }[] }) => [...m.sources, ...m.facts.flatMap((f) => f.sources)]),
      ] as { paragraph: number; quote: string }[];
      expect(sources.length).toBeGreaterThan(30);
      for (const s of sources) expect(paragraphs[s.paragraph - 1]).toContain(s.quote);
    }
  });

  it('drafts the facts a reader asks about: topics, the invitation with its date and place, the visit', () => {
    const facts = [...known.knowledge.facts.values()];
    const invitation = facts.find((f) => f.kind === 'invitation');
    expect(invitation).toMatchObject({ actor: 'nurtleu', when: 'July 2024', where: 'kazakhstan', meeting: '2024-02-28-geneva/guterres' });
    expect(facts.find((f) => f.kind === 'visit' && !f.meeting)).toMatchObject({ where: 'geneva' });
    const topics = facts.filter((f) => f.kind === 'topic').map((f) => f.label);
    expect(topics).toContain('Current global challenges');
    expect(facts.find((f) => f.kind === 'support')).toMatchObject({ actor: 'turk' });
  });

  it('removes the debris and keeps every word of the release', async () => {
    const raw = await fs.readFile(RAW, 'utf8');
    expect(known.text).not.toMatch(/Tell a friend|date 2024-02-28|\n\n\n| {2}|^\s/);
    expect(known.text).toBe(await fs.readFile(path.join(SHIPPED, 'releases', '2024-02-28-geneva.txt'), 'utf8'));
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(known.text)).toEqual(words(raw).slice(words(' date 2024-02-28 Tell a friend').length));
  });

  it('refuses to overwrite an existing draft without --force, and overwrites with it', async () => {
    const before = await fs.readFile(known.result.yamlFile, 'utf8');
    await fs.writeFile(known.result.yamlFile, `${before}# edited by a moderator\n`);
    const again = await draftRelease({ file: RAW, knowledgeDir: known.knowledgeDir });
    expect(again.ok).toBe(false);
    expect(again.report.join('\n')).toMatch(/already exist.*--force/);
    expect(await fs.readFile(known.result.yamlFile, 'utf8')).toMatch(/edited by a moderator/);
    const forced = await draftRelease({ file: RAW, knowledgeDir: known.knowledgeDir, force: true });
    expect(forced.ok).toBe(true);
    expect(await fs.readFile(known.result.yamlFile, 'utf8')).toBe(before);
  });

  it('drafts beside the shipped Geneva release under another id, and both load', async () => {
    const both = await drafted('complete', { id: 'geneva-draft' });
    expect([...both.knowledge.releases.keys()].sort()).toEqual(['2024-02-28-geneva', 'geneva-draft']);
    expect(new Set(counterpartsOf(both.knowledge, 'geneva-draft'))).toEqual(new Set(COUNTERPARTS));
  });

  it('refuses an id that duplicates a release elsewhere in the knowledge, writing nothing', async () => {
    const s = await setup('complete');
    cleanups.push(s.dir);
    const out = path.join(s.dir, 'elsewhere');
    const result: DraftResult = await draftRelease({ file: RAW, knowledgeDir: s.knowledgeDir, out });
    expect(result.ok).toBe(false);
    expect(result.report.join('\n')).toMatch(/duplicate release id "2024-02-28-geneva"/);
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe('draftRelease on text it cannot read', () => {
  it('still writes a valid, uncurated entry (answerable sentence by sentence)', async () => {
    const s = await setup('without-geneva');
    cleanups.push(s.dir);
    const file = path.join(s.dir, 'odd.txt');
    await fs.writeFile(
      file,
      'Print | Share\n\n\n   Lorem ipsum   dolor sit amet, consectetur adipiscing elit.\n\n\n\nSed do eiusmod tempor incididunt ut labore.\n',
    );
    const result = await draftRelease({ file, knowledgeDir: s.knowledgeDir });
    expect(result.ok).toBe(true);
    const loaded = await loadKnowledge(s.knowledgeDir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    // No date anywhere: undated (never today's date), with an id that is not a date.
    const release = [...loaded.knowledge.releases.values()].find((r) => r.id.startsWith('undated'))!;
    expect(release.date).toBeUndefined();
    expect(release.curated).toBe(false);
    expect(release.paragraphs).toEqual(['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'Sed do eiusmod tempor incididunt ut labore.']);
    expect(result.report.join('\n')).toMatch(/date unknown: no date in the text/);
    expect(loaded.warnings.map((w) => w.path)).toEqual(['release.date']);
  });

  it('writes the people of a release with no facts, and its sentences still answer', async () => {
    const s = await setup('complete'); // (the ministry's country is the one its releases' principals are of)
    cleanups.push(s.dir);
    const file = path.join(s.dir, 'side-event.txt');
    await fs.writeFile(
      file,
      [
        'NEW YORK, 22 April 2031 – Deputy Foreign Minister Arman Oskenov opened a side event on the Aral Sea.',
        "Helena Brandt, deputy director of UNDP's Regional Bureau for Europe, said the region had become a laboratory of adaptation.",
      ].join('\n\n'),
    );
    const result = await draftRelease({ file, knowledgeDir: s.knowledgeDir });
    expect(result.ok && result.curated).toBe(true);
    const loaded = await loadKnowledge(s.knowledgeDir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const k = loaded.knowledge;
    // (A name with its title after it in lower case, as wire services write them; an office of no country, the ministry's.)
    expect(k.entities.get('helena-brandt')?.title).toBe("deputy director of UNDP's Regional Bureau for Europe");
    expect(k.entities.get('arman-oskenov')?.country).toBe('kazakhstan');
    const engine = createEngine(k);
    expect(toPlainText(ask(engine, "who's helena brandt?"), k)).toMatch(/^Helena Brandt — deputy director/);
    expect(toPlainText(ask(engine, 'what did the undp person say about the region?'), k)).toContain('laboratory of adaptation');
  });

  it('drafts a release in another layout: one paragraph per line, an unknown country, an organization with its acronym', async () => {
    const s = await setup('without-geneva');
    cleanups.push(s.dir);
    const file = path.join(s.dir, 'astana.txt');
    await fs.writeFile(
      file,
      [
        'On 5 March 2024 the Foreign Minister of Aldoria Kiran Velsk received Ambassador Tomas Brenn of the Eurasian Water Council (EWC) in Astana.',
        'The sides discussed water management, regional transport corridors, as well as cooperation in the field of education.',
        'Kiran Velsk invited Tomas Brenn to visit Aldoria in May next year.',
      ].join('\n'),
    );
    const result = await draftRelease({ file, knowledgeDir: s.knowledgeDir });
    if (!result.ok) throw new Error(result.report.join('\n'));
    const loaded = await loadKnowledge(s.knowledgeDir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const k = loaded.knowledge;
    expect(k.releases.get('2024-03-05-astana')).toMatchObject({ place: 'astana', principal: 'kiran-velsk' });
    expect(k.entities.get('kiran-velsk')).toMatchObject({ country: 'aldoria', title: 'Foreign Minister of Aldoria' });
    expect(k.entities.get('tomas-brenn')).toMatchObject({ organization: 'ewc' });
    expect(k.entities.get('ewc')?.aliases).toContain('EWC');
    const facts = [...k.facts.values()].filter((f) => f.release === '2024-03-05-astana');
    expect(facts.filter((f) => f.kind === 'topic').map((f) => f.label)).toEqual([
      'Water management',
      'Regional transport corridors',
      'Cooperation in the field of education',
    ]);
    expect(facts.find((f) => f.kind === 'invitation')).toMatchObject({ actor: 'kiran-velsk', when: 'May 2025' });
  });
});

describe('cleanRelease', () => {
  it('drops share buttons and date lines, keeps the date, collapses blank lines and spaces', () => {
    const clean = cleanRelease(' date 2024-02-28 Tell a friend\n\nFirst  paragraph\u00a0here.\n\n\n\n\nSecond\nline two.\n\n');
    expect(clean).toMatchObject({ date: '2024-02-28', paragraphs: ['First paragraph here.', 'Second line two.'], removed: ['date 2024-02-28 Tell a friend'] });
    expect(releaseText(clean.paragraphs)).toBe('First paragraph here.\n\nSecond line two.\n');
  });

  it('drops a byline label alone on its line, in English or Russian, with the name below it', () => {
    const clean = cleanRelease('Headline of the day\n\nАвтор:\nDana Amirova\nNUR-SULTAN. KAZINFORM - The minister met a guest.\n');
    expect(clean.removed).toEqual(expect.arrayContaining(['Автор:', 'Dana Amirova']));
    expect(clean.paragraphs[clean.paragraphs.length - 1]).toBe('The minister met a guest.');
  });

  it("drops the site's name repeated at the top and the bottom, and a line of hashtags", () => {
    const clean = cleanRelease('Headline of the day\n\nKazakh TV\n\nNEW DELHI – The minister met a guest.\n\n#Kazakhstan #India\n\nKazakh TV\n');
    expect(clean.paragraphs).toEqual(['The minister met a guest.']);
    expect(clean.removed).toEqual(expect.arrayContaining(['Kazakh TV', '#Kazakhstan #India']));
  });

  it('keeps a line that has words besides a date', () => {
    expect(cleanRelease('On 28 February 2024 the minister arrived.').paragraphs).toEqual(['On 28 February 2024 the minister arrived.']);
  });

  it.each([
    ['2024-02-28', '2024-02-28'],
    ['28 February 2024', '2024-02-28'],
    ['February 28, 2024', '2024-02-28'],
    ['28.02.2024', '2024-02-28'],
    ['30 February 2024', undefined],
  ])('parses the date %s', (written, iso) => {
    expect(parseDate(written)).toBe(iso);
  });
});

describeWithRaw('cli draft', () => {
  it('prints only the two paths on stdout and the report on stderr', async () => {
    const s = await setup('without-geneva');
    cleanups.push(s.dir);
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'main.ts'), 'draft', RAW, '--id', 'cli-draft'],
      {
        cwd: ROOT,
        env: { ...process.env, KNOWLEDGE_DIR: s.knowledgeDir },
      },
    );
    expect(stdout.trimEnd().split('\n')).toEqual([
      path.join(s.knowledgeDir, 'releases', 'cli-draft.txt'),
      path.join(s.knowledgeDir, 'releases', 'cli-draft.yaml'),
    ]);
    expect(stderr).toMatch(/check before \/reload/);
  }, 60000);
});
