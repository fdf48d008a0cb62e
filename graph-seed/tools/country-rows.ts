import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * The researched country table (graph-seed/countries/countries.csv), read and checked row by row.
 * Columns: iso3, name_en, bri_partner (yes|unknown), bri_joined (year or empty), gfdc_mou
 * (YYYY-MM-DD or empty), st_agreement, source.
 */

export interface CountryRow {
  iso3: string;
  nameEn: string;
  briPartner: 'yes' | 'unknown';
  briJoined?: number;
  /** GFDC's "likely date of joining", YYYY-MM-DD. */
  gfdcMou?: string;
  source: string;
}

export function readRows(csvPath: string): CountryRow[] {
  const [header, ...records] = parse(readFileSync(csvPath, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  if (!header) throw new Error(`${csvPath} is empty`);
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${csvPath} has no column ${name}`);
    return index;
  };
  const [iso3, nameEn, partner, joined, mou, source] = ['iso3', 'name_en', 'bri_partner', 'bri_joined', 'gfdc_mou', 'source'].map(col);
  return records.map((cells, n) => {
    const get = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    const code = get(iso3);
    if (!/^[A-Z]{3}$/.test(code)) throw new Error(`row ${n + 2}: bad iso3 "${code}"`);
    const status = get(partner);
    if (status !== 'yes' && status !== 'unknown') throw new Error(`${code}: bri_partner must be yes or unknown, got "${status}"`);
    const year = get(joined);
    if (year !== '' && !/^\d{4}$/.test(year)) throw new Error(`${code}: bad bri_joined "${year}"`);
    const date = get(mou);
    if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${code}: bad gfdc_mou "${date}"`);
    if (date !== '' && date.slice(0, 4) !== year) throw new Error(`${code}: gfdc_mou ${date} does not match bri_joined ${year}`);
    return {
      iso3: code, nameEn: get(nameEn), briPartner: status, briJoined: year ? Number(year) : undefined,
      ...(date ? { gfdcMou: date } : {}), source: get(source),
    };
  });
}
