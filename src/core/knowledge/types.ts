/**
 * The knowledge snapshot: plain, immutable data that every search and answer
 * function takes as a parameter. Reload builds a new one and swaps the pointer.
 */
import type { EntityType, FactKind } from './schema';

export interface Source {
  release: string;
  paragraph: number;
  quote: string;
}

export interface Release {
  id: string;
  title: string;
  date?: string; // YYYY-MM-DD; absent when the release's year cannot be known
  monthDay?: string; // MM-DD: the day an undated release gives, without its year
  place?: string; // entity id
  principal?: string; // entity id of the person whose visit it reports
  source: string;
  paragraphs: readonly string[];
  file: string; // where it was loaded from, for messages
  /** True when a moderator has curated facts for it; otherwise it is answered sentence by sentence. */
  curated: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  title?: string;
  organization?: string;
  country?: string;
  parent?: string;
  aliases: readonly string[];
  titles: readonly string[];
  demonyms: readonly string[];
  caseSensitive: readonly string[];
  /** Names it had from (optional) until a day: shown for the releases of that time. */
  formerNames?: ReadonlyArray<{ name: string; from?: string; until: string }>;
}

export interface Fact {
  id: string; // release id + position, stable while the file does not change
  release: string;
  meeting?: string; // meeting id
  kind: FactKind;
  label: string;
  actor?: string;
  when?: string;
  where?: string;
  sources: readonly Source[];
}

export interface Meeting {
  id: string; // "release-id/meeting-id"
  release: string;
  with: readonly string[];
  sources: readonly Source[];
  facts: readonly string[]; // fact ids
}

/** How a release introduces a person, with the words that give their title. */
export interface Mention {
  release: string;
  person: string;
  sources: readonly Source[];
}

export interface Knowledge {
  releases: ReadonlyMap<string, Release>;
  entities: ReadonlyMap<string, Entity>;
  meetings: ReadonlyMap<string, Meeting>;
  facts: ReadonlyMap<string, Fact>;
  mentions: readonly Mention[];
  files: readonly string[];
}

export interface KnowledgeError {
  file: string;
  /** Field path inside the file, like "meetings[0].facts[2].sources[0].quote"; empty for the whole file. */
  path: string;
  message: string;
}
