import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { claimProblems, copyOfProblems } from './claims';
import { checkSourceHosts, readPublisherList, type PublisherList } from './publishers';
import { seedFileSchema, type SeedNode, type SeedRelationship, type SeedSource } from './schema';

/** One problem found in the seed data: which file, which record, what is wrong. */
export interface SeedProblem {
  file: string;
  id?: string;
  problem: string;
}

export class SeedValidationError extends Error {
  readonly code = 'invalid_seed';
  constructor(readonly problems: SeedProblem[]) {
    super(`The seed data is invalid; nothing was written.\n${problems.map(formatProblem).join('\n')}`);
  }
}

export interface SeedDataset {
  sources: SeedSource[];
  nodes: SeedNode[];
  relationships: SeedRelationship[];
  files: string[];
  /** Hosts of source addresses that graph-seed/publishers.json does not list, with their sources: reported, not refused. */
  unknownHosts: Map<string, string[]>;
}

function formatProblem({ file, id, problem }: SeedProblem): string {
  return `  ${file}${id ? ` [${id}]` : ''}: ${problem}`;
}

export function relationshipKey(rel: Pick<SeedRelationship, 'from' | 'type' | 'to'>): string {
  return `${rel.from}-${rel.type}->${rel.to}`;
}

/** The id of the record a zod issue points into (nodes[3] -> that node's id), for a precise message. */
function recordIdAt(raw: unknown, issuePath: PropertyKey[]): string | undefined {
  const [section, index] = issuePath;
  if (typeof section !== 'string' || typeof index !== 'number' || typeof raw !== 'object' || raw === null) return undefined;
  const record: unknown = (raw as Record<string, unknown[]>)[section]?.[index];
  if (typeof record !== 'object' || record === null) return undefined;
  const { id, from, type, to } = record as Record<string, unknown>;
  if (typeof id === 'string') return id;
  if (typeof from === 'string' && typeof to === 'string') return relationshipKey({ from, type: String(type), to });
  return undefined;
}

/** Reads every *.json file of a seed folder and checks it alone and together; throws SeedValidationError. */
export function readSeedDir(dir: string, publishers: PublisherList = readPublisherList()): SeedDataset {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const problems: SeedProblem[] = [];
  const dataset: SeedDataset = { sources: [], nodes: [], relationships: [], files: names, unknownHosts: new Map() };
  const origin = new Map<string, string>();
  if (names.length === 0) problems.push({ file: dir, problem: 'no *.json seed files found' });

  for (const file of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({ file, problem: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = seedFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
        problems.push({ file, id: recordIdAt(raw, issue.path), problem: `${where || 'file'}: ${issue.message}` });
      }
      continue;
    }
    for (const record of [...parsed.data.sources, ...parsed.data.nodes]) {
      const seen = origin.get(record.id);
      if (seen) problems.push({ file, id: record.id, problem: `duplicate id (also defined in ${seen})` });
      origin.set(record.id, file);
    }
    for (const rel of parsed.data.relationships) origin.set(relationshipKey(rel), origin.get(relationshipKey(rel)) ?? file);
    dataset.sources.push(...parsed.data.sources);
    dataset.nodes.push(...parsed.data.nodes);
    dataset.relationships.push(...parsed.data.relationships);
  }

  const sourceIds = new Set(dataset.sources.map((source) => source.id));
  const nodeIds = new Set(dataset.nodes.map((node) => node.id));
  const fileOf = (id: string) => origin.get(id) ?? '(unknown file)';
  for (const node of dataset.nodes) {
    for (const ref of node.sources) {
      if (!sourceIds.has(ref)) problems.push({ file: fileOf(node.id), id: node.id, problem: `unknown source ${ref}` });
    }
    for (const problem of claimProblems(node, sourceIds)) problems.push({ file: fileOf(node.id), id: node.id, problem });
  }
  const relKeys = new Set<string>();
  for (const rel of dataset.relationships) {
    const key = relationshipKey(rel);
    const file = fileOf(key);
    if (relKeys.has(key)) problems.push({ file, id: key, problem: 'duplicate relationship' });
    relKeys.add(key);
    for (const end of [rel.from, rel.to]) {
      if (!nodeIds.has(end)) problems.push({ file, id: key, problem: `relationship end ${end} is not a node` });
    }
    for (const ref of rel.sources) {
      if (!sourceIds.has(ref)) problems.push({ file, id: key, problem: `unknown source ${ref}` });
    }
    for (const problem of claimProblems(rel, sourceIds)) problems.push({ file, id: key, problem });
  }
  for (const { id, problem } of copyOfProblems(dataset.sources)) problems.push({ file: fileOf(id), id, problem });
  const hosts = checkSourceHosts(dataset.sources, publishers);
  for (const { id, problem } of hosts.errors) problems.push({ file: fileOf(id), id, problem });
  dataset.unknownHosts = hosts.unknownHosts;
  problems.push(...propertyTypeProblems(dataset, fileOf), ...ambiguousNameProblems(dataset, fileOf));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return dataset;
}

type Kind = 'text' | 'number' | 'boolean' | 'text list';
const kindOf = (value: unknown): Kind => (Array.isArray(value) ? 'text list'
  : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text');

/** One type per property name across the whole dataset: a year is never a number here and a text there. */
function propertyTypeProblems(dataset: SeedDataset, fileOf: (id: string) => string): SeedProblem[] {
  const first = new Map<string, { kind: Kind; id: string }>();
  const problems: SeedProblem[] = [];
  const records = [
    ...dataset.nodes.map((node) => ({ id: node.id, properties: node.properties })),
    ...dataset.relationships.map((rel) => ({ id: relationshipKey(rel), properties: rel.properties })),
  ];
  for (const { id, properties } of records) {
    for (const [name, value] of Object.entries(properties)) {
      const kind = kindOf(value);
      const seen = first.get(name);
      if (!seen) first.set(name, { kind, id });
      else if (seen.kind !== kind) {
        problems.push({ file: fileOf(id), id, problem: `properties.${name} is ${kind} here but ${seen.kind} on ${seen.id}: one type per property` });
      }
    }
  }
  return problems;
}

/** A name or alias that two entities of the same type share (such as "Congo") makes search ambiguous. */
function ambiguousNameProblems(dataset: SeedDataset, fileOf: (id: string) => string): SeedProblem[] {
  const owners = new Map<string, string>();
  const problems: SeedProblem[] = [];
  for (const node of dataset.nodes) {
    const own = new Set<string>();
    for (const lang of ['en', 'ru', 'zh'] as const) {
      for (const name of [node.names[lang], ...(node.aliases[lang] ?? [])]) {
        if (name) own.add(`${lang}:${name.normalize('NFKC').toLocaleLowerCase('en-US')}`);
      }
    }
    for (const key of own) {
      const slot = `${node.type}|${key}`;
      const other = owners.get(slot);
      if (other) {
        problems.push({ file: fileOf(node.id), id: node.id, problem: `the name "${key.slice(3)}" is also given to ${other}: make it unambiguous or drop it` });
      } else owners.set(slot, node.id);
    }
  }
  return problems;
}
