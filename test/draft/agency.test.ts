/**
 * `cli draft` on agency-style releases, from small synthetic texts: datelines and headlines kept out
 * of titles and quotes, dates never guessed (undated + a `check` warning), placeholders refused,
 * officials listed in several shapes, an ambassador read with their real role, and a spelling
 * variant of a known person proposed as an alias instead of a new person.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ask, createEngine, loadKnowledge, toPlainText, type Knowledge } from '../../src/core';
import { cleanRelease, splitDateline } from '../../src/draft/clean';
import { draftRelease } from '../../src/draft/draft';
import { read } from '../../src/core/read/read';
import { figureOfOtherYear } from '../../src/core/answer/fact-match';
import { tokensOf } from '../../src/core/search/tokens';

const tokensOfText = (text: string) => tokensOf(text).map((t) => t.stem);

const SHIPPED = path.resolve(__dirname, '..', '..', 'knowledge');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

async function knowledgeCopy(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attache-agency-'));
  dirs.push(dir);
  await fs.cp(SHIPPED, path.join(dir, 'knowledge'), { recursive: true });
  return path.join(dir, 'knowledge');
}

async function draft(knowledgeDir: string, name: string, text: string) {
  const file = path.join(path.dirname(knowledgeDir), name);
  await fs.writeFile(file, text);
  const result = await draftRelease({ file, knowledgeDir });
  if (!result.ok) throw new Error(result.report.join('\n'));
  const loaded = await loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors, null, 2));
  return { result, k: loaded.knowledge, warnings: loaded.warnings, yaml: await fs.readFile(result.yamlFile, 'utf8'), report: result.report.join('\n') };
}

const person = (k: Knowledge, name: string) => [...k.entities.values()].find((e) => e.type === 'person' && e.name === name);
/** The meetings of the release a draft wrote, as the names of whom each was with. */
const meetingsWith = (d: Awaited<ReturnType<typeof draft>>) =>
  [...d.k.meetings.values()].filter((m) => m.release === d.result.draft.release.id).map((m) => m.with.map((id) => d.k.entities.get(id)!.name));

describe('datelines', () => {
  it.each([
    ['ASTANA, January 21 (Kazinform) – The minister met the envoy.', { place: 'ASTANA', month: 1, day: 21, agency: 'Kazinform' }],
    ['MOSCOW, October 12. /TASS/. The minister met the envoy.', { place: 'MOSCOW', month: 10, day: 12, agency: 'TASS' }],
    ['NUR-SULTAN. KAZINFORM – The minister met the envoy.', { place: 'NUR-SULTAN', agency: 'KAZINFORM' }],
    ['ASTANA – The minister met the envoy.', { place: 'ASTANA' }],
    ['Almaty. March 3. KazTAG – The minister met the envoy.', { place: 'Almaty', month: 3, day: 3, agency: 'KazTAG' }],
    ['Astana. November 19. INTERFAX-KAZAKHSTAN – The minister met the envoy.', { place: 'Astana', month: 11, day: 19, agency: 'INTERFAX-KAZAKHSTAN' }],
    ['(MENAFN- Trend News Agency) BAKU, Azerbaijan, October 5. The minister met the envoy.', { place: 'BAKU', month: 10, day: 5, agency: 'Trend News Agency' }],
    // (A month abbreviated is no country: "ASTANA, Oct. 22".)
    ['ASTANA, Oct. 22 – The minister met the envoy.', { place: 'ASTANA', month: 10, day: 22 }],
    // (Xinhua's double hyphen after a city of two words; APA's brackets with the reporter; a site's name for an agency.)
    ['KUALA LUMPUR, June 12 (Xinhua) -- The minister met the envoy.', { place: 'KUALA LUMPUR', month: 6, day: 12, agency: 'Xinhua' }],
    ['[Baku. Aynur Huseynli – APA]. The minister met the envoy.', { place: 'Baku', agency: 'APA', text: '[Baku. Aynur Huseynli – APA].' }],
    ['BELGRADE. 24.kz – The minister met the envoy.', { place: 'BELGRADE', agency: '24.kz' }],
    ['MUSCAT, October 20 – Kazpravda.kz. The minister met the envoy.', { place: 'MUSCAT', month: 10, day: 20, agency: 'Kazpravda.kz' }],
    // (The city in two scripts: the Latin one is the place.)
    ['ТАШКЕНТ/TASHKENT, UzA – The minister met the envoy.', { place: 'TASHKENT', agency: 'UzA' }],
    ['ӨСКЕМЕН / UST-KAMENOGORSK, 17 September (KazTAG) – The minister met the envoy.', { place: 'UST-KAMENOGORSK', month: 9, day: 17 }],
  ])('reads %s', (paragraph, want) => {
    const split = splitDateline(paragraph);
    expect(split?.dateline).toMatchObject(want);
    expect(split?.rest).toBe('The minister met the envoy.');
  });

  it('reads a city and its country on a line of their own, the text in the next paragraph', () => {
    expect(splitDateline('SKOPJE, North Macedonia')?.dateline).toMatchObject({ place: 'SKOPJE', country: 'North Macedonia' });
  });

  it.each(['Astana hosted the forum.', 'Samir Aliyev, the envoy, arrived.', 'The minister met the envoy.', 'ASTANA'])('finds none in %s', (p) => {
    expect(splitDateline(p)).toBeUndefined();
  });

  it('sets the headline, the byline and the debris apart, joins hard-wrapped lines', () => {
    const clean = cleanRelease(
      ' date 2031-04-02 Site Chrome Телерадио\nMinisters discuss rivers\n\nOlga Byline\n2 April 2031, 10:15\nASTANA. KAZINFORM – Foreign Minister of Kazakhstan Arman Oskenov met\nthe envoy of Norway.\n\nPhoto source: open sources\n\nTell a friend\n',
    );
    expect(clean).toMatchObject({ date: '2031-04-02', title: 'Ministers discuss rivers', dateline: { place: 'ASTANA', agency: 'KAZINFORM' } });
    expect(clean.paragraphs).toEqual(['Foreign Minister of Kazakhstan Arman Oskenov met the envoy of Norway.']);
    expect(clean.removed).toEqual(expect.arrayContaining(['Olga Byline', 'Photo source: open sources', 'Tell a friend']));
  });

  it.each([
    ['Ministry of Foreign Affairs of the Republic of Ruritania', 'Publication date: 21 May 2025, 17:42'],
    ['Strelsau Press News Agency', 'Posted: 06 Mar, 2023 18:10 | Views: 287'],
  ])('takes the headline, not the site name %s above it nor the line "%s" below it', (site, stamp) => {
    const clean = cleanRelease(
      `${site}\nRuritania and Kazakhstan hold first commission\n${stamp}\nPrint version\n\nThe first meeting of the commission took place in Strelsau.\n`,
    );
    expect(clean.title).toBe('Ruritania and Kazakhstan hold first commission');
    expect(clean.date).toBe(stamp.startsWith('Posted') ? '2023-03-06' : '2025-05-21');
    expect(clean.removed).toEqual(expect.arrayContaining([site, stamp]));
  });

  it('keeps the dateline and the agency out of the principal, the title and the quotes', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'dated.txt',
      'Talks on water\n\nASTANA. KAZINFORM – Deputy Foreign Minister of Kazakhstan Arman Oskenov received Special Envoy of Norway Liv Strand on 3 April 2031.\n\nThe sides discussed water management and regional transport corridors.\n',
    );
    const release = d.k.releases.get(d.result.draft.release.id)!;
    expect(release).toMatchObject({ date: '2031-04-03', title: 'Talks on water', place: 'astana', principal: 'arman-oskenov', curated: true });
    expect(person(d.k, 'Arman Oskenov')).toMatchObject({ title: 'Deputy Foreign Minister of Kazakhstan', country: 'kazakhstan' });
    // The agency may be the source; it is in no title and no quote.
    expect(release.source).toBe('KAZINFORM');
    expect(d.yaml.replace(/^\s*source: .*$/m, '')).not.toMatch(/KAZINFORM/);
  });
});

describe('dates', () => {
  it('leaves a release without a year undated: never today, an id that is not a date, a check warning', async () => {
    const kdir = await knowledgeCopy();
    const text =
      'Talks in Oslo\n\nASTANA, May 30 (Kazinform) – Foreign Minister of Kazakhstan Arman Oskenov held talks in Oslo with Foreign Minister of Norway Liv Strand.\n\nThe sides discussed energy cooperation and regional security.\n';
    const d = await draft(kdir, 'undated.txt', text);
    const release = d.result.draft.release;
    expect(release.date).toBeUndefined();
    expect(release.id).toBe('undated-oslo-talks');
    expect(d.report).toMatch(/date unknown: the dateline “ASTANA, May 30 \(Kazinform\) –” gives no year/);
    expect(d.warnings).toEqual([expect.objectContaining({ file: path.join('releases', 'undated-oslo-talks.yaml'), path: 'release.date' })]);
    // A second release of the same kind gets an id of its own.
    const again = await draft(kdir, 'undated-2.txt', text);
    expect(again.result.draft.release.id).toBe('undated-oslo-talks-2');
    // It keeps the day it gives, without a year: shown as such, and a question naming the month finds it.
    expect(release.month_day).toBe('05-30');
    expect(toPlainText(ask(createEngine(d.k), 'When were the talks in Oslo?'), d.k)).toMatch(/30 May \(year not given\)/);
  });

  it('reads a labelled date line without a year ("Published: 26 November, 15:40") as the day, not the day it was updated', async () => {
    const text =
      'Ministers talk by phone\n\nPublished: 26 November, 15:40\nUpdated: 27 November, 16:05\n\nForeign Minister of Kazakhstan Arman Oskenov had a telephone conversation on Wednesday with Foreign Minister of Norway Liv Strand.\n\nThe sides discussed energy cooperation.\n';
    const d = await draft(await knowledgeCopy(), 'published-line.txt', text);
    expect(d.result.draft.release.month_day).toBe('11-26');
    expect(toPlainText(ask(createEngine(d.k), 'when was the kz-norway fm call?'), d.k)).toMatch(/26 November/);
  });

  it('reads a date line without a year ("14 November, 16:05") as the day, so that the dateline below it still gives the place', async () => {
    const kdir = await knowledgeCopy();
    const text =
      'Ministers talk by phone\n\n14 November, 16:05\n\nOSLO. KAZINFORM – Foreign Minister of Kazakhstan Arman Oskenov met Foreign Minister of Norway Liv Strand.\n\nThe sides discussed energy cooperation.\n';
    const d = await draft(kdir, 'day-line.txt', text);
    const release = d.result.draft.release;
    expect(release.date).toBeUndefined();
    expect(release.month_day).toBe('11-14');
    expect(release.place).toBe('oslo');
    expect(d.k.releases.get(release.id)!.paragraphs[0]).toMatch(/^Foreign Minister of Kazakhstan/);
    expect(d.report).toMatch(/the date line “14 November, 16:05” gives no year/);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'Who did Oskenov meet in November?'), d.k)).toContain('Liv Strand');
    expect(ask(engine, 'Who did Oskenov meet in March?').status).toBe('not_found');
  });

  it('dates "July this year" and "April 18–19" against the release, and not at all when it is undated', async () => {
    const kdir = await knowledgeCopy();
    const body =
      'Foreign Minister of Kazakhstan Arman Oskenov held talks with Foreign Minister of Norway Liv Strand in Astana. Liv Strand invited Arman Oskenov to the Oslo Forum, scheduled for April 18–19 in Norway.\n';
    const dated = await draft(kdir, 'a.txt', `ASTANA, March 2, 2031 (Kazinform) – ${body}`);
    expect([...dated.k.facts.values()].find((f) => f.kind === 'invitation' && f.release === dated.result.draft.release.id)).toMatchObject({
      when: '18 April 2031',
    });
    const undated = await draft(kdir, 'b.txt', `ASTANA, March 2 (Kazinform) – ${body}`);
    const invitation = [...undated.k.facts.values()].find((f) => f.kind === 'invitation' && f.release === undated.result.draft.release.id);
    expect(invitation?.when).toBe('18 April');
  });

  it('a day before the release’s own, in a sentence about what is to come, falls in the next year; a past one keeps the year', async () => {
    const kdir = await knowledgeCopy();
    const text =
      'ASTANA, November 20, 2031 (Kazinform) – Foreign Minister of Kazakhstan Arman Oskenov held talks with Foreign Minister of Norway Liv Strand in Astana. Liv Strand invited Arman Oskenov to the Oslo Forum, which will be held on February 14 in Norway. Liv Strand invited Arman Oskenov to the exhibition held on October 3 in Bergen.\n';
    const d = await draft(kdir, 'c.txt', text);
    const invitations = [...d.k.facts.values()].filter((f) => f.kind === 'invitation' && f.release === d.result.draft.release.id);
    expect(invitations.map((f) => f.when).sort()).toEqual(['14 February 2032', '3 October 2031']);
  });
});

describe('placeholders', () => {
  it('check refuses a placeholder left in a field the bot shows, naming the file and the field; comments are fine', async () => {
    const kdir = await knowledgeCopy();
    await fs.writeFile(path.join(kdir, 'releases', 'p.txt'), 'The minister met the envoy.\n');
    await fs.writeFile(
      path.join(kdir, 'releases', 'p.yaml'),
      '# DRAFT: check everything\nrelease:\n  id: p\n  # DRAFT: write the headline\n  title: "DRAFT: the minister met the envoy"\n  source: Press service\n  text: p.txt\nfacts:\n  - kind: statement\n    label: The minister met the envoy — DRAFT\n    sources: [{ paragraph: 1, quote: "The minister met the envoy." }]\n',
    );
    const loaded = await loadKnowledge(kdir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => `${e.file} ${e.path}`)).toEqual([
      `${path.join('releases', 'p.yaml')} release.title`,
      `${path.join('releases', 'p.yaml')} facts[0].label`,
    ]);
  });

  it('no draft writes a placeholder: the title and the source are the release’s words', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(kdir, 'plain.txt', 'The talks were held in a friendly atmosphere.\n');
    expect(
      d.yaml
        .split('\n')
        .filter((l) => !l.trimStart().startsWith('#'))
        .join('\n'),
    ).not.toMatch(/DRAFT/);
  });
});

describe('people', () => {
  it('lists officials in other shapes: "the ministers of <Country> <Name>, …", also present, no title swallowing the person before', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'list.txt',
      "ALMATY, 4 March 2031 (Kazinform) – Foreign Minister of Kazakhstan Arman Oskenov held talks with the ministers of Estonia Kadri Tamm, Latvia Ilze Ozola and Lithuania Rokas Petraitis.\n\nThe sides discussed transport corridors and energy security.\n\nAlso present was Ambassador of Estonia to Kazakhstan Jaan Kask.\n\nNorway's Foreign Minister Liv Strand and Finland's Foreign Minister Aino Virtanen sent greetings.\n",
    );
    expect(person(d.k, 'Kadri Tamm')).toMatchObject({ country: 'estonia', title: 'Minister of Estonia' });
    expect(person(d.k, 'Ilze Ozola')).toMatchObject({ country: 'latvia' });
    expect(person(d.k, 'Aino Virtanen')).toMatchObject({ title: "Finland's Foreign Minister", country: 'finland' });
    const meeting = [...d.k.meetings.values()].find((m) => m.release === d.result.draft.release.id)!;
    expect(meeting.with.map((id) => d.k.entities.get(id)!.name)).toEqual(['Kadri Tamm', 'Ilze Ozola', 'Rokas Petraitis', 'Jaan Kask']);
  });

  it('reads consultations "A and B co-chaired …", an agenda list, and "Also taking part … were" after another paragraph; a byline dates the release', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'cochaired.txt',
      'Kazakhstan, Norway hold consultations\n\nBy Olga Tamm in Diplomacy on 4 March 2031\n\nASTANA – Kazakh Deputy Foreign Minister Arman Oskenov and Director General of the Norwegian Ministry of Foreign Affairs Liv Strand co-chaired the third round of political consultations on March 3.\n\nThe agenda included trade and investment cooperation, food security, the halal industry and higher education.\n\nTrade between the two countries reached 41 million US dollars in 2030.\n\nAlso taking part in the consultations were Ambassador of Norway to Kazakhstan Jon Berg and Ambassador of Kazakhstan to Norway Daniyar Seitov.\n',
    );
    expect(d.result.draft.release).toMatchObject({ date: '2031-03-04', place: 'astana', principal: 'arman-oskenov' });
    expect(person(d.k, 'Arman Oskenov')?.title).not.toMatch(/ASTANA/);
    expect(meetingsWith(d)).toEqual([['Liv Strand', 'Jon Berg', 'Daniyar Seitov']]);
    const topics = [...d.k.facts.values()].filter((f) => f.release === d.result.draft.release.id && f.kind === 'topic').map((f) => f.label);
    expect(topics).toEqual(expect.arrayContaining(['Trade and investment cooperation', 'Food security', expect.stringMatching(/^Halal industry/)]));
  });

  it('reads an organization\'s chief posted in a country (not of it), a firm\'s CEO, a weekday date line, and "US dollars" as no country', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'firm.txt',
      'Minister meets IOM and a mining firm\n\nThursday, 26 February 2031\n\nASTANA – Minister of Foreign Affairs of Kazakhstan Arman Oskenov met with Chief of Mission of the International Organization for Migration (IOM) in Kazakhstan Ingrid Vestergaard-Holm.\n\nLater, Oskenov received Chairwoman and Chief Executive Officer of the French company Vauclair Minerals Hélène Marchetti-Dubois. The company plans to invest 1.15 billion US dollars.\n\nConsul General of Kazakhstan in Guangzhou Yerkebulan Sarybay also took part.\n',
    );
    expect(d.result.draft.release).toMatchObject({ date: '2031-02-26', place: 'astana' });
    const chief = person(d.k, 'Ingrid Vestergaard-Holm');
    expect(chief).toMatchObject({ organization: 'iom' });
    expect(chief?.country).toBeUndefined();
    expect(person(d.k, 'Hélène Marchetti-Dubois')?.title).toBe('Chairwoman and Chief Executive Officer of the French company Vauclair Minerals');
    expect(d.result.draft.entities.map((e) => e.id)).not.toContain('united-states');
    // A city the gazetteer lacks after "in" completes the title: the name is the two words after it.
    expect(person(d.k, 'Yerkebulan Sarybay')?.title).toBe('Consul General of Kazakhstan in Guangzhou');
  });

  it('reads a wire story: labels and a timestamp as debris, a title in lower case after the name, and the guest who met the visitor', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'wire.txt',
      'Chinese vice FM meets Kazakh presidential aide in Beijing\nSource: Xinhua\nEditor: Chen Lu\n2031-05-28 21:14:06\n\nBEIJING, May 28 (Xinhua) -- Chinese Vice Foreign Minister Liu Wei met with Arman Oskenov, aide to Kazakh President Kassym-Jomart Tokayev on foreign policy, in Beijing on Wednesday.\n\nThe two officials discussed the schedule of high-level contacts.\n',
    );
    expect(d.result.draft.release).toMatchObject({
      date: '2031-05-28',
      title: 'Chinese vice FM meets Kazakh presidential aide in Beijing',
      principal: 'arman-oskenov',
    });
    expect(person(d.k, 'Arman Oskenov')).toMatchObject({ title: 'aide to Kazakh President Kassym-Jomart Tokayev on foreign policy', country: 'kazakhstan' });
    expect(meetingsWith(d)).toEqual([['Liu Wei']]);
  });

  it('reads a guest arriving: "The Norwegian minister was received by <the visitor>" is a meeting with the one Norwegian named', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'guest.txt',
      'ASTANA, May 5, 2031 (Kazinform) – Minister of Foreign Affairs of Norway Liv Strand arrived in Astana on her first official visit to Kazakhstan.\n\nThe Norwegian minister was received by Minister of Foreign Affairs of Kazakhstan Arman Oskenov. The talks focused on trade, energy and transport.\n',
    );
    expect(d.result.draft.release.principal).toBe('arman-oskenov');
    expect(meetingsWith(d)).toEqual([['Liv Strand']]);
  });

  it('reads a multilateral meeting "chaired by X and attended by A, B and C" as one meeting with all of them; a ministry\'s portfolio list does not swallow the name after it', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'chaired.txt',
      "date 2031-07-16\n\nThe Foreign Ministers' Meeting of the Dialogue was held in Tokyo. The meeting was chaired by Minister for Foreign Affairs of Japan Kenji Ota and attended by Minister of Foreign Affairs of Kazakhstan Arman Oskenov, Minister of Foreign Affairs of Tajikistan Rustam Nazarov and Minister of Foreign Affairs of Uzbekistan Jasur Alimov.\n\nThe ministers discussed decarbonization, critical minerals and human resource development.\n\nOskenov and Secretary General of Jordan's Ministry of Foreign Affairs and Expatriates Nidal Hamdan signed an Agreement on Cooperation in the Field of Tourism.\n",
    );
    expect(meetingsWith(d)).toEqual([['Kenji Ota', 'Rustam Nazarov', 'Jasur Alimov'], ['Nidal Hamdan']]);
    expect(person(d.k, 'Nidal Hamdan')).toMatchObject({ country: 'jordan' });
    const signed = [...d.k.facts.values()].find((f) => f.release === d.result.draft.release.id && f.kind === 'agreement');
    expect(signed?.label).toMatch(/^Oskenov and Secretary General .* signed an Agreement/);
  });

  it('lists "deputy foreign ministers …: <Country>\'s <Name>, …" and "<Title>, <Name>," set off by commas', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'deputies.txt',
      "BAKU, Azerbaijan, June 3, 2031. Kazakhstan's Deputy Minister of Foreign Affairs, Arman Oskenov, met in Baku with the President of Azerbaijan, Rauf Karimov, and discussed transit routes.\n\nDeputy foreign ministers took part as well: Georgia's Nino Beridze, Armenia's Aram Sargsyan and Azerbaijan's Elvin Huseynov.\n",
    );
    expect(d.result.draft.release).toMatchObject({ date: '2031-06-03', place: 'baku', principal: 'arman-oskenov' });
    expect(person(d.k, 'Rauf Karimov')).toMatchObject({ title: 'President of Azerbaijan', country: 'azerbaijan' });
    expect(person(d.k, 'Nino Beridze')).toMatchObject({ title: 'Deputy Foreign Minister of Georgia', country: 'georgia' });
    expect(person(d.k, 'Elvin Huseynov')).toMatchObject({ country: 'azerbaijan' });
  });

  it('reads a visiting ambassador with their real role: the country they represent, the title as written', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'amb.txt',
      'ASTANA. KAZINFORM – Foreign Minister of Kazakhstan Arman Oskenov received Ambassador of Norway to Kazakhstan Liv Strand on 5 May 2031.\n\nThe two reviewed bilateral cooperation and regional issues.\n',
    );
    expect(person(d.k, 'Liv Strand')).toMatchObject({ title: 'Ambassador of Norway to Kazakhstan', country: 'norway' });
    expect(person(d.k, 'Liv Strand')!.title).not.toMatch(/minister/i);
  });

  it('reads the heads of each side, an honorific rank after an office, and a description before a title', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'sides.txt',
      'TOKYO, June 12, 2031. The 12th round of political consultations between the foreign ministries of Kazakhstan and Japan was held in Tokyo.\n\n' +
        'The Kazakh delegation was led by Deputy Foreign Minister Arman Oskenov, and the Japanese side by Deputy Minister for Foreign Affairs Kenji Arakawa.\n\n' +
        'The sides reviewed bilateral relations and transit routes.\n\n' +
        'Oskenov also met with Haruto Ishida, a well-known economist, former Vice Minister of Finance of Japan and Director of the private fund KRX.\n\n' +
        'The Chilean delegation was headed by Undersecretary of Foreign Affairs of Chile, Ambassador Ana Rojas.\n\n' +
        'The Kazakh delegation included Director of the Asia Department of the MFA Dana Serikova.\n',
    );
    expect(d.result.draft.release.principal).toBe('arman-oskenov');
    expect(person(d.k, 'Arman Oskenov')).toMatchObject({ country: 'kazakhstan' });
    expect(person(d.k, 'Kenji Arakawa')).toMatchObject({ country: 'japan' });
    // A lower-case description first; a second title cut off in lower case is no part of it.
    expect(person(d.k, 'Haruto Ishida')).toMatchObject({ title: 'former Vice Minister of Finance of Japan', country: 'japan' });
    // "Ambassador" after a comma is a rank; the office before it is the title.
    expect(person(d.k, 'Ana Rojas')).toMatchObject({ title: 'Undersecretary of Foreign Affairs of Chile', country: 'chile' });
    // The other side's head is who was met; the visitor's own delegation joins the first meeting, not the last.
    expect(meetingsWith(d)).toEqual([['Kenji Arakawa', 'Dana Serikova'], ['Haruto Ishida'], ['Ana Rojas']]);
  });

  it("reads who attended the talks on each side, and the guest's own meeting", async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'extended.txt',
      'Astana, November 14, 2031 – Foreign Minister of Kazakhstan Arman Oskenov held talks with Foreign Minister of Romania Ion Petrescu.\n\n' +
        'The talks in extended format were attended, on the Kazakh side, by Minister of Energy Dana Serikova, and on the Romanian side by Minister of Transport Mihai Rusu.\n\n' +
        'Following the talks, the parties signed an Agreement on cooperation in education.\n\n' +
        'As part of the visit, Petrescu also met with Chairman of the Senate Askar Temirov.\n',
    );
    expect(person(d.k, 'Dana Serikova')).toMatchObject({ country: 'kazakhstan' });
    expect(person(d.k, 'Mihai Rusu')).toMatchObject({ country: 'romania' });
    // The attendees join the talks (no meeting of their own); what follows the talks is theirs.
    expect(meetingsWith(d)).toEqual([
      ['Ion Petrescu', 'Dana Serikova', 'Mihai Rusu'],
      ['Ion Petrescu', 'Askar Temirov'],
    ]);
    const talks = [...d.k.meetings.values()].find((m) => m.release === d.result.draft.release.id)!;
    expect(talks.facts.map((id) => d.k.facts.get(id)!.kind)).toContain('agreement');
  });

  it('reads a joint statement: a dateline on its own line, numbered paragraphs, "At the invitation of <host>, <guest> paid a visit"', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'joint.txt',
      'Joint Press Statement following the talks of the Ministers\n\nAstana, 18 June 2031\n\n1. At the invitation of Minister of Foreign Affairs of Kazakhstan Arman Oskenov, Minister of Foreign Affairs of the Kingdom of Norway Torbjørn Lunde paid an official visit to Astana on 17-18 June 2031.\n\n2. The Ministers discussed aquaculture and hydropower.\n',
    );
    expect(d.result.draft.release).toMatchObject({ date: '2031-06-18', place: 'astana', principal: 'arman-oskenov' });
    expect(d.k.releases.get(d.result.draft.release.id)!.paragraphs[0]).toMatch(/^At the invitation/);
    expect(meetingsWith(d)).toEqual([['Torbjørn Lunde']]);
    expect(person(d.k, 'Torbjørn Lunde')!.id).toBe('torbjorn-lunde');
  });

  it('proposes a spelling variant of a known person as an alias instead of drafting a new person', async () => {
    const kdir = await knowledgeCopy();
    await draft(
      kdir,
      'first.txt',
      'ASTANA. KAZINFORM – Foreign Minister of Kazakhstan Arman Oskenov received Ambassador of Norway to Kazakhstan Liv Strand on 5 May 2031.\n\nThe two reviewed bilateral cooperation and regional issues.\n',
    );
    const d = await draft(
      kdir,
      'second.txt',
      'OSLO. KAZINFORM – Foreign Minister of Kazakhstan Arman Oskinov held talks with Foreign Minister of Norway Per Lund on 9 June 2031.\n\nThe sides discussed energy cooperation and shipping.\n',
    );
    expect(d.result.draft.release.principal).toBe('arman-oskenov');
    expect(person(d.k, 'Arman Oskinov')).toBeUndefined();
    expect(d.result.draft.aliasProposals).toEqual([{ id: 'arman-oskenov', aliases: ['Arman Oskinov', 'Oskinov'] }]);
    expect(d.report).toMatch(/alias proposed: “Arman Oskinov”, “Oskinov” spell arman-oskenov/);
    expect(d.yaml).toMatch(/# DRAFT: alias proposed — the release spells arman-oskenov as “Arman Oskinov”, “Oskinov”/);
    // Within one draft, the variant becomes an alias of the person drafted.
    const same = await draft(
      kdir,
      'third.txt',
      'Foreign Minister of Kazakhstan Arman Oskenov received Ambassador of Chile to Kazakhstan Ana Rojas on 1 July 2031. The two discussed copper trade. Ana Rojaz thanked the minister.\n',
    );
    expect(parse(same.yaml).entities.find((e: { name: string }) => e.name === 'Ana Rojas').aliases).toContain('Ana Rojaz');
  });
});

describe('answers on drafted releases', () => {
  const SCO =
    'date 2031-02-26\n\nBISHKEK – Minister of Foreign Affairs of Kazakhstan Arman Oskenov took part in the meeting of the Council of Foreign Ministers of the Shanghai Cooperation Organization (SCO) in Bishkek.\n\nOn the margins of the meeting, Oskenov held bilateral talks with Minister of Foreign Affairs of Belarus Pavel Lukin and Minister of Foreign Affairs of Iran Reza Tavakoli.\n';
  const FIRM =
    'date 2031-03-03\n\nASTANA – Minister of Foreign Affairs of Kazakhstan Arman Oskenov received Chief Executive Officer of the French company Vauclair Minerals Hélène Marchetti-Dubois.\n\nThe sides discussed the graphite project.\n';
  const OSLO =
    'date 2031-06-18\n\nASTANA – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with Minister of Foreign Affairs of Norway Liv Strand.\n\nIn the presence of the ministers, a Memorandum of Understanding on diplomatic training was signed.\n';

  it('asked whom the visitor met "at the SCO council in Bishkek", lists that visit\'s meetings: the words are its scene', async () => {
    const kdir = await knowledgeCopy();
    await draft(kdir, 'sco.txt', SCO);
    const d = await draft(kdir, 'oslo.txt', OSLO);
    const answer = ask(createEngine(d.k), 'who did oskenov meet bilaterally at the SCO council in bishkek');
    expect(answer.status).toBe('answered');
    expect(toPlainText(answer, d.k)).toMatch(/Pavel Lukin[\s\S]*Reza Tavakoli/);
    expect(toPlainText(answer, d.k)).not.toMatch(/Liv Strand/);
  });

  it('"held the 7th round of political consultations … in Bern with X" is a meeting with X, and "what did they talk about at the consultations" lists its topics', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'bern.txt',
      'date 2031-09-16\n\nBERN – Kazakh Deputy Foreign Minister Arman Oskenov held the 7th round of political consultations between the foreign ministries of Kazakhstan and Switzerland in Bern with Swiss State Secretary Anna Keller.\n\nThe sides reviewed bilateral relations, cooperation in the Bretton Woods institutions and the situation in Afghanistan.\n\nFollowing the consultations, the sides signed a Plan of Consultations for 2032-2033.\n',
    );
    expect(meetingsWith(d)).toEqual([['Anna Keller']]);
    const answer = toPlainText(ask(createEngine(d.k), 'what did oskenov and keller talk about at the consultations'), d.k);
    expect(answer).toMatch(/Afghanistan/);
  });

  it("a phone call reported from the agency's city abroad has no place; no visit there, and who initiated it is not said", async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'call.txt',
      '(MENAFN- Trend News Agency) BAKU, Azerbaijan, June 8. Foreign Minister of Kazakhstan Arman Oskenov has held a telephone conversation with Minister of Foreign Affairs of the Kingdom of Bahrain Salman Al Khalifa, Trend reports citing the Kazakh MFA.\n\nThe ministers discussed halal food production. Al Khalifa invited Oskenov to visit Manama.\n',
    );
    expect(d.result.draft.release.place).toBeUndefined();
    expect(d.report).toMatch(/place: none — a phone call/);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what did oskenov discuss with al khalifa during his visit to manama'), d.k)).toMatch(/no visit to “Manama”/);
    expect(ask(engine, 'who initiated the phone call between oskenov and al khalifa?').status).toBe('not_found');
    // Asked whether it was held in a city ("Kuwait City", not Kuwait): the release gives no place — no yes.
    expect(toPlainText(ask(engine, 'was the telephone conversation held in kuwait city?'), d.k)).not.toMatch(/^Yes/);
    expect(toPlainText(ask(engine, 'what did oskenov discuss with al khalifa'), d.k)).toMatch(/halal/);
  });

  it('a proposal asked as agreed is no yes: the answer says so and brings what became of it', async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'milan.txt',
      'date 2031-04-12\n\nMILAN – Ambassador of Kazakhstan to Italy Arman Oskenov met with President of the Lombardy Region Marco Ferri.\n\nThe ambassador proposed signing a memorandum of cooperation between the Lombardy Region and the Almaty region. Ferri said the regional government would study the proposal.\n\nAlso present was Consul General of Kazakhstan in Milan Aida Bekova.\n',
    );
    const engine = createEngine(d.k);
    const answer = toPlainText(ask(engine, 'so lombardy signed a memorandum with the almaty region, right?'), d.k);
    expect(answer).not.toMatch(/^Yes/);
    expect(answer).toMatch(/would study the proposal/);
    // What someone said is a sentence in which they say it, not the one that lists them as present.
    expect(ask(engine, 'what did bekova say at the meeting with ferri?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'what did ferri say?'), d.k)).toMatch(/would study the proposal/);
    const agreed = toPlainText(ask(engine, 'did ferri agree to sign the memorandum?'), d.k);
    expect(agreed).not.toMatch(/^Yes/);
    expect(agreed).toMatch(/would study the proposal/);
  });

  it("whom a role's holder met, when the holder is the visitor: the visit's meetings (an undated one says no date)", async () => {
    const kdir = await knowledgeCopy();
    const d = await draft(
      kdir,
      'milan.txt',
      'MILAN – Ambassador of Kazakhstan to Italy Arman Oskenov met with President of the Lombardy Region Marco Ferri.\n\nThe sides discussed pharmaceuticals.\n',
    );
    const answer = toPlainText(ask(createEngine(d.k), 'who did the kazakh ambassador to italy meet in milan'), d.k);
    expect(answer).toMatch(/^In Milan, Arman Oskenov met:\n• Marco Ferri/);
  });

  it('a first name alone names its people; a title that is only a rank names nobody', async () => {
    const kdir = await knowledgeCopy();
    await draft(kdir, 'oslo.txt', OSLO);
    const d = await draft(
      kdir,
      'kuwait.txt',
      'date 2031-05-02\n\nThe first round of Kazakh-Kuwaiti political consultations was held via video conference. It was chaired by Deputy Minister of Foreign Affairs of Kazakhstan Dana Serikova and Ambassador Sameeh Hayat of Kuwait.\n\nThe sides discussed transport and education.\n\nAmbassador of Vietnam to Kazakhstan Pham Thai Giang also took part in the consultations.\n',
    );
    const engine = createEngine(d.k);
    // "Pham Thai Giang": a demonym inside a name is the name's; "also took part in the consultations" joins them.
    expect(meetingsWith(d)).toEqual([['Sameeh Hayat', 'Pham Thai Giang']]);
    expect(toPlainText(ask(engine, 'what did dana discuss with the kuwaiti side'), d.k)).toMatch(/transport/);
    // "Ambassador" alone is Hayat's drafted title here; "the Norwegian ambassador" is still nobody the releases name.
    expect(ask(engine, 'who is the norwegian ambassador').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'who is the norwegian ambassador'), d.k)).not.toMatch(/Hayat/);
  });

  it('a person asked about by name narrows to the releases that name them: no answer from another release of the same visitor', async () => {
    const kdir = await knowledgeCopy();
    await draft(kdir, 'firm.txt', FIRM);
    const d = await draft(kdir, 'oslo.txt', OSLO);
    const engine = createEngine(d.k);
    expect(ask(engine, 'did arman and hélène sign a memorandum?').status).toBe('not_found');
    expect(ask(engine, 'did arman and liv sign a memorandum?').status).toBe('answered');
  });
});

describe('a visiting delegation, drafted from an agency release', () => {
  // Hard-wrapped, no blank lines: the headline sits right above the agency's dateline.
  const TEXT = [
    'Kazakhstan, Aldoria agree to expand trade ties',
    '(MENAFN- Trend News Agency) NUR-SULTAN, Kazakhstan, November 28. Foreign Minister of Kazakhstan Arman Oskenov held talks with',
    'Deputy Prime Minister, Minister of Foreign Affairs and International Cooperation of the Kingdom of Cambodia Sok Vanna, who arrived in Nur-Sultan on an official visit.',
    'The ministers discussed trade, agriculture and tourism.',
    'The talks were attended by Secretary of State of the Ministry of Foreign Affairs and International Cooperation of Cambodia Chea Dara and by',
    'Vice Minister of Trade and Integration of Kazakhstan Kairat Temir and Ambassador of Kazakhstan to Cambodia Daulet Sarin.',
    'Later, Sok Vanna met with Minister of Agriculture of Kazakhstan Serik Omar.',
  ].join('\n');

  it('reads the headline, the dateline under it, and two people of one list each with their own title', async () => {
    const d = await draft(await knowledgeCopy(), 'cambodia.txt', `${TEXT}\n`);
    const release = d.result.draft.release;
    expect(release.title).toBe('Kazakhstan, Aldoria agree to expand trade ties');
    expect(release.place).toBe('astana');
    expect(release.month_day).toBe('11-28');
    expect(person(d.k, 'Kairat Temir')?.title).toBe('Vice Minister of Trade and Integration of Kazakhstan');
    expect(person(d.k, 'Daulet Sarin')?.title).toBe('Ambassador of Kazakhstan to Cambodia');
  });

  it('answers who came with the guest (their side, not the guest), and a double title holds each of its offices', async () => {
    const d = await draft(await knowledgeCopy(), 'cambodia.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    const came = toPlainText(ask(engine, 'who came with the cambodian FM to nur-sultan'), d.k);
    expect(came).toContain('Chea Dara');
    expect(came).not.toContain('Sok Vanna —');
    expect(toPlainText(ask(engine, 'who is the cambodian foreign minister?'), d.k)).toContain('Sok Vanna');
    // Two people named who were never at one meeting: nothing they discussed together.
    expect(ask(engine, 'what did Chea Dara discuss with Serik Omar?').status).toBe('not_found');
  });

  it('takes "on the sidelines" as the scene, and "foreign minister" as a role, not half of the Council of Foreign Ministers', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'oic.txt',
      'Kazakhstan at the OIC Council of Foreign Ministers\n\nYaoundé, 30 August 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov took part in the 50th session of the Council of Foreign Ministers of the Organisation of Islamic Cooperation.\n\nOn the sidelines of the session, Oskenov met with Minister of External Relations of Cameroon Paul Mbella.\n',
    );
    expect(d.result.draft.release.place).toBe('yaounde');
    const engine = createEngine(d.k);
    expect(ask(engine, 'Did Oskenov meet the Saudi foreign minister on the sidelines of the session in Yaoundé?').status).toBe('not_found');
  });
});

describe('a visit abroad with several hosts', () => {
  const TEXT =
    "Kazakh FM visits Aldoria\n\nAlgiers, May 15 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov, who is on an official visit to the People's Democratic Republic of Algeria, held talks with Minister of Foreign Affairs of Algeria Karim Benali.\n\nThe ministers discussed trade and energy.\n\nOskenov was also received by President of Algeria Amir Haddad and met with Prime Minister Nadir Saadi and Minister of Energy and Mines Farid Amrani.\n";

  it('reads the host country from the official name, the place from the dateline, and gives hosts without a country in their title the host country', async () => {
    const d = await draft(await knowledgeCopy(), 'algeria.txt', TEXT);
    expect(d.result.draft.release.place).toBe('algiers');
    expect(person(d.k, 'Nadir Saadi')?.country).toBe('algeria');
    expect(person(d.k, 'Farid Amrani')?.title).toBe('Minister of Energy and Mines');
    expect(d.report).toMatch(/person farid-amrani: country algeria, the host's/);
  });

  it('answers "besides the foreign minister, which Algerian leaders …" with the others of that country', async () => {
    const d = await draft(await knowledgeCopy(), 'algeria.txt', TEXT);
    const answer = toPlainText(ask(createEngine(d.k), 'Besides the foreign minister, which Algerian leaders did Oskenov meet?'), d.k);
    for (const name of ['Amir Haddad', 'Nadir Saadi', 'Farid Amrani']) expect(answer).toContain(name);
    expect(answer).not.toContain('Karim Benali');
    // The country by its name before a plural: the group asked for, not a role to leave out.
    const ministers = ask(createEngine(d.k), 'which Algeria ministers did Oskenov meet besides the foreign minister?');
    expect(ministers.summary).toBe('From Algeria:');
    expect(toPlainText(ministers, d.k)).toContain('Farid Amrani');
  });

  it('reads a title with "at" in it: "Secretary of State at the Ministry of Foreign Affairs of the Republic of Poland Marcin Przydacz"', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'warsaw.txt',
      'Consultations with Poland\n\nASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov held political consultations with Secretary of State at the Ministry of Foreign Affairs of the Republic of Poland Marcin Przydacz.\n\nThey discussed transit.\n',
    );
    expect(person(d.k, 'Marcin Przydacz')?.title).toBe('Secretary of State at the Ministry of Foreign Affairs of the Republic of Poland');
  });

  it('reads a title with a mixed-case acronym in brackets: "President of the Islamic Development Bank (IsDB) Group"', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'jeddah.txt',
      'Talks in Jeddah\n\nJEDDAH – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with President of the Islamic Development Bank (IsDB) Group Muhammad Al Jasser.\n\nThey discussed financing.\n',
    );
    expect(person(d.k, 'Muhammad Al Jasser')?.title).toBe('President of the Islamic Development Bank (IsDB) Group');
    expect(meetingsWith(d)).toEqual([['Muhammad Al Jasser']]);
  });

  it('reads a name after "of the" an institution ends: "… of the Saeima Rihards Kols"', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'riga.txt',
      'Talks in Riga\n\nRIGA – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov met with the Chairman of the Foreign Affairs Committee of the Saeima Rihards Kols.\n\nThey discussed transit.\n',
    );
    expect(person(d.k, 'Rihards Kols')?.title).toBe('Chairman of the Foreign Affairs Committee of the Saeima');
  });
});

describe('an ambassador’s day, from a site with its name above the dateline', () => {
  const TEXT = [
    'Kazakhstan and Greece discuss shipping',
    'Kazakh TV',
    'ATHENS – On 22 April, Ambassador of Kazakhstan to Greece Arman Oskenov met with Deputy Minister of Foreign Affairs of Greece for Economic Diplomacy and Openness Nikos Dimou.',
    'The sides discussed cooperation in shipping.',
    'Earlier the same day, Oskenov met with Chairman of the Hellenic Chamber of Commerce Petros Lakis.',
  ].join('\n\n');

  it('drops the site line, keeps the dateline and the opening day, and ends a title at an abstract noun', async () => {
    const d = await draft(await knowledgeCopy(), 'athens.txt', `${TEXT}\n`);
    const release = d.result.draft.release;
    expect(release.place).toBe('athens');
    expect(release.month_day).toBe('04-22');
    expect(d.k.releases.get(release.id)!.paragraphs[0]).toMatch(/^On 22 April, Ambassador/);
    expect(person(d.k, 'Nikos Dimou')?.title).toBe('Deputy Minister of Foreign Affairs of Greece for Economic Diplomacy and Openness');
  });

  it('answers whom else the visitor met, less the one the question names by role', async () => {
    const d = await draft(await knowledgeCopy(), 'athens.txt', `${TEXT}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'who did oskenov meet earlier that day, besides the deputy minister?'), d.k);
    expect(answer).toContain('Petros Lakis');
    expect(answer).not.toContain('Nikos Dimou —');
  });
});

describe('a parliamentary delegation received in Astana, its members listed under one plural title', () => {
  const TEXT = [
    'Deputy Foreign Minister receives a delegation of the Storting of Norway',
    'ASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov received a delegation of the Storting of Norway led by Chair of the Foreign Affairs Committee Ingrid Holm.',
    'The delegation also included members of the Storting Lars Berg and Kari Lunde, as well as Ambassador of Norway to Kazakhstan Erik Dahl.',
    'The Kazakh delegation included Director of the Europe Department Dana Seitova.',
    'The sides discussed cooperation in energy and education.',
    'Also taking part in the talks were the Minister of Fisheries of Norway and the Vice Minister of Education of Kazakhstan.',
  ].join('\n\n');

  it('gives each listed name the plural title in the singular, and the visiting delegation’s country', async () => {
    const d = await draft(await knowledgeCopy(), 'storting.txt', `${TEXT}\n`);
    expect(person(d.k, 'Lars Berg')?.title).toBe('Member of the Storting');
    expect(person(d.k, 'Kari Lunde')?.title).toBe('Member of the Storting');
    expect(person(d.k, 'Kari Lunde')?.country).toBe('norway');
    expect(d.report).toMatch(/person kari-lunde: country norway, the visiting delegation's/);
  });

  it('answers who was in a country’s delegation with that country’s people who were there', async () => {
    const d = await draft(await knowledgeCopy(), 'storting.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    const norwegian = ask(engine, 'who else was in the norwegian delegation oskenov received?');
    expect(norwegian.summary).toBe('From Norway:');
    const text = toPlainText(norwegian, d.k);
    for (const name of ['Lars Berg', 'Kari Lunde', 'Erik Dahl']) expect(text).toContain(name);
    expect(text).not.toContain('Dana Seitova');
    const kazakh = toPlainText(ask(engine, 'who was in the kazakh delegation?'), d.k);
    expect(kazakh).toContain('Dana Seitova');
    expect(kazakh).not.toContain('Lars Berg');
  });

  it('reads a Russian role with its country after it ("посла Норвегии")', async () => {
    const d = await draft(await knowledgeCopy(), 'storting.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'Как зовут посла Норвегии в Казахстане?'), d.k)).toContain('Erik Dahl');
    // No Kazakh ambassador in the release: not the Norwegian one, nor anyone else.
    expect(ask(engine, 'Как зовут посла Казахстана в Норвегии?').status).toBe('not_found');
  });

  it('asked for a name, answers with a person named, or says the release does not name one', async () => {
    const d = await draft(await knowledgeCopy(), 'storting.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "what's the name of the director of the europe department?"), d.k)).toContain('Dana Seitova');
    // The release gives the office, not who holds it: a sentence about education is no name.
    expect(ask(engine, 'what is the name of the vice minister of education?').status).toBe('not_found');
  });
});

describe('phone calls: who started one, and a visit still to come', () => {
  const STATED = [
    'Kazakh and Maltese foreign ministers hold phone talks',
    'ASTANA, 3 March 2025 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held a telephone conversation with Minister for Foreign Affairs of Malta Ian Borg.',
    'The conversation took place at the initiative of the Maltese side.',
    'Oskenov invited Borg to visit Kazakhstan. The invitation was accepted; the dates will be agreed through diplomatic channels.',
    'Oskenov expressed interest in solar energy and proposed holding a joint business forum in Valletta. Borg promised to consider the proposal.',
  ].join('\n\n');
  const UNSTATED = [
    'Kazakh and Peruvian foreign ministers hold phone talks',
    'ASTANA, 10 April 2025 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held a telephone conversation with Minister of Foreign Affairs of Peru Elmer Schialer.',
    'Oskenov briefed his counterpart on the initiative of the President of Kazakhstan to establish a water forum. Schialer promised to study the initiative.',
  ].join('\n\n');

  it('answers who initiated a call only from a sentence that says so', async () => {
    const knowledge = await knowledgeCopy();
    await draft(knowledge, 'malta.txt', `${STATED}\n`);
    const d = await draft(knowledge, 'peru.txt', `${UNSTATED}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who initiated the phone call between Oskenov and Borg?'), d.k)).toContain('initiative of the Maltese side');
    // "the initiative of the President … to establish a forum" is a proposal, not who started the call.
    const peru = ask(engine, 'which side initiated the Oskenov-Schialer call?');
    expect(peru.status).toBe('not_found');
    expect(peru.summary).toMatch(/not whose initiative it was/);
  });

  it('answers what came of a proposal with the sentence that says so', async () => {
    const d = await draft(await knowledgeCopy(), 'malta.txt', `${STATED}\n`);
    expect(toPlainText(ask(createEngine(d.k), "what came of Oskenov's business forum idea?"), d.k)).toContain('promised to consider the proposal');
  });

  it('gives no date for a visit still to come ("when is Borg coming to Kazakhstan?")', async () => {
    const d = await draft(await knowledgeCopy(), 'malta.txt', `${STATED}\n`);
    const answer = ask(createEngine(d.k), 'When is Borg coming to Kazakhstan?');
    expect(answer.status).toBe('not_found');
    expect(toPlainText(answer, d.k)).not.toContain('3 March 2025');
    // Nor is who he is where he goes next.
    expect(ask(createEngine(d.k), 'Where is Borg travelling next?').status).toBe('not_found');
  });
});

describe('proposals, and what became of each', () => {
  const FAREWELL = [
    'Kazakh Deputy FM receives outgoing Chilean Ambassador',
    'ASTANA, 14 March 2031 – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov received Ambassador of Chile to Kazakhstan Pablo Rivas on the occasion of the completion of his diplomatic mission.',
    'The ambassador suggested that Kazakhstan consider appointing an honorary consul in Valparaíso. Oskenov said the Ministry would consider the proposal. Oskenov, in turn, proposed launching direct charter flights between Almaty and Santiago; the ambassador said he would refer the proposal to the civil aviation authorities of Chile.',
    'Oskenov proposed holding a joint business forum in Karaganda in 2032. Rivas supported the proposal.',
    'Oskenov asked the Chilean side to simplify visa procedures for Kazakh businessmen. The ambassador promised to pass the request on to Santiago.',
  ].join('\n\n');

  it('answers what proposals came up with every proposal of the visit, each with its answer', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${FAREWELL}\n`);
    const text = toPlainText(
      ask(createEngine(d.k), 'What proposals came up at the farewell meeting with the outgoing Chilean ambassador, and what happened to them?'),
      d.k,
    );
    expect(text).toContain('honorary consul');
    expect(text).toContain('would consider the proposal');
    expect(text).toContain('charter flights');
    expect(text).toContain('refer the proposal');
  });

  it('answers one proposal with the answer after it, and an answer with the proposal before it', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${FAREWELL}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'What did Oskenov propose about flights and what happened to the proposal?'), d.k)).toMatch(
      /charter flights[\s\S]*refer the proposal/,
    );
    // "Rivas supported the proposal." answers a proposal; the one it answers says where.
    expect(toPlainText(ask(engine, 'where did oskenov propose holding the business forum, and did rivas agree?'), d.k)).toContain('Karaganda');
  });

  it('asked whether a proposal was agreed, says the release does not say so — with the proposal and its answer', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${FAREWELL}\n`);
    const engine = createEngine(d.k);
    const agreed = toPlainText(ask(engine, 'Did the Chilean ambassador agree to launch charter flights to Santiago?'), d.k);
    expect(agreed).not.toMatch(/^Yes\b/);
    expect(agreed).toContain('refer the proposal');
    // "What happened to his idea" asks what became of it, not a summary of the visit.
    expect(toPlainText(ask(engine, "what happened to oskenov's idea of a business forum?"), d.k)).toContain('Rivas supported the proposal');
  });

  it('answers what was asked of the other side with the answer after it, as a proposal', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${FAREWELL}\n`);
    const text = toPlainText(ask(createEngine(d.k), 'What did Oskenov ask about visas and what was the Chilean answer?'), d.k);
    expect(text).toContain('promised to pass the request on');
  });

  it('still reads "he proposed X, correct?" as a question about X: no yes, and what he did propose', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${FAREWELL}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'Oskenov proposed a business forum in Shymkent, correct?'), d.k);
    expect(answer).not.toMatch(/^Yes\b/);
    expect(answer).toContain('Karaganda');
  });
});

describe('a farewell call of an ambassador who lives elsewhere', () => {
  const FAREWELL = [
    'Deputy Foreign Minister bids farewell to Ambassador of Bosnia and Herzegovina',
    'ASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov received Ambassador of Bosnia and Herzegovina to Kazakhstan Emir Kovačević, with residence in Ankara, in connection with the completion of his diplomatic mission.',
    'The parties discussed cooperation in trade, energy and education.',
    'According to the Kazakh side, trade between the two countries reached $6.3 million in 2030, 1.8 times more than in 2029.',
    'Also present was Director of the Americas Department of the MFA Dana Serikova.',
  ].join('\n\n');

  it('is where the dateline says, not where the ambassador lives; a title word after his country is his first name', async () => {
    const d = await draft(await knowledgeCopy(), 'bosnia.txt', `${FAREWELL}\n`);
    expect(d.result.draft.release.place).toBe('astana');
    expect(person(d.k, 'Emir Kovačević')?.title).toBe('Ambassador of Bosnia and Herzegovina to Kazakhstan');
    // "Emir" is no United Arab Emirates, nor "the Americas Department" the United States.
    expect(d.k.entities.has('united-arab-emirates') && d.yaml.includes('united-arab-emirates')).toBe(false);
    expect(person(d.k, 'Dana Serikova')?.country).not.toBe('united-states');
  });

  it('answers the trade figure asked with its change, not the talks about trade', async () => {
    const d = await draft(await knowledgeCopy(), 'bosnia.txt', `${FAREWELL}\n`);
    const text = toPlainText(ask(createEngine(d.k), 'kz-bosnia trade in 2030 per the farewell release, and the % change vs 2029?'), d.k);
    expect(text).toContain('6.3 million');
    expect(text).toContain('1.8 times');
  });
});

describe('credentials presented to a king, reported from the capital at home', () => {
  const CREDENTIALS = [
    'Kazakh ambassador presents credentials to King of Bhutan',
    'Astana. May 3. KazTAG – Ambassador of Kazakhstan to India Arman Oskenov presented his credentials as Ambassador of Kazakhstan to the Kingdom of Bhutan, with residence in New Delhi, to His Majesty the King of Bhutan Jigme Khesar Namgyel Wangchuck.',
    'The ceremony took place at Tashichho Dzong in Thimphu.',
    'After the ceremony, the King and the ambassador had a conversation, during which they discussed cooperation in tourism, hydropower and the preservation of cultural heritage.',
    'During his stay in Thimphu, the ambassador also met with Prime Minister of Bhutan Tshering Tobgay.',
    'The sides agreed to hold the first round of political consultations in Astana in 2032, on dates to be agreed through diplomatic channels.',
  ].join('\n\n');

  it('meets the king, without his form of address in the title, where the text says it took place', async () => {
    const d = await draft(await knowledgeCopy(), 'bhutan.txt', `${CREDENTIALS}\n`);
    expect(d.result.draft.release.place).toBe('thimphu');
    expect(person(d.k, 'Jigme Khesar Namgyel Wangchuck')?.title).toBe('King of Bhutan');
    expect(meetingsWith(d)).toEqual([['Jigme Khesar Namgyel Wangchuck'], ['Tshering Tobgay']]);
  });

  it('answers what the king discussed "after the credentials ceremony" (the visit’s own words) with the talks', async () => {
    const d = await draft(await knowledgeCopy(), 'bhutan.txt', `${CREDENTIALS}\n`);
    const text = toPlainText(
      ask(createEngine(d.k), 'What did the King of Bhutan and the Kazakh ambassador discuss after the credentials ceremony in Thimphu?'),
      d.k,
    );
    expect(text).toContain('hydropower');
  });

  it('answers "besides the king, who did he meet" with the others, not with the king', async () => {
    const d = await draft(await knowledgeCopy(), 'bhutan.txt', `${CREDENTIALS}\n`);
    const text = toPlainText(ask(createEngine(d.k), 'besides the king, who did the kazakh ambassador meet in bhutan after handing over credentials?'), d.k);
    expect(text).toContain('Tobgay');
    expect(text).not.toContain('Wangchuck');
  });

  it('asked for the name of a role, names whoever holds it — and nobody whose title lacks the words asked', async () => {
    const d = await draft(await knowledgeCopy(), 'bhutan.txt', `${CREDENTIALS}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "what's the name of bhutan's prime minister the kazakh ambassador met?"), d.k)).toContain('Tshering Tobgay');
    expect(ask(engine, "what's the name of the tourism minister the kazakh ambassador met in Thimphu?").status).toBe('not_found');
  });

  it('says the release does not give the exact dates it leaves to be agreed', async () => {
    const d = await draft(await knowledgeCopy(), 'bhutan.txt', `${CREDENTIALS}\n`);
    expect(ask(createEngine(d.k), 'what are the exact dates of the first round of kz-bhutan consultations?').status).toBe('not_found');
  });
});

describe("a name after a country with an elided particle (Côte d'Ivoire)", () => {
  it('reads the ambassador, and answers who else sat in on his farewell meeting, who from the MFA, and what besides the thanks', async () => {
    const text = [
      "Kazakh Deputy FM bids farewell to Côte d'Ivoire Ambassador",
      'NUR-SULTAN. KAZINFORM – Kazakh Deputy Foreign Minister Arman Oskenov met with Ambassador of the Republic of Côte d’Ivoire to Kazakhstan Lambert Kouassi N’Guessan, who is completing his diplomatic mission.',
      'Oskenov thanked the diplomat for his personal contribution to the development of Kazakh-Ivorian relations.',
      'The sides exchanged views on the preparations for the upcoming Kazakh business mission to Abidjan.',
      'Also present at the meeting was Head of the Africa Division of the MFA Nurlan Sapargali.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'ivoire.txt', `${text}\n`);
    expect(person(d.k, 'Lambert Kouassi N’Guessan')?.country).toBe('cote-d-ivoire');
    const answer = toPlainText(ask(createEngine(d.k), "who else sat in on oskenov's farewell meeting with the ivorian ambassador?"), d.k);
    expect(answer).toContain('Sapargali');
    // Asked by the organization: its people there, by their title ("… of the MFA").
    const fromMfa = toPlainText(ask(createEngine(d.k), "Who from the MFA attended Oskenov's farewell meeting with the Ivorian ambassador?"), d.k);
    expect(fromMfa).toContain('Sapargali');
    expect(fromMfa).not.toContain('N’Guessan —');
    // "Apart from thanking him": what the asker knows is not the answer, nor what it looks for.
    const besides = toPlainText(ask(createEngine(d.k), 'apart from thanking him, what did oskenov and the ivorian ambassador discuss?'), d.k);
    expect(besides).toContain('business mission');
    expect(besides).not.toContain('thanked');
  });
});

describe('a world name that holds one of ours, and shorthand for what the release writes out', () => {
  const CALL = [
    'Kazakh and Maldivian foreign ministers hold phone talks',
    'ASTANA – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held a telephone conversation with Minister of Foreign Affairs of the Maldives Abdulla Shahid.',
    'Shahid informed Oskenov about his candidacy for the post of President of the 76th session of the UN General Assembly and asked for Kazakhstan’s support.',
    'The ministers agreed to hold the next meeting of the intergovernmental commission in Almaty. The Maldivian side proposed creating a joint venture for fish processing. The Kazakh side promised to consider the proposal.',
  ].join('\n\n');

  it('knows the release names the UN General Assembly, though ours is only "UN"', async () => {
    const d = await draft(await knowledgeCopy(), 'maldives.txt', `${CALL}\n`);
    const text = toPlainText(ask(createEngine(d.k), "who did oskenov speak with by phone about the maldives' UNGA presidency bid?"), d.k);
    expect(text).toContain('Abdulla Shahid');
  });

  it('reads "IGC" and "JV" as the release writes them, and "pitched" as proposed', async () => {
    const d = await draft(await knowledgeCopy(), 'maldives.txt', `${CALL}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'where is the next kz-maldives IGC meeting?'), d.k)).toContain('Almaty');
    expect(toPlainText(ask(engine, 'the maldives pitched a fish-processing JV, what did the kazakh side say?'), d.k)).toContain('promised to consider');
  });
});

describe('consultations with a courtesy call besides', () => {
  it('answers what they discussed at the consultations with the topics, the visit’s own word no narrowing', async () => {
    const text = [
      'Kazakhstan and Namibia hold political consultations in Windhoek',
      'WINDHOEK, 14 September 2031 – The second round of political consultations between the foreign ministries of Kazakhstan and Namibia was held in Windhoek.',
      'The consultations were co-chaired by Kazakh Deputy Foreign Minister Arman Oskenov and Executive Director of the Ministry of International Relations of Namibia Ndapewa Shikongo.',
      'The parties discussed trade, interaction in the uranium industry and the development of green hydrogen projects.',
      'During the visit, Oskenov was also received by Minister of International Relations of Namibia Peya Mushelenga.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'namibia.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'what did KZ and namibia discuss at their consultations in windhoek?'), d.k);
    expect(answer).toContain('uranium');
    expect(answer).toContain('green hydrogen');
  });
});

describe('a videoconference whose briefing names the President', () => {
  it('keeps the briefing on the agenda: one named only as whose initiative it is joins no one', async () => {
    const text = [
      'Kazakh Deputy FM holds videoconference with Fiji',
      'ASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov and Permanent Secretary for Foreign Affairs of the Republic of Fiji Iliesa Tuidraki held a videoconference.',
      'The sides discussed climate change and water resource management.',
      "Oskenov informed his counterpart about President Kassym-Jomart Tokayev's initiative to establish the International Agency for Biological Safety. The Fijian side expressed support for the initiative.",
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'fiji.txt', `${text}\n`);
    expect(toPlainText(ask(createEngine(d.k), 'what was on the agenda of the kz-fiji videoconference?'), d.k)).toContain('Biological Safety');
  });
});

describe('a commission co-chaired by an unnamed minister, summed up', () => {
  it("keeps the visitor's own side's meeting, and one point of each kind: what was discussed and what was signed", async () => {
    const text = [
      'Kazakhstan and Ukraine hold 10th meeting of intergovernmental commission in Kyiv',
      'KYIV. Oct 14. Interfax-Kazakhstan – The 10th meeting of the Kazakhstan-Ukraine Intergovernmental Commission was held in Kyiv.',
      'The meeting was co-chaired by Minister of Trade and Integration of Kazakhstan Arman Oskenov and the Minister of Agrarian Policy of Ukraine.',
      'Also present were Deputy Minister of Foreign Affairs of Kazakhstan Dana Seitova and Ambassador of Kazakhstan to Ukraine Marat Utegenov.',
      'The sides discussed grain logistics through the Black Sea ports, repair of aircraft and pharmaceuticals.',
      'Following the meeting, the co-chairs signed a roadmap for industrial cooperation for 2031-2033.',
      'On the sidelines, Seitova met with First Deputy Minister of Foreign Affairs of Ukraine Olena Kovalenko. They discussed the schedule of high-level contacts and the next political consultations.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'ukraine.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'tl;dr of the kz-ukraine intergovernmental commission in kyiv?'), d.k);
    expect(answer).toContain('grain');
    expect(answer).toContain('roadmap');
    expect(answer).toContain('high-level contacts');
  });
});

describe('a visiting minister whose first name is a month, and a foreign secretary who is no minister', () => {
  const TEXT = [
    'Oskenov receives the Tanzanian foreign minister',
    'ASTANA, 23 April 2025 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov received Minister for Foreign Affairs and East African Cooperation of Tanzania January Makamba.',
    'Also present at the talks were Foreign Secretary of Tanzania Samuel Shelukindo and Deputy Foreign Minister of Kazakhstan Dana Seitova.',
    'The sides discussed trade and tourism.',
  ].join('\n\n');

  it('reads "January Makamba" as the name after the title', async () => {
    const d = await draft(await knowledgeCopy(), 'tanzania.txt', `${TEXT}\n`);
    expect(person(d.k, 'January Makamba')?.title).toBe('Minister for Foreign Affairs and East African Cooperation of Tanzania');
  });

  it('takes "the Tanzanian minister" for the minister, and the foreign secretary for one of the others present', async () => {
    const d = await draft(await knowledgeCopy(), 'tanzania.txt', `${TEXT}\n`);
    const answer = toPlainText(ask(createEngine(d.k), "who else was present at Oskenov's talks with the Tanzanian minister?"), d.k);
    expect(answer).toContain('Samuel Shelukindo');
    expect(answer).toContain('Dana Seitova');
  });
});

describe('who led each side: only a sentence that says so', () => {
  const TEXT = [
    'Kazakhstan and Malta hold political consultations',
    'VALLETTA, 9 October 2024 – The second round of political consultations between the foreign ministries of Kazakhstan and Malta was held in Valletta.',
    'The Kazakh delegation was headed by Deputy Foreign Minister Arman Oskenov, while the Maltese side was led by Permanent Secretary of the Ministry for Foreign Affairs of Malta Joseph Camilleri.',
    'The sides reviewed trade and tourism. Oskenov also had a brief conversation with the head of the delegation of Cyprus.',
    'Particular attention was paid to maritime transport and education.',
    'It was agreed to hold the next round of consultations in Astana.',
  ].join('\n\n');

  it('answers who co-chaired, in English or Russian, from the sentence that names the heads', async () => {
    const d = await draft(await knowledgeCopy(), 'valletta.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    const chairs = toPlainText(ask(engine, 'who co-chaired the consultations in Valletta?'), d.k);
    expect(chairs).toContain('Arman Oskenov');
    expect(chairs).toContain('Joseph Camilleri');
    expect(toPlainText(ask(engine, 'Кто возглавлял казахстанскую делегацию на консультациях в Валлетте?'), d.k)).toContain('Oskenov');
  });

  it('answers what was on the agenda with the topics of the visit, not the one fact that says "consultations"', async () => {
    const d = await draft(await knowledgeCopy(), 'valletta.txt', `${TEXT}\n`);
    const text = toPlainText(ask(createEngine(d.k), 'what was on the agenda of the Valletta consultations?'), d.k);
    expect(text).toContain('Maritime transport and education');
    expect(text).toMatch(/trade and tourism/i);
  });

  it('says the release does not name a head it only mentions', async () => {
    const d = await draft(await knowledgeCopy(), 'valletta.txt', `${TEXT}\n`);
    expect(ask(createEngine(d.k), "who headed Cyprus's delegation in Valletta?").status).toBe('not_found');
  });
});

describe('who else, at an organization’s meeting', () => {
  const TEXT = [
    'Oskenov takes part in the OECD Ministerial Council Meeting',
    'PARIS, 3 May 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov took part in the OECD Ministerial Council Meeting.',
    'On the sidelines of the meeting, Oskenov held talks with OECD Secretary-General Mathias Cormann.',
    'Oskenov also met with OECD Deputy Secretary-General Ulrik Knudsen and UNIDO Director General Gerd Müller.',
  ].join('\n\n');

  it('lists everyone else he met there, the organization’s own people too, less the one named', async () => {
    const d = await draft(await knowledgeCopy(), 'oecd.txt', `${TEXT}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'who else did Oskenov meet on the sidelines of the OECD meeting, apart from Cormann?'), d.k);
    expect(answer).toContain('Ulrik Knudsen');
    expect(answer).toContain('Gerd Müller');
    expect(answer).not.toContain('Mathias Cormann —');
  });

  it('says the release does not mention an office nobody there holds ("the OECD Chief Economist")', async () => {
    const d = await draft(await knowledgeCopy(), 'oecd.txt', `${TEXT}\n`);
    const answer = ask(createEngine(d.k), 'what did Oskenov discuss with the OECD Chief Economist?');
    expect(answer.status).toBe('not_found');
    expect(answer.summary).toMatch(/chief economist/);
  });
});

describe('what was signed, in a release that goes on about "the ministers"', () => {
  const TEXT = [
    'Oskenov pays official visit to Singapore',
    'SINGAPORE, 9 November 2023 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov, who is on an official visit to Singapore, held talks with Minister for Foreign Affairs of Singapore Vivian Balakrishnan.',
    'The ministers discussed the implementation of the agreements reached during the visit of President Kassym-Jomart Tokayev to Singapore.',
    'Following the talks, the ministers signed a Memorandum of Understanding on cooperation between the diplomatic training institutions of the two foreign ministries.',
    'At the end of the visit, Oskenov presented the embassy staff with a letter of gratitude from the Prime Minister of Kazakhstan.',
    'The sides agreed to finalize the draft agreement on visa exemption for holders of diplomatic passports.',
  ].join('\n\n');

  it('keeps "the ministers" paragraphs with the talks, and answers what was signed from the signing', async () => {
    const d = await draft(await knowledgeCopy(), 'singapore.txt', `${TEXT}\n`);
    const talks = [...d.k.meetings.values()].find((m) => m.release === d.result.draft.release.id)!;
    const signed = talks.facts.map((id) => d.k.facts.get(id)!).filter((f) => f.kind === 'agreement');
    expect(signed.map((f) => f.label)).toContainEqual(expect.stringContaining('signed a Memorandum of Understanding'));
    expect(toPlainText(ask(createEngine(d.k), "what was signed during Oskenov's visit to Singapore?"), d.k)).toContain('Memorandum of Understanding');
  });

  it('asked whether something still a draft was signed, says so, and what was signed', async () => {
    const d = await draft(await knowledgeCopy(), 'singapore.txt', `${TEXT}\n`);
    const answer = ask(createEngine(d.k), 'so they signed the visa deal in Singapore, right?');
    expect(answer.summary).toMatch(/^The release doesn't say/);
    const text = toPlainText(answer, d.k);
    expect(text).toContain('finalize the draft agreement on visa exemption');
    expect(text).toContain('signed a Memorandum of Understanding');
  });

  it('says the release is silent on who signed something it does not say was signed', async () => {
    const d = await draft(await knowledgeCopy(), 'singapore.txt', `${TEXT}\n`);
    expect(ask(createEngine(d.k), 'which minister signed the letter of gratitude?').status).toBe('not_found');
  });
});

describe('an envoy with residence elsewhere, and a ceremony placed by its own sentence', () => {
  const TEXT = [
    'Kazakh ambassador presents credentials to the Governor-General of Tuvalu',
    'FUNAFUTI, 12 March 2025 – Ambassador of Kazakhstan to Australia Daniyar Sarsenov presented his credentials as Ambassador of Kazakhstan to Tuvalu, with residence in Canberra, to Governor-General of Tuvalu Tofiga Falani.',
    'The ceremony took place at the Government Building in Funafuti.',
    'The sides discussed climate adaptation and fisheries.',
  ].join('\n\n');

  it('answers where the envoy is based from the residence, not from the meeting’s place', async () => {
    const d = await draft(await knowledgeCopy(), 'tuvalu.txt', `${TEXT}\n`);
    // A dateline's city the gazetteer lacks is still the place.
    expect(d.result.draft.release.place).toBe('funafuti');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'where is the kz ambassador to tuvalu based?'), d.k)).toContain('with residence in Canberra');
    expect(toPlainText(ask(engine, 'sarsenov is resident in funafuti, right?'), d.k)).toContain('with residence in Canberra');
    expect(toPlainText(ask(engine, "who's kz's new ambassador to tuvalu and where's he based?"), d.k)).toContain('with residence in Canberra');
  });

  it('says no to another place for the ceremony, quoting the sentence that places it', async () => {
    const d = await draft(await knowledgeCopy(), 'tuvalu.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    const answer = toPlainText(ask(engine, 'sarsenov handed his credentials to falani in canberra, right?'), d.k);
    expect(answer).toMatch(/^No\. .*Funafuti/);
    expect(answer).toContain('The ceremony took place at the Government Building in Funafuti.');
    // Someone the meeting was not with is no yes for its place.
    expect(toPlainText(ask(engine, 'did sarsenov meet the tuvalu prime minister in funafuti?'), d.k)).not.toMatch(/^Yes/);
  });
});

describe('officials named only by office, and a headline that spells the visitor otherwise', () => {
  const TEXT = [
    'Alibek Bakaev holds talks in Apia',
    'ASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev paid an official visit to Samoa on 4-5 June 2024.',
    'In Apia, Bakayev held talks with Minister of Foreign Affairs of Samoa Fiame Naomi Mataafa.',
    'During the visit, Bakayev also met with the Minister of Natural Resources and Environment and with the President of the Samoa Chamber of Commerce to discuss fisheries and tourism.',
    'The sides agreed to hold political consultations in Astana.',
  ].join('\n\n');

  it('places a visit abroad in that country, not in the home dateline’s city', async () => {
    const d = await draft(await knowledgeCopy(), 'samoa.txt', `${TEXT}\n`);
    expect(d.result.draft.release.place).toBe('samoa');
  });

  it('lists those met by office only beside the people named, in who-met and who-else answers', async () => {
    const d = await draft(await knowledgeCopy(), 'samoa.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    for (const q of ['who did bakayev meet in samoa? list all', 'apart from mataafa, who else did bakayev meet in samoa?']) {
      const answer = toPlainText(ask(engine, q), d.k);
      expect(answer).toContain('Minister of Natural Resources and Environment (the release gives no name)');
      expect(answer).toContain('President of the Samoa Chamber of Commerce (the release gives no name)');
    }
    expect(toPlainText(ask(engine, 'apart from mataafa, who else did bakayev meet in samoa?'), d.k)).not.toContain(
      'Minister of Foreign Affairs of Samoa (the release',
    );
  });

  it('reads the headline’s spelling of the visitor after his first name as his name, not as a word to look for', async () => {
    const d = await draft(await knowledgeCopy(), 'samoa.txt', `${TEXT}\n`);
    expect(toPlainText(ask(createEngine(d.k), 'who received alibek bakaev in apia?'), d.k)).toContain('Mataafa');
  });
});

describe('a farewell call of an ambassador who resides elsewhere, asked in chat shorthand', () => {
  const TEXT = [
    'Vassilenko bids farewell to the Ambassador of Malawi',
    'ASTANA – Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko received Ambassador of Malawi to Kazakhstan Grace Chiumia, who resides in Moscow, on the occasion of the completion of her diplomatic mission.',
    'The sides discussed cooperation in agriculture and education.',
    'Chiumia conveyed an invitation from the Foreign Minister of Malawi Nancy Tembo to visit Lilongwe, which Vassilenko accepted.',
    'The sides agreed to hold the first round of political consultations in Lilongwe in 2026.',
  ].join('\n\n');

  it('places the call where it was received, not where the ambassador lives', async () => {
    const d = await draft(await knowledgeCopy(), 'malawi.txt', `${TEXT}\n`);
    expect(d.result.draft.release.place).toBe('astana');
  });

  it('reads "DFM" and "said goodbye", and says no exact date where the text gives a year', async () => {
    const d = await draft(await knowledgeCopy(), 'malawi.txt', `${TEXT}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'which kazakh DFM received the malawian ambassador?'), d.k)).toContain('Vassilenko');
    expect(toPlainText(ask(engine, 'the malawi ambassador vassilenko said goodbye to - whats her name?'), d.k)).toContain('Grace Chiumia');
    expect(ask(engine, 'On what date will the first round of consultations be held in Lilongwe?').status).toBe('not_found');
  });
});

describe('a co-chair whose title has words in brackets', () => {
  const TEXT = [
    'Kazakhstan and Uganda hold first meeting of intergovernmental commission',
    'ASTANA, 19 November 2025 – The first meeting of the Kazakhstan-Uganda Intergovernmental Commission was held in Astana.',
    'The meeting was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov and Minister of State for Foreign Affairs (Regional Cooperation) of Uganda John Mulimba.',
    'The parties discussed cooperation in trade, agriculture, food processing and health care.',
  ].join('\n\n');

  it('reads the bracketed words as part of the title, and the co-chair as met', async () => {
    const d = await draft(await knowledgeCopy(), 'uganda.txt', `${TEXT}\n`);
    expect(person(d.k, 'John Mulimba')?.title).toBe('Minister of State for Foreign Affairs (Regional Cooperation) of Uganda');
    expect(meetingsWith(d)).toContainEqual(['John Mulimba']);
  });

  it('answers "list the areas" with what was discussed', async () => {
    const d = await draft(await knowledgeCopy(), 'uganda.txt', `${TEXT}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'what did the kz and ugandan sides discuss at the IGC in astana? list the areas'), d.k);
    expect(answer).toContain('food processing');
  });
});

describe('a wire copy with a timestamp line and a name with "dos"', () => {
  const TEXT = [
    '5/16/2024 3:11:47 AM',
    '(MENAFN- Trend News Agency) ASTANA, Kazakhstan, May 16. The first meeting of the Kazakhstan-Timor-Leste Intergovernmental Commission took place in Dili.',
    'The meeting was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev and Minister of Foreign Affairs and Cooperation of Timor-Leste Bendito dos Santos Freitas.',
    'Following the meeting, the co-chairs signed the Protocol of the first meeting of the Commission.',
  ].join('\n\n');

  it('dates the release from the timestamp, month first, and reads the particle inside the name', async () => {
    const d = await draft(await knowledgeCopy(), 'dili.txt', `${TEXT}\n`);
    expect(d.result.draft.release.date).toBe('2024-05-16');
    expect(person(d.k, 'Bendito dos Santos Freitas')?.title).toBe('Minister of Foreign Affairs and Cooperation of Timor-Leste');
  });

  it('answers who co-chaired from the sentence that names the chairs, not from what the co-chairs signed', async () => {
    const d = await draft(await knowledgeCopy(), 'dili.txt', `${TEXT}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'who co-chaired the kz-timor-leste commission in dili?'), d.k);
    expect(answer).toContain('co-chaired by');
    expect(answer).toContain('Bendito dos Santos Freitas');
  });
});

describe('a delegation listed after the talks', () => {
  it('answers "list everyone on the kazakh delegation" with that side’s people', async () => {
    const text = [
      'Kazakhstan and Malawi hold first commission in Lilongwe',
      'LILONGWE, 12 May 2024 – The first meeting of the Kazakhstan-Malawi Intergovernmental Commission was held in Lilongwe.',
      'The meeting was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev and Minister of Trade of Malawi Vitumbiko Mumba.',
      'The Kazakh delegation included Vice Minister of Agriculture Daulet Saparbekov and Deputy Chairman of the Board of Kazakh Invest Marat Tolegenov.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'malawi-igc.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'list everyone on the kazakh delegation at the malawi IGC'), d.k);
    expect(answer).toContain('Daulet Saparbekov');
    expect(answer).toContain('Marat Tolegenov');
    expect(answer).not.toContain('Vitumbiko Mumba');
  });
});

describe('a phone call: what one side briefed the other on', () => {
  it('answers with the talks, not with who the caller is ("the call" asks no name)', async () => {
    const text = [
      'Kazakh FM holds phone talks with Sudanese counterpart',
      'ASTANA, 15 April 2020 – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi held a telephone conversation with Minister of Foreign Affairs of Sudan Asma Mohamed Abdalla.',
      'Asma Abdalla briefed the Kazakh minister on the course of the transitional period in Sudan and on the peace negotiations in Juba.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'sudan.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'what did asma brief the kazakh FM on during their april 2020 phone call?'), d.k);
    expect(answer).toContain('transitional period');
  });
});

describe('a question in two halves', () => {
  it('answers what was signed and what is still negotiated, each from its own sentence', async () => {
    const text = [
      'Kazakhstan, Mauritania hold first commission in Nouakchott',
      'NOUAKCHOTT, 22 February 2024 – The first meeting of the Kazakhstan-Mauritania Intergovernmental Commission was held in Nouakchott.',
      'The meeting was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov and Minister of Economy of Mauritania Abdessalam Ould Mohamed Saleh.',
      'Following the meeting, the co-chairs signed the Protocol of the first meeting of the Commission. The agreement on the avoidance of double taxation is still under negotiation.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'mauritania.txt', `${text}\n`);
    const answer = toPlainText(
      ask(createEngine(d.k), 'what was signed at the kz-mauritania commission in nouakchott, and what is still under negotiation?'),
      d.k,
    );
    expect(answer).toContain('signed the Protocol');
    expect(answer).toContain('double taxation is still under negotiation');
  });
});

describe('a business forum and its organizers', () => {
  it('answers "which organizations organized the forum?" from the sentence that says who organized it', async () => {
    const text = [
      'Kazakhstan-Malawi business forum held in Lilongwe',
      'LILONGWE, 21 June 2024 – The Kazakhstan-Malawi Business Forum took place in Lilongwe with the participation of Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko.',
      'The forum, organized by the national company Kazakh Invest and the Malawi Investment and Trade Centre (MITC), brought together more than 100 participants.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'malawi-forum.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'which organizations organized the kazakhstan-malawi business forum in lilongwe?'), d.k);
    expect(answer).toContain('organized by the national company Kazakh Invest');
  });
});

describe('asked whether the other side went for a proposal', () => {
  it('says no yes from the proposal alone, and quotes what became of it', async () => {
    const text = [
      'Kazakhstan and Zambia hold commission in Lusaka',
      'LUSAKA, 16 May 2024 – The first meeting of the Kazakhstan-Zambia Intergovernmental Commission was held in Lusaka.',
      'The meeting was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev and Minister of Commerce of Zambia Chipoka Mulenga.',
      'Bakayev proposed opening a QazTrade trading house in Lusaka. The Zambian side promised to consider the proposal.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'zambia.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), "did zambia go for bakayev's idea of a qaztrade trading house in lusaka?"), d.k);
    expect(answer).not.toMatch(/^Yes/);
    expect(answer).toContain('promised to consider the proposal');
  });
});

describe('asked for the products the other side wants', () => {
  it('answers "what kazakh products …" with the sentence that lists them: the release names the things, not the class', async () => {
    const text = [
      'Kazakh Ambassador meets the Mongolian Minister of Food and Agriculture',
      'ULAANBAATAR, 12 March 2024 – Ambassador of Kazakhstan to Mongolia Aidar Kurmanov met with Minister of Food and Agriculture of Mongolia Batbayar Tsend.',
      'The sides discussed cooperation in agriculture and veterinary safety.',
      'The Mongolian Minister expressed interest in expanding imports of Kazakh wheat, flour and sunflower oil.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'mongolia.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const question of ['what kazakh products does mongolia want to import more of?', 'which Kazakh goods is the Mongolian minister interested in?']) {
      expect(toPlainText(ask(engine, question), d.k)).toContain('wheat, flour and sunflower oil');
    }
  });
});

describe('asked where something is to happen', () => {
  const text = [
    'Kazakh Deputy Foreign Minister holds phone talks with the Foreign Minister of Mongolia',
    'ASTANA, 14 May 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev held a telephone conversation with Minister of Foreign Affairs of Mongolia Battsetseg Batmunkh.',
    'The Kazakh side proposed holding a joint investment conference for Central Asia next year.',
    'Bakayev proposed establishing regular political consultations. Battsetseg supported the proposal and suggested holding the first round in Ulaanbaatar.',
  ].join('\n\n');

  it('answers with a place the sentence puts something in, or the response beside the proposal, not "for Central Asia"', async () => {
    const d = await draft(await knowledgeCopy(), 'mongolia-call.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'where will the joint investment conference take place?'), d.k)).not.toContain('for Central Asia');
    expect(toPlainText(ask(engine, "where's the first round of kz-mongolia political consultations supposed to happen?"), d.k)).toContain(
      'the first round in Ulaanbaatar',
    );
  });
});

describe('credentials presented as a non-resident ambassador, reported by the embassy elsewhere', () => {
  const text = [
    'Kazakh Ambassador presents credentials to President of Kiribati',
    'TARAWA – Ambassador of Kazakhstan to Australia Daniyar Seitkali presented his credentials as non-resident Ambassador of Kazakhstan to the Republic of Kiribati to President Taneti Maamau, the Embassy of Kazakhstan in Canberra reports.',
    'President Maamau expressed interest in cooperation in education and fisheries.',
  ].join('\n\n');

  it('drafts the ceremony in the dateline’s city, and the President as met, with his own title', async () => {
    const d = await draft(await knowledgeCopy(), 'kiribati.txt', `${text}\n`);
    expect(d.yaml).toMatch(/place: (south-)?tarawa/);
    expect(meetingsWith(d)).toContainEqual(['Taneti Maamau']);
    expect(person(d.k, 'Taneti Maamau')?.title).toBe('President');
  });

  it('says no to a ceremony "in Canberra", with where it was', async () => {
    const d = await draft(await knowledgeCopy(), 'kiribati.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'seitkali handed over his kiribati credentials in canberra, right?'), d.k);
    expect(answer).toMatch(/^No\b/);
    expect(answer).toContain('Tarawa');
  });
});

describe('a release of the years the capital was Nur-Sultan', () => {
  const text = [
    'Tileuberdi receives the Secretary General of the OSCE',
    'NUR-SULTAN, 24 May 2021 – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi received Secretary General of the OSCE Helga Schmid.',
    'The sides discussed the OSCE programme office in Nur-Sultan.',
  ].join('\n\n');

  it('names the place as it was then, and says no to a place no release names', async () => {
    const d = await draft(await knowledgeCopy(), 'osce.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const answer = toPlainText(ask(engine, 'tileuberdi met schmid in burabay in may 2021, right?'), d.k);
    expect(answer).toMatch(/^No\b/);
    expect(answer).toContain('Nur-Sultan, now Astana');
  });
});

describe('credentials to a king, by an ambassador resident elsewhere', () => {
  const text = [
    'Kazakh Ambassador presents credentials to King of Eswatini',
    'ALMATY – Ambassador of Kazakhstan to South Africa, with residence in Pretoria, Marat Zhumabayev presented his credentials as Ambassador of Kazakhstan to the Kingdom of Eswatini to King Mswati III at the Lozita Palace in Mbabane on 12 May 2023.',
    'During his stay, Zhumabayev also met with Prime Minister Russell Dlamini. The parties discussed cooperation in education and agriculture.',
    'The meeting was also attended by Counsellor of the Embassy of Kazakhstan in South Africa Aidos Bekov and the Director of Protocol of the Ministry of Foreign Affairs of Eswatini.',
  ].join('\n\n');

  it('reads the title past the residence, the ordinal as part of the name, and the headline’s country as the hosts’', async () => {
    const d = await draft(await knowledgeCopy(), 'eswatini.txt', `${text}\n`);
    expect(d.result.draft.release.principal).toBe('marat-zhumabayev');
    expect(person(d.k, 'Marat Zhumabayev')?.title).toBe('Ambassador of Kazakhstan to South Africa');
    expect(person(d.k, 'Mswati III')?.country).toBe('eswatini');
    expect(person(d.k, 'Russell Dlamini')?.country).toBe('eswatini');
  });

  it('answers who else attended with the people there who met no one, named or not', async () => {
    const d = await draft(await knowledgeCopy(), 'eswatini.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'who else attended zhumabayev’s meeting with the eswatini prime minister?'), d.k);
    expect(answer).toContain('Aidos Bekov');
    expect(answer).toContain('Director of Protocol of the Ministry of Foreign Affairs of Eswatini (the release gives no name)');
  });
});

describe('a farewell call, asked in chat words and in Russian', () => {
  const text = [
    'Nicaraguan ambassador completes mission in Kazakhstan',
    'ASTANA, 5 March 2024 – Deputy Foreign Minister of Kazakhstan Yerzhan Ashikbayev received Ambassador of Nicaragua to Kazakhstan Ernesto Vílchez, who paid a farewell call in connection with the completion of his diplomatic mission.',
    'Ashikbayev noted that during the ambassador’s tenure the first round of political consultations was held in Managua.',
    'At the end of the meeting, Ashikbayev presented the ambassador with a letter of gratitude from the Ministry of Foreign Affairs.',
  ].join('\n\n');

  it('reads "said goodbye" as the farewell, "presented" and «вручил» as what was handed over', async () => {
    const d = await draft(await knowledgeCopy(), 'nicaragua.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'name of the nicaraguan ambassador who said goodbye to ashikbaev?'), d.k)).toContain('Ernesto Vílchez');
    for (const question of [
      'What did Ashikbayev present to the Nicaraguan ambassador at the farewell meeting?',
      'Что Ашикбаев вручил послу Никарагуа на прощальной встрече?',
    ]) {
      expect(toPlainText(ask(engine, question), d.k)).toContain('letter of gratitude');
    }
    expect(toPlainText(ask(engine, "what achievements of the nicaraguan ambassador's tenure did ashikbayev point to?"), d.k)).toContain('Managua');
  });
});

describe('a trilateral meeting: countries "represented by", a side conversation, a namesake', () => {
  const text = [
    'The first trilateral meeting of deputy foreign ministers held in Bishkek',
    'BISHKEK, 9 April 2024 – The first trilateral meeting of the deputy foreign ministers of Kazakhstan, Kyrgyzstan and Tajikistan was held in Bishkek. Kazakhstan was represented by Deputy Foreign Minister Aizhan Kurmangaliyeva, Kyrgyzstan by Deputy Foreign Minister Almaz Imangaziev, and Tajikistan by Deputy Foreign Minister Sodik Imomi.',
    'The sides discussed transport and transit cooperation and the joint use of water resources.',
    'On the sidelines of the meeting, Kurmangaliyeva held a separate conversation with her Tajik counterpart Sodik Imomi on the modernization of border crossings and on supplies of Kazakh grain to Tajikistan.',
    'Also present was Kazakhstan’s Ambassador to Kyrgyzstan Rapil Imangaziev.',
  ].join('\n\n');

  it('gives each head their country, the side conversation its subject, and a namesake his own entry', async () => {
    const d = await draft(await knowledgeCopy(), 'bishkek.txt', `${text}\n`);
    expect(person(d.k, 'Sodik Imomi')?.country).toBe('tajikistan');
    expect(person(d.k, 'Almaz Imangaziev')?.country).toBe('kyrgyzstan');
    expect(person(d.k, 'Rapil Imangaziev')?.title).toBe('Kazakhstan’s Ambassador to Kyrgyzstan');
    const answer = toPlainText(ask(createEngine(d.k), 'what did aizhan and her tajik counterpart discuss one on one?'), d.k);
    expect(answer).toContain('modernization of border crossings');
  });

  it('answers the job title of "the Tajik official", not of the person the question names for context', async () => {
    const d = await draft(await knowledgeCopy(), 'bishkek.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), "what is the job title of the tajik official at kurmangaliyeva's side conversation?"), d.k);
    expect(answer).toContain('Sodik Imomi — Deputy Foreign Minister');
  });
});

describe('a site name and a headline above the dateline, with no blank line', () => {
  it('takes the headline as the title and leaves the site name and the dateline out of the text', async () => {
    const text = [
      'El.kz',
      'Deputy FM holds videoconference with Guyana Foreign Minister',
      '18.05.2021',
      'NUR-SULTAN – Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko held a videoconference with Minister of Foreign Affairs and International Cooperation of Guyana Hugh Todd.',
      '',
      'The interlocutors exchanged views on cooperation within the United Nations.',
    ].join('\n');
    const d = await draft(await knowledgeCopy(), 'guyana.txt', `${text}\n`);
    expect(d.result.draft.release.title).toBe('Deputy FM holds videoconference with Guyana Foreign Minister');
    expect(person(d.k, 'Hugh Todd')?.title).toBe('Minister of Foreign Affairs and International Cooperation of Guyana');
    expect(person(d.k, 'Roman Vassilenko')?.title ?? '').not.toContain('NUR-SULTAN');
    expect(toPlainText(ask(createEngine(d.k), "what's hugh todd's portfolio?"), d.k)).toContain('Foreign Affairs and International Cooperation');
  });
});

describe('yes/no with a wrong place or day proposed', () => {
  const forum = [
    'Kazakhstan, Barbados explore cooperation at first business forum',
    'ASTANA, 14 June 2023 – The first Kazakhstan–Barbados Business Forum was held in Astana with the participation of Deputy Foreign Minister of Kazakhstan Roman Vassilenko and Minister of Foreign Affairs and Foreign Trade of Barbados Kerrie Symmonds.',
    'Vassilenko proposed holding the next business forum in Bridgetown, and the Barbadian minister agreed.',
  ].join('\n\n');
  const call = [
    'Kazakh Foreign Minister holds phone talks with Malawian counterpart',
    '12 November, 14:35',
    'Kazakh Foreign Minister Yermek Kosherbayev held a telephone conversation with Minister of Foreign Affairs of Malawi Nancy Tembo.',
    'The ministers discussed cooperation in agriculture and education.',
  ].join('\n\n');

  it('answers a wrong city with where the release’s own event was, not with the next one it mentions', async () => {
    const d = await draft(await knowledgeCopy(), 'barbados.txt', `${forum}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'the kazakhstan–barbados business forum in june 2023 was held in almaty, right?'), d.k);
    expect(answer).toMatch(/^No\. The meetings were held in Astana/);
  });

  it('looks in the release the question names, not in the releases of the place it proposes', async () => {
    const d = await draft(await knowledgeCopy(), 'barbados.txt', `${forum}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'kz and barbados held their first business forum in geneva, yeah?'), d.k);
    expect(answer).toMatch(/^No\b/);
    expect(answer).toContain('Astana');
  });

  it('checks a month against an undated release’s day', async () => {
    const d = await draft(await knowledgeCopy(), 'malawi-call.txt', `${call}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'the kosherbayev – malawi FM phone call was in december, yes?'), d.k)).toMatch(/^No\. The release is dated 12 November/);
    expect(toPlainText(ask(engine, 'the kosherbayev – malawi FM phone call was in november, yes?'), d.k)).toMatch(/^Yes\b/);
  });
});

describe('a call with a minister the release names only by office', () => {
  it('answers who initiated it, and says the release gives no name when asked for one', async () => {
    const text = [
      'Kazakh FM holds phone talks with Malian counterpart',
      'ASTANA, 14 October 2025 – Minister of Foreign Affairs of Kazakhstan Yermek Kosherbayev held a telephone conversation with the Minister of Foreign Affairs and International Cooperation of Mali.',
      'The conversation took place at the initiative of the Malian side.',
      'The Malian minister informed the Kazakh side about the security situation in the Sahel. Kosherbayev briefed his counterpart on the reforms initiated by President Tokayev.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'mali.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who initiated the october 2025 call between kosherbayev and the malian foreign minister?'), d.k)).toContain(
      'at the initiative of the Malian side',
    );
    const name = ask(engine, "what's the name of the malian foreign minister kosherbayev spoke to?");
    expect(name.status).toBe('not_found');
    expect(toPlainText(name, d.k)).toContain('but gives no name');
  });
});

describe('a ministerial session abroad, dated by a range of days', () => {
  it('takes the year from "August 29-30, 2024", and answers who led the delegation from "led the Kazakh delegation"', async () => {
    const text = [
      'Kazakh deputy FM attends the OIC Council of Foreign Ministers in Dakar',
      'Astana. August 30. KazTAG – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev led the Kazakh delegation at the 51st session of the Council of Foreign Ministers of the Organization of Islamic Cooperation (OIC), held on August 29-30, 2024 in Dakar, Senegal.',
      'On the sidelines of the session, Bakayev met with OIC Secretary General Hissein Brahim Taha.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'dakar.txt', `${text}\n`);
    expect(d.result.draft.release.date).toBe('2024-08-30');
    const answer = toPlainText(ask(createEngine(d.k), "who led kazakhstan's delegation at the OIC council of foreign ministers in dakar?"), d.k);
    expect(answer).toContain('Alibek Bakayev led the Kazakh delegation');
  });
});

describe('a minister whose portfolio ends in "Abroad", and his visit to come', () => {
  it('keeps "Abroad" in the title, not in the name, and says no date is set for "when is he coming?"', async () => {
    const text = [
      'Nurtleu holds talks with the Foreign Minister of Benin in Cotonou',
      'COTONOU, 15 October 2024 – In Cotonou, Nurtleu held talks with Minister of Foreign Affairs and Beninese Abroad Olushegun Adjadi Bakari.',
      'Nurtleu invited Bakari to visit Kazakhstan. The invitation was accepted; the dates will be agreed through diplomatic channels.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'benin.txt', `${text}\n`);
    expect(person(d.k, 'Olushegun Adjadi Bakari')?.title).toBe('Minister of Foreign Affairs and Beninese Abroad');
    const answer = ask(createEngine(d.k), "Bakari accepted Nurtleu's invitation to visit Kazakhstan – when is he coming?");
    expect(toPlainText(answer, d.k)).not.toContain('15 October 2024');
  });
});

describe('a business forum, and the sectors it discussed', () => {
  const text = [
    'Kazakhstan and Ruritania Explore Cooperation at First Business Forum',
    'ASTANA, 3 March 2025 – The first Kazakhstan – Ruritania Business Forum took place in Astana, bringing together 40 companies.',
    "The forum was opened by Kazakh Deputy Foreign Minister Roman Vassilenko and Ruritania's Minister of Trade Anton Berg.",
    'Participants discussed cooperation in shipbuilding, textiles and cheese making.',
    'Vassilenko also proposed holding the next business forum in Strelsau, and Berg agreed.',
  ].join('\n\n');

  it('answers "which sectors…" from the sentence that says what was discussed, not from the next forum\'s proposal', async () => {
    const d = await draft(await knowledgeCopy(), 'forum.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const q of [
      'which sectors were on the table at the kz–ruritania business forum in astana?',
      'what sectors did participants discuss at the business forum in astana',
    ]) {
      const answer = toPlainText(ask(engine, q), d.k);
      expect(answer).toContain('shipbuilding, textiles and cheese making');
    }
  });
});

describe('a digest of a visit, and of a call with no meeting drafted', () => {
  it('tells a short visit whole: who received him, what was discussed, what was signed', async () => {
    const text = [
      'Kazakh Deputy FM visits Ruritania',
      'ASTANA, June 6 (Kazinform) – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev paid an official visit to Strelsau on June 4-5, 2024.',
      'During the visit, Bakayev was received by President of Ruritania Rudolf Elphberg. The Kazakh diplomat conveyed the greetings of President Kassym-Jomart Tokayev and briefed his interlocutor on foreign policy priorities. Elphberg spoke highly of the National Fund.',
      'Bakayev also held talks with Minister of Foreign Affairs of Ruritania Fritz von Tarlenheim. The sides discussed political dialogue and tourism. Tarlenheim noted that trade had grown by a fifth.',
      'Following the talks, the two diplomats signed a Memorandum of Understanding on political consultations between the foreign ministries.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'visit.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), "tl;dr of bakayev's ruritania trip"), d.k);
    expect(answer).toContain('Elphberg');
    expect(answer).toMatch(/discussed political dialogue and tourism[\s\S]*signed a Memorandum of Understanding/);
  });

  it('sums up a phone call by its opening, what was discussed and what it reports', async () => {
    const text = [
      'Kazakh FM holds phone talks with Ruritanian counterpart',
      'ASTANA, October 14 (Kazinform) – Minister of Foreign Affairs of Kazakhstan Yermek Kosherbayev held a telephone conversation with the Minister of Foreign Affairs of Ruritania.',
      'The ministers discussed the prospects for bilateral cooperation and food security.',
      'The Ruritanian minister proposed signing a Memorandum of Understanding on political consultations.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'call.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'tl;dr of the kosherbayev ruritania phone call'), d.k);
    expect(answer).toContain('held a telephone conversation');
    expect(answer).toContain('food security');
    expect(answer).toContain('Memorandum of Understanding');
  });
});

describe('a question of two: what was signed, and what is still under negotiation', () => {
  const text = [
    'Kazakhstan and Ruritania hold first meeting of Intergovernmental Commission',
    'STRELSAU, 21 May 2025 – The first meeting of the Kazakhstan – Ruritania Intergovernmental Commission was held in Strelsau, co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov and Minister of Trade of Ruritania Anton Berg.',
    'The parties discussed cooperation in trade, agriculture and mining.',
    'Following the meeting, the co-chairs signed the Protocol of the first meeting of the Commission. A Memorandum of Understanding on cooperation in fisheries was also signed. The agreement on the avoidance of double taxation is still under negotiation.',
  ].join('\n\n');

  it('answers both halves: every document signed, and the agreement under negotiation', async () => {
    const d = await draft(await knowledgeCopy(), 'commission.txt', `${text}\n`);
    const answer = toPlainText(
      ask(createEngine(d.k), 'What was signed at the Kazakhstan–Ruritania intergovernmental commission, and what is still under negotiation?'),
      d.k,
    );
    expect(answer).toContain('Protocol of the first meeting');
    expect(answer).toContain('fisheries');
    expect(answer).toContain('double taxation');
  });

  it('asked only what was signed, lists what was signed', async () => {
    const d = await draft(await knowledgeCopy(), 'commission.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'what was signed after the ruritania commission meeting?'), d.k);
    expect(answer).toContain('Protocol of the first meeting');
    expect(answer).toContain('fisheries');
  });
});

describe("a visit placed in a country, and its delegation's Ambassador-at-Large", () => {
  const text = [
    'Kazakh FM pays first official visit to Lesotho',
    '15 October 2024, 19:05',
    'ASTANA, October 15 (Kazinform) – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu paid an official visit to the Kingdom of Lesotho.',
    'In Maseru, Nurtleu held talks with Minister of Foreign Affairs of Lesotho Lejone Mpotjoane. The ministers discussed trade.',
    'The Kazakh delegation included Ambassador-at-Large Aidar Kuanyshev and Director of the Africa Department of the Foreign Ministry Nurbek Zhaksylykov.',
  ].join('\n\n');

  it('reads the hyphenated title as a title, and answers of the trip to the city its text names', async () => {
    const d = await draft(await knowledgeCopy(), 'lesotho.txt', `${text}\n`);
    expect(person(d.k, 'Aidar Kuanyshev')?.title).toBe('Ambassador-at-Large');
    expect(person(d.k, 'Nurbek Zhaksylykov')?.title).toBe('Director of the Africa Department of the Foreign Ministry');
    const answer = ask(createEngine(d.k), 'who was on the kazakh delegation for the Maseru trip?');
    expect(answer.status).toBe('answered');
    expect(toPlainText(answer, d.k)).toContain('Aidar Kuanyshev');
  });

  it('reads "accompanying" as the frame\'s word, though the release never writes it', async () => {
    const d = await draft(await knowledgeCopy(), 'lesotho.txt', `${text}\n`);
    const answer = ask(createEngine(d.k), 'Who was in the Kazakh delegation accompanying Nurtleu in Lesotho?');
    expect(toPlainText(answer, d.k)).toContain('Aidar Kuanyshev');
  });
});

describe('copies of credentials received from an ambassador named after a comma, with residence in brackets', () => {
  const text = [
    'Kazakh Deputy FM receives copies of credentials of Vanuatu ambassador',
    'ASTANA, March 3, 2025 (Kazinform) – Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov received copies of the credentials of the newly appointed Ambassador Extraordinary and Plenipotentiary of the Republic of Vanuatu to Kazakhstan, Tom Kalo (residence in Canberra), the MFA press service said.',
    'The sides discussed cooperation in tourism.',
  ].join('\n\n');

  it('drafts the ambassador and the meeting, and corrects a wrong city put for confirmation', async () => {
    const d = await draft(await knowledgeCopy(), 'vanuatu.txt', `${text}\n`);
    expect(person(d.k, 'Tom Kalo')?.title).toBe('Ambassador Extraordinary and Plenipotentiary of the Republic of Vanuatu to Kazakhstan');
    expect(meetingsWith(d)).toEqual([['Tom Kalo']]);
    const engine = createEngine(d.k);
    // "who" here only says which envoy; "resident" is no "president".
    const answer = ask(engine, 'the Vanuatu envoy who presented credential copies to Issetov is resident in astana, right?');
    expect(answer.status).toBe('answered');
    expect(toPlainText(answer, d.k)).toContain('residence in Canberra');
  });
});

describe('a Russian question about an intergovernmental commission', () => {
  it('reads «по данным первого заседания межправкомиссии» as the scene, not as words the release lacks', async () => {
    const text = [
      'First meeting of Kazakhstan-Lesotho intergovernmental commission held in Maseru',
      'MASERU, 16 November 2024 – The first meeting of the Kazakhstan-Lesotho Intergovernmental Commission was co-chaired by Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov and Minister of Trade of Lesotho Mokhethi Shelile.',
      'It was noted that 14 students from Lesotho are currently studying in Kazakhstan. The previous round of political consultations was held in Astana in 2019.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'lesotho-igc.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const q of [
      'Сколько студентов из Лесото учатся в Казахстане, по данным первого заседания межправкомиссии?',
      'Сколько студентов из Лесото сейчас учатся в Казахстане (по итогам заседания межправкомиссии)?',
    ]) {
      expect(toPlainText(ask(engine, q), d.k)).toContain('14 students from Lesotho');
    }
    expect(toPlainText(ask(engine, 'Где и когда прошёл предыдущий раунд политических консультаций Казахстан – Лесото?'), d.k)).toContain(
      'held in Astana in 2019',
    );
  });
});

describe("a trade figure's change, asked loosely", () => {
  it('answers "how much did it grow yoy?" from "… 37% more than in 2022"', async () => {
    const text = [
      'Kazakh FM visits Lesotho',
      'MASERU, 15 October 2024 – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held talks with Minister of Foreign Affairs of Lesotho Lejone Mpotjoane.',
      'According to the Kazakh side, bilateral trade turnover reached 14.2 million US dollars in 2023, 37% more than in 2022.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'lesotho-trade.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const q of ['KZ–Lesotho trade in 2023, and how much did it grow yoy?', 'kz-lesotho trade 2023 vs 2022, by how much did it change?']) {
      expect(toPlainText(ask(engine, q), d.k)).toContain('37% more than in 2022');
    }
  });
});

describe('an office the release writes without a name, put for confirmation', () => {
  it('is not denied: "the Vietnamese president backed …, right?" when the release reports the President of Vietnam', async () => {
    const text = [
      'Kazakh Ambassador presents credentials to President of Vietnam',
      'HANOI, 14 May 2024 – Ambassador of Kazakhstan to Vietnam Arman Zholamanov presented his credentials to the President of Vietnam at the Presidential Palace in Hanoi.',
      'The Vietnamese President welcomed the growth of bilateral trade and supported the opening of direct flights between Almaty and Da Nang.',
      'Zholamanov also met Deputy Minister of Foreign Affairs of Vietnam Pham Quoc Hung.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'vietnam.txt', `${text}\n`);
    const answer = ask(createEngine(d.k), 'The Vietnamese president backed direct flights between Almaty and Hanoi, right?');
    expect(answer.summary).not.toMatch(/names no president/);
  });
});

describe('a Russian question about a meeting to come', () => {
  it('«где и когда пройдёт 11-е заседание» is answered by the meeting agreed, not by the one held', async () => {
    const text = [
      'Kazakhstan and Lesotho hold 10th meeting of intergovernmental commission in Maseru',
      'MASERU, 14 October 2024 – The 10th meeting of the Kazakhstan-Lesotho Intergovernmental Commission was held in Maseru.',
      'The sides agreed to hold the 11th meeting of the commission in Astana in 2025.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'lesotho-10.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'Где и когда пройдёт 11-е заседание межправкомиссии Казахстан–Лесото?'), d.k);
    expect(answer).toContain('in Astana in 2025');
    expect(answer).not.toContain('was held in Maseru');
  });
});

describe("a page's own lines around the release", () => {
  it('keeps "Share this:", "Read also:", "Tags:" and "Subscribe to … on Telegram" out of the title, the text and the entities', () => {
    const clean = cleanRelease(
      [
        'Nation | Diplomacy',
        'Kazakh FM receives Malian counterpart',
        'Share this:',
        '',
        'ASTANA – Minister of Foreign Affairs of Kazakhstan Yermek Kosherbayev held talks with the Malian minister.',
        '',
        'Tags: Mali, trade',
        'Read also: Karaganda to Host Winter Games Next Year',
        'Subscribe to The Steppe Herald on Telegram',
      ].join('\n'),
    );
    expect(clean.title).toBe('Kazakh FM receives Malian counterpart');
    expect(clean.paragraphs).toEqual(['Minister of Foreign Affairs of Kazakhstan Yermek Kosherbayev held talks with the Malian minister.']);
  });

  it.each([
    ['Source: Xinhua   |   2021-03-18 20:41:07   |   Editor: huaxia', '[Font size: A A A]', '2021-03-18'],
    ['Aslı Kaya   |08.11.2023 - Update : 08.11.2023', 'Views: 18 412   Comments: 57', '2023-11-08'],
    ['By Dana Omarova in Aktau   |   Nation   |   17 May 2023', 'Share:   WhatsApp   Telegram', '2023-05-17'],
    ['18:21 GMT 09.04.2024 (Updated: 19:02 GMT 09.04.2024)', 'Subscribe', '2024-04-09'],
  ])("reads a line of the page's fields (%j) for its date, and a widget (%j) as the page's", (fields, widget, date) => {
    const clean = cleanRelease(
      ['Kazakhstan and China hold video talks on border crossings', fields, widget, '', 'ASTANA – The ministers held talks.'].join('\n'),
    );
    expect(clean.date).toBe(date);
    expect(clean.title).toBe('Kazakhstan and China hold video talks on border crossings');
    expect(clean.paragraphs).toEqual(['The ministers held talks.']);
  });

  it('reads a date line with no year and the clock\'s zone ("18 November 14:27 (UTC +04:00)") as the day', () => {
    const clean = cleanRelease(
      ['Kazakh FM and Georgian counterpart talk by phone', '18 November 14:27 (UTC +04:00)', '', 'BAKU, Trend:', '', 'The ministers spoke by phone.'].join(
        '\n',
      ),
    );
    expect(clean.dayMonth).toMatchObject({ month: 11, day: 18 });
    expect(clean.title).toBe('Kazakh FM and Georgian counterpart talk by phone');
  });

  it('reads a date line with a view counter ("17 March, 16:20 · 1 204 views") as the day, and a site name that starts with a digit', () => {
    const clean = cleanRelease(
      ['24.kz', 'FM speaks with Malian counterpart by phone', '17 March, 16:20 · 1 204 views', '', 'NUR-SULTAN – The ministers spoke by phone.'].join('\n'),
    );
    expect(clean.dayMonth).toMatchObject({ month: 3, day: 17 });
    expect(clean.title).toBe('FM speaks with Malian counterpart by phone');
  });

  it.each([
    [
      [
        'english.news.cn',
        'Xinhua',
        'Home    China    World',
        '中文   English   Français',
        'China',
        '2023-12-05 21:08:15',
        'Wang Yi holds talks with Kazakh foreign minister',
      ],
    ],
    [
      [
        'Embassy of the Republic of Kazakhstan in Japan',
        '駐日カザフスタン共和国大使館',
        'Home > News',
        'Published: 4 March',
        'Kazakhstan and Japan hold consultations in Tokyo',
      ],
    ],
    [['Kun.uz', 'Home › Politics', '14:35 / 12.11.2025', 'Kazakh and Uzbek ministers sign memorandum', '👁 3 187']],
  ])("reads header lines in a script with no capitals, or with no letter at all, as the page's: %j", (header) => {
    const clean = cleanRelease([...header, '', 'ASTANA – The ministers held talks.', '', 'They discussed trade.'].join('\n'));
    expect(clean.title).toBe(header.find((l) => / (?:holds?|sign) /.test(l)));
  });

  it('reads a search box ("Search for:") in the header as the page\'s, and the headline under the header as the title', () => {
    const clean = cleanRelease(
      [
        'The Steppe Herald',
        'Menu',
        'Nation   Business   Diplomacy',
        'Search for:',
        'Diplomacy',
        '',
        'Kazakh deputy FM holds consultations in Bamako',
        '',
        'By Aigerim Sadykova in Diplomacy on 24 November 2031',
        '',
        'ASTANA – The consultations took place in Bamako.',
      ].join('\n'),
    );
    expect(clean.title).toBe('Kazakh deputy FM holds consultations in Bamako');
    expect(clean.paragraphs).toEqual(['The consultations took place in Bamako.']);
  });

  it("takes the last heading above the text as the headline, the site's header above it not", () => {
    const clean = cleanRelease(
      [
        'SteppeWire – Kazakh News Agency',
        'Politics',
        '',
        'Kazakhstan and Mali hold second round of consultations',
        '',
        'Astana. June 4. SteppeWire – The consultations took place in Bamako.',
      ].join('\n'),
    );
    expect(clean.title).toBe('Kazakhstan and Mali hold second round of consultations');
    expect(clean.paragraphs[0]).toBe('The consultations took place in Bamako.');
  });
});

describe('talks "in <city> on <day> with" someone, and who was present at which meeting', () => {
  it('drafts the talks, and the one "present at the meeting with the Secretary General" joins that meeting', async () => {
    const text = [
      'Kazakh envoy meets heads of organizations in Vienna',
      "VIENNA, 6 June 2023 – Kazakhstan's Ambassador to Austria and Permanent Representative to the international organizations in Vienna, Nurlan Baizhanov, held talks in Vienna on Jun. 5 with OPEC Secretary General Karim Haddad.",
      'The ambassador also met with Director-General of the Danube Energy Fund Lotte Brenner.',
      'Also present at the meeting with the OPEC Secretary General was the First Secretary of the Permanent Mission, Aigerim Sapar.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'vienna-envoy.txt', `${text}\n`);
    expect(d.result.draft.release.principal).toBe(person(d.k, 'Nurlan Baizhanov')?.id);
    expect(meetingsWith(d)).toEqual([['Karim Haddad', 'Aigerim Sapar'], ['Lotte Brenner']]);
  });
});

describe('a business forum asked "how many deals", and who "heads" a delegation', () => {
  it('counts the deals of the forum the question names as its scene, and reads the present "heads the delegation"', async () => {
    const text = [
      'Kazakh-Malawian business forum in Lilongwe yields 6 deals',
      'LILONGWE, 4 May 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev, who heads the Kazakh delegation at the session of the joint committee, opened the Kazakhstan-Malawi Business Forum.',
      'During the forum, the participants signed six commercial agreements worth a total of $12 million.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'malawi-forum.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'how many deals were signed at the kz-malawi business forum?'), d.k)).toContain('six commercial agreements');
    expect(toPlainText(ask(engine, 'who led kz at the joint committee in lilongwe? the kazakh side i mean'), d.k)).toContain('Bakayev');
  });
});

describe('a farewell call asked in chat words, in Russian and about figures in dollars', () => {
  it('answers who "paid a farewell call" (no question of money), a Russian genitive surname, a small trade figure and the round to come', async () => {
    const text = [
      'Deputy FM Tumysh bids farewell to Malian Ambassador',
      'ASTANA, 3 December 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Kanat Tumysh received Ambassador of Mali to Kazakhstan Oumar Keita, who is completing his mission.',
      'The sides noted that bilateral trade remains small: it amounted to about 290,000 US dollars in 2023.',
      'They agreed that the first round of political consultations would take place in Bamako in 2025.',
      'Also present at the meeting was Director of the Africa Department of the Kazakh Foreign Ministry Berik Sadykov.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'mali-farewell.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const said = (q: string) => toPlainText(ask(engine, q), d.k);
    expect(said('who is the malian ambassador that paid a farewell call in astana in dec 2024?')).toContain('Oumar Keita');
    expect(said('Кто ещё присутствовал на прощальной встрече Тумыша с послом Мали?')).toContain('Sadykov');
    expect(said('kz-mali trade in 2023?')).toContain('290,000 US dollars');
    expect(said('where will the first round of kz-mali political consultations take place')).toContain('in Bamako');
  });
});

describe('who was met "on his trip", and an ambassador "concurrently accredited" to the country visited', () => {
  it('lists the people met (not the topics), and drafts the accredited ambassador into the delegation', async () => {
    const text = [
      'Deputy Foreign Minister pays official visit to Belize',
      'BELMOPAN, 14 May 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko paid an official visit to Belize.',
      'Vassilenko was received by Prime Minister of Belize John Briceño. They discussed tourism.',
      'Vassilenko then held talks with Minister of Foreign Affairs of Belize Francis Fonseca.',
      'The Kazakh delegation also included Ambassador of Kazakhstan to Mexico, concurrently accredited to Belize, Askar Nurpeisov.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'belize.txt', `${text}\n`);
    expect(person(d.k, 'Askar Nurpeisov')?.title).toBe('Ambassador of Kazakhstan to Mexico');
    const said = toPlainText(ask(createEngine(d.k), 'who did vasilenko meet on his belize trip in may 2024?'), d.k);
    expect(said).toContain('John Briceño');
    expect(said).toContain('Francis Fonseca');
    expect(said).not.toContain('tourism');
  });
});

describe('a minister the release names only by office, beside one it names', () => {
  const text = [
    'Kazakhstan and Malawi hold first intergovernmental commission in Lilongwe',
    'LILONGWE, 18 April 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Arman Issetov held talks with Minister of Foreign Affairs of Malawi Nancy Tembo.',
    'The ministers discussed the supply of Kazakh fertilizers.',
    'Issetov also held a meeting with the Minister of Finance and Economic Affairs of Malawi, discussing the listing of Malawian bonds on the AIFC exchange.',
  ].join('\n\n');

  it('says the release gives no name for that office, not the name of the minister it does name', async () => {
    const d = await draft(await knowledgeCopy(), 'malawi-igc.txt', `${text}\n`);
    const answer = ask(createEngine(d.k), 'who is the malawian minister of finance and economic affairs that arman met in april 2024?');
    expect(answer.status).toBe('not_found');
    expect(toPlainText(answer, d.k)).toContain('gives no name');
  });

  it("keeps that meeting's topics off the meeting before it", async () => {
    const d = await draft(await knowledgeCopy(), 'malawi-igc.txt', `${text}\n`);
    const tembo = [...d.k.meetings.values()].find((m) => m.with.includes(person(d.k, 'Nancy Tembo')!.id))!;
    const labels = tembo.facts.map((id) => d.k.facts.get(id)!.label).join(' | ');
    expect(labels).toContain('fertilizers');
    expect(labels).not.toContain('bonds');
  });
});

describe('a wrong office holder put for confirmation, and what became of a request', () => {
  const text = [
    'Murat Nurtleu pays official visit to Slovenia',
    'LJUBLJANA, 8 October 2024 – Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held talks with Minister of Foreign Affairs of Slovenia Tanja Fajon.',
    'The same day, Murat Nurtleu was received by Prime Minister of Slovenia Robert Golob.',
    "The Kazakh minister also asked for Slovenia's support for Kazakhstan's candidacy to the UN Human Rights Council. Fajon promised to consider the request.",
  ].join('\n\n');

  it('corrects "received by the Slovenian president <a name no release has>, right?" with whom the release names', async () => {
    const d = await draft(await knowledgeCopy(), 'slovenia.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'nurtleu was received by slovenian president musar on that ljubljana trip, right?'), d.k);
    expect(said).toContain('names no president of Slovenia');
    expect(said).toContain('Robert Golob');
  });

  it('answers "what happened to kz\'s HRC request?" with the request and its reply', async () => {
    const d = await draft(await knowledgeCopy(), 'slovenia.txt', `${text}\n`);
    expect(toPlainText(ask(createEngine(d.k), "what happened to kz's human rights council request in the slovenia talks?"), d.k)).toContain(
      'promised to consider',
    );
  });
});

describe('who was met "on the sidelines" of a forum, in a list with semicolons', () => {
  const text = [
    'Kazakh deputy FM attends Mekong business forum in Vientiane',
    'VIENTIANE, 14 November 2024 – Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev took part in the Mekong Business Forum in Vientiane.',
    'The Kazakh delegation also included Minister of Energy of Kazakhstan Almas Sadykov.',
    'On the sidelines of the forum, Bakayev held talks with Foreign Minister of Laos Thongsavanh Phomvihane, the chair of the forum; Secretary General of the Mekong Council Anan Sirichai; and Minister of Trade of Cambodia Sok Veasna.',
    'Bakayev also met with the Minister of Energy and Mines of Laos, discussing hydropower.',
  ].join('\n\n');

  it('drafts everyone the list names, and answers with everyone met — the one named only by office too', async () => {
    const d = await draft(await knowledgeCopy(), 'vientiane.txt', `${text}\n`);
    expect(meetingsWith(d)).toContainEqual(['Thongsavanh Phomvihane', 'Anan Sirichai', 'Sok Veasna']);
    const said = toPlainText(ask(createEngine(d.k), 'who did bakaev meet on the sidelines of the vientiane forum? all of them pls'), d.k);
    for (const who of ['Thongsavanh Phomvihane', 'Anan Sirichai', 'Sok Veasna', 'Minister of Energy and Mines of Laos']) expect(said).toContain(who);
  });
});

describe('what a minister said about "bringing back" flights', () => {
  it('quotes the proposal to resume them with the reply after it', async () => {
    const text = [
      'Tileuberdi and Qatari counterpart discuss flights by phone',
      'NUR-SULTAN, 16 June 2021 – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi had a telephone conversation with Minister of Foreign Affairs of Qatar Mohammed bin Abdulrahman Al Thani.',
      'The Kazakh minister also proposed resuming direct flights between Nur-Sultan and Doha, which were suspended because of the pandemic. The Qatari minister promised to consider the matter with the civil aviation authorities.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'qatar-call.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'tileuberdi-qatar call: what did the qatari FM say about bringing back nur-sultan to doha flights?'), d.k);
    expect(said).toContain('resuming direct flights');
    expect(said).toContain('promised to consider');
  });
});

describe('greetings conveyed from someone at a meeting', () => {
  it('keeps the meeting going: whose greetings they were is no one new at it', async () => {
    const text = [
      'Kazakh Ambassador presents credentials to President of Nauru',
      'YAREN, 7 May 2024 – Ambassador of Kazakhstan to Australia Askhat Temirbekov presented his credentials to President of Nauru David Adeang.',
      'The ambassador conveyed the greetings of President Kassym-Jomart Tokayev. David Adeang thanked him.',
      'In the conversation after the ceremony, Temirbekov proposed cooperation in fisheries.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'nauru.txt', `${text}\n`);
    const adeang = [...d.k.meetings.values()].find((m) => m.with.includes(person(d.k, 'David Adeang')!.id))!;
    expect(adeang.facts.map((id) => d.k.facts.get(id)!.label).join(' | ')).toContain('fisheries');
  });
});

describe('the dates of a visit an invitation is for', () => {
  it('are not the day of the meeting where it was accepted', async () => {
    const text = [
      'Murat Nurtleu pays official visit to Estonia',
      'TALLINN, 9 October 2024 – Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu was received by Prime Minister of Estonia Kristen Michal.',
      'Nurtleu conveyed an invitation to visit Kazakhstan, which Michal accepted. The dates of the visit will be agreed through diplomatic channels.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'estonia.txt', `${text}\n`);
    const answer = ask(createEngine(d.k), 'michal accepted the invite to kz. what are the dates of his visit?');
    expect(answer.status).toBe('not_found');
  });
});

describe('a digest of "the Kazakh–X meeting" when X was also met in a group', () => {
  it('sums up the release where X was met alone first, however much newer the group meeting is', async () => {
    // The shipped Geneva release (2024) has Georgia's minister in a group of six; this one (2022) is theirs alone.
    const text = [
      'Kazakh FM, Georgian counterpart hold talks in Nur-Sultan',
      'NUR-SULTAN, 26 July 2022 – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi met with Minister of Foreign Affairs of Georgia Ilia Darchiashvili.',
      'The ministers discussed the development of the Trans-Caspian International Transport Route and cooperation in tourism.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'georgia.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'tl;dr of the kazakh-georgian FMs meeting'), d.k);
    expect(answer.split('\n')[0]).toContain('Nur-Sultan');
    expect(answer).toContain('Trans-Caspian');
  });
});

describe('business shorthand: H1, Q1, FDI, VP', () => {
  const text = [
    'Kazakh FM receives Ruritanian Vice President',
    'ASTANA, 12 September 2024 – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu received Vice President of Ruritania Anton Berg.',
    'In the first half of 2024, trade turnover between Kazakhstan and Ruritania reached 31.4 million US dollars, and in the first quarter it grew by 17 percent.',
    'Since 2005 the gross inflow of direct investment from Ruritania has exceeded 2.3 billion US dollars.',
  ].join('\n\n');
  it.each([
    ['kz-ruritania trade in H1 2024?', '31.4'],
    ['how much did trade with ruritania grow in Q1?', '17 percent'],
    ['how much FDI has ruritania put into kz since 2005', '2.3 billion'],
    ['which ruritanian VP did nurtleu receive in astana?', 'Anton Berg'],
  ])('%s', async (question, want) => {
    const d = await draft(await knowledgeCopy(), 'ruritania-vp.txt', `${text}\n`);
    expect(toPlainText(ask(createEngine(d.k), question), d.k)).toContain(want);
  });
});

describe('a name with its office after it, "Name, Country’s Title,"', () => {
  const text = [
    'Skip to content',
    'The Astana Times',
    'Monday, 21 November 2022',
    'Nation   Business   Opinion   World   Culture   Subscribe',
    'Search',
    'Deputy FM Vassilenko Makes First Official Visit to Ruritania',
    'By Dana Omarova in Nation on 19 November 2022',
    '',
    'ASTANA – Roman Vassilenko, Kazakhstan’s Deputy Foreign Minister, paid an official visit to Ruritania on Nov. 16-17.',
    '',
    'In Strelsau, Vassilenko held talks with Fritz Tarlenheim, Ruritania’s Minister of Foreign Affairs, Foreign Trade and Immigration. The two went over the bilateral agenda.',
    '',
    'In a separate meeting, Vassilenko and the Minister of Tourism of Ruritania talked about ways to bring travellers closer. The Ruritanian minister described the country’s mountain resorts, while Vassilenko spoke about the Charyn Canyon.',
    '',
    'Throughout the visit Vassilenko was accompanied by Yerzhan Bukenov, Kazakhstan’s Ambassador to Mexico, who is also accredited to Ruritania.',
  ].join('\n');

  it('reads the headline under the page’s header lines, and the byline’s date over the header’s', async () => {
    const d = await draft(await knowledgeCopy(), 'astana-times.txt', `${text}\n`);
    expect(d.result.draft.release.title).toBe('Deputy FM Vassilenko Makes First Official Visit to Ruritania');
    expect(d.result.draft.release.date).toBe('2022-11-19');
  });

  it('takes the office, its portfolios and where it is held as the title; the visitor is the principal', async () => {
    const d = await draft(await knowledgeCopy(), 'astana-times.txt', `${text}\n`);
    expect(person(d.k, 'Fritz Tarlenheim')?.title).toBe('Ruritania’s Minister of Foreign Affairs, Foreign Trade and Immigration');
    expect(person(d.k, 'Yerzhan Bukenov')?.title).toBe('Kazakhstan’s Ambassador to Mexico');
    expect(d.result.draft.release.principal).toBe(person(d.k, 'Roman Vassilenko')?.id);
    expect(meetingsWith(d)).toEqual([['Fritz Tarlenheim']]);
  });

  it('sums up a meeting with an office nobody names by its sentence and what its paragraph goes on to say', async () => {
    const d = await draft(await knowledgeCopy(), 'astana-times.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), "tl;dr of roman's chat with the ruritania tourism minister"), d.k);
    expect(answer).toContain('Charyn');
  });
});

describe('meetings in other words', () => {
  it('a farewell call on someone is a meeting with them', async () => {
    const text = [
      'Outgoing Kazakh ambassador pays farewell call on Ruritanian minister',
      'STRELSAU, 19 October 2023 – Serik Tokhtarov, Ambassador of Kazakhstan to Ruritania, who is completing his mission, paid a farewell call on Fritz Tarlenheim, Ruritania’s Minister for Foreign Affairs.',
      'The sides also discussed cooperation within the OSCE.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'farewell.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Fritz Tarlenheim']]);
  });

  it('counterparts from a list of countries, then a colon and each name with its office', async () => {
    const text = [
      'Kazakh FM meets counterparts in New York',
      'NEW YORK, 23 September 2025 – Minister of Foreign Affairs of Kazakhstan Daulet Yesimkhanov held meetings at the UN.',
      'The Kazakh minister also met with his counterparts from Mongolia, Paraguay and Ireland: Gankhuyag Batbold, Minister for Foreign Affairs of Mongolia; Rodrigo Ayala Benítez, Minister of Foreign Affairs of Paraguay; and Ciarán Whelan, Minister for Foreign Affairs of Ireland.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'counterparts.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Gankhuyag Batbold', 'Rodrigo Ayala Benítez', 'Ciarán Whelan']]);
  });
});

describe('a role and a name nobody knows, proposed', () => {
  const text = [
    'Ambassador of Kazakhstan presents credentials to the President of Ruritania',
    'Strelsau, 21 September 2023 – Nurbek Sadvakassov, Ambassador of Kazakhstan to Brazil, presented his letters of credence to the President of Ruritania, Rudolf Elphberg, as Ambassador of Kazakhstan to Ruritania with residence in Brasília.',
    'President Elphberg conveyed greetings from King Rudolf Rassendyll and asked him to pass on an invitation to President Tokayev to visit Ruritania.',
    'Elphberg also invited Sadvakassov to the Strelsau Forum in November. Sadvakassov accepted the invitation.',
  ].join('\n\n');

  it('"he gave his credentials to PM X, right?": no prime minister is named; who was met corrects it', async () => {
    const d = await draft(await knowledgeCopy(), 'credence.txt', `${text}\n`);
    const answer = toPlainText(ask(createEngine(d.k), 'sadvakasov gave his credentials to PM mottley in strelsau right?'), d.k);
    expect(answer).toMatch(/^No: the release names no prime minister/);
    expect(answer).toContain('Rudolf Elphberg');
  });
});

describe('a briefing page with no blank line under its headline', () => {
  const text = [
    'zakon.kz',
    'Новости   Казахстан   Мир   Экономика   EN',
    'Kazakhstan to send humanitarian aid to drought-hit Tuvalu',
    '7 July, 12:40 · 2 114 views',
    'Kazakhstan will allocate humanitarian assistance to Tuvalu, which has been struck by a prolonged drought, the official representative of the Ministry of Foreign Affairs Aibek Smadiyarov told a briefing on Thursday.',
    '',
    'According to the spokesman, the money will be channelled through UNICEF and spent on drinking water supplies.',
    '',
    'He added that the President of Tuvalu, Feleti Teo, had sent a letter to President Kassym-Jomart Tokayev thanking Kazakhstan for its readiness to help. Kazakhstan and Tuvalu work together at the UN, above all on climate change, the diplomat noted.',
  ].join('\n');

  it('takes the headline out of the first paragraph, and the site’s lines with it', async () => {
    const d = await draft(await knowledgeCopy(), 'zakon.txt', `${text}\n`);
    expect(d.result.draft.release.title).toBe('Kazakhstan to send humanitarian aid to drought-hit Tuvalu');
    expect(d.k.releases.get(d.result.draft.release.id)!.paragraphs[0]).toMatch(/^Kazakhstan will allocate/);
  });
});

describe('what became of an invitation or an offer, asked as a guess', () => {
  const text = [
    'Kazakh Foreign Minister visits Ruritania',
    'STRELSAU, 14 May 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with Minister of Foreign Affairs of Ruritania Petra Valdane.',
    'Oskenov invited Valdane to pay an official visit to Kazakhstan. The Ruritanian minister accepted the invitation, and the visit is planned for the autumn.',
    'The Kazakh minister offered to train Ruritanian diplomats at the Academy of Public Administration. Valdane welcomed the offer.',
    'Oskenov urged Ruritania to join the Islamic Organization for Food Security. Valdane promised to consider the matter.',
    'Oskenov also conveyed an invitation from the President of Kazakhstan to the King of Ruritania to visit Astana.',
    'The Kazakh minister proposed setting up a joint working group on food security.',
    'The embassy held a reception for the Ruritanian guests in Strelsau on May 15.',
  ].join('\n\n');
  let said: (q: string) => { status: string; text: string };
  beforeAll(async () => {
    const d = await draft(await knowledgeCopy(), 'ruritania.txt', `${text}\n`);
    const engine = createEngine(d.k);
    said = (q) => {
      const a = ask(engine, q);
      return { status: a.status, text: toPlainText(a, d.k) };
    };
  });

  it.each([
    ['valdane turned down the invite to kz, right? strelsau may 2031', 'accepted the invitation'],
    ['so ruritania joined the food security org?', 'promised to consider'],
    ['what did kz offer ruritanian diplomats and did they go for it', 'welcomed the offer'],
  ])('answers "%s" with what the release says became of it', (q, reply) => {
    const answer = said(q);
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain(reply);
    expect(answer.text).not.toMatch(/^Yes/);
  });

  it('does not quote an invitation the release leaves unanswered as if it said what became of it', () => {
    expect(said('did the king of ruritania accept the invite to astana?').status).toBe('not_found');
  });

  it('reads "the X lady" as a person of X, and a suggestion asked after as a proposal', () => {
    expect(said('what did the ruritanian lady say to the food security working group suggestion?').status).toBe('not_found');
    expect(said('what did the ruritanian lady say to the training offer?').text).toContain('welcomed the offer');
  });

  it('does not count with the numbers of a date', () => {
    expect(said('how many guests showed up to the reception?').status).toBe('not_found');
  });

  it('answers how a proposal was received with the proposal and its reply, and says so when the release gives none', () => {
    expect(said('how did valdane respond to the training offer?').text).toContain('welcomed the offer');
    expect(said('what did the ruritanians say about the food security working group proposal?')).toEqual({
      status: 'not_found',
      text: expect.stringContaining('not how it was received'),
    });
  });
});

describe('more page headers: menus with bars and breadcrumbs, a wire’s clock zone, a hard-wrapped page', () => {
  it('takes the headline under a menu, a language bar, "Search ..." and a breadcrumb trail', () => {
    const clean = cleanRelease(
      [
        'The Strelsau Times',
        'Home | Nation | Business | Opinion | Culture',
        'Қазақша | Русский | English',
        'Search ...',
        'Nation > Politics > Diplomacy',
        '',
        'Oskenov holds talks in Strelsau',
        '',
        'By Olga Petrova in Nation on 14 May 2031',
        '',
        'STRELSAU – Foreign Minister of Kazakhstan Arman Oskenov held talks with Petra Valdane.',
        '',
        'The ministers discussed trade.',
      ].join('\n'),
    );
    expect(clean.title).toBe('Oskenov holds talks in Strelsau');
    expect(clean.paragraphs[0]).toBe('Foreign Minister of Kazakhstan Arman Oskenov held talks with Petra Valdane.');
  });

  it('reads "1 June 2031 11:05 (UTC +04:00)" as the date and ". Trend:" as the dateline’s agency', () => {
    const clean = cleanRelease(
      [
        'Trend News Agency',
        'Azerbaijan   Politics   Business   |   Az   Ru   En',
        '',
        'Embassy in Ruritania holds a memorial event',
        '',
        '1 June 2031 11:05 (UTC +04:00)',
        '',
        'ASTANA, Kazakhstan, June 1. Trend:',
        '',
        'The Embassy of Kazakhstan in Ruritania held a memorial event in Strelsau.',
        '',
        'The ambassador laid wreaths.',
      ].join('\n'),
    );
    expect(clean).toMatchObject({ title: 'Embassy in Ruritania holds a memorial event', date: '2031-06-01', dateline: { place: 'ASTANA', agency: 'Trend' } });
    expect(clean.paragraphs[0]).toBe('The Embassy of Kazakhstan in Ruritania held a memorial event in Strelsau.');
  });

  it('finds the dateline under five heading lines of a hard-wrapped page', () => {
    const clean = cleanRelease(
      [
        'STRELSAU-NEWS',
        'Главная  Новости  Экономика  Политика  |  ENG',
        'News > Politics',
        'Kazakh deputy FM discusses plans with heads of four offices',
        '06 February 2031 17:04',
        'Astana. February 6. STRELSAU-NEWS - Deputy Foreign Minister of',
        'Kazakhstan Dana Oskenova met with the heads of four offices.',
        'The heads presented their plans.',
      ].join('\n'),
    );
    expect(clean.title).toBe('Kazakh deputy FM discusses plans with heads of four offices');
    expect(clean.paragraphs[0]).toBe('Deputy Foreign Minister of Kazakhstan Dana Oskenova met with the heads of four offices.');
  });
});

describe('"the X guy at the consultations, who was he"', () => {
  const text = [
    'Kazakhstan and Japan hold ninth round of political consultations',
    'TOKYO, 8 October 2031 – The ninth round of political consultations between the foreign ministries of Kazakhstan and Japan took place in Tokyo, with Deputy Minister of Foreign Affairs Dana Oskenova heading the Kazakh delegation.',
    'The Japanese side was represented by Kenta Morishima, Director-General of the European Affairs Bureau of the Ministry of Foreign Affairs of Japan.',
    'The diplomats discussed water management.',
  ].join('\n\n');

  it('is answered with that country’s people met there', async () => {
    const d = await draft(await knowledgeCopy(), 'tokyo.txt', `${text}\n`);
    expect(toPlainText(ask(createEngine(d.k), 'the japanese guy at the consultations, who was he'), d.k)).toContain('Kenta Morishima');
  });
});

describe('a role asked in Russian: "кто министр иностранных дел венгрии в этой новости?"', () => {
  const text = [
    'Kazakh Foreign Minister holds talks in Budapest',
    'BUDAPEST, 28 June 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with Minister of Foreign Affairs and Trade of Hungary Gergely Tamasi.',
    'Oskenov also met with Speaker of the National Assembly of Hungary Laszlo Bereny.',
  ].join('\n\n');

  it('names the holder of the role, not every Hungarian of the release', async () => {
    const d = await draft(await knowledgeCopy(), 'budapest.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'кто министр иностранных дел венгрии в этой новости?'), d.k);
    expect(said).toContain('Gergely Tamasi');
    expect(said).not.toContain('Bereny');
  });
});

describe('meetings in more words: "sat down with", "were discussed with A, …, and with B, …"', () => {
  const text = [
    'Kazakh ambassador holds meetings in Strelsau',
    'STRELSAU, 17 October 2031 – Ambassador of Kazakhstan to Ruritania Serik Oskenov held a series of meetings in Strelsau.',
    'Business matters were discussed with Stefan Varga, Director General of the Ruritanian Chamber of Commerce, and with Elena Morava, Chief Executive Officer of Invest Ruritania.',
    'Oskenov also sat down with Ambassador Reto Halvorsen, who led the Nordic delegation.',
  ].join('\n\n');

  it('drafts a meeting with each of them', async () => {
    const d = await draft(await knowledgeCopy(), 'strelsau-meetings.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Stefan Varga', 'Elena Morava', 'Reto Halvorsen']));
  });
});

describe('a figure of a pair is of the partner and the year asked', () => {
  const text = [
    'Polish parliamentary delegation holds talks in Astana',
    'ASTANA, 16 April 2031 – A delegation of the Sejm of Poland headed by Jan Kowalczyk held talks with Chairman of the Mazhilis Arman Oskenov.',
    'Oskenov noted that trade between the two countries had reached $1.4 billion last year.',
    'The sides also discussed the dialogue between Kazakhstan and the European Union on visa facilitation.',
  ].join('\n\n');

  it('answers the trade of that pair in the year "last year" means', async () => {
    const d = await draft(await knowledgeCopy(), 'sejm.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'kz-poland trade?'), d.k)).toContain('$1.4 billion');
    // Not another partner's trade, nor another year's (the release is of 2031: its "last year" is 2030).
    expect(ask(engine, 'what was kz-eu trade?').status).toBe('not_found');
    expect(ask(engine, 'kz-poland trade in 2031?').status).toBe('not_found');
  });
});

describe('a hard-wrapped headline', () => {
  it('keeps the word wrapped onto the line under it, and the dateline below it whole', () => {
    const raw = [
      'inbusiness.kz',
      'Economy | Finance | Markets',
      'Aral Sea partners agree on next steps at Foreign Ministry meeting in',
      'Astana',
      'ASTANA, Oct. 22 – Minister of Foreign Affairs Arman Oskenov hosted a',
      'meeting with development partners on the Aral Sea basin.',
    ].join('\n');
    const clean = cleanRelease(raw);
    expect(clean.title).toBe('Aral Sea partners agree on next steps at Foreign Ministry meeting in Astana');
    expect(clean.dateline?.place).toBe('ASTANA');
    expect(clean.paragraphs[0]).toMatch(/^Minister of Foreign Affairs Arman Oskenov hosted/);
  });
});

describe('a question in Russian in the words of the release', () => {
  const text = [
    'Kazakh observers monitor parliamentary elections in Ruritania',
    'ASTANA, 28 October 2031 – Kazakhstan sent 28 observers to the parliamentary elections in Ruritania as part of the CIS mission, the Foreign Ministry said.',
    'The humanitarian train of 52 wagons left Saryagash on Monday.',
  ].join('\n\n');

  it('counts what it asks about (наблюдатели → observers, вагоны → wagons)', async () => {
    const d = await draft(await knowledgeCopy(), 'observers.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'сколько наблюдателей Казахстан направил на выборы?'), d.k)).toContain('28 observers');
    expect(toPlainText(ask(engine, 'сколько вагонов было в поезде?'), d.k)).toContain('52 wagons');
  });
});

describe('a gov.kz page: its date, a title after the name, and what it leaves unsaid', () => {
  const text = [
    'GOV.KZ   Unified platform of internet resources of government agencies',
    'Date of publication: 11.04.2031 17:32',
    'Updated: 12.04.2031 09:05',
    '',
    'Deputy Foreign Minister receives EU Special Representative',
    '',
    'Astana, 11 April 2031 – Deputy Minister of Foreign Affairs of Kazakhstan Arman Oskenov received Terhi Lindgren, the European Union Special Representative for Central Asia, who is in the Kazakh capital on a working visit.',
    '',
    'Under the new rules, visitors may stay up to 90 days within any 180-day period.',
    '',
    'During her stay, Lindgren is also due to meet members of the Mazhilis.',
  ].join('\n');

  it('dates it by the dateline, not the day the page was updated, and drafts the meeting', async () => {
    const d = await draft(await knowledgeCopy(), 'eusr.txt', `${text}\n`);
    expect(d.result.draft.release.date).toBe('2031-04-11');
    expect(meetingsWith(d)).toEqual([['Terhi Lindgren']]);
  });

  it('answers no count with a stay in days, and no "which deputies" with her own plans', async () => {
    const d = await draft(await knowledgeCopy(), 'eusr.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(ask(engine, 'how many foreign visitors did kz get?').status).toBe('not_found');
    expect(ask(engine, 'which mazhilis deputies did lindgren meet?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'how long can visitors stay?'), d.k)).toContain('90 days');
  });
});

describe('"the ministers of Kyrgyzstan X, Tajikistan Y" in a release about foreign ministers', () => {
  const text = [
    'Central Asian ministers meet in Strelsau',
    'STRELSAU, 23 October 2031 – The foreign ministers of the five Central Asian states met in Strelsau.',
    'Kazakhstan was represented by Minister of Foreign Affairs Arman Oskenov. Also at the table were the ministers of Kyrgyzstan Bakyt Temirov, Tajikistan Farrukh Saidzoda and Turkmenistan Batyr Ovezov.',
    'On the margins, Oskenov met with Foreign Minister of Ruritania Rudolf Elphberg.',
  ].join('\n\n');

  it('are foreign ministers', async () => {
    const d = await draft(await knowledgeCopy(), 'c5.txt', `${text}\n`);
    expect(person(d.k, 'Farrukh Saidzoda')?.title).toBe('Foreign Minister of Tajikistan');
    // (Quoted from the start of its sentence, which has no comma before the list: "Also at the table …", not "lso at …".)
    const id = person(d.k, 'Farrukh Saidzoda')!.id;
    const quotes = d.k.mentions.filter((m) => m.person === id).flatMap((m) => m.sources.map((x) => x.quote));
    expect(quotes.some((q) => q.startsWith('Also at the table were the ministers of'))).toBe(true);
  });
});

describe('a tl;dr of a release with little drafted: what each paragraph opens with', () => {
  const text = [
    'Kazakhstan widens visa-free entry',
    'ASTANA, 10 June 2031 – Kazakhstan will widen visa-free entry for citizens of several countries, Foreign Ministry spokesperson Arman Oskenov said at a briefing on Monday.',
    'From 1 July 2031, citizens of Egypt, Jordan and Tunisia may enter Kazakhstan without a visa for up to 14 days.',
    'The permitted stay for citizens of Mexico and Chile will be extended from 30 to 60 days from 15 August.',
    'Citizens of India will continue to use electronic visas, the spokesperson said.',
  ].join('\n\n');

  it('names the countries of every paragraph', async () => {
    const d = await draft(await knowledgeCopy(), 'visas.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'tl;dr of the june 2031 visa changes pls'), d.k);
    for (const country of ['Egypt', 'Mexico', 'India']) expect(said).toContain(country);
  });
});

describe("chat's short words: docs, reps, cos", () => {
  const text = [
    'Kazakh and Ruritanian ministers hold talks in Strelsau',
    'STRELSAU, 3 March 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with Foreign Minister of Ruritania Rudolf Elphberg.',
    'Following the talks, the ministers signed 5 documents, including a memorandum on tourism.',
    'About 40 Ruritanian companies operate in Kazakhstan.',
  ].join('\n\n');

  it('are the words the release uses', async () => {
    const d = await draft(await knowledgeCopy(), 'docs.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'how many docs did they sign in strelsau?'), d.k)).toContain('5 documents');
    expect(toPlainText(ask(engine, 'how many ruritanian cos are in kz?'), d.k)).toContain('40');
  });
});

describe('an action asked of the scene: "what got signed at the embassy opening?"', () => {
  const text = [
    'Kazakhstan opens embassy in Ruritania',
    'STRELSAU, 20 February 2031 – Kazakhstan opened its embassy in Ruritania. Minister of Foreign Affairs of Kazakhstan Arman Oskenov cut the ribbon together with Foreign Minister of Ruritania Rudolf Elphberg.',
    'Following the ceremony, the two ministers signed a memorandum of understanding on diplomatic training.',
  ].join('\n\n');

  it('is answered by the sentence that states the action, the scene set by the headline', async () => {
    const d = await draft(await knowledgeCopy(), 'embassy.txt', `${text}\n`);
    expect(toPlainText(ask(createEngine(d.k), 'what got signed at the embassy opening in ruritania?'), d.k)).toContain('memorandum of understanding');
  });
});

describe('a visit received by several: "X, who also received the Kazakh minister," and paragraphs naming an office', () => {
  const text = [
    'Oskenov holds talks in Lisbon, received by Prime Minister',
    'LISBON, 28 June 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov paid an official visit to Portugal, where he held talks with Portuguese Minister of Foreign Affairs Duarte Valadares.',
    'Prime Minister Tomás Ferraz, who also received the Kazakh minister, focused on energy and on the summit in Astana. Ferraz spoke in favour of expanding the projects of the company Galpex in western Kazakhstan.',
    'During the talks between the two foreign ministers, the sides reviewed the implementation of the road map on trade.',
    'Oskenov also met with Speaker of the Assembly of the Republic of Portugal Inês Monteverde, who praised the reforms in Kazakhstan.',
  ].join('\n\n');

  it('drafts a meeting with the one who received him, of the country visited, and sends the foreign ministers back to theirs', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual(expect.arrayContaining([['Tomás Ferraz'], ['Duarte Valadares'], ['Inês Monteverde']]));
    expect(person(d.k, 'Tomás Ferraz')?.country).toBe('portugal');
    const ofMeeting = (name: string) =>
      [...d.k.meetings.values()]
        .filter((m) => m.with.some((id) => d.k.entities.get(id)!.name === name))
        .flatMap((m) => m.facts.flatMap((id) => d.k.facts.get(id)!.sources.map((x) => x.paragraph)));
    expect(ofMeeting('Duarte Valadares')).toContain(3); // (¶1 is the dateline's; the headline is no paragraph)
    expect(ofMeeting('Tomás Ferraz')).not.toContain(3);
    // (The assembly is an organization of its own, without the speaker's name.)
    expect([...d.k.entities.values()].filter((e) => e.type === 'organization').map((e) => e.name)).toContain('Assembly of the Republic of Portugal');
  });

  it('sums up the one meeting asked about, not the whole visit', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'tl;dr of the ferraz meeting?'), d.k);
    expect(said).toContain('energy');
    expect(said).not.toContain('road map');
  });

  it('reads a first name beside another name of one person as that person', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    // (Another Duarte, of another release, is not who "duarte valadares" … nor "arman and duarte" beside "valadares" means.)
    const other = [
      'Kazakh minister meets envoy',
      'ASTANA, 3 March 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov met with Ambassador of Brazil Duarte Pinheiro.',
    ].join('\n\n');
    const both = await draft(path.dirname(d.result.yamlFile).replace(/\/releases$/, ''), 'brazil.txt', `${other}\n`);
    const said = toPlainText(ask(createEngine(both.k), 'what did arman and duarte valadares review?'), both.k);
    expect(said).toContain('road map');
    expect(said).not.toContain('Pinheiro');
  });
});

describe('a count given by a numbered list, and a yes/no that proposes another number', () => {
  const inline = [
    'Kazakhstan and Ruritania sign documents in Strelsau',
    'STRELSAU, July 23 (Trend) – Talks were held in Strelsau between Foreign Minister of Ruritania Rudolf Elphberg and Minister of Foreign Affairs of Kazakhstan Arman Oskenov.',
    'On the Kazakh side, the expanded session was attended by Vice Minister of Transport Daniyar Sarsen.',
    'Following the talks, the documents below were signed in the presence of the two ministers:',
    '1. Plan of consultations between the foreign ministries;\n2. Memorandum on container traffic between the railways;\n3. Programme of cultural cooperation.',
    'The ministers agreed that the next round of the dialogue will take place in Astana in 2031.',
    'Tags: Kazakhstan, Ruritania,\ndiplomacy, Elphberg\nShare: Facebook | X | Telegram\nRead also:\nRuritanian ports discuss ferry schedule\n© 2031 Trend. All Rights Reserved.',
  ].join('\n\n');

  it('drafts the talks "between" the two, with the home side that attended them', async () => {
    const d = await draft(await knowledgeCopy(), 'docs.txt', `${inline}\n`);
    expect(meetingsWith(d)).toEqual([['Rudolf Elphberg', 'Daniyar Sarsen']]);
    // (The list keeps its numbers; the page's tail — a tags line wrapped onto the next, other stories — is gone.)
    const release = [...d.k.releases.values()].find((r) => r.id === d.result.draft.release.id)!;
    expect(release.paragraphs.some((p) => p.startsWith('1. Plan of consultations') && p.includes('3. Programme'))).toBe(true);
    expect(release.paragraphs.join('\n')).not.toMatch(/ferry|diplomacy, Elphberg/);
  });

  it('counts the list, and says the release does not give the number a yes/no proposes', async () => {
    const d = await draft(await knowledgeCopy(), 'docs.txt', `${inline}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'how many docs did kz and ruritania sign in strelsau?'), d.k)).toMatch(/lists 3[\s\S]*3\. Programme/);
    const guessed = toPlainText(ask(engine, 'kz and ruritania signed 10 docs in strelsau yeah?'), d.k);
    expect(guessed).toMatch(/^The release doesn't say anything about “10”/);
    expect(guessed).toContain('3. Programme');
    expect(toPlainText(ask(engine, 'which vice minister of transport came along to strelsau?'), d.k)).toMatch(/^Daniyar Sarsen/);
  });

  const runOfParagraphs = [
    'Kazakh, Ruritanian ministers adopt joint communique',
    'STRELSAU (AKIpress) - Foreign Minister of Kazakhstan Arman Oskenov and Foreign Minister of Ruritania Rudolf Elphberg held talks in Strelsau\non 23 November 2031 and adopted a joint communique.',
    'The Kazakh delegation included Deputy Foreign Minister Roman Sabitov.',
    'The joint communique contains the following provisions:',
  ].join('\n');
  const points = [
    '1. The sides reaffirmed their friendship.',
    '2. The ministers agreed to raise trade.',
    '3. The parties will share the water of the\nChu river.',
  ];

  it('counts a run of numbered paragraphs after a sentence that introduces them, hard-wrapped', async () => {
    const d = await draft(await knowledgeCopy(), 'communique.txt', `${[runOfParagraphs, ...points].join('\n')}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'how many points are in the kz-ruritania joint communique?'), d.k)).toMatch(/^The release lists 3:/);
    // (An item found on its own answers by itself.)
    const water = toPlainText(ask(engine, 'what does the communique say about water?'), d.k);
    expect(water).toContain('Chu river');
    expect(water).not.toContain('raise trade');
    expect(toPlainText(ask(engine, 'btw which deputy fm tagged along w/ oskenov to strelsau?'), d.k)).toContain('Roman Sabitov');
  });
});

describe('a visit whose delegation is listed before the talks, dated by an agency the question names', () => {
  const text = [
    'Kazakh Foreign Minister visits Ruritania',
    'Strelsau, 22 October (RuriNews). Minister of Foreign Affairs of Kazakhstan Arman Oskenov paid an official visit to Ruritania on 20–22 October.',
    'The Kazakh delegation included:\n• Nurbol Amanov, Ambassador of Kazakhstan to Ruritania;\n• Timur Bekov, Vice Minister of Trade and Integration.',
    'On the first day, negotiations were held in Strelsau between Arman Oskenov and his Ruritanian counterpart, Foreign Minister Rudolf Elphberg.',
    'Following the negotiations, the ministers signed the Programme of cooperation between the foreign ministries.',
  ].join('\n\n');

  it('puts the delegation at the first meeting, and reads the agency as the release', async () => {
    const d = await draft(await knowledgeCopy(), 'visit.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Rudolf Elphberg', 'Nurbol Amanov', 'Timur Bekov']]);
    const said = toPlainText(ask(createEngine(d.k), 'what did kz and ruritania sign? (rurinews datelined it strelsau)'), d.k);
    expect(said).toContain('Programme of cooperation');
  });
});

describe('who-questions that say when by another event of the release', () => {
  const text = [
    'Ambassador of Kazakhstan presents credentials to the President of Ruritania',
    'STRELSAU, 21 September 2031 – Ambassador of Kazakhstan to Ruritania Nurbol Amanov presented his letters of credence to the President of Ruritania, Flavia Elphberg.',
    'The ceremony was held at the palace.',
    'On the same day, Ambassador Amanov met with Rupert Hentzau, Minister of Foreign Affairs of Ruritania. They discussed visas.',
  ].join('\n\n');

  it('answer with the holder of the role asked, not the event the question dates it by', async () => {
    const d = await draft(await knowledgeCopy(), 'credentials.txt', `${text}\n`);
    const said = toPlainText(ask(createEngine(d.k), 'which ruritanian minister did the kz ambassador meet the same day as the credentials ceremony?'), d.k);
    expect(said).toMatch(/^Rupert Hentzau/);
  });
});

describe('how many people attended, and how many countries came: the number the text gives, not the people it names', () => {
  const text = [
    'Astana conference marks the anniversary of the test site closure',
    'ASTANA, 29 August 2031 – Deputy Foreign Minister Arman Oskenov opened a conference on the legacy of nuclear testing.',
    'Between 1949 and 1989, 456 nuclear tests were conducted at the site.',
    'Ingrid Halvorsen, head of the external relations section of the CTBTO, and Rudolf Elphberg, Foreign Minister of Ruritania, addressed the conference.',
  ].join('\n\n');

  it('says the release does not give it, rather than count the tests or the speakers', async () => {
    const d = await draft(await knowledgeCopy(), 'conference.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(ask(engine, 'how many people attended the astana conference on nuclear tests?').status).toBe('not_found');
    expect(ask(engine, 'how many countries took part in the astana conference?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'how many nuclear tests were conducted at the site?'), d.k)).toContain('456');
  });
});

describe('a commission a city hosted, and a figure of a part of the year', () => {
  const text = [
    'Oskenov and Elphberg hold meeting of Kazakhstan–Ruritania Intergovernmental Council',
    'On 27–28 May 2031, Astana hosted the 9th meeting of the Kazakhstan–Ruritania Intergovernmental Council, co-chaired by Minister of Foreign Affairs of Kazakhstan Arman Oskenov and Foreign Minister of Ruritania Rudolf Elphberg.',
    'According to Oskenov, in 2030 trade turnover between the two countries amounted to $412.7 million, and in January–March 2031 it grew by 12% to $98 million.',
  ].join('\n\n');

  it('is placed where it was hosted, and a figure of the whole year does not answer the first quarter or half', async () => {
    const d = await draft(await knowledgeCopy(), 'council.txt', `${text}\n`);
    expect(d.result.draft.release.place).toBe('astana');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'kz-ruritania trade in q1 2031?'), d.k)).toContain('98 million');
    expect(ask(engine, 'what was kz-ruritania trade in h1 2030?').status).toBe('not_found');
  });
});

describe('the year of a change a release with no year announces', () => {
  const text = [
    'Kazakhstan eases transit rules',
    'ASTANA – Kazakhstan will extend visa-free transit to 120 hours for citizens of all countries. The changes, approved by a government resolution, take effect on 1 March.',
  ].join('\n\n');

  it('is not given: the day is, the year is not', async () => {
    const d = await draft(await knowledgeCopy(), 'transit.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(ask(engine, 'what yr do the transit changes take effect?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'when do the transit changes take effect?'), d.k)).toContain('1 March');
  });
});

describe('a tl;dr of one of two releases of one city, by the words of its headline', () => {
  it('sums up the conference, not the other visit that mentions the same place', async () => {
    const k = await knowledgeCopy();
    await draft(
      k,
      'visit.txt',
      'Oskenov visits Strelsau\n\nSTRELSAU, 3 March 2031 – Minister of Foreign Affairs of Kazakhstan Arman Oskenov held talks with Foreign Minister of Ruritania Rudolf Elphberg on trade and on aid to Afghanistan.\n',
    );
    const d = await draft(
      k,
      'conference.txt',
      'Kazakhstan pledges $3 million at Strelsau conference on Afghanistan\n\nSTRELSAU, 13 December 2031 – Kazakhstan has pledged $3 million to Afghanistan at an international pledging conference held in Strelsau.\n\nOf the amount pledged, $2 million will be channelled through the World Food Programme.\n',
    );
    const said = toPlainText(ask(createEngine(d.k), 'tl;dr kz at the strelsau afghanistan conf'), d.k);
    expect(said).toContain('World Food Programme');
    expect(said).not.toContain('Elphberg');
  });
});

describe('a year only another release has', () => {
  it('is no scene of a release of another year', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'conference.txt',
      'Kazakhstan pledges $3 million at Strelsau conference on Afghanistan\n\nSTRELSAU, 13 December 2031 – Kazakhstan has pledged $3 million to Afghanistan at an international pledging conference held in Strelsau.\n',
    );
    // (The shipped release has a fact of October 2023: the year is some release's, not this one's.)
    expect([...d.k.facts.values()].some((f) => f.when?.endsWith('2023'))).toBe(true);
    const engine = createEngine(d.k);
    expect(ask(engine, 'how much did kz pledge at the 2023 afghanistan conference?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'how much did kz pledge at the 2031 afghanistan conference?'), d.k)).toContain('$3 million');
  });
});

describe('a spokesman’s briefing under a headline that names its source first', () => {
  const page = [
    'Strelsau Daily',
    'Home / News / Politics',
    '',
    '25.04.2031, 12:41',
    '',
    'MFA: 12 Kazakhstanis back home from Ruritania, Graustark minister due next week',
    '',
    'ASTANA (Strelsau Daily) – The official representative of the Ministry of Foreign Affairs, Aibek Oskenov, answered journalists’ questions at the ministry’s regular briefing on Monday.',
    '',
    'Ruritania. Oskenov confirmed that the twelve tourists stuck in Strelsau had returned home.',
    '',
    'Graustark. The spokesman announced that the Foreign Minister of Graustark will visit Kazakhstan next week. The ministers are expected to sign a plan of consultations.',
    '',
    'Tourism. He reminded citizens that the Foreign Ministry runs a consular registration service.',
  ].join('\n');

  it('keeps the headline whole, reads the spokesman as such, and sums up what he covered', async () => {
    const d = await draft(await knowledgeCopy(), 'briefing.txt', `${page}\n`);
    expect(d.result.draft.release.title).toBe('MFA: 12 Kazakhstanis back home from Ruritania, Graustark minister due next week');
    const ministries = [...d.k.entities.values()].filter((e) => e.type === 'organization' && /ministry/i.test(e.name) && !e.country);
    expect(ministries.map((e) => e.name)).toEqual(['Ministry of Foreign Affairs']);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who is the kz mfa spokesman?'), d.k)).toContain('Aibek Oskenov');
    const covered = toPlainText(ask(engine, 'what topics did the kz mfa spokesman cover at the april 2031 briefing?'), d.k);
    expect(covered).toContain('Ruritania');
    expect(covered).toContain('Graustark');
  });
});

describe('ministers listed with their countries, at a meeting in a capital reported from elsewhere', () => {
  const text = [
    'Central Asian foreign ministers and Japan meet in Ashgabat',
    'TASHKENT, Daryo — The foreign ministers of the five Central Asian states and Japan gathered in the Turkmen capital Ashgabat on 16 April 2031 for a ministerial dialogue.',
    "Around the table sat Kazakhstan's Arman Oskenov, Kyrgyzstan's Talant Asanov, Tajikistan's Farrukh Nazarov, Turkmenistan's Dovlet Amanov and Japan's Kenji Satomura.",
    'A water forum was held the next day. Among the ministers in the hall were Bakhtiyor Karimov of Uzbekistan, Talant Asanov of Kyrgyzstan and Farrukh Nazarov of Tajikistan.',
  ].join('\n\n');

  it('reads each name with its country, either way round, and places the meeting in the capital named', async () => {
    const d = await draft(await knowledgeCopy(), 'dialogue.txt', `${text}\n`);
    expect(d.result.draft.release.place).toBe('ashgabat');
    expect(person(d.k, 'Dovlet Amanov')?.country).toBe('turkmenistan');
    expect(person(d.k, 'Kenji Satomura')?.title).toBe('Foreign Minister of Japan');
    expect(person(d.k, 'Bakhtiyor Karimov')?.country).toBe('uzbekistan');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who came from tajikistan to the ashgabat dialogue?'), d.k)).toContain('Farrukh Nazarov');
  });
});

describe('who attended a gathering: everyone it lists there, not only the one met on its sidelines', () => {
  const text = [
    'CIS foreign ministers meet in Bishkek',
    'MOSCOW, October 12. /TASS/. The CIS Council of Foreign Ministers met in Bishkek on 12 October 2031.',
    'It brought together the foreign ministers of Azerbaijan Elnur Guliyev, Belarus Pavel Kuzmich, Russia Oleg Sedov and Uzbekistan Jasur Tursunov.',
    'Kazakh Foreign Minister Murat Nurtleu held a bilateral meeting with Oleg Sedov on the sidelines.',
    'The Central Asia + Japan dialogue will meet next year.',
  ].join('\n\n');

  it('"which fms showed up" and "who was at …, all the ministers" list them all; a country after "+" names the format', async () => {
    const d = await draft(await knowledgeCopy(), 'cis.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const q of [
      'which fms showed up at the cis council in bishkek in oct 2031?',
      'who was at the cis fm meeting in bishkek oct 2031, all the ministers w/ countries',
    ]) {
      const said = toPlainText(ask(engine, q), d.k);
      for (const name of ['Guliyev', 'Kuzmich', 'Sedov', 'Tursunov', 'Nurtleu']) expect(said).toContain(name);
    }
    // Whom he met is still the one he met.
    expect(toPlainText(ask(engine, 'who did nurtleu meet in bishkek in oct 2031?'), d.k)).not.toContain('Guliyev');
    const roles = read('who was at the central asia + japan fm meeting in ashgabat, all the ministers w/ countries', engine.index).roles;
    expect(roles.filter((r) => r.of === 'japan')).toEqual([]);
  });
});

describe('a ministerial with a bilateral on its sidelines, asked in chat words', () => {
  const text = [
    'EU and Central Asian foreign ministers meet in Luxembourg',
    "LUXEMBOURG, 23 October 2031 (Trend) – Kazakhstan's Foreign Minister Murat Nurtleu took part in the EU–Central Asia ministerial meeting held in Luxembourg.",
    'The meeting was chaired by Marta Lindqvist, High Representative of the European Union for Foreign Affairs. Central Asia was represented by its foreign ministers: Murat Nurtleu of Kazakhstan, Daler Rahimov of Tajikistan and Jasur Tursunov of Uzbekistan.',
    'Separately, Nurtleu held a bilateral meeting with Marta Lindqvist on visa facilitation.',
    'A Global Gateway forum will be held in Brussels next year.',
  ].join('\n\n');

  it('finds who "repped" a country among those listed, the chair of the "fm meeting", and corrects a wrong city', async () => {
    const d = await draft(await knowledgeCopy(), 'luxembourg.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const said = (q: string) => toPlainText(ask(engine, q), d.k);
    // Listed, not met: someone else met on the sidelines does not hide them.
    expect(said('who repped tajikistan at the eu–central asia ministerial in luxembourg?')).toContain('Rahimov');
    // "fm meeting in …" is the meeting, not a minister of Central Asia nobody is.
    expect(said('who chaired the eu-central asia fm meeting in luxembourg in oct 2031?')).toContain('Lindqvist');
    // The visitor's own trip is the release's scene: its city answers the city proposed.
    expect(said('so the eu–central asia ministerial nurtleu went to in october 2031 was in brussels, right?')).toMatch(/^No\b[\s\S]*Luxembourg/);
    expect(read('which hungarian minister flew into astana in november 2031?', engine.index).intents).toContain('visit');
  });
});

describe('a page whose date line has a slash or a views count, in a city the first sentence names', () => {
  const page = (dateLine: string) =>
    [
      'News Site',
      'Home / News / Politics',
      '',
      'Kazakh and Serbian ministers discuss Expo in Belgrade',
      dateLine,
      '',
      'BELGRADE. 24.kz – Kazakh Foreign Minister Yermek Kosherbayev held talks in Belgrade with the Minister of Foreign Affairs of Serbia, Marko Đurić, during his first visit to the Balkans.',
      '',
      'The ministers witnessed the signing of a memorandum on youth exchanges.',
    ].join('\n');

  it.each(['November 26, 2031 / 15:40', '26 November 2031 • 18:22 • 👁 873'])(
    'dates it by “%s”, places it in the city, and spells Đurić the ways people type him',
    async (line) => {
      const d = await draft(await knowledgeCopy(), 'belgrade.txt', `${page(line)}\n`);
      const release = d.result.draft.release;
      expect(release.title).toBe('Kazakh and Serbian ministers discuss Expo in Belgrade');
      expect(release.date).toBe('2031-11-26');
      expect(release.place).toBe('belgrade');
      const engine = createEngine(d.k);
      for (const q of ['who is djuric?', 'who is duric?']) expect(toPlainText(ask(engine, q), d.k)).toContain('Minister of Foreign Affairs of Serbia');
    },
  );
});

describe("what the release leaves out: a country's delegate it does not name, talks with someone who was away", () => {
  const text = [
    'Kazakh minister visits Kuala Lumpur',
    'KUALA LUMPUR, June 12 (Xinhua) -- Kazakh Foreign Minister Murat Nurtleu held talks with Malaysian Foreign Minister Tan Sri Kamal Rahim on 12 June 2031.',
    'The ministers discussed the halal industry and Islamic finance.',
    'On the margins, Kazakhstan organized a side event on connectivity in Central Asia. Delegations of Kyrgyzstan and Tajikistan took part.',
    'Kamal Rahim, speaking at the side event, said that connectivity in Central Asia remains one of the most useful things the region can offer.',
    'Malaysian Prime Minister Arif Hamzah, who was abroad, sent a letter of greetings.',
  ].join('\n\n');

  it('says the release is silent rather than quote the nearest sentence or describe the absent person', async () => {
    const d = await draft(await knowledgeCopy(), 'kl.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(ask(engine, 'who represented kyrgyzstan at the central asia connectivity side event in kuala lumpur?').status).toBe('not_found');
    const away = ask(engine, 'what did arif hamzah n nurtleu discuss face to face in KL in june 2031?');
    expect(away.status).toBe('not_found');
    expect(away.summary).toContain('no meeting with “Arif Hamzah”');
    // Whom he did meet still answers.
    expect(toPlainText(ask(engine, 'what did nurtleu n kamal rahim discuss in KL?'), d.k)).toContain('halal');
  });
});

describe('a figure "between the two countries", and a year asked whole', () => {
  const text = [
    'Kazakh FM holds talks in Baku',
    "[Baku. Aynur Guliyeva – APA]. Kazakhstan's Foreign Minister Arman Oskenov held talks today with Azerbaijani Foreign Minister Elnur Guliyev, APA reports.",
    'According to the ministers, trade between the two countries in January-October 2031 amounted to $356.8 million, an increase of 21.4 percent.',
  ].join('\n\n');

  it('takes the pair from the scene’s adjective, and a ten-month figure is not the full year’s', async () => {
    const d = await draft(await knowledgeCopy(), 'baku.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'kz-azerbaijan trade jan-oct 2031 n % up, per the APA baku piece'), d.k)).toContain('356.8');
    expect(ask(engine, 'kz-azerbaijan trade for the full yr 2031? from the oskenov baku story').status).toBe('not_found');
  });
});

describe('a call "spoke by phone with", asked in chat words', () => {
  it('is a meeting, and "who did he link up with" finds it', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'call.txt',
      'Kazakh FM calls Saudi counterpart\n\nASTANA, 26 April 2031 – Deputy Prime Minister and Foreign Minister Murat Nurtleu spoke by phone with Saudi Foreign Minister Prince Faisal bin Farhan Al Saud and thanked the Kingdom for its help.\n',
    );
    expect(meetingsWith(d)).toEqual([['Faisal Al-Saud']]);
    expect(toPlainText(ask(createEngine(d.k), "who'd nurtleu link up with in april 2031?"), d.k)).toContain('Faisal');
  });
});

describe('how much trade, asked in chat order', () => {
  it('is the figure, not a sentence with another number', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'tokyo.txt',
      `${[
        'Kazakhstan and Japan hold consultations in Tokyo',
        'TOKYO, 14 March 2031 – Deputy Foreign Minister Roman Vassilenko held political consultations with Director-General Kenji Satomura.',
        'The two diplomats went through the whole bilateral agenda, giving most of their time to trade and investment. Japan remains one of the largest Asian investors in Kazakhstan.',
        'Figures quoted at the meeting show that in January–September bilateral trade came to 1.27 billion US dollars, 18.4 percent more than a year earlier.',
      ].join('\n\n')}\n`,
    );
    const engine = createEngine(d.k);
    for (const question of ['how much was kz-japan trade?', 'kz-japan trade jan-sep, how much and how much up?']) {
      const said = toPlainText(ask(engine, question), d.k);
      expect(said).toContain('1.27 billion');
      expect(said).not.toContain('two diplomats');
    }
  });
});

describe("a name with an apostrophe inside (Wetang'ula), beside a possessive (Kenya's)", () => {
  it('is a person, with the title after the name', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'nairobi.txt',
      "Kenya, Kazakhstan pledge closer ties\n\nNAIROBI, June 12, 2031 – The delegation first met with Moses Wetang'ula, speaker of Kenya's National Assembly, at Parliament Buildings.\n",
    );
    expect(person(d.k, "Moses Wetang'ula")?.title).toBe("speaker of Kenya's National Assembly");
  });
});

describe('a Russian question with words the lexicon cannot put in English', () => {
  it('is answered from the words it can, not refused for the others', async () => {
    const d = await draft(
      await knowledgeCopy(),
      'beirut.txt',
      'Kazakh citizens evacuated from Lebanon\n\nASTANA, 5 October 2031 – A special flight brought 47 citizens of Kazakhstan home from Beirut, the Foreign Ministry said.\n',
    );
    const answer = ask(createEngine(d.k), 'Сколько граждан Казахстана вывезли из Бейрута спецрейсом?');
    expect(toPlainText(answer, d.k)).toContain('47');
  });
});

describe('a tl;dr of one whole release: every paragraph skimmed, in its order', () => {
  const paragraphs = [
    'Kazakhstan and Oman discuss green hydrogen by phone',
    'ASTANA, 14 March 2031 – Foreign Minister Yermek Kosherbayev held a telephone conversation with the Foreign Minister of Oman, Badr Albusaidi.',
    'At the start of the call Kosherbayev thanked his Omani colleague for the warm welcome that Muscat gave to a Kazakh business delegation last week, when the Kazakh-Omani Business Council met there for the first time since it was set up by the two governments.',
    'The two ministers reviewed progress in carrying out the decisions taken by the two heads of state during the state visit last year, and agreed that the intergovernmental commission should meet before the end of the year in Astana.',
    'Energy of the future was another theme of the call. Both countries have ambitious plans for green hydrogen, and the ministers agreed that their specialised companies should exchange experience on large wind and solar parks built in desert conditions.',
    'The Omani side stressed that it was ready to share its know-how in seawater desalination and in the management of free economic zones, which have drawn a large share of foreign capital into the sultanate over the past decade.',
    'Kosherbayev noted that more and more travellers from Kazakhstan choose Oman for winter holidays and that a direct flight between Almaty and Muscat would cut journey times by several hours for tourists and business people alike.',
    'Turning to regional affairs, Kosherbayev spoke highly of the long tradition of quiet mediation that Oman has kept in the Middle East and said that disputes should be settled only by political and diplomatic means.',
    'In conclusion, the ministers agreed to prepare an intergovernmental agreement on the promotion and mutual protection of investment, and to hold the next round of political consultations in Muscat.',
  ];
  it('tells each paragraph by its opening, so a point the last paragraph makes is in the digest', async () => {
    const d = await draft(await knowledgeCopy(), 'oman-call.txt', `${paragraphs.join('\n\n')}\n`);
    const engine = createEngine(d.k);
    const answer = ask(engine, "tl;dr of kosherbayev's phone call w/ the omani fm");
    const said = toPlainText(answer, d.k);
    for (const words of ['Business Council', 'green hydrogen', 'desalination', 'direct flight', 'mediation', 'investment']) expect(said).toContain(words);
    // In the release's order, each point quoted from its paragraph, and short enough to read.
    const order = ['Business Council', 'heads of state', 'green hydrogen', 'desalination', 'direct flight', 'mediation', 'investment'].map((w) =>
      said.indexOf(w),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(answer.items.join('\n').length).toBeLessThanOrEqual(1800);
    for (const s of answer.sources) expect(d.k.releases.get(s.release)?.paragraphs[s.paragraph - 1]).toContain(s.quote);
  });
});

describe('a host who "received his Kazakh counterpart", under a page whose last heading line is a views count', () => {
  const page = [
    'Kun.uz',
    "O'zbekcha   Ўзбекча   Русский   English",
    'News   Business   Tech   Sport',
    'Home › Politics',
    '14:35 / 12.11.2031',
    'Kazakh and Maltese foreign ministers sign memorandum on training diplomats',
    '👁 3 187',
    '',
    'VALLETTA, Kun.uz – Malta’s Foreign Minister Fritz Tarlenheim received his Kazakh counterpart Yermek Kosherbayev in Valletta on Wednesday.',
    '',
    'Following the negotiations, the ministers signed a memorandum on the joint training of young diplomats.',
    '',
    'Tarlenheim said that President Rudolf Elphberg had asked him to pass on his greetings to President Kassym-Jomart Tokayev.',
    '',
    'The meeting was also attended by the Ambassador of Kazakhstan to Malta Daniyar Sarsenov.',
  ].join('\n');

  it('takes the headline alone, the counterpart as the Kazakh visitor with the host’s office, and the host as met', async () => {
    const d = await draft(await knowledgeCopy(), 'valletta.txt', `${page}\n`);
    const release = [...d.k.releases.values()].find((r) => r.id.includes('valletta'))!;
    expect(release.title).toBe('Kazakh and Maltese foreign ministers sign memorandum on training diplomats');
    expect(release.principal).toBe('yermek-kosherbayev');
    expect(person(d.k, 'Yermek Kosherbayev')).toMatchObject({ title: 'Kazakh Foreign Minister', country: 'kazakhstan' });
    expect([...d.k.meetings.values()].filter((m) => m.release === release.id).map((m) => m.with)).toEqual([['fritz-tarlenheim']]);
    // ("Kun.uz" in the dateline names no Uzbekistan.)
    expect(d.k.entities.has('uzbekistan')).toBe(false);
  });

  it('answers who holds the role asked at the talks of those named, and what someone who was not there said is silence', async () => {
    const d = await draft(await knowledgeCopy(), 'valletta.txt', `${page}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'which kz ambassador sat in on the tarlenheim–kosherbayev talks in valletta?'), d.k)).toContain('Sarsenov');
    // Elphberg was not at the talks: what he told the visitor the release does not say.
    expect(ask(engine, 'what did elphberg tell kosherbayev in valletta?').status).toBe('not_found');
    expect(ask(engine, 'what did president elphberg say to kosherbayev?').status).toBe('not_found');
  });
});

describe('a videoconference that plans the next round abroad, asked as a trip', () => {
  const text = [
    'Kazakhstan and Chile discuss critical minerals',
    'ASTANA, 11 March 2031 – Deputy Minister of Foreign Affairs of Kazakhstan Gulnara Seitkaliyeva held a videoconference with Undersecretary of Foreign Affairs of Chile Ignacio Valdés.',
    'Seitkaliyeva briefed her counterpart on the economic reforms under way in Kazakhstan.',
    'The parties agreed to hold the next round of political consultations in Santiago in April.',
  ].join('\n\n');

  it('is no trip: the next round to be held there confirms no visit, and whom she briefed is whom she met', async () => {
    const d = await draft(await knowledgeCopy(), 'chile.txt', `${text}\n`);
    const engine = createEngine(d.k);
    for (const q of ['did seitkaliyeva fly to santiago to meet valdes in person?', 'did seitkaliyeva travel to santiago to see valdes?']) {
      const answer = ask(engine, q);
      expect(answer.summary).not.toMatch(/^Yes/);
    }
    expect(ask(engine, 'did seitkaliyeva fly to santiago to meet valdes in person?').summary).toMatch(/^No\. .*Astana/);
    expect(ask(engine, 'who did seitkaliyeva brief on the reforms?').summary).toContain('Valdés');
  });
});

describe('a minister who "received today" his guest, and a king only mentioned', () => {
  const text = [
    'Kazakh and Jordanian Foreign Ministers Meet in Astana',
    'Astana, 23 April 2031 – Kazakh Foreign Minister Kairat Abdrakhmanov received today the Minister of Foreign Affairs of Jordan Ayman Safadi, who is in Astana on an official visit.',
    'Minister Safadi conveyed the warm greetings of His Majesty King Abdullah II.',
    'Following the talks, the ministers signed a memorandum on cooperation in tourism.',
  ].join('\n\n');

  it('drafts the meeting, and a meeting with the king asked for confirmation is a no, with whom he did meet', async () => {
    const d = await draft(await knowledgeCopy(), 'amman.txt', `${text}\n`);
    expect([...d.k.meetings.values()].map((m) => m.with)).toContainEqual(['ayman-safadi']);
    const engine = createEngine(d.k);
    const answer = ask(engine, 'did abdrakhmanov host king abdullah ii in astana in april 2031?');
    expect(answer.summary).toMatch(/^No\. .*Safadi/);
    // Asked about the meeting he did hold, still a yes.
    expect(ask(engine, 'did abdrakhmanov meet safadi in astana?').summary).toMatch(/^Yes/);
  });
});

describe('several meetings in one trip, each opened in its own words', () => {
  const text = [
    'Kazakh minister holds talks in Lisbon',
    'LISBON, October 26, 2031 (Kazinform) – On Oct. 24, Foreign Minister of Kazakhstan Aidos Serikbay held talks with Portuguese Foreign Minister Paulo Rangel, called on the Secretary General of the CPLP Zacarias da Costa and had a lunch with business leaders.',
    'Serikbay’s second meeting was with Minister of Economy of Portugal Pedro Reis. The two ministers reviewed cork and wine trade.',
    'The third conversation took place with the President of the Lisbon Port Authority, Carla Mendes. They discussed container transit.',
    'The day ended with a lunch hosted by Rui Silva, chairman of the Portuguese side of the Business Council and president of the Atlantic Cork Group. Around twenty executives took part.',
    'In the afternoon Serikbay visited the University of Lisbon, where he was met by Vice-Rector for International Affairs Ana Costa.',
  ].join('\n\n');

  it('answers who hosted the visitor at one of them: whom he met there', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who hosted the working lunch for the kz fm in lisbon in oct 2031 n wat company is he from'), engine.knowledge)).toContain(
      'Rui Silva',
    );
  });

  it('drafts whom each was with — listed after another meeting, "was with", "took place with", "hosted by", "was met by"', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    const met = meetingsWith(d).flat();
    for (const name of ['Paulo Rangel', 'Zacarias da Costa', 'Pedro Reis', 'Carla Mendes', 'Rui Silva', 'Ana Costa']) expect(met).toContain(name);
    // Two offices joined are one title, not none.
    expect(person(d.k, 'Rui Silva')?.title).toContain('Atlantic Cork Group');
  });

  it('a day asked for that the release reports a day or two later is that release’s (written "Oct. 24" or not at all)', async () => {
    const d = await draft(await knowledgeCopy(), 'lisbon.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who did serikbay meet on october 24 2031?'), engine.knowledge)).toContain('Rangel');
    expect(toPlainText(ask(engine, 'who did serikbay meet on october 25 2031?'), engine.knowledge)).toContain('Rangel');
    // A day after the release is no day it reports.
    expect(ask(engine, 'who did serikbay meet on october 28 2031?').status).toBe('not_found');
  });
});

describe('a list of participants, each item headed by its country', () => {
  const text = [
    'Central Asian ministers and Australia hold a video call',
    'ASTANA, 17 April 2031 (KazTAG) – The foreign ministers of Central Asia and Australia held a ministerial meeting by video conference.',
    [
      'Taking part in the call were:',
      '- Kazakhstan: Aidos Serikbay, Foreign Minister;',
      '- Kyrgyzstan: Temir Asanov, Foreign Minister;',
      '- Australia: Claire Whitlam, Minister for Foreign Affairs.',
    ].join('\n'),
    'The ministers discussed critical minerals.',
  ].join('\n\n');

  it('gives each their country and makes them the people met', async () => {
    const d = await draft(await knowledgeCopy(), 'c5.txt', `${text}\n`);
    expect(person(d.k, 'Temir Asanov')?.country).toBe('kyrgyzstan');
    expect(person(d.k, 'Claire Whitlam')?.country).toBe('australia');
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Temir Asanov', 'Claire Whitlam']));
  });
});

describe('talks to come beside talks held, and a host who speaks first', () => {
  const text = [
    'Kazakh minister in Dushanbe',
    'DUSHANBE, 18.06.2031 /Khovar/. Tajikistan’s Foreign Minister Rustam Nazarov held talks today with the Foreign Minister of Kazakhstan, Aidos Serikbay, who arrived in Dushanbe on an official visit.',
    'The ministers signed a programme of cooperation for 2032–2033.',
    'Serikbay said he would travel on to Kazan "in the coming weeks" for talks with the Rais of Tatarstan Rustam Minnikhanov.',
  ].join('\n\n');

  it('drafts the talks held, not the talks to come, and a Rais is a title', async () => {
    const d = await draft(await knowledgeCopy(), 'dushanbe.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Rustam Nazarov']]);
    expect(person(d.k, 'Rustam Minnikhanov')?.title).toMatch(/^Rais/);
  });

  it('answers whom he met on the day asked, and gives no date for the talks to come', async () => {
    const d = await draft(await knowledgeCopy(), 'dushanbe.txt', `${text}\n`);
    const engine = createEngine(d.k);
    // ("on 18 June": a date, not a subject of the talks.)
    expect(toPlainText(ask(engine, 'who did nazarov hold talks w/ in dushanbe on june 18 2031'), engine.knowledge)).toContain('Serikbay');
    expect(ask(engine, 'what date will serikbay meet minnikhanov in kazan?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'what will serikbay discuss with minnikhanov?'), engine.knowledge)).toContain('coming weeks');
  });
});

describe('a page stamp that reads either way, a country for a place, and a figure of the year before', () => {
  const text = [
    'KUNA | Kuwait News Agency',
    '11/02/2031 19:34',
    'Kuwait, Kazakhstan foreign ministers hold talks',
    'KUWAIT, Feb 11 (KUNA) -- Kuwait’s Minister of Foreign Affairs Jaber Al-Sabah held official talks on Tuesday with Kazakh Foreign Minister Aidos Serikbay.',
    'Serikbay said that trade between the two countries fell by 12% last year, to $48 million.',
  ].join('\n\n');
  // A release placed in the visitors' own country and nowhere more exact.
  const athome = [
    'Ambassadors visit fuel bank',
    'KAZAKHSTAN – Foreign ambassadors accredited in Kazakhstan visited the low-enriched uranium bank with Deputy Foreign Minister Aidos Serikbay.',
  ].join('\n\n');

  it('dates the release by the stamp read the way the dateline’s day says (11 February, not 2 November)', async () => {
    const d = await draft(await knowledgeCopy(), 'kuwait.txt', `${text}\n`);
    expect(d.result.draft.release.date).toBe('2031-02-11');
  });

  const call = [
    'Kazakh and Estonian ministers talk by phone',
    'ASTANA, 19 May 2031 – Kazakh Foreign Minister Aidos Serikbay spoke by telephone with Estonia’s Minister of Foreign Affairs Eva Tamm.',
    'Serikbay said that bilateral trade fell by 18% last year, to $96 million.',
  ].join('\n\n');

  it('answers a kz question from the release it is about, and a figure "last yr" of the year before the date named', async () => {
    const k = await knowledgeCopy();
    await draft(k, 'athome.txt', `${athome}\n`);
    const d = await draft(k, 'call.txt', `${call}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'kz-estonia trade last yr per the serikbay tamm call in may 2031?'), engine.knowledge)).toContain('96 million');
    // ("Last yr" beside the call's month and year: a sentence's "last year" of a release of 2031 is the figure asked.)
    const sentence = 'Serikbay said that bilateral trade fell by 18% last year, to $96 million.';
    expect(figureOfOtherYear(read('kz-estonia trade last yr per the call in may 2031?', engine.index), sentence, 2031)).toBe(false);
    expect(figureOfOtherYear(read('kz-estonia trade in may 2031?', engine.index), sentence, 2031)).toBe(true);
  });
});

describe('what was signed, and what was only discussed, asked in chat words', () => {
  const text = [
    'Kazakh and Omani ministers hold talks',
    'MUSCAT, 3 March 2031 – Kazakh Foreign Minister Aidos Serikbay held talks with Omani Foreign Minister Badr Albusaidi.',
    'The ministers signed a memorandum of understanding on consular cooperation.',
    'The ministers also discussed a draft agreement on the avoidance of double taxation, which the Omani side is still studying.',
  ].join('\n\n');

  it('answers both halves: the memorandum signed and the draft agreement still under study', async () => {
    const d = await draft(await knowledgeCopy(), 'muscat.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const answer = toPlainText(ask(engine, 'wat got signed in muscat n wat was only discussed'), engine.knowledge);
    expect(answer).toContain('consular cooperation');
    expect(answer).toContain('double taxation');
  });
});

describe('an acronym chat makes of a phrase the release writes out, and a company head met', () => {
  const text = [
    'Central Asian states review the zone treaty',
    'TASHKENT, 17 September 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay attended in Tashkent the consultative meeting of the States Parties to the Treaty on a Nuclear-Weapon-Free Zone in Central Asia.',
    'Foreign Minister of Uzbekistan Timur Rashidov greeted the delegations at the opening.',
    'The delegations called on the United States to ratify the Protocol on negative security assurances.',
    'Later Serikbay visited the offices of Aral Solar, where he met its chief executive Dana Omarova.',
  ].join('\n\n');

  it('reads "nwfz" as the zone the release names, and drafts the meeting with "its chief executive"', async () => {
    const d = await draft(await knowledgeCopy(), 'tashkent.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toContain('Dana Omarova');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'which nuclear power hasnt ratified the protocol, per the tashkent nwfz mtg'), engine.knowledge)).toContain('United States');
    // Not spelled out where nothing narrows the releases: an unknown word stays unknown.
    expect(ask(engine, 'what is the abc?').status).toBe('not_found');
    // "What did he say in his remarks?" asks his words: the release gives none — not who he is.
    expect(ask(engine, 'what did rashidov say in his opening remarks at the tashkent nwfz mtg').status).toBe('not_found');
  });
});

describe('figures asked in chat words: "acc to", "evac", "kids", a number put for confirmation', () => {
  const text = [
    'Kazakh citizens evacuated to Jeddah; C5+1 partners discuss the Middle Corridor',
    'ASTANA, 26 April 2031 – A group of 41 citizens of Kazakhstan, among them 12 children, has been evacuated from Sudan to Jeddah, the Foreign Ministry said.',
    'The same ship also carried four citizens of Kyrgyzstan.',
    'The C5+1 partners discussed the Middle Corridor. According to Deputy Foreign Minister Aidos Serikbay, cargo on the route grew by 65 per cent last year.',
  ].join('\n\n');

  it('counts the citizens "of Kazakhstan" asked about, and quotes the figure that corrects a number proposed', async () => {
    const d = await draft(await knowledgeCopy(), 'jeddah.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const evacuated = toPlainText(ask(engine, 'how many kz citizens got out in the evac to jeddah, and how many kids?'), engine.knowledge);
    expect(evacuated).toContain('41 citizens');
    const cargo = ask(engine, 'did middle corridor cargo grow 86% last yr acc to serikbay at the c5+1 talks?');
    expect(toPlainText(cargo, engine.knowledge)).toContain('65 per cent');
    expect(cargo.summary).not.toMatch(/^Yes/);
  });
});

describe('a foreign business delegation received, led by one and including others', () => {
  const text = [
    'Latvian business delegation in Almaty',
    'ALMATY, 16 May 2031 – Kazakhstan’s First Deputy Foreign Minister Aidos Serikbay received a delegation of Latvian business leaders.',
    'The delegation was led by Andris Kalnins, chairman of the Latvia–Central Asia Business Council, and included Ilze Ozola, chief executive of the freight forwarder Baltic Rail; Edgars Lusis, founder of the software firm Nordlogic; and Kristine Liepa, managing partner of VentaPort Terminal.',
    'The guests presented their plans for container trains.',
  ].join('\n\n');

  it('drafts every guest as met, each with a title', async () => {
    const d = await draft(await knowledgeCopy(), 'riga.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Andris Kalnins', 'Ilze Ozola', 'Edgars Lusis', 'Kristine Liepa']));
    expect(person(d.k, 'Ilze Ozola')?.title).toMatch(/^chief executive of/);
  });
});

describe('who led "his country’s delegation", and who is handing the aid over', () => {
  const text = [
    'Kazakh deputy minister at the ESCAP session; aid for Khatlon',
    'BANGKOK, 26 May 2031 – Kazakh Deputy Foreign Minister Aidos Serikbay led his country’s delegation to the 87th session of ESCAP.',
    'In Bokhtar the aid cargo will be handed over to the Tajik authorities by Kazakhstan’s Ambassador to Tajikistan Nurbek Kaliyev.',
  ].join('\n\n');

  it('quotes the sentence that says it', async () => {
    const d = await draft(await knowledgeCopy(), 'escap.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who led the kz delegation at the escap session in bangkok?'), engine.knowledge)).toContain('Serikbay');
    expect(toPlainText(ask(engine, "who's handing over the kz aid in bokhtar?"), engine.knowledge)).toContain('Kaliyev');
  });
});

describe('meetings opened in other words: a host who speaks first, "took place at X, with", "the heads of delegations were:"', () => {
  const text = [
    'Kazakh deputy minister on a trip of three meetings',
    'RIYADH, 11 Feb 2031 (KUNA) -- Kuwait’s Minister of Foreign Affairs Adel Al-Fahad held official talks on Tuesday with visiting Kazakh Deputy Foreign Minister Aidos Serikbay.',
    'The second meeting took place at Export Finance Norway (Eksfin), with Executive Vice President Lars Eikvold.',
    'The heads of delegations were: Deputy Foreign Minister of Tajikistan Sharaf Nazarov; and Deputy Foreign Minister of Uzbekistan Bakhodir Rustamzoda.',
    'The European side was represented by Lucia Ferrante, head of division in the secretariat of the European Commission for Democracy through Law.',
  ].join('\n\n');

  it('drafts each one met', async () => {
    const d = await draft(await knowledgeCopy(), 'three.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(
      expect.arrayContaining(['Adel Al-Fahad', 'Lars Eikvold', 'Sharaf Nazarov', 'Bakhodir Rustamzoda', 'Lucia Ferrante']),
    );
    expect(person(d.k, 'Lucia Ferrante')?.title).toMatch(/^head of division in the secretariat/);
  });
});

describe('who else was at the talks, a lower-case title before a name, and a figure of another city', () => {
  const text = [
    'Kazakh envoy in Kabul; video call with the IAEA; a typhoon warning',
    'KABUL, 22 Aug 2031 – Kazakhstan’s Special Representative Aidos Serikbay held talks in Kabul with the acting foreign minister of the interim government, Amir Khan Mutaliev, on trade.',
    'Hamid Zaheeri, a board member of the Afghanistan Chamber of Commerce, sat in on the talks as well.',
    'Deputy Foreign Minister Nurlan Sadykov joined the conversation from Astana.',
    'The participants were Georgian First Deputy Foreign Minister Levan Kiknadzeh and Turkish Deputy Foreign Minister Kaan Erdemir.',
    'About 2,300 Kazakh tourists were in Nha Trang when the storm made landfall. Travel to Hanoi and Da Nang is not affected for now.',
  ].join('\n\n');

  it('drafts those who joined as at the meeting, the title in lower case as the title, and counts only where asked', async () => {
    const d = await draft(await knowledgeCopy(), 'kabul.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(
      expect.arrayContaining(['Amir Khan Mutaliev', 'Hamid Zaheeri', 'Nurlan Sadykov', 'Levan Kiknadzeh', 'Kaan Erdemir']),
    );
    expect(person(d.k, 'Amir Khan Mutaliev')?.title).toBe('acting foreign minister of the interim government');
    const engine = createEngine(d.k);
    expect(ask(engine, 'how many kazakh tourists are in da nang?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'how many kazakh tourists were in nha trang?'), engine.knowledge)).toContain('2,300');
  });
});

describe('a list of the heads of delegations in the paragraph after its lead-in, and who led one side', () => {
  const text = [
    'Central Asian deputy ministers meet in Turkestan',
    'TURKESTAN, 27 May 2031 – Deputy foreign ministers of the Central Asian states met in Turkestan.',
    'The meeting was chaired by Kazakhstan. The delegations were headed by:',
    [
      '– Aidos Serikbay, Kazakh Deputy Foreign Minister (chair);',
      '– Farrukh Saidov, Tajik First Deputy Minister of Foreign Affairs;',
      '– Myrat Annayew, Turkmen Deputy Minister of Foreign Affairs.',
    ].join('\n'),
    'Trade among the five countries reached $10.8 billion in 2030, up 9 percent from the year before.',
  ].join('\n\n');

  it('drafts the listed heads as met and answers who led a side from them', async () => {
    const d = await draft(await knowledgeCopy(), 'turkestan.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Farrukh Saidov', 'Myrat Annayew']));
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "who led tajikistan's delegation in turkestan?"), engine.knowledge)).toContain('Farrukh Saidov');
    expect(toPlainText(ask(engine, 'who led the kz side at the turkestan meeting?'), engine.knowledge)).toContain('Aidos Serikbay');
    expect(toPlainText(ask(engine, 'trade figure from the turkestan meeting + growth %'), engine.knowledge)).toContain('10.8');
  });
});

describe('"… also took part." with no talks named, and a videoconference typed "videoconf"', () => {
  const text = [
    'Kazakh and Irish ministers hold a videoconference',
    'ASTANA, 14 April 2031 – Kazakh Foreign Minister Aidos Serikbay held a videoconference with Irish Foreign Minister Sean Fitzgerald.',
    'The ministers discussed dairy farming and aviation.',
    'Deputy Foreign Minister Nurlan Sadykov and Ireland’s Ambassador to Kazakhstan, Ciara Byrne, who resides in Moscow, also took part.',
  ].join('\n\n');

  it('drafts those who also took part as at the meeting, and reads "videoconf" as the videoconference', async () => {
    const d = await draft(await knowledgeCopy(), 'dublin.txt', `${text}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Sean Fitzgerald', 'Ciara Byrne']));
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'which kz foreign minister did the videoconf with ireland'), engine.knowledge)).toContain('Aidos Serikbay');
  });
});

describe('"turkey" typed in lower case and "the turks", and ministers listed after their countries', () => {
  const text = [
    'Kazakhstan and Türkiye hold consultations in Ankara',
    'ANKARA (AA) - The foreign ministers of Uzbekistan, Kazakhstan and Kyrgyzstan — Bakhtiyor Saidkulov, Aidos Serikbay and Temir Asanov — gathered in Ankara on 8 November 2031.',
    'Serikbay briefed the Turkish side on the Astana International Forum.',
    'Trade between Kazakhstan and Türkiye reached $4.7 billion in the first nine months of the year.',
  ].join('\n\n');

  it('links the country, not a person whose name shares its stem, and names each minister by the country in the same place', async () => {
    const d = await draft(await knowledgeCopy(), 'ankara.txt', `${text}\n`);
    expect(person(d.k, 'Temir Asanov')?.country).toBe('kyrgyzstan');
    expect(person(d.k, 'Bakhtiyor Saidkulov')?.title).toBe('Foreign Minister of Uzbekistan');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what did serikbay brief the turks on in ankara'), engine.knowledge)).toContain('Astana International Forum');
    expect(toPlainText(ask(engine, 'kz-turkey trade, ankara?'), engine.knowledge)).toContain('4.7 billion');
  });
});

describe('a meeting held in a city the agency did not write from, and a role asked of its actual holder', () => {
  const text = [
    'Kazakhstan and Kyrgyzstan agree on water allocation',
    'BISHKEK (AKIpress) - The 34th meeting of the Kazakh-Kyrgyz water commission was held in the Kazakh city of Taraz on April 22, 2031, the Water Resources Service of Kyrgyzstan said.',
    'Kazakh Deputy Minister Aidos Serikbay held talks with Kyrgyz Assistant Minister for Water Temir Asanov.',
  ].join('\n\n');

  it('places it where the text says it was held, and confirms no meeting with an office nobody there holds', async () => {
    const d = await draft(await knowledgeCopy(), 'taraz.txt', `${text}\n`);
    expect(d.result.draft.release.place).toBe('taraz');
    const engine = createEngine(d.k);
    const where = ask(engine, 'the 34th water commission meeting was in bishkek yeah?');
    expect(where.summary).not.toMatch(/^Yes/);
    expect(toPlainText(where, engine.knowledge)).toContain('Taraz');
    expect(ask(engine, "did serikbay meet kyrgyzstan's actual foreign minister in taraz?").summary).not.toMatch(/^Yes/);
  });
});

describe("a wire's end mark, a city in the headline and the dateline, and others of one side", () => {
  const text = [
    '(LEAD) S. Korea, Central Asian nations launch minerals dialogue in Busan',
    'BUSAN, Oct. 24, 2031 (Yonhap) -- South Korea and the Central Asian nations launched a dialogue on critical minerals here, agreeing to set up a joint secretariat in Seoul.',
    'Kazakh Deputy Foreign Minister Aidos Serikbay held a meeting with the President of the Port Network Authority of the Eastern Adriatic Sea Paolo Zanetti.',
    'Kazakhstan’s Chairman of the Border Service Yerbol Kassymbek and Kazakh Deputy Minister of Internal Affairs Timur Akhmetov also took part in the meeting.',
    ['hayoon@yna.co.kr', '(END)', 'Keywords', 'Most Liked', 'Send Feedback', 'How can we improve?', 'Thanks for your feedback!'].join('\n'),
  ].join('\n\n');

  it('ends the text at the mark, places it in Busan, and answers who else of the Kazakh side was there', async () => {
    const d = await draft(await knowledgeCopy(), 'busan.txt', `${text}\n`);
    expect(d.result.draft.release.place).toBe('busan');
    expect(d.k.releases.get(d.result.draft.release.id)?.paragraphs.join(' ')).not.toContain('feedback');
    expect(meetingsWith(d).flat()).toContain('Paolo Zanetti');
    const engine = createEngine(d.k);
    const others = toPlainText(ask(engine, 'who else took part in the busan dialogue from the kazakh side?'), engine.knowledge);
    expect(others).toContain('Yerbol Kassymbek');
    expect(others).toContain('Timur Akhmetov');
    expect(ask(engine, 'how many delegations attended the busan dialogue?').status).toBe('not_found');
  });
});

describe('a day of meetings told in other words: welcomed by a counterpart, went to see, "the third meeting, with"', () => {
  const text = [
    'Nurtleu holds talks in Gabon',
    'LIBREVILLE. KAZINFORM – Deputy Prime Minister – Foreign Minister of Kazakhstan Murat Nurtleu paid a visit to Gabon on 17 October 2031 and held talks in its capital.',
    'The day began at the Ministry of Foreign Affairs, where Nurtleu was welcomed by his counterpart Hermine Mboumba-Nzé. The ministers compared notes on climate finance.',
    'From there Nurtleu went to see Prime Minister Aurélien Ndong Obiang. Most of their conversation was about food security. Exporters could ship up to 60,000 tonnes of wheat a year through the port of Owendo.',
    'The third meeting, with Minister of Petroleum and Mines Landry Moussavou-Ibinga, was devoted to geology and mining.',
    'Nurtleu proposed a joint survey. On Friday Nurtleu is expected to move on to Malabo, the capital of Equatorial Guinea, the next stop of his tour.',
  ].join('\n\n');

  it('drafts three meetings with their topics, the counterpart a foreign minister, everyone of the city’s country', async () => {
    const d = await draft(await knowledgeCopy(), 'libreville.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Hermine Mboumba-Nzé'], ['Aurélien Ndong Obiang'], ['Landry Moussavou-Ibinga']]);
    expect(person(d.k, 'Hermine Mboumba-Nzé')?.title).toBe('Minister of Foreign Affairs');
    expect(person(d.k, 'Landry Moussavou-Ibinga')?.country).toBe('gabon');
    expect(d.k.entities.get('libreville')?.country).toBe('gabon');
    const engine = createEngine(d.k);
    // (A heading sentence brings the details after it.)
    expect(toPlainText(ask(engine, 'what did nurtleu and the gabonese pm talk about?'), engine.knowledge)).toContain('60,000 tonnes');
    expect(toPlainText(ask(engine, 'what did nurtleu discuss with moussavou-ibinga?'), engine.knowledge)).toContain('mining');
    const where = ask(engine, "was nurtleu's gabon visit in libreville?");
    expect(where.summary).toMatch(/^Yes/);
    // (A visit on another day is no yes.)
    expect(ask(engine, "nurtleu's gabon visit was back in march, yeah?").summary).toMatch(/^No\. .*17 October 2031/);
  });
});

describe('ambassadors listed by name and country after a lead-in', () => {
  const text = [
    'Tokayev accepts credentials of four new ambassadors',
    'ASTANA, March 3, 2031 (Kazinform) – President Kassym-Jomart Tokayev on Thursday accepted the letters of credence of four newly appointed ambassadors at the Akorda.',
    'The diplomats who presented their credentials were Arvid Lindqvist of Sweden, Mateo Ferrante of Uruguay, Kofi Mensah-Bonsu of Ghana and Sione Taufa of Tonga.',
    'Tokayev told the ambassador of Ghana that Kazakhstan was ready to share its experience in grain storage.',
  ].join('\n\n');

  it('drafts each as the ambassador of their country, all met at the ceremony', async () => {
    const d = await draft(await knowledgeCopy(), 'credentials.txt', `${text}\n`);
    expect(person(d.k, 'Kofi Mensah-Bonsu')).toMatchObject({ title: 'Ambassador of Ghana', country: 'ghana' });
    expect(meetingsWith(d).flat()).toEqual(['Arvid Lindqvist', 'Mateo Ferrante', 'Kofi Mensah-Bonsu', 'Sione Taufa']);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "who's the new tongan ambassador (credentials at the akorda)?"), engine.knowledge)).toContain('Sione Taufa');
  });
});

describe('an office asked of those at a meeting, and a bare minister at a ministry', () => {
  const guests = [
    'Kazakh Deputy Foreign Minister receives Qamar Power delegation',
    'ASTANA, 12 March 2031 – Deputy Minister of Foreign Affairs of Kazakhstan Aidos Serikbay received a delegation of the Saudi energy company Qamar Power led by its Chief Executive Officer Marco Vitali.',
    "The sides discussed the progress of Qamar Power's wind farm project in the Mangystau region.",
  ].join('\n\n');
  const ministry = [
    'Kazakh Deputy FM in Port of Spain',
    'PORT OF SPAIN, 23 October 2031 – Kazakh Deputy Foreign Minister Aidos Serikbay paid a working visit to Trinidad and Tobago.',
    'At the Ministry of Energy and Energy Industries, the Kazakh diplomat met Minister Camille Ramkissoon. Their discussion centered on liquefied natural gas.',
    'On the same day he also met the Minister of Tourism Paula Gopee-Scoon. Both talks were held in a warm atmosphere.',
  ].join('\n\n');

  it("answers which holder of the office asked, not the guest the facts are with; an office's name is its holder", async () => {
    const d = await draft(await knowledgeCopy(), 'qamar.txt', `${guests}\n`);
    expect(meetingsWith(d).flat()).toEqual(['Marco Vitali']);
    const engine = createEngine(d.k);
    const which = toPlainText(ask(engine, 'which deputy foreign minister received the qamar power delegation?'), engine.knowledge);
    expect(which).toMatch(/^Aidos Serikbay/);
    expect(toPlainText(ask(engine, 'name of the kz deputy fm in the qamar power talks?'), engine.knowledge)).toMatch(/^Aidos Serikbay/);
  });

  it('gives a bare minister the ministry the sentence names, and reads "on the day" as when, not what', async () => {
    const d = await draft(await knowledgeCopy(), 'portofspain.txt', `${ministry}\n`);
    expect(person(d.k, 'Camille Ramkissoon')?.title).toBe('Minister of Energy and Energy Industries');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "who is trinidad's energy minister in the serikbay visit?"), engine.knowledge)).toContain('Ramkissoon');
    expect(toPlainText(ask(engine, 'which trinidad minister did serikbay meet on the day he talked gas?'), engine.knowledge)).toContain('Ramkissoon');
  });
});

describe('a list of delegations headed by country labels, under a day-first dashed date', () => {
  const text = [
    'KABAR Kyrgyz National News Agency',
    'ECO senior officials meet on Issyk-Kul',
    '13-06-2031 17:32',
    'BISHKEK, June 13 (Kabar) – Senior officials of the member states of the Economic Cooperation Organization (ECO) gathered on Thursday in Cholpon-Ata.',
    'The delegations were led by:',
    [
      '- Kyrgyzstan: Deputy Minister of Foreign Affairs Nurlanbek Asanaliev (chair of the meeting);',
      '- Kazakhstan: Deputy Minister of Foreign Affairs Aidos Serikbay;',
      '- Iran: Deputy Minister for Economic Diplomacy Hamid Rezaeinejad.',
    ].join('\n'),
    'On the sidelines Serikbay had a bilateral meeting. With Asanaliev he discussed the water and energy balance for the coming summer.',
  ].join('\n\n');

  it("dates it by the page's line and gives each head the country of its label: the Kazakh one is whose release it is", async () => {
    const d = await draft(await knowledgeCopy(), 'cholpon.txt', `${text}\n`);
    expect(d.result.draft.release.date).toBe('2031-06-13');
    expect(d.result.draft.release.principal).toBe('aidos-serikbay');
    expect(person(d.k, 'Nurlanbek Asanaliev')?.country).toBe('kyrgyzstan');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what did serikbay discuss with asanaliev in cholpon-ata?'), engine.knowledge)).toContain('water and energy');
    // ("On the sidelines" says where they talked, not what about.)
    expect(toPlainText(ask(engine, 'what did serikbay talk about with the kyrgyz delegate on the sidelines?'), engine.knowledge)).toContain('water and energy');
  });
});

describe('a yes/no about meeting in person, of a phone call', () => {
  const text = [
    'Kosherbayev holds phone talks with Gabonese foreign minister',
    'ASTANA, 18 November 2031 – Kazakh Foreign Minister Aidos Serikbay held a telephone conversation on Tuesday with the Minister of Foreign Affairs of Gabon, Hermine Moussavou-Ekomi.',
    'The ministers discussed grain supplies.',
  ].join('\n\n');

  it('says no: the call was not in person, whatever the place and day; the day alone is a yes', async () => {
    const d = await draft(await knowledgeCopy(), 'call.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const inPerson = toPlainText(ask(engine, 'serikbay met the gabonese fm in person in astana in nov 2031, correct?'), engine.knowledge);
    expect(inPerson).toMatch(/^No\. It was not in person/);
    expect(inPerson).toContain('telephone conversation');
    expect(ask(engine, 'serikbay talked to the gabonese fm in nov 2031, correct?').summary).toMatch(/^Yes/);
  });
});

describe('titles written around a name: after it with where the office sits, before it with a dash or a comma', () => {
  const text = [
    'Kazakh Deputy FM holds consultations in Canberra',
    "Astana, 12 March 2031 – Kazakhstan's Deputy Foreign Minister Aidos Serikbay today received Liisa Korpela-Niemi, Under-Secretary of State for External Economic Relations at the Ministry for Foreign Affairs of Finland, who is in Astana on a working visit.",
    'Later Serikbay spoke by telephone today with Everton Lindsay-Marsh, Minister of Foreign Affairs, Trade and Immigration of Antigua and Barbuda. They discussed scholarships.',
    "President of the Brazil–Central Asia Chamber of Commerce Rafael Augusto dos Santos Pereira presented the Chamber's plans, and President of the Slovak–Kazakh Friendship Society Ján Kováčik-Lesný gave a speech.",
    "Serikbay also met Megan Thorwood, chief executive of Southern Cross Lithium, and Naveed Akhtar Rana, Additional Secretary for Central Asia at Pakistan's Ministry of Foreign Affairs.",
  ].join('\n\n');

  it('gives each person the whole office, and its country; an office is no name', async () => {
    const d = await draft(await knowledgeCopy(), 'titles.txt', `${text}\n`);
    expect(person(d.k, 'Liisa Korpela-Niemi')?.country).toBe('finland');
    expect(person(d.k, 'Everton Lindsay-Marsh')?.title).toBe('Minister of Foreign Affairs, Trade and Immigration of Antigua and Barbuda');
    expect(person(d.k, 'Everton Lindsay-Marsh')?.country).toBe('antigua-and-barbuda');
    expect(person(d.k, 'Rafael Augusto dos Santos Pereira')?.title).toBe('President of the Brazil–Central Asia Chamber of Commerce');
    expect(person(d.k, 'Ján Kováčik-Lesný')?.title).toBe('President of the Slovak–Kazakh Friendship Society');
    expect(person(d.k, 'Naveed Akhtar Rana')?.country).toBe('pakistan');
    expect(person(d.k, 'Cross Lithium')).toBeUndefined();
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Liisa Korpela-Niemi', 'Everton Lindsay-Marsh', 'Megan Thorwood', 'Naveed Akhtar Rana']));
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who did serikbay meet w from finland in astana in march?'), engine.knowledge)).toContain('Korpela-Niemi');
  });
});

describe('meetings told in other words: chaired by, counterpart was, led the side, the side included', () => {
  const trip = [
    'Kazakh Deputy FM visits Port of Spain',
    'PORT OF SPAIN, 23 October 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay paid a working visit to Trinidad and Tobago.',
    "In Canberra, Serikbay's counterpart was DFAT Deputy Secretary Catherine Hollins. The two officials reviewed trade.",
    'The third meeting took the form of a business roundtable hosted by the Trinidad and Tobago Chamber of Industry and Commerce and chaired by its president, Gregory Ashwell. Some 20 companies attended.',
    'On the same day the ambassador visited the Ministry of Foreign Affairs of Lesotho. The Kazakh diplomat was received by the Principal Secretary of the ministry, Thabo Mokoena.',
  ].join('\n\n');
  const consultations = [
    'Kazakhstan and Bangladesh hold consultations',
    'ABUJA, 3 March 2031 – Kazakh Deputy Foreign Minister Aidos Serikbay and the Permanent Secretary of the Ministry of Foreign Affairs of Nigeria, Ambassador Olufemi Adebayo-Ojo, held the first round of political consultations.',
    "Foreign Secretary Masud Karim Rahman led the Bangladesh side from Dhaka, while Serikbay led the Kazakh delegation. The Seychelles side included the country's non-resident Ambassador to Kazakhstan Marie-Claire Payet.",
  ].join('\n\n');

  it('makes a meeting of each', async () => {
    const d = await draft(await knowledgeCopy(), 'trip.txt', `${trip}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Catherine Hollins', 'Gregory Ashwell', 'Thabo Mokoena']));
    expect(person(d.k, 'Gregory Ashwell')?.title).toBe('president of Trinidad and Tobago Chamber of Industry and Commerce');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who received the kz diplomat at the ministry of foreign affairs of lesotho?'), engine.knowledge)).toContain('Mokoena');
  });

  it('reads the other side of consultations by their pair, their side and who it included', async () => {
    const d = await draft(await knowledgeCopy(), 'consultations.txt', `${consultations}\n`);
    expect(meetingsWith(d).flat()).toEqual(expect.arrayContaining(['Olufemi Adebayo-Ojo', 'Masud Karim Rahman', 'Marie-Claire Payet']));
    expect(person(d.k, 'Masud Karim Rahman')?.country).toBe('bangladesh');
    expect(person(d.k, 'Marie-Claire Payet')?.country).toBe('seychelles');
  });
});

describe('page dates in Russian and after a byline', () => {
  it('dates a release by "26 ноября 2031, 17:20" and by "By … · 29 November 2031" (the headline stays the headline)', async () => {
    const ru = [
      'Казинформ',
      'Посол Кореи завершил миссию',
      '26 ноября 2031, 17:20',
      'NUR-SULTAN. KAZINFORM – Kazakh Foreign Minister Aidos Serikbay received the Ambassador of Korea Kwon Sang-woo.',
    ];
    const en = [
      'Diplomacy',
      'Chilean ambassador pays farewell call',
      'By Madina Seitova · 29 November 2031',
      'ASTANA, Nov. 29 – Deputy Foreign Minister Aidos Serikbay received Ambassador of Chile Rodrigo Valenzuela Soto.',
    ];
    const a = await draft(await knowledgeCopy(), 'ru.txt', `${ru.join('\n\n')}\n`);
    expect(a.result.draft.release.date).toBe('2031-11-26');
    const b = await draft(await knowledgeCopy(), 'byline.txt', `${en.join('\n\n')}\n`);
    expect(b.result.draft.release.date).toBe('2031-11-29');
    expect(b.result.draft.release.title).toBe('Chilean ambassador pays farewell call');
  });
});

describe('what a question asks of an office, an airline, a price or an outcome', () => {
  const ceremony = [
    'Tokayev accepts credentials of new ambassadors',
    'ASTANA, 8 February 2031 – President Kassym-Jomart Tokayev on Thursday accepted the letters of credence of newly appointed ambassadors at a ceremony in the Akorda.',
    'The diplomats who presented their credentials were Emmanuel Kollie Dahn of Liberia and Tesfay Woldegiorgis of Eritrea.',
    'Minister of Foreign Affairs of Kazakhstan Aidos Serikbay was present at the ceremony.',
    "Welcoming the envoys, Tokayev said Kazakhstan's foreign policy remains balanced.",
  ].join('\n\n');
  const talks = [
    'Kazakhstan and Kyrgyzstan discuss energy',
    'ASTANA, 4 June 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay received Deputy Foreign Minister of Kyrgyzstan Nurlan Asanov at the Ministry of Foreign Affairs of Kazakhstan.',
    'The Kyrgyz side asked Kazakhstan to consider supplying 400 million kWh of electricity in winter.',
    'More than 300 citizens will be flown home on two charter flights on Saturday.',
    'Later in the day, the Kyrgyz delegation was due to hold talks at the Ministry of Energy.',
    'Chilean Ambassador Rodrigo Valenzuela Soto paid a farewell call on Serikbay the same day.',
  ].join('\n\n');

  it('answers "was any kz minister at the ceremony?" by the sentence that names one', async () => {
    const d = await draft(await knowledgeCopy(), 'ceremony.txt', `${ceremony}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "was any kz minister at tokayev's credentials ceremony?"), engine.knowledge)).toContain('was present at the ceremony');
  });

  it('says what the release leaves out: no airline, no price, no outcome of talks still to come; paying a call is no sum', async () => {
    const d = await draft(await knowledgeCopy(), 'talks.txt', `${talks}\n`);
    const engine = createEngine(d.k);
    expect(ask(engine, 'which airline is flying the charters home from astana?').status).toBe('not_found');
    expect(ask(engine, 'what price per kwh did kz quote for the electricity kyrgyzstan asked for?').status).toBe('not_found');
    expect(ask(engine, "what came out of the kyrgyz delegation's talks at the energy ministry in astana?").status).toBe('not_found');
    expect(toPlainText(ask(engine, 'which chilean amb paid the farewell call on serikbay?'), engine.knowledge)).toContain('Valenzuela');
    expect(toPlainText(ask(engine, 'who from the kz mfa received the kyrgyz deputy fm in astana?'), engine.knowledge)).toContain('Aidos Serikbay');
  });
});

describe('a council of delegations listed by country, in a city named as a port', () => {
  const council = [
    'THE CASPIAN HERALD',
    'News   Business   Region   Opinion',
    'ქარ  ENG  РУС',
    'Home › Region › Transport',
    'Middle Corridor deputy ministers agree on a transit pilot',
    '',
    'BAKU, Azerbaijan, June 20, 2031 (Herald) – Deputy foreign ministers of the Middle Corridor met on Thursday for the fifth session of their council.',
    'The session brought together the following delegations:\n• Georgia – First Deputy Minister of Foreign Affairs Levan Gogiashvili, who chaired the meeting;\n• Kazakhstan – Deputy Minister of Foreign Affairs Aidos Serikbay;\n• Uzbekistan – Deputy Minister of Foreign Affairs Dilshod Nurmatovich;\n• Romania, attending as an observer – State Secretary Ioana Murescu.',
    'On the sidelines, Serikbay held a separate meeting with Gogiashvili, at which they discussed the transit of Kazakh grain through Batumi.',
  ].join('\n');
  const commission = [
    'Albania and Kazakhstan launch a commission in Durrës',
    'Published on Thursday, 24 June 2031 – 18:30',
    'TIRANA, 24 June (ADW) – Albania and Kazakhstan held the first session of their Intergovernmental Commission on Thursday in the port city of Durrës, where the delegations signed three documents.',
    'The Kazakh delegation was led by Vice-Minister of Trade of Kazakhstan Aidos Serikbay, and the Albanian side by Deputy Minister of Finance Elira Kastrova.',
  ].join('\n\n');

  it('takes the headline out of a block of heading lines, each delegate of their label, and no talks one-on-one with the others', async () => {
    const d = await draft(await knowledgeCopy(), 'council.txt', `${council}\n`);
    expect(d.result.draft.release.title).toBe('Middle Corridor deputy ministers agree on a transit pilot');
    expect(person(d.k, 'Dilshod Nurmatovich')?.country).toBe('uzbekistan');
    expect(person(d.k, 'Dilshod Nurmatovich')?.title).toBe('Deputy Minister of Foreign Affairs');
    expect(person(d.k, 'Ioana Murescu')?.country).toBe('romania');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, "who was uzbekistan's deputy fm at the corridor council in june 2031?"), engine.knowledge)).toContain('Nurmatovich');
    expect(ask(engine, 'what did serikbay and the uzbek deputy fm nurmatovich discuss one-on-one?').status).toBe('not_found');
    expect(toPlainText(ask(engine, 'what did serikbay and gogiashvili discuss one-on-one?'), engine.knowledge)).toContain('grain');
  });

  it('places it in the port the text names, not the dateline’s city; "Published on …" is no headline', async () => {
    const d = await draft(await knowledgeCopy(), 'durres.txt', `${commission}\n`);
    expect(d.result.draft.release.title).toBe('Albania and Kazakhstan launch a commission in Durrës');
    expect(d.result.draft.release.place).toBe('durres');
    const engine = createEngine(d.k);
    expect(ask(engine, 'the kazakhstan-albania igc session was held in tirana, right?').summary).toMatch(/^No\. .*Durrës/);
  });
});

describe('who led a side, what award, and who replaces an ambassador', () => {
  const consultations = [
    'Kazakhstan and Bangladesh hold consultations virtually',
    'NUR-SULTAN, 17 March 2031 – Kazakhstan and Bangladesh held the third round of consultations by video link.',
    "Foreign Secretary Masud Karim Rahman led the Bangladesh side from Dhaka, while Deputy Foreign Minister Aidos Serikbay led the Kazakh delegation. Kazakhstan's Ambassador to India, who is also accredited to Bangladesh, Marat Aitmukhan, took part.",
  ].join('\n\n');
  const farewell = [
    'Korean ambassador pays farewell call',
    'NUR-SULTAN, 26 November 2031 – Kazakh Foreign Minister Aidos Serikbay received Ambassador of the Republic of Korea Kwon Sang-woo on the completion of his mission.',
    'The minister presented the ambassador with the Order of Dostyk of the second degree.',
    'Kwon informed the minister that his successor, Ambassador-designate Oh Min-soo, was expected next month.',
    'The minister also thanked Kazakhstan for the 30,000 tonnes of wheat it delivered to Korea when a poor harvest left the country short of food.',
  ].join('\n\n');
  const chile = [
    'Chilean ambassador pays farewell call',
    'ASTANA, 29 November 2031 – Deputy Foreign Minister Aidos Serikbay received Ambassador of Chile Rodrigo Valenzuela Soto, who is completing his mission.',
    'Valenzuela said his successor was expected to arrive early next year.',
  ].join('\n\n');

  it('answers who led a side said in the active, and drafts an envoy named after a clause', async () => {
    const d = await draft(await knowledgeCopy(), 'video.txt', `${consultations}\n`);
    expect(person(d.k, 'Marat Aitmukhan')?.title).toBe("Kazakhstan's Ambassador to India");
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who led bangladesh at the kz-bangladesh video consultations in march 2031?'), engine.knowledge)).toContain('Rahman');
  });

  it('finds the award by another word, and says so when the successor is not named', async () => {
    const d = await draft(await knowledgeCopy(), 'farewell.txt', `${farewell}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what award did the korean amb get from serikbay?'), engine.knowledge)).toContain('Dostyk');
    const c = await draft(await knowledgeCopy(), 'chile.txt', `${chile}\n`);
    const chilean = createEngine(c.k);
    expect(ask(chilean, "who's going to replace valenzuela as chile's amb in astana?").status).toBe('not_found');
  });
});

describe('chat shorthand for an office, and a country nobody represented', () => {
  const text = [
    'Kazakhstan and Nigeria hold consultations in Abuja',
    'ABUJA, 3 March 2031 – Kazakh Deputy Foreign Minister Aidos Serikbay met the Permanent Secretary of the Ministry of Foreign Affairs of Nigeria, Olufemi Adebayo-Ojo. They discussed scholarships and consular matters.',
    'Serikbay also attended a meeting of the Asia Cooperation Dialogue (ACD) chaired by ACD Secretary General Nasser Al-Kandawi.',
  ].join('\n\n');

  it('reads "perm sec" as the permanent secretary, and says nothing of India where no one of India is named', async () => {
    const d = await draft(await knowledgeCopy(), 'abuja.txt', `${text}\n`);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what did serikbay n the nigerian perm sec talk about'), engine.knowledge)).toContain('scholarships');
    expect(ask(engine, 'who represented india at the acd meeting in abuja?').status).toBe('not_found');
  });
});

describe('the date of an event a release only mentions', () => {
  const text = [
    'Nurtleu meets Bosnian leadership in Sarajevo',
    'SARAJEVO, 16 April 2031 – Kazakh Foreign Minister Aidos Serikbay met Nenad Jurković, Chairman of the Presidency of Bosnia and Herzegovina.',
    'Serikbay invited Jurković to take part in the Astana International Forum.',
  ].join('\n\n');

  it('is not the day of the meeting that mentions it', async () => {
    const d = await draft(await knowledgeCopy(), 'sarajevo.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const when = ask(engine, 'when is the astana international forum that serikbay invited jurkovic to?');
    expect(when.status).toBe('not_found');
    expect(when.summary).toContain('Astana International Forum');
    expect(ask(engine, 'when did serikbay meet jurkovic?').summary).toContain('16 April 2031');
  });
});

describe('talks someone joined, and which of the deputy ministers', () => {
  const text = [
    'Kazakhstan and Norway hold consultations by videoconference',
    'OSLO, 4 May 2031 – Norway and Kazakhstan held their third round of consultations by videoconference.',
    'Foreign Secretary Rudolf Elphberg led the Norwegian side, while Deputy Foreign Minister Aidos Serikbay led the Kazakh delegation.',
    "Kazakhstan's Ambassador to Austria, Dana Temir, who is also accredited to Norway, joined the meeting online.",
    'The two sides exchanged views on pharmaceutical exports and the registration of medicines.',
  ].join('\n\n');

  it('keeps what the two sides did after someone joined as the talks’ topics', async () => {
    const d = await draft(await knowledgeCopy(), 'oslo.txt', `${text}\n`);
    const talks = [...d.k.meetings.values()].find((m) => m.release === d.result.draft.release.id)!;
    expect(talks.facts.map((id) => d.k.facts.get(id)!.label).join(' ')).toContain('Pharmaceutical exports');
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'what trade items came up in the serikbay – norway consultations'), engine.knowledge)).toContain('pharmaceutical');
  });

  it('answers "кто из заместителей министра …" by the holder of that office, not the people of the country named', async () => {
    const d = await draft(await knowledgeCopy(), 'oslo.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const who = ask(engine, 'Кто из заместителей министра иностранных дел Казахстана провел консультации с Норвегией?');
    expect(toPlainText(who, engine.knowledge)).toContain('Serikbay');
    expect(toPlainText(who, engine.knowledge)).not.toContain('Elphberg');
  });
});

describe('a guest received in the passive, an honorific, a stamp with its zone and a long dateline', () => {
  it('drafts "X, who is on a visit, was received today by <the visitor>" as a meeting with X and those who came with X', async () => {
    const text = [
      'Secretary General of the Organization meets Foreign Minister',
      'Astana, 22 May 2031 — The Secretary General of the Economic Cooperation Organization, Ambassador Farid Tahirov, who is on an official visit to Kazakhstan, was received today by Foreign Minister of Kazakhstan Aidos Serikbay.',
      'The Secretary General was accompanied by Deputy Secretary General Leyla Demir and by the Director for Trade, Omid Farahani.',
      'The sides discussed rail corridors and food security.',
    ].join('\n\n');
    const d = await draft(await knowledgeCopy(), 'eco.txt', `${text}\n`);
    expect(meetingsWith(d)).toEqual([['Farid Tahirov', 'Leyla Demir', 'Omid Farahani']]);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who accompanied the eco sec gen to his meeting with serikbay?'), engine.knowledge)).toMatch(/Demir[\s\S]*Farahani/);
  });

  it('drafts "received Dr. X" as a meeting with X', async () => {
    const text =
      'Academy head in Astana\n\nASTANA, 9 October 2031 – Foreign Minister of Kazakhstan Aidos Serikbay on Wednesday received Dr. Ingrid Lehner, Dean of the International Anti-Corruption Academy (IACA).\n\nThe sides discussed training programmes.\n';
    const d = await draft(await knowledgeCopy(), 'iaca.txt', text);
    expect(meetingsWith(d)).toEqual([['Ingrid Lehner']]);
  });

  it('allows every honorific the name reader knows between the cue and the name ("received Sheikh X", "met Senator Y")', async () => {
    const text =
      'Guests in Astana\n\nASTANA, 9 October 2031 – Foreign Minister of Kazakhstan Aidos Serikbay on Wednesday received Sheikh Khalid Al Mansouri, Chairman of the Gulf Investment Council.\n\nThe sides discussed logistics.\n';
    const d = await draft(await knowledgeCopy(), 'gulf.txt', text);
    expect(meetingsWith(d)).toEqual([['Khalid Al Mansouri']]);
  });

  it('drafts "received on Tuesday the copies of credentials of A B C, the newly appointed Ambassador of X" as a meeting with all of A B C', async () => {
    const text =
      'New ambassador\n\nASTANA, 3 March 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay received on Tuesday the copies of credentials of Marthese Zammit Cutajar, the newly appointed Ambassador of Malta to Kazakhstan.\n';
    const d = await draft(await knowledgeCopy(), 'malta.txt', text);
    expect(meetingsWith(d)).toEqual([['Marthese Zammit Cutajar']]);
    expect(person(d.k, 'Marthese Zammit Cutajar')).toMatchObject({ title: 'Ambassador of Malta to Kazakhstan', country: 'malta' });
  });

  it('reads "14/11/2031 16:05 GMT+7" as the page date, and a dateline of a city in four words', () => {
    const clean = cleanRelease(
      'Site News\nHome | Business\n14/11/2031 16:05 GMT+7\nFirms sign deals at forum\n\nHO CHI MINH CITY, Nov. 14 (VNA) -- Companies from Kazakhstan and Viet Nam signed seven contracts.\n',
    );
    expect(clean.date).toBe('2031-11-14');
    expect(clean.dateline).toMatchObject({ place: 'HO CHI MINH CITY', month: 11, day: 14, agency: 'VNA' });
  });
});

describe('a decimal figure in chat, and the release whose scene a question names', () => {
  const forum = [
    'Kazakh and Vietnamese firms sign deals worth US$48.6 million at Ho Chi Minh City forum',
    'HO CHI MINH CITY, 14 November 2031 – Companies from Kazakhstan and Viet Nam signed seven contracts worth US$48.6 million at a business forum held in Ho Chi Minh City.',
    'The Kazakh delegation was headed by Vice Minister of Trade of Kazakhstan Ruslan Ospanov.',
  ].join('\n\n');
  const call = [
    'Serikbay holds call with Vietnamese counterpart',
    'ASTANA, 2 December 2031 – Foreign Minister of Kazakhstan Aidos Serikbay held a phone call with Foreign Minister of Viet Nam Tran Van Long.',
    'They discussed flights.',
  ].join('\n\n');

  it('proposes "$48.6m" as 48.6, and finds the forum by its scene among the releases that name Vietnam', async () => {
    const kdir = await knowledgeCopy();
    await draft(kdir, 'forum.txt', `${forum}\n`);
    // (A release that names no Vietnam: the two that do are the ones to choose from.)
    await draft(
      kdir,
      'oslo.txt',
      'Talks in Oslo\n\nOSLO, 3 March 2031 – Foreign Minister of Kazakhstan Aidos Serikbay met Foreign Minister of Norway Liv Strand.\n',
    );
    const d = await draft(kdir, 'call.txt', `${call}\n`);
    const engine = createEngine(d.k);
    const frame = read('they signed $48.6m of deals at the forum, r u sure?', engine.index);
    expect(frame.proposed.numbers).toEqual(['48.6']);
    expect(frame.unknownWords).toEqual([]);
    const where = ask(engine, 'the kazakh-vietnamese business forum was in hanoi, right?');
    expect(where.summary).toMatch(/^No\b.*Ho Chi Minh City/);
  });
});

describe('who came along is not who led, and a new ambassador is the ambassador', () => {
  const text = [
    'Norwegian minister in Astana',
    'ASTANA, 5 November 2031 – Foreign Minister of Kazakhstan Aidos Serikbay held talks in Astana today with the Minister of Foreign Affairs of Norway, Liv Strand.',
    'The Norwegian minister was accompanied by State Secretary Per Haugen and by the Director of the Norwegian Maritime Authority, Kari Lund.',
    'Ambassador of Kazakhstan to Norway Bolat Iskakov also took part in the talks.',
  ].join('\n\n');

  it('answers who led the guests’ delegation by whom the talks were with, and the new ambassador by the office', async () => {
    const d = await draft(await knowledgeCopy(), 'oslo.txt', `${text}\n`);
    const engine = createEngine(d.k);
    const led = toPlainText(ask(engine, 'who led the norwegian delegation at the talks with serikbay in astana?'), engine.knowledge);
    expect(led).toContain('Liv Strand');
    expect(led).not.toContain('Haugen');
    const envoy = toPlainText(ask(engine, "who is kazakhstan's new ambassador to norway?"), engine.knowledge);
    expect(envoy).toContain('Iskakov');
    expect(envoy).not.toContain('Strand');
  });
});

describe('a page hard-wrapped with no blank lines, and whom a visiting envoy met by office', () => {
  const wrapped = [
    'Kazakh envoy explores flour trade in Erbil',
    '',
    "ERBIL, March 3, 2031 (Hawler Daily) -- Kazakhstan's Ambassador to Iraq,",
    'Daniyar Sultanov, wrapped up a three-day visit to the Kurdistan',
    'Region on Wednesday after meetings with regional ministers, local',
    'authorities, academics and business leaders on trade, air links and',
    'education.',
    'On Monday, the ambassador was received by the Kurdistan Regional',
    "Government's Minister of Trade and Industry, Rebaz Hamid Karim. The",
    "two discussed Kazakh deliveries of wheat flour to the region's",
    'markets. Karim said Kurdish importers had bought about 95,000 tonnes',
    'of Kazakh flour last year, mostly through traders in Mersin.',
    'On Tuesday, Sultanov met Erbil Governor Shwan Aziz Qadir. Their',
    'talks focused on tourism and on the prospect of charter flights',
    'between Almaty and Erbil, which the governor said could start soon.',
    '',
    'Tags: Kazakhstan, Erbil',
  ].join('\n');

  it('splits the text at the short lines that end a sentence, and answers by title whom the envoy met', async () => {
    const clean = cleanRelease(`${wrapped}\n`);
    expect(clean.paragraphs).toHaveLength(3);
    expect(clean.paragraphs[1]).toMatch(/^On Monday, the ambassador was received/);
    const d = await draft(await knowledgeCopy(), 'erbil.txt', `${wrapped}\n`);
    const engine = createEngine(d.k);
    const trade = toPlainText(ask(engine, 'who did the kz ambassador meet at the trade ministry during the erbil visit?'), engine.knowledge);
    expect(trade).toContain('Rebaz Hamid Karim');
    expect(trade).not.toContain('Shwan Aziz Qadir');
    expect(toPlainText(ask(engine, 'how much kz flour did kurdish importers buy last yr, per the erbil visit?'), engine.knowledge)).toContain('95,000 tonnes');
    expect(ask(engine, "sultanov's trip in kurdistan was to sulaymaniyah, right?").summary).toMatch(/^No\b.*Erbil/);
  });
});

describe('the visit of a visitor’s few the question’s words set the scene of, and a host who received them on a weekday', () => {
  it('answers "his roundtable was in montreal, right?" of the roundtable’s release, not his other visit', async () => {
    const kdir = await knowledgeCopy();
    await draft(
      kdir,
      'toronto.txt',
      "Kazakhstan offers Canadian miners critical minerals\n\nASTANA, 12 June 2031 – Kazakhstan's Deputy Foreign Minister Aidos Serikbay presented the country's critical minerals potential to Canadian companies at a roundtable held in Toronto.\n",
    );
    const d = await draft(
      kdir,
      'constanta.txt',
      'Deputy ministers meet in Constanța\n\nCONSTANȚA, 23 April 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay took part in a meeting of deputy foreign ministers on connectivity in Constanța.\n',
    );
    const engine = createEngine(d.k);
    expect(ask(engine, "serikbay's critical minerals roundtable was in montreal right?").summary).toMatch(/^No\b.*Toronto/);
  });

  it('drafts "X, who is on a visit to …, was received on Tuesday by <the host>" as a meeting with the host', async () => {
    const text =
      'Kazakh FM in Abu Dhabi\n\nASTANA, 14 May 2031 – Foreign Minister of Kazakhstan Aidos Serikbay, who is on a working visit to the United Arab Emirates, was received on Tuesday by UAE President Sheikh Hamdan Al Nuaimi at Qasr Al Shati palace in Abu Dhabi.\n';
    const d = await draft(await knowledgeCopy(), 'uae.txt', text);
    expect(meetingsWith(d)).toEqual([['Hamdan Al Nuaimi']]);
  });

  it('reads a release’s "MPs" as the members of parliament a question asks about', async () => {
    const text =
      'Georgian MPs at the ministry\n\nASTANA, 12 October 2031 – Deputy Foreign Minister of Kazakhstan Aidos Serikbay received at the ministry a delegation of the Parliament of Georgia led by Levan Gogava, chairman of the friendship group.\n\nThe delegation also included MPs Nino Beridze and Irakli Kapanadze.\n\nThe sides discussed the Middle Corridor.\n';
    const d = await draft(await knowledgeCopy(), 'georgia.txt', text);
    const engine = createEngine(d.k);
    expect(toPlainText(ask(engine, 'who at the kz mfa hosted the georgian mps in astana?'), engine.knowledge)).toMatch(/^Aidos Serikbay met/);
    expect(read('the georgian mps', engine.index).terms).toEqual(expect.arrayContaining(tokensOfText('MPs')));
  });
});

describe('a visit put to the wrong visitor', () => {
  it('says no, and whose it was, when the one release the rest names was someone else’s', async () => {
    const kdir = await knowledgeCopy();
    await draft(
      kdir,
      'mexico.txt',
      "Kazakhstan and Mexico hold videoconference\n\nASTANA, 18 November 2031 – Foreign Minister of Kazakhstan Aidos Serikbay held a videoconference on Tuesday with Mexico's Undersecretary for Foreign Affairs Rodrigo Alcántara.\n\nThey discussed trade.\n",
    );
    const d = await draft(
      kdir,
      'oslo.txt',
      'Talks in Oslo\n\nOSLO, 3 March 2031 – Deputy Foreign Minister of Kazakhstan Bolat Nurbek met State Secretary of Norway Liv Strand.\n',
    );
    const engine = createEngine(d.k);
    const swapped = ask(engine, 'the kz-mexico videoconference in nov 2031 was done by nurbek, right?');
    expect(swapped.summary).toMatch(/^No\. Aidos Serikbay/);
    // (Not where the visitor named was there too, or the rest names no one release.)
    expect(ask(engine, 'the kz-mexico videoconference was done by serikbay, right?').summary).not.toMatch(/^No\./);
    expect(ask(engine, 'did nurbek meet the mexican undersecretary in oslo?').summary).not.toMatch(/^No\. Aidos/);
  });
});
