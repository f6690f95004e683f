import { WORLD, WORLD_VERSION, type WorldName } from '../../src/core/lexicon/world';

/** Lower-case, strip diacritics (NFD + drop combining marks), unify apostrophes. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/** Every surface form of an entry, from all fields. */
function allForms(e: WorldName): string[] {
  return [...e.names, ...(e.demonyms ?? []), ...(e.ru ?? []), ...(e.caseSensitive ?? [])];
}

/** Case-insensitive forms only (caseSensitive excluded). */
function insensitiveForms(e: WorldName): string[] {
  return [...e.names, ...(e.demonyms ?? []), ...(e.ru ?? [])];
}

/**
 * Genuine ambiguities: forms that really do name two different entries. Everything else must
 * resolve to exactly one entry.
 */
const KNOWN_AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  // The two Congos share the short name and the demonym.
  ['Congo', ['Republic of the Congo', 'Democratic Republic of the Congo']],
  ['Congolese', ['Republic of the Congo', 'Democratic Republic of the Congo']],
  ['Конго', ['Republic of the Congo', 'Democratic Republic of the Congo']],
  ['конголезский', ['Republic of the Congo', 'Democratic Republic of the Congo']],
  // "Korea"/"Korean" without North/South.
  ['Korea', ['North Korea', 'South Korea']],
  ['Korean', ['North Korea', 'South Korea']],
  ['Корея', ['North Korea', 'South Korea']],
  ['корейский', ['North Korea', 'South Korea']],
  // Dominica and the Dominican Republic share the English demonym.
  ['Dominican', ['Dominica', 'Dominican Republic']],
  // In Russian the country and its capital share one name.
  ['Алжир', ['Algeria', 'Algiers']],
  ['Тунис', ['Tunisia', 'Tunis']],
]);

const FUNCTION_WORDS = [
  'the',
  'who',
  'us',
  'it',
  'in',
  'on',
  'is',
  'was',
  'do',
  'did',
  'met',
  'see',
  'saw',
  'can',
  'may',
  'will',
  'and',
  'or',
  'a',
  'an',
  'of',
  'to',
  'at',
  'by',
  'for',
  'as',
  'be',
  'are',
  'he',
  'she',
  'we',
  'they',
  'what',
  'when',
  'where',
  'how',
  // Russian function words and pronouns that must never match case-insensitively.
  'и',
  'в',
  'на',
  'с',
  'по',
  'не',
  'что',
  'кто',
  'как',
  'того',
  'вас',
  'нас',
  'их',
  'его',
  'ее',
  'её',
  'это',
  'был',
  'была',
];

function find(form: string): WorldName[] {
  const n = norm(form);
  return WORLD.filter((e) => allForms(e).some((f) => norm(f) === n));
}

function findOne(form: string): WorldName {
  const hits = find(form);
  expect(hits).toHaveLength(1);
  return hits[0]!;
}

describe('WORLD gazetteer', () => {
  it('has a version and plausible sizes per kind', () => {
    expect(WORLD_VERSION).toBe(1);
    const count = (k: string) => WORLD.filter((e) => e.kind === k).length;
    // 193 UN members + Holy See, Palestine, Taiwan, Kosovo.
    expect(count('country')).toBe(197);
    expect(count('organization')).toBeGreaterThanOrEqual(100);
    expect(count('city')).toBeGreaterThanOrEqual(120);
  });

  it('has no empty, padded or internally duplicated forms', () => {
    const bad: string[] = [];
    for (const e of WORLD) {
      if (e.names.length === 0) bad.push(`${e.kind} entry without names`);
      for (const field of [e.names, e.demonyms ?? [], e.ru ?? [], e.caseSensitive ?? []]) {
        for (const f of field) {
          if (f.length === 0 || f !== f.trim() || /\s{2,}/.test(f)) bad.push(`${e.names[0]}: ${JSON.stringify(f)}`);
        }
        if (new Set(field).size !== field.length) bad.push(`${e.names[0]}: duplicate within a field`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has unique canonical names', () => {
    const canon = WORLD.map((e) => norm(e.names[0]!));
    expect(new Set(canon).size).toBe(canon.length);
  });

  it('maps every form to a single entry, except the documented ambiguities', () => {
    const owners = new Map<string, Set<number>>();
    WORLD.forEach((e, i) => {
      for (const f of allForms(e)) {
        const n = norm(f);
        if (!owners.has(n)) owners.set(n, new Set());
        owners.get(n)!.add(i);
      }
    });
    const allowed = new Map<string, string[]>();
    for (const [form, canons] of KNOWN_AMBIGUOUS) allowed.set(norm(form), [...canons].sort());

    const unexpected: string[] = [];
    for (const [n, idx] of owners) {
      if (idx.size < 2) continue;
      const canons = [...idx].map((i) => WORLD[i]!.names[0]!).sort();
      const ok = allowed.get(n);
      if (!ok || JSON.stringify(ok) !== JSON.stringify(canons)) unexpected.push(`${n}: ${canons.join(' | ')}`);
    }
    expect(unexpected).toEqual([]);

    // Every documented ambiguity is still real (keeps the list honest).
    for (const [form, canons] of KNOWN_AMBIGUOUS) {
      expect(
        find(form)
          .map((e) => e.names[0])
          .sort(),
      ).toEqual([...canons].sort());
    }
  });

  it('gives every country a demonym and a Russian name; demonyms only on countries', () => {
    for (const e of WORLD) {
      if (e.kind === 'country') {
        expect((e.demonyms ?? []).length).toBeGreaterThan(0);
        expect([...(e.ru ?? []), ...(e.caseSensitive ?? [])].some((f) => /[а-яё]/i.test(f))).toBe(true);
      } else {
        expect(e.demonyms).toBeUndefined();
      }
    }
  });

  it("puts a city in a country of the gazetteer by that country's canonical name, and only a city", () => {
    const countries = new Set(WORLD.filter((x) => x.kind === 'country').map((x) => x.names[0]));
    const cities = WORLD.filter((x) => x.kind === 'city');
    expect(cities.filter((c) => c.country && !countries.has(c.country)).map((c) => c.names[0])).toEqual([]);
    expect(WORLD.filter((x) => x.kind !== 'city' && x.country).map((x) => x.names[0])).toEqual([]);
    // (Nearly all: a disputed city has none.)
    expect(cities.filter((c) => !c.country).length).toBeLessThan(10);
    const countryOf = (city: string) => cities.find((c) => c.names.includes(city))?.country;
    expect([countryOf('Libreville'), countryOf('Geneva'), countryOf("Xi'an"), countryOf('Astana')]).toEqual(['Gabon', 'Switzerland', 'China', 'Kazakhstan']);
  });

  it('gives every organization and city a Russian form', () => {
    for (const e of WORLD.filter((x) => x.kind !== 'country')) {
      expect([...(e.ru ?? []), ...(e.caseSensitive ?? [])].some((f) => /[а-яё]/i.test(f))).toBe(true);
    }
  });

  it('keeps Latin script out of ru and Cyrillic out of names/demonyms', () => {
    for (const e of WORLD) {
      for (const f of e.ru ?? []) expect(f).toMatch(/[а-яё]/i);
      for (const f of [...e.names, ...(e.demonyms ?? [])]) expect(f).not.toMatch(/[а-яё]/i);
    }
  });

  it('lists every expected organization acronym (in names or caseSensitive)', () => {
    const acronyms = [
      'UN',
      'WHO',
      'WIPO',
      'WTO',
      'NATO',
      'EU',
      'OSCE',
      'SCO',
      'CICA',
      'CSTO',
      'EAEU',
      'CIS',
      'OIC',
      'ASEAN',
      'AU',
      'GCC',
      'IMF',
      'UNESCO',
      'UNICEF',
      'UNHCR',
      'UNDP',
      'UNEP',
      'UNIDO',
      'UNCTAD',
      'ILO',
      'IAEA',
      'FAO',
      'IFAD',
      'WFP',
      'ICAO',
      'IMO',
      'ITU',
      'UPU',
      'WMO',
      'UNWTO',
      'OHCHR',
      'UNSC',
      'ICJ',
      'ICC',
      'OPEC',
      'OECD',
      'G7',
      'G20',
      'BRICS',
      'ICRC',
      'IOM',
      'WEF',
      'OTS',
      'ECO',
      'CAREC',
      'ADB',
      'EBRD',
      'AIIB',
      'IsDB',
      'UNGA',
      'ECOSOC',
      'LAS',
      'OAS',
      'APEC',
    ];
    const orgForms = new Set(WORLD.filter((e) => e.kind === 'organization').flatMap((e) => [...e.names, ...(e.caseSensitive ?? [])]));
    const missing = acronyms.filter((a) => !orgForms.has(a));
    expect(missing).toEqual([]);

    const ruAcronyms = [
      'ООН',
      'НАТО',
      'ВТО',
      'ВОЗ',
      'ВОИС',
      'ОБСЕ',
      'ШОС',
      'СВМДА',
      'ОДКБ',
      'ЕАЭС',
      'СНГ',
      'ОИС',
      'МВФ',
      'ЮНЕСКО',
      'МАГАТЭ',
      'ОПЕК',
      'БРИКС',
      'ЕС',
    ];
    const orgRu = new Set(WORLD.filter((e) => e.kind === 'organization').flatMap((e) => [...(e.ru ?? []), ...(e.caseSensitive ?? [])]));
    expect(ruAcronyms.filter((a) => !orgRu.has(a))).toEqual([]);
  });

  it('resolves spot checks to the right entry', () => {
    const cases: Array<[string, string]> = [
      ['Japanese', 'Japan'],
      ['японский', 'Japan'],
      ['НАТО', 'North Atlantic Treaty Organization'],
      ['NATO', 'North Atlantic Treaty Organization'],
      ['Ташкент', 'Tashkent'],
      ['Swiss', 'Switzerland'],
      ['швейцарский', 'Switzerland'],
      ['Emirati', 'United Arab Emirates'],
      ['Saudi', 'Saudi Arabia'],
      ['Kazakhstani', 'Kazakhstan'],
      ['Kazakh', 'Kazakhstan'],
      ['казахстанский', 'Kazakhstan'],
      ['Vietnamese', 'Vietnam'],
      ['Вьетнам', 'Vietnam'],
      ['Грузия', 'Georgia'],
      ['Georgian', 'Georgia'],
      ['Албания', 'Albania'],
      ['Индонезия', 'Indonesia'],
      ['Саудовская Аравия', 'Saudi Arabia'],
      ['Turkiye', 'Türkiye'],
      ['Turkey', 'Türkiye'],
      ["Cote d'Ivoire", 'Côte d’Ivoire'],
      ['Ivory Coast', 'Côte d’Ivoire'],
      ['US', 'United States'],
      ['America', 'United States'],
      ['Женева', 'Geneva'],
      ['Zurich', 'Zurich'],
      ['Zürich', 'Zurich'],
      ['Алматы', 'Almaty'],
      ['Астана', 'Astana'],
      ['Nur-Sultan', 'Astana'],
      ['Tashkent', 'Tashkent'],
      ['WTO', 'World Trade Organization'],
      ['ВТО', 'World Trade Organization'],
      ['WHO', 'World Health Organization'],
      ['ВОЗ', 'World Health Organization'],
      ['ООН', 'United Nations'],
      ['UN', 'United Nations'],
      ['Red Cross', 'International Committee of the Red Cross'],
      ['Kiev', 'Kyiv'],
      ['Chinese', 'China'],
      ['Taiwanese', 'Taiwan'],
      ['German', 'Germany'],
      ['Russian', 'Russia'],
      ['Uzbek', 'Uzbekistan'],
      ['Kyrgyz', 'Kyrgyzstan'],
      ['Tajik', 'Tajikistan'],
      ['Turkmen', 'Turkmenistan'],
    ];
    for (const [form, canonical] of cases) {
      expect([form, findOne(form).names[0]]).toEqual([form, canonical]);
    }
    expect(findOne('WTO')).not.toBe(findOne('WHO'));
    expect(findOne('NATO').kind).toBe('organization');
    expect(findOne('Tashkent').kind).toBe('city');
    expect(findOne('Japan').kind).toBe('country');
  });

  it('never lists a common function word as a case-insensitive form', () => {
    const bad: string[] = [];
    const fw = new Set(FUNCTION_WORDS.map(norm));
    for (const e of WORLD) {
      for (const f of insensitiveForms(e)) if (fw.has(norm(f))) bad.push(`${e.names[0]}: ${f}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps word-like short forms case-sensitive only', () => {
    const mustBeCaseSensitive = [
      'US',
      'WHO',
      // (Not "Turkey": chat types "kz-turkey trade" for the country, and no release writes of the bird.)
      'Chad',
      'Guinea',
      'AU',
      'CIS',
      'IMO',
      'ECO',
      'GB',
      'Того',
      'ВОЗ',
      'Чад',
      'Вена',
      'Дели',
      'IRENA',
      'WOAH',
      'Global Fund',
    ];
    const ci = new Set(WORLD.flatMap(insensitiveForms).map(norm));
    const cs = new Set(WORLD.flatMap((e) => e.caseSensitive ?? []));
    for (const f of mustBeCaseSensitive) {
      expect([f, cs.has(f)]).toEqual([f, true]);
      expect([f, ci.has(norm(f))]).toEqual([f, false]);
    }
    // A case-sensitive form must contain an upper-case letter, otherwise the exact match is pointless.
    for (const f of cs) expect(f).not.toBe(f.toLowerCase());
  });
});
