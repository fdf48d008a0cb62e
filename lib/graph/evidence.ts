/**
 * How strong a fact is, computed from its sources, never typed by hand. Pure: the seed loader
 * grades every entity, relationship and claim with it, and the browser uses the same order and
 * names to draw and filter them.
 *
 * official      at least one source is the government or institution speaking for itself
 * corroborated  two or more independent reputable publishers (media or official)
 * single        one reputable publisher
 * weak          copies or low-reliability sources only
 * none          no source at all
 *
 * Independence: a repost or translation of the same report is not a second witness. Sources count
 * as one when they share an original publisher, or when one is a copy of the other: `copyOf` names
 * the original source, or its `seenAt` or note points at the other's report.
 */

/** Strongest first. */
export const EVIDENCE_GRADES = ['official', 'corroborated', 'single', 'weak', 'none'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/** What grading needs of a source (the seed's source records and the API's SourceRef both fit). */
export interface EvidenceSource {
  id: string;
  publisher: string;
  url: string;
  seenAt?: string | undefined;
  reliability: 'official' | 'media' | 'copy' | 'low';
  note?: string | undefined;
  /** The source this one reposts or translates. */
  copyOf?: string | undefined;
}

export interface Evidence {
  grade: EvidenceGrade;
  /** Independent reputable publishers (media or official) behind the fact. */
  independent: number;
  /** Their names, one per independent publisher, as the first source of each names it. */
  publishers: string[];
}

export function isEvidenceGrade(value: unknown): value is EvidenceGrade {
  return typeof value === 'string' && (EVIDENCE_GRADES as readonly string[]).includes(value);
}

/** True when `grade` is at least as strong as `minimum`. */
export function meetsGrade(grade: EvidenceGrade, minimum: EvidenceGrade): boolean {
  return EVIDENCE_GRADES.indexOf(grade) <= EVIDENCE_GRADES.indexOf(minimum);
}

/** "Xinhua (via People's Daily Online)", "Xinhua via People's Daily" -> "xinhua": who wrote it, not who carried it. */
export function publisherKey(publisher: string): string {
  return publisher.normalize('NFKC').replace(/\([^)]*\)/g, ' ').replace(/,?\s+via\s.*$/i, '')
    .replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US');
}

const address = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
const URL_IN_TEXT = /https?:\/\/[^\s"'()<>]+/g;

/** Every source of a dataset by id, with the original publisher each one speaks for. */
export type EvidenceIndex = ReadonlyMap<string, { source: EvidenceSource; publisher: string }>;

/**
 * Indexes a dataset's sources once. A copy (copyOf, or a seenAt or note naming another source's
 * url) is followed to its root, and counts as that root's publisher; a chain that loops stops.
 */
export function evidenceIndex(sources: readonly EvidenceSource[]): EvidenceIndex {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const byUrl = new Map<string, EvidenceSource>();
  for (const s of sources) if (!byUrl.has(address(s.url))) byUrl.set(address(s.url), s);
  const other = (s: EvidenceSource, url: string | undefined) => {
    const found = url === undefined ? undefined : byUrl.get(address(url));
    return found && address(found.url) !== address(s.url) ? found : undefined;
  };
  const originalOf = (s: EvidenceSource): EvidenceSource | undefined => (s.copyOf ? byId.get(s.copyOf)
    : other(s, s.seenAt) ?? (s.note?.match(URL_IN_TEXT) ?? []).map((url) => other(s, url)).find(Boolean));
  const index = new Map<string, { source: EvidenceSource; publisher: string }>();
  for (const source of sources) {
    let current = source;
    const seen = new Set([source.id]);
    for (let next = originalOf(current); next && !seen.has(next.id); next = originalOf(current)) {
      seen.add(next.id);
      current = next;
    }
    index.set(source.id, { source, publisher: publisherKey(current.publisher) });
  }
  return index;
}

/** The grade of a fact resting on `refs` (source ids of the dataset indexed by evidenceIndex). */
export function gradeEvidence(refs: readonly string[], index: EvidenceIndex): Evidence {
  const own = refs.map((id) => index.get(id)).filter((s) => s !== undefined);
  if (own.length === 0) return { grade: 'none', independent: 0, publishers: [] };
  const groups = new Map<string, string>();
  for (const { source, publisher } of own) {
    if (source.reliability !== 'official' && source.reliability !== 'media') continue;
    if (!groups.has(publisher)) groups.set(publisher, source.publisher);
  }
  const publishers = [...groups.values()];
  const grade: EvidenceGrade = own.some(({ source }) => source.reliability === 'official') ? 'official'
    : groups.size >= 2 ? 'corroborated' : groups.size === 1 ? 'single' : 'weak';
  return { grade, independent: groups.size, publishers };
}
