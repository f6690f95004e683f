/** Offices: whether a person's title holds a role the question names ("foreign minister" in "Minister of Foreign Affairs"). */
import type { Engine } from '../engine';
import { LEXICON } from '../lexicon/lexicon';
import type { Frame } from '../read/frame';
import { stem, tokenize } from '../text/normalize';
import { entity } from './people';

/** A title's words with the lexicon's two-word shorthand spelled out: "UK Foreign Secretary" holds "foreign minister". */
function withShorthand(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? LEXICON.shorthand.get(`${words[i]} ${words[i + 1]}`) : undefined;
    if (two) {
      out.push(...tokenize(two));
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/**
 * Whether one of a person's titles holds a role: "foreign minister" in "Minister of Foreign Affairs".
 * A title's modifier must be asked too: a Deputy Prime Minister is not the prime minister.
 */
export function holdsRole(engine: Engine, person: string, role: string, shorthand = true): boolean {
  const e = entity(engine, person);
  return titlesHoldRole([e?.title ?? '', ...(e?.titles ?? [])], role, shorthand);
}

/** Those of these people who hold one of the roles the question names. */
export function holdersOf(engine: Engine, people: readonly string[], roles: Frame['roles']): string[] {
  return people.filter((p) => roles.some((r) => holdsRole(engine, p, r.role)));
}

export function titlesHoldRole(titles: readonly string[], role: string, shorthand = true, others = true): boolean {
  // (The other titles of a role are looked up once, not theirs in turn: "spokesman" and "spokesperson" list each other.)
  const also = others ? (LEXICON.roleHeldBy.get(role) ?? []) : [];
  if (also.some((other) => titlesHoldRole(titles, other, shorthand, false))) return true;
  const wanted = tokenize(role).map((w) => stem(w));
  // "Deputy Prime Minister, Minister of Foreign Affairs of Cambodia": each office of a double title on its own
  // (the "deputy" of one is not of the other).
  const offices = titles.flatMap((title) => title.split(/,\s+|\s+[–—-]\s+/));
  return offices.some((title) => {
    const words = shorthand ? withShorthand(tokenize(title)) : tokenize(title);
    const stems = words.map((w) => stem(w));
    if (!wanted.every((w) => stems.includes(w))) return false;
    const modifiers = words.filter((w) => LEXICON.roleModifiers.has(w)).map((w) => stem(w));
    return modifiers.every((m) => wanted.includes(m));
  });
}
