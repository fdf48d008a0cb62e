/**
 * Generates graph-seed/data/countries.json from the researched country table.
 *
 *   npx tsx graph-seed/tools/build-countries.ts [countries.csv] [output.json]
 *
 * The input defaults to graph-seed/countries/countries.csv, a copy of the researched table kept in the repository so
 * the output can be rebuilt; its gfdc_mou column holds the full "likely date of joining" of the same GFDC list copy
 * (the researched table kept only the year).
 * Input columns: iso3, name_en, bri_partner (yes|unknown), bri_joined (year or empty), gfdc_mou (YYYY-MM-DD or empty),
 * st_agreement, source.
 * - Partner status and joining year come from the Green Finance & Development Center (GFDC) list, read from a
 *   third-party GitHub copy; the few rows that are not in that copy carry their own source in the CSV. Where GFDC
 *   calls the signing unclear and Chinese official sources settle it (Austria, Russia, the Republic of the Congo),
 *   annotations.json gives those sources (partnerFrom) and the records say gfdcStatus "unclear".
 *   GFDC gives China itself 2013-12-01, and the same date to seven other countries: for those it reads as a
 *   placeholder, not as an MoU date, so no joining year is recorded for them (the GFDC value is kept as such).
 * - Russian and Chinese names come from i18n-iso-countries; where it gives only an abbreviation or a short form
 *   (ОАЭ, 印尼), names.json gives the full name with its source, and the short form stays an alias.
 * - Per-country remarks in the CSV `source` column (exit dates, discrepancies, extra sources) are kept in
 *   annotations.json, written in our own words; the script fails if a row has a remark or a URL it does not cover.
 * - S&T-agreement information is deliberately left out here: core.json holds those edges with their sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { readRows, type CountryRow } from './country-rows';
import type { SeedClaim, SeedFile, SeedNode, SeedRelationship, SeedSource } from '../schema';

countries.registerLocale(en);
countries.registerLocale(ru);
countries.registerLocale(zh);

/** The folder of the country tables: the researched CSV and the JSON files this script reads beside it. */
const COUNTRY_TABLES = path.join(__dirname, '..', 'countries');

// ---------------------------------------------------------------------------------------------------------------
// Tables (data files in graph-seed/countries/)

/** The standard text of the CSV source column for a row read from the GFDC list copy. */
const GFDC_PREFIX = "Green Finance & Development Center (Nedopil), 'Countries of the Belt and Road Initiative' "
  + 'https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/ - values read from third-party GitHub copy '
  + 'of the GFDC May-2025 export: github.com/aarrigone00-cmd/bri-explorer scripts/gfdc-bri-countries-2025-05.csv '
  + "(commit edf17ed); bri_joined = year of GFDC 'likely date of joining' (MoU)";

interface Annotation {
  /** One or two sentences added to the generated description. */
  description?: string;
  /** Short sourced remarks kept as a node property. */
  notes?: string[];
  exited?: string;
  /** Joining dates (YYYY-MM) given by other sources than GFDC, kept next to the GFDC date; the notes say which source. */
  joinedOtherDates?: string[];
  role?: string;
  /** Extra source ids (beyond those whose URL appears in the row). */
  sources?: string[];
  /** Sources that support the PARTNER_OF edge itself (beyond GFDC). */
  edgeSources?: string[];
  aliases?: { en?: string[]; ru?: string[]; zh?: string[] };
  /** Aliases from the name package that are dropped, because another country has them too ("Congo"). */
  dropAliases?: string[];
  /** A joining date (YYYY-MM or YYYY-MM-DD) from another source that replaces GFDC's; the GFDC value stays as gfdcMouDate. */
  joinedFrom?: { date: string; sources: string[] };
  /** Set when the row's remark is only about S&T agreements (covered in core.json). */
  stOnly?: true;
  /**
   * Partner status from other sources where the GFDC list calls the signing unclear: the country becomes a partner
   * (with a PARTNER_OF edge citing these sources, not GFDC), and the edge says GFDC's status was unclear.
   */
  partnerFrom?: { sources: string[] };
  /** The date of a Belt and Road document that is not a joining MoU (a joint statement): kept as briDocumentDate. */
  documentDate?: string;
  /** Set where a partner has no joining date but a source dated before the article calls it a partner. */
  partnerWhenArticlePublished?: boolean;
}

function table<T>(name: string, key: string): T {
  const value = (JSON.parse(readFileSync(path.join(COUNTRY_TABLES, name), 'utf8')) as Record<string, T | undefined>)[key];
  if (value === undefined) throw new Error(`graph-seed/countries/${name} has no "${key}"`);
  return value;
}
/** Signing dates, exits and the sources that say a country signed, curated from the research notes (signings-from-research.py). */
interface Signing {
  signedSources?: string[];
  joined?: { date: string; sources: string[]; reliable: boolean };
  otherDates?: { date: string; sources: string[] }[];
  /** Other documents a source dates (a ministry-level memorandum), kept as other dates with what they are. */
  otherDocuments?: { date: string; sources: string[]; what: string }[];
  exit?: { date: string; sources: string[] };
}
const SOURCES = [...table<SeedSource[]>('sources.json', 'sources'), ...table<SeedSource[]>('signing-sources.json', 'sources')];
const SIGNINGS = table<Record<string, Signing>>('signings.json', 'signings');
/** Every URL that may appear in the CSV source column, mapped to a source id, or to null when left out on purpose. */
const URL_SOURCES = table<Record<string, string | null>>('url-sources.json', 'urls');
/** Full names where i18n-iso-countries gives only an abbreviation or a short form, with their sources. */
const FULL_NAMES = table<Record<string, { ru?: string; zh?: string; sources: string[] }>>('names.json', 'fullNames');
/** English display names for the World-Bank-style inverted forms of the list; the list's own form stays an alias. */
const DISPLAY_EN = table<Record<string, string>>('names.json', 'displayEn');
const ANNOTATIONS = table<Record<string, Annotation>>('annotations.json', 'annotations');

/** The date the seed article appeared; a country that joined later was not yet a partner then. */
const ARTICLE_DATE = '2023-11-22';

// ---------------------------------------------------------------------------------------------------------------
// Building

const unique = (items: string[]) => [...new Set(items.filter((item) => item.trim() !== ''))];

function cldrNames(iso3: string, lang: 'en' | 'ru' | 'zh'): string[] {
  const alpha2 = countries.alpha3ToAlpha2(iso3);
  if (!alpha2) throw new Error(`${iso3}: not an ISO 3166-1 alpha-3 code known to i18n-iso-countries`);
  const names = countries.getName(alpha2, lang, { select: 'all' }) ?? [];
  if (names.length === 0) throw new Error(`${iso3}: no ${lang} name in i18n-iso-countries`);
  // "КНР (Китайская Народная Республика)" -> the full form as name, the abbreviation as alias.
  return names.flatMap((name) => {
    const match = /^(.+?) \((.+)\)$/.exec(name);
    return match?.[1] && match[2] ? [match[2], match[1]] : [name];
  });
}

/** The remark part of a CSV source cell (what follows the standard GFDC text), or the whole cell if it is not a GFDC row. */
function remarkOf(row: CountryRow): { inGfdc: boolean; remark: string } {
  if (row.source.startsWith(GFDC_PREFIX)) return { inGfdc: true, remark: row.source.slice(GFDC_PREFIX.length).replace(/^;\s*/, '').trim() };
  return { inGfdc: false, remark: row.source };
}

function urlsIn(text: string): string[] {
  return (text.match(/https?:\/\/[^\s;,)]+/g) ?? []).map((url) => url.replace(/[.]+$/, ''));
}

function sourcesForUrls(row: CountryRow): string[] {
  return urlsIn(row.source).flatMap((url) => {
    if (!(url in URL_SOURCES)) throw new Error(`${row.iso3}: URL ${url} in the CSV has no source mapping in build-countries.ts`);
    const id = URL_SOURCES[url];
    return id ? [id] : [];
  });
}

/** How the joining date of a row is known: from another source, from GFDC, or not at all (a placeholder). */
interface Joining {
  year?: number;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  date?: string;
  /** GFDC's date as the list gives it, kept even where another source or the placeholder rule overrides it. */
  gfdcDate?: string;
  placeholder: boolean;
  sources: string[];
}

/** GFDC writes a month-only date as the first of the month (2018-09-01); that is read as YYYY-MM. */
const gfdcPrecision = (date: string) => (date.endsWith('-01') ? date.slice(0, 7) : date);

const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

function joiningOf(row: CountryRow, note: Annotation, placeholderDate: string | undefined, signing: Signing): Joining {
  const gfdcDate = row.gfdcMou ? gfdcPrecision(row.gfdcMou) : undefined;
  const signed = signing.joined;
  if (note.joinedFrom) {
    // A date settled by hand (CHANGES.md); sources of the research that agree with it support it too.
    const more = signed && agree(signed.date, note.joinedFrom.date) ? signed.sources : [];
    return { year: Number(note.joinedFrom.date.slice(0, 4)), date: note.joinedFrom.date, gfdcDate, placeholder: false, sources: unique([...note.joinedFrom.sources, ...more]) };
  }
  // A signing report gives the date (its evidence grade says how strong it is), not the list's estimate.
  if (signed && note.role !== 'initiator') {
    // Where the report is less precise than the list and agrees with it, the list's month stands; a year alone is a year, not a date.
    const finer = gfdcDate && gfdcDate.startsWith(signed.date) && row.gfdcMou !== placeholderDate ? gfdcDate : signed.date;
    return { year: Number(signed.date.slice(0, 4)), date: finer.length > 4 ? finer : undefined, gfdcDate, placeholder: false, sources: signed.sources };
  }
  // The initiator did not join by signing an MoU with itself: only the year is kept for it.
  if (note.role === 'initiator') return { year: row.briJoined, gfdcDate, placeholder: false, sources: [] };
  if (row.gfdcMou !== undefined && row.gfdcMou === placeholderDate) return { gfdcDate, placeholder: true, sources: [] };
  return { year: row.briJoined, date: gfdcDate, gfdcDate, placeholder: false, sources: [] };
}

/** The partner status of a row: the GFDC list's, unless other sources settle a status GFDC calls unclear. */
const statusOf = (row: CountryRow, note: Annotation): CountryRow['briPartner'] => (note.partnerFrom ? 'yes' : row.briPartner);

function describe(row: CountryRow, name: string, inGfdc: boolean, note: Annotation, joining: Joining, exited: string | undefined, gfdcPlaceholder: boolean): string {
  let first: string;
  if (note.partnerFrom) {
    first = `${name} is counted as a Belt and Road partner on the strength of Chinese official sources, although the GFDC list `
      + 'calls its signing unclear.';
  } else if (row.briPartner === 'unknown') {
    first = `Whether ${name} signed a Belt and Road MoU is unclear in the GFDC list.`;
  } else if (note.role === 'initiator') {
    first = `${name} is the initiator of the Belt and Road Initiative.`;
  } else if (joining.placeholder) {
    first = `Belt and Road partner (GFDC list). GFDC dates it 1 December 2013, the date it also gives China itself, so the `
      + 'date reads as a placeholder and no joining year is recorded.';
  } else if (exited && joining.year) {
    first = `Former Belt and Road partner: ${name} joined in ${joining.year}${joining.sources.length ? '' : ' (GFDC list)'} and left in ${exited.slice(0, 4)}.`;
  } else if (joining.year && (note.joinedFrom || joining.sources.length > 0)) {
    first = `Belt and Road partner since ${joining.year}.`;
    if (!note.joinedFrom && joining.date) {
      first += ` It signed its cooperation document ${joining.date.length === 10 ? 'on' : 'in'} ${joining.date}, as a signing report gives it`
        + `${joining.gfdcDate && !agree(joining.gfdcDate, joining.date) ? `; the GFDC list gives ${joining.gfdcDate}${gfdcPlaceholder ? ', the date it gives China itself' : ''}` : ''}.`;
    }
  } else if (joining.year && inGfdc) {
    first = `Belt and Road partner since ${joining.year}, going by the MoU date in the GFDC list.`;
  } else {
    first = `${name} is counted as a Belt and Road partner.`;
  }
  return [first, note.description].filter(Boolean).join(' ');
}

/**
 * Where sources disagree on the joining date, every value is kept as a claim with its sources: the
 * one the graph uses (preferred), the GFDC list's where a signing report contradicts it
 * (deprecated), and other dates sources give (normal). None when nothing disagrees.
 */
function dateClaims(property: string, joining: Joining, manual: boolean, gfdcPlaceholder: boolean,
  others: { date: string; sources: string[]; what?: string }[], listSources: string[]): SeedClaim[] | undefined {
  const used = joining.date;
  if (used === undefined) return undefined;
  const claims: SeedClaim[] = [];
  const gfdc = joining.gfdcDate;
  const fromReport = joining.sources.length > 0;
  if (gfdc !== undefined && !agree(gfdc, used)) {
    claims.push({
      property, value: gfdc, sources: ['src:gfdc-bri-countries'], rank: 'deprecated',
      why: gfdcPlaceholder ? 'the date the GFDC list gives China itself: a placeholder, not this country\'s date'
        : 'the GFDC list\'s likely date of joining, read on a third-party copy; a signing report gives another',
    });
  }
  for (const other of others) {
    if (other.date.length <= 4 || agree(other.date, used) || claims.some((c) => c.value === other.date)) continue;
    claims.push({ property, value: other.date, sources: other.sources, rank: 'normal', why: other.what ? `the date of ${other.what}` : 'another date a source gives' });
  }
  if (claims.length === 0) return undefined;
  return [{
    property, value: used, sources: fromReport ? joining.sources : listSources, rank: 'preferred',
    why: manual ? 'settled from its source (graph-seed/data/CHANGES.md)' : fromReport ? 'the date a signing report gives' : 'the GFDC list\'s date; no signing report was found',
  }, ...claims];
}

/** Names in one language: the full name first where FULL_NAMES has one, minus aliases dropped as ambiguous. */
function namesIn(lang: 'en' | 'ru' | 'zh', row: CountryRow, note: Annotation): string[] {
  const full = lang === 'en' ? undefined : FULL_NAMES[row.iso3]?.[lang];
  const base = lang === 'en' ? [DISPLAY_EN[row.iso3] ?? row.nameEn, row.nameEn, ...cldrNames(row.iso3, 'en')] : cldrNames(row.iso3, lang);
  const dropped = new Set(note.dropAliases ?? []);
  return unique([...(full ? [full] : []), ...base, ...(note.aliases?.[lang] ?? [])]).filter((name) => !dropped.has(name));
}

export function buildCountries(rows: CountryRow[] = readRows(path.join(COUNTRY_TABLES, 'countries.csv'))): SeedFile {
  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const seen = new Set<string>();
  const placeholderDate = rows.find((row) => row.iso3 === 'CHN')?.gfdcMou;
  for (const row of rows) {
    if (seen.has(row.iso3)) throw new Error(`${row.iso3}: duplicate row`);
    seen.add(row.iso3);
    const note = ANNOTATIONS[row.iso3] ?? {};
    const { inGfdc, remark } = remarkOf(row);
    if (remark && !(row.iso3 in ANNOTATIONS)) throw new Error(`${row.iso3}: the CSV remark "${remark}" is not covered by ANNOTATIONS`);
    const urlSources = sourcesForUrls(row);
    if (!inGfdc && urlSources.length === 0) throw new Error(`${row.iso3}: not a GFDC row and no source URL`);
    const signing = SIGNINGS[row.iso3] ?? {};
    const joining = joiningOf(row, note, placeholderDate, signing);
    const exited = signing.exit?.date ?? note.exited;
    // Dates other sources give: the research's disagreeing values, and a copy's date where it did not replace GFDC's.
    const used = joining.date ?? (joining.year !== undefined ? String(joining.year) : null);
    const known = (date: string) => (used !== null && agree(date, used)) || (joining.gfdcDate !== undefined && agree(date, joining.gfdcDate));
    const other = [...(signing.otherDates ?? []), ...(signing.otherDocuments ?? []), ...(signing.joined ? [signing.joined] : [])].filter((d) => !known(d.date));
    // A year alone is no date property; its source stays on the entity.
    const otherDates = unique([...(note.joinedOtherDates ?? []), ...other.map((d) => d.date).filter((d) => d.length > 4)]).sort();
    const signedSources = unique([...(signing.signedSources ?? []), ...other.flatMap((d) => d.sources), ...(signing.exit?.sources ?? [])]);

    const [nameEn = row.nameEn, ...aliasEn] = namesIn('en', row, note);
    const [nameRu, ...aliasRu] = namesIn('ru', row, note);
    const [nameZh, ...aliasZh] = namesIn('zh', row, note);

    const listSources = unique([...(inGfdc ? ['src:gfdc-bri-countries'] : []), ...urlSources]);
    const status = exited && statusOf(row, note) === 'yes' ? 'former' : statusOf(row, note);
    const properties: SeedNode['properties'] = { iso3: row.iso3, briPartner: status, inGfdcList: inGfdc };
    if (note.partnerFrom) properties.gfdcStatus = 'unclear';
    if (joining.year !== undefined) properties.joinedBri = joining.year;
    if (joining.date !== undefined) properties.joinedBriDate = joining.date;
    if (joining.gfdcDate !== undefined) properties.gfdcMouDate = joining.gfdcDate;
    const gfdcPlaceholder = joining.placeholder || (row.gfdcMou !== undefined && row.gfdcMou === placeholderDate && note.role !== 'initiator');
    if (gfdcPlaceholder) properties.gfdcDateIsPlaceholder = true;
    if (note.documentDate) properties.briDocumentDate = note.documentDate;
    const partnerSince = joining.date ?? note.documentDate;
    if (status !== 'unknown' && partnerSince !== undefined && note.role !== 'initiator') {
      properties.partnerWhenArticlePublished = partnerSince.slice(0, ARTICLE_DATE.length) <= ARTICLE_DATE && !(exited && exited < ARTICLE_DATE);
    } else if (note.partnerWhenArticlePublished !== undefined) {
      properties.partnerWhenArticlePublished = note.partnerWhenArticlePublished;
    }
    if (exited) properties.exitedBri = exited;
    if (note.role) properties.briRole = note.role;
    if (otherDates.length) properties.joinedBriOtherDates = otherDates;
    const notes = [...(note.notes ?? []), ...(signing.otherDocuments ?? []).map((d) => `The other signing date is that of ${d.what}`)];
    if (notes.length) properties.notes = notes;

    const aliases: SeedNode['aliases'] = {};
    if (aliasEn.length) aliases.en = aliasEn;
    if (aliasRu.length) aliases.ru = aliasRu;
    if (aliasZh.length) aliases.zh = aliasZh;

    const otherValues = [...(signing.otherDates ?? []), ...(signing.otherDocuments ?? []),
      ...(signing.joined && signing.joined.date !== joining.date ? [signing.joined] : [])];
    const nodeClaims = dateClaims('joinedBriDate', joining, Boolean(note.joinedFrom), gfdcPlaceholder, otherValues, listSources);
    nodes.push({
      id: `country:${row.iso3}`,
      type: 'Country',
      names: { en: nameEn, ...(nameRu ? { ru: nameRu } : {}), ...(nameZh ? { zh: nameZh } : {}) },
      aliases,
      description: describe(row, nameEn, inGfdc, note, joining, exited, gfdcPlaceholder),
      properties,
      ...(nodeClaims ? { claims: nodeClaims } : {}),
      sources: unique([...listSources, ...(note.partnerFrom?.sources ?? []), ...joining.sources, ...(note.edgeSources ?? []), ...signedSources,
        ...(note.sources ?? []), 'src:unicode-cldr-country-names', ...(FULL_NAMES[row.iso3]?.sources ?? [])]),
    });

    if (status !== 'unknown') {
      const edge: SeedRelationship['properties'] = { inGfdcList: inGfdc };
      if (note.partnerFrom) edge.gfdcStatus = 'unclear';
      if (joining.year !== undefined) edge.joined = joining.year;
      if (joining.date !== undefined) edge.joinedDate = joining.date;
      if (note.documentDate) edge.documentDate = note.documentDate;
      if (gfdcPlaceholder) edge.gfdcDateIsPlaceholder = true;
      if (exited) edge.exited = exited;
      if (note.role) edge.role = note.role;
      if (otherDates.length) edge.joinedOtherDates = otherDates;
      const edgeClaims = dateClaims('joinedDate', joining, Boolean(note.joinedFrom), gfdcPlaceholder, otherValues, listSources);
      relationships.push({
        from: `country:${row.iso3}`,
        type: 'PARTNER_OF',
        to: 'initiative:bri',
        properties: edge,
        ...(edgeClaims ? { claims: edgeClaims } : {}),
        // Where GFDC calls the signing unclear, the list does not support the edge: only the sources that settle it do.
        sources: unique([...(note.partnerFrom ? note.partnerFrom.sources : listSources), ...joining.sources, ...(note.edgeSources ?? []), ...signedSources]),
      });
    }
  }
  for (const iso3 of Object.keys(ANNOTATIONS)) if (!seen.has(iso3)) throw new Error(`ANNOTATIONS has ${iso3}, which is not in the CSV`);
  for (const iso3 of Object.keys(SIGNINGS)) if (!seen.has(iso3)) throw new Error(`signings.json has ${iso3}, which is not in the CSV`);
  for (const iso3 of Object.keys(FULL_NAMES)) if (!seen.has(iso3)) throw new Error(`FULL_NAMES has ${iso3}, which is not in the CSV`);

  const used = new Set([...nodes, ...relationships].flatMap((record) => record.sources));
  return {
    $comment: 'Generated by graph-seed/tools/build-countries.ts from graph-seed/countries/ - do not edit by hand. '
      + 'Belt and Road partner status and joining dates: GFDC list (third-party copy) plus the sources named per country; '
      + 'names in Russian and Chinese: i18n-iso-countries, with full names from CLDR 48 and the other sources named per '
      + 'country where it gives only an abbreviation. Intergovernmental S&T agreements are in core.json.',
    sources: SOURCES.filter((source) => used.has(source.id)),
    nodes,
    relationships,
  };
}

function main(): void {
  const [csvArg, outArg] = process.argv.slice(2);
  const csvPath = csvArg ?? path.join(COUNTRY_TABLES, 'countries.csv');
  const out = path.resolve(outArg ?? path.join(__dirname, '..', 'data', 'countries.json'));
  const file = buildCountries(readRows(path.resolve(csvPath)));
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${out}: ${file.nodes.length} countries, ${file.relationships.length} PARTNER_OF edges, ${file.sources.length} sources`);
}

if (require.main === module) main();
