import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RELIABILITY, type SeedSource } from './schema';

/**
 * The reviewed list of publishers' addresses (publishers.json): which hosts speak for a government
 * or institution, which are news media, which are mirrors, aggregators or spam. A source's own
 * rating may be lower than its host's (a ministry page read on a copy is a copy), never higher.
 */

export type HostKind = (typeof RELIABILITY)[number];

const publisherListSchema = z.object({
  $comment: z.string().optional(),
  hosts: z.record(z.string().regex(/^[a-z0-9.-]+(\/[^\s]*)?$/, 'expected a host such as mfa.gov.cn, or host/path'),
    z.object({ kind: z.enum(RELIABILITY), note: z.string().trim().min(1) }).strict()),
}).strict();

export type PublisherList = z.infer<typeof publisherListSchema>;

export const PUBLISHERS_FILE = path.resolve('graph-seed', 'publishers.json');

export function readPublisherList(file = PUBLISHERS_FILE): PublisherList {
  return publisherListSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The most specific entry for an address: its host or a parent domain, optionally with a path prefix. */
export function hostEntry(url: string, list: PublisherList): { key: string; kind: HostKind } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  let best: { key: string; kind: HostKind } | null = null;
  for (const [key, { kind }] of Object.entries(list.hosts)) {
    const slash = key.indexOf('/');
    const domain = slash < 0 ? key : key.slice(0, slash);
    const prefix = slash < 0 ? '' : key.slice(slash);
    if (host !== domain && !host.endsWith(`.${domain}`)) continue;
    if (prefix && !(parsed.pathname === prefix || parsed.pathname.startsWith(`${prefix}/`))) continue;
    if (!best || key.length > best.key.length) best = { key, kind };
  }
  return best;
}

export interface HostReport {
  /** Sources rated above what their host can be: refused. */
  errors: { id: string; problem: string }[];
  /** Hosts the list does not know, with the sources on them: reported, not refused. */
  unknownHosts: Map<string, string[]>;
}

/** Checks every source's rating against its url's host. */
export function checkSourceHosts(sources: readonly SeedSource[], list: PublisherList): HostReport {
  const report: HostReport = { errors: [], unknownHosts: new Map() };
  for (const source of sources) {
    const entry = hostEntry(source.url, list);
    if (!entry) {
      const host = new URL(source.url).hostname;
      report.unknownHosts.set(host, [...(report.unknownHosts.get(host) ?? []), source.id]);
      continue;
    }
    if ((entry.kind === 'copy' || entry.kind === 'low') && (source.reliability === 'media' || source.reliability === 'official')) {
      report.errors.push({ id: source.id, problem: `rated ${source.reliability}, but its address is on ${entry.key}, listed as ${entry.kind} in graph-seed/publishers.json: rate it ${entry.kind}, or review the list` });
    }
  }
  return report;
}
