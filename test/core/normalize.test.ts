import { editDistance, isCyrillic, normalize, splitSentences, squashSpaces, stem, tokenize, typoBudget } from '../../src/core/text/normalize';

describe('normalize', () => {
  test.each([
    ['Volker Türk', 'volker turk'],
    ['Bùi Thanh Sơn', 'bui thanh son'],
    ['António Guterres', 'antonio guterres'],
    ['Genève', 'geneve'],
    ['Việt Nam', 'viet nam'],
  ])('strips diacritics and lower-cases: %s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('folds Cyrillic ё and Ё into е', () => {
    expect(normalize('Объединённых')).toBe('объединенных');
    expect(normalize('ЁЖ')).toBe('еж');
    expect(normalize('ВОЗ')).toBe('воз');
  });

  test('unifies quotes and dashes', () => {
    expect(normalize('Kazakhstan’s “vision” — «мир»')).toBe(`kazakhstan's "vision" - "мир"`);
    expect(normalize('Deputy Prime Minister – Minister')).toBe(normalize('Deputy Prime Minister - Minister'));
  });

  test('collapses white space and trims', () => {
    expect(normalize('  UN \n\t Secretary-General  ')).toBe('un secretary-general');
  });
});

describe('tokenize', () => {
  test('splits on hyphens and punctuation, keeps digits', () => {
    expect(tokenize('Faisal Al-Saud, the 73rd session (2023)')).toEqual(['faisal', 'al', 'saud', 'the', '73rd', 'session', '2023']);
  });

  test("drops the possessive 's", () => {
    expect(tokenize("Kazakhstan's vision, a Master’s programme")).toEqual(['kazakhstan', 'vision', 'a', 'master', 'programme']);
  });

  test('reads Cyrillic words as words', () => {
    expect(tokenize('Кто глава ВОЗ?')).toEqual(['кто', 'глава', 'воз']);
  });

  // BUG (normalize.ts, tokenize): the pattern `[\p{L}\p{N}]+(?:'[\p{L}])?` allows ONE letter after an
  // apostrophe, meant for "'s"; for an elided or Irish name it cuts the word after its first letter:
  // "d'Ivoire" → ["di", "voire"], "O'Brien" → ["ob", "rien"]. Names like Côte d'Ivoire (in the world
  // gazetteer) and any O'Something then index as nonsense stems, so typos in them cannot be matched.
  test("keeps a word after an apostrophe whole (Côte d'Ivoire, O'Brien)", () => {
    expect(tokenize("Côte d'Ivoire")).not.toContain('voire');
    expect(tokenize("Minister O'Brien")).not.toContain('rien');
  });
});

describe('stem', () => {
  test.each([
    [['discuss', 'discussed', 'discusses', 'discussion'], 'discuss'],
    [['meeting', 'meetings'], 'meet'],
    [['welcome', 'welcomed'], 'welcom'],
    [['invitation', 'invited'], 'invit'],
    [['встреча', 'встречи'], 'встреч'],
    [['министр', 'министра', 'министров'], 'министр'],
    [['обсуждали', 'обсуждался'], 'обсужд'],
  ])('brings %j to one stem, %s', (words, expected) => {
    for (const w of words) expect(stem(w)).toBe(expected);
  });

  test('leaves short words and words ending in ss alone', () => {
    expect(stem('un')).toBe('un');
    expect(stem('who')).toBe('who');
    expect(stem('press')).toBe('press');
  });

  test('meets derivations in English (Snowball): sustainability and sustainable, democratization and democratic', () => {
    expect(stem('sustainability')).toBe(stem('sustainable'));
    expect(stem('democratization')).toBe(stem('democratic'));
    expect(stem('mental')).not.toBe(stem('government'));
  });

  test('folds spelling variants and synonyms the same way on both sides', () => {
    expect(stem('programme')).toBe(stem('program'));
    expect(stem('democratisation')).toBe(stem('democratization'));
    expect(stem('degree')).toBe(stem('diploma'));
  });

  test('strips the Russian reflexive -ся/-сь before the ending', () => {
    expect(stem('обсуждался')).toBe(stem('обсуждали'));
  });

  // BUG (normalize.ts): NFKD splits й into и + a combining breve, and the \p{M} strip drops the
  // breve, so normalize('всемирный') is 'всемирныи'. The stemmer's -ый/-ий/-ой/-й suffixes can then
  // never match a normalized word: 'всемирный' → 'всемирны', 'всемирной' → 'всемирно', but
  // 'всемирная' → 'всемирн'. Fix: recompose й (like ё is special-cased) before stripping marks.
  test('brings the -ый/-ой forms of a Russian adjective to the stem of its other forms', () => {
    expect(stem(normalize('всемирный'))).toBe(stem(normalize('всемирная')));
    expect(stem(normalize('всемирной'))).toBe(stem(normalize('всемирная')));
  });
});

describe('stem (known gaps)', () => {
  // BUG (normalize.ts, stem): "-ied" is stripped but "-y" is not, so the base form and the past
  // tense part: stem("identified") = "identif", stem("identify") = "identify" (also apply/applied,
  // supply/supplied). "What did the parties identify…?" then misses "The parties identified…".
  test('brings a verb in -y and its -ied form to one stem (identify / identified)', () => {
    expect(stem('identify')).toBe(stem('identified'));
    expect(stem('apply')).toBe(stem('applied'));
  });
});

describe('editDistance', () => {
  test.each([
    ['guterres', 'guterres', 0],
    ['guteres', 'guterres', 1], // a letter missing
    ['tedrros', 'tedros', 1], // a letter too many
    ['kassis', 'cassis', 1], // a letter changed
    ['tedors', 'tedros', 1], // two letters swapped count as one typo (Damerau)
    ['marsdui', 'marsudi', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('stops counting past the bound and returns bound + 1', () => {
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh')).toBe(4); // lengths alone exceed the default bound of 3
    expect(editDistance('darchiashvili', 'guterres', 1)).toBe(2);
  });
});

describe('editDistance with an empty string', () => {
  test('counts every letter of the other word', () => {
    expect(editDistance('', 'abc')).toBe(3);
  });

  // BUG (normalize.ts, editDistance): with b empty the inner loop never runs, rowMin stays Infinity
  // and the early exit `rowMin > max` returns max + 1 = 4 instead of 3. Harmless today (no caller
  // passes an empty word), but the function is not symmetric.
  test('is symmetric: editDistance("abc", "") is 3 as well', () => {
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('typoBudget', () => {
  test('allows no typo in short words, one from 5 letters, two from 8', () => {
    expect([3, 4, 5, 7, 8, 13].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('splitSentences', () => {
  test('splits after . ! and ? followed by a capital', () => {
    expect(splitSentences('The talks ended. Did they agree? Yes! They did.')).toEqual(['The talks ended.', 'Did they agree?', 'Yes!', 'They did.']);
  });

  test('does not split after abbreviations: Dr., Mr., U.N., Feb.', () => {
    expect(splitSentences('Dr. Tedros met the U.N. chief. Then he left.')).toEqual(['Dr. Tedros met the U.N. chief.', 'Then he left.']);
    expect(splitSentences('Mr. Nurtleu arrived on Feb. 27 in Geneva. Talks followed.')).toEqual([
      'Mr. Nurtleu arrived on Feb. 27 in Geneva.',
      'Talks followed.',
    ]);
  });

  test('does not split after dotted initials: the L.N. Gumilyov university', () => {
    expect(splitSentences('He proposed a centre at the L.N. Gumilyov Eurasian National University. They agreed.')).toEqual([
      'He proposed a centre at the L.N. Gumilyov Eurasian National University.',
      'They agreed.',
    ]);
  });

  test('does not split inside a decimal number or before a lower-case word', () => {
    expect(splitSentences('Version 2.5 was out. e.g. this one.')).toEqual(['Version 2.5 was out. e.g. this one.']);
  });

  test('splits Russian sentences and keeps closing quotes with their sentence', () => {
    expect(splitSentences('Он сказал: «Мы согласны.» Затем стороны подписали. В Женеве прошли встречи.')).toEqual([
      'Он сказал: «Мы согласны.»',
      'Затем стороны подписали.',
      'В Женеве прошли встречи.',
    ]);
  });

  test("keeps each sentence's exact words, so it can be quoted verbatim", () => {
    const paragraph =
      'UN Secretary General Guterres, thanking for the invitation, highly appreciated the efforts of Kazakhstan. The Minister also conveyed an invitation.';
    const sentences = splitSentences(paragraph);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(paragraph).toContain(s);
  });
});

describe('squashSpaces and isCyrillic', () => {
  test('squashSpaces collapses runs of white space without changing anything else', () => {
    expect(squashSpaces(' António \n  Guterres\t')).toBe('António Guterres');
  });

  test('isCyrillic tells a Russian question from an English one', () => {
    expect(isCyrillic('Кто такой Tedros?')).toBe(true);
    expect(isCyrillic('Who is Tedros?')).toBe(false);
  });
});
