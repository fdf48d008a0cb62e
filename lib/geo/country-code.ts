import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

/**
 * Which entities are countries, and which ones: the ISO 3166-1 alpha-3 code behind a node, from
 * the seed's `country:XXX` ids, an ISO code property, or (for nodes typed as countries in other
 * graphs) the English name. The browser build of i18n-iso-countries registers no language, so
 * English is registered here; on the server it is already there and registering again is harmless.
 */

countries.registerLocale(english);

export interface CountryCandidate {
  id: string;
  name: string;
  type: string;
  properties?: Record<string, unknown>;
}

const COUNTRY_TYPE = /^(countr(y|ies)|nations?|sovereign[ _-]?states?)$/i;
/** A type (label) that names countries: `Country`, `countries`, `Nation`, `Sovereign state`. */
export function isCountryType(type: string): boolean {
  return COUNTRY_TYPE.test(type.trim());
}

// Property names that carry the entity's own code, compared without case, '_' or '-'.
const CODE_KEYS = ['iso3', 'isoa3', 'alpha3', 'iso31661alpha3', 'iso2', 'isoa2', 'alpha2', 'iso31661alpha2', 'isocode', 'iso'];
const ID_PREFIX = /^country[:/](.+)$/i;

/** Alpha-3 for a two- or three-letter ISO code, or null when it is not an assigned code. */
function toAlpha3(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) ? upper : null;
  if (/^[A-Z]{2}$/.test(upper)) return countries.alpha2ToAlpha3(upper) ?? null;
  return null;
}

// Words that carry little of a country's identity ("Kyrgyz Republic", "Lao PDR", "Federated
// States of Micronesia"): dropped before names are compared by prefix.
const GENERIC_WORDS = new Set(['the', 'of', 'republic', 'democratic', 'people', 'peoples', 'pdr', 'federated', 'state', 'states']);

function significant(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['\u2018\u2019]/g, '')
    .split(/[^a-z]+/).filter((word) => word && !GENERIC_WORDS.has(word)).join(' ');
}

let englishNames: [string, string][] | null = null;

/** The one country whose significant words start with the name's ("Syria", "Slovak Republic"), if only one does. */
function byPrefix(name: string): string | null {
  const wanted = significant(name);
  if (wanted.length < 3) return null;
  englishNames ??= Object.entries(countries.getNames('en', { select: 'all' }))
    .flatMap(([alpha2, names]) => names.map((variant): [string, string] => [significant(variant), alpha2]));
  const matches = new Set(englishNames.filter(([variant]) => variant.startsWith(wanted)).map(([, alpha2]) => alpha2));
  const [only] = matches;
  return matches.size === 1 && only ? countries.alpha2ToAlpha3(only) ?? null : null;
}

const byName = new Map<string, string | null>();

/** Alpha-3 for an English country name ("Kenya", "Côte d’Ivoire", "The Gambia", "Syria"), or null. */
export function alpha3FromName(name: string): string | null {
  // Typographic apostrophes ("Côte d’Ivoire") are written plainly in the locale data.
  const key = name.trim().replace(/[\u2018\u2019]/g, "'");
  const cached = byName.get(key);
  if (cached !== undefined) return cached;
  const bare = key.replace(/^the\s+/i, '');
  const code = countries.getAlpha3Code(key, 'en') ?? countries.getSimpleAlpha3Code(key, 'en')
    ?? countries.getAlpha3Code(bare, 'en') ?? countries.getSimpleAlpha3Code(bare, 'en') ?? byPrefix(key);
  byName.set(key, code);
  return code;
}

function fromProperties(properties: Record<string, unknown>): string | null {
  const normalised = new Map(Object.entries(properties).map(([key, value]) => [key.toLowerCase().replace(/[_\-\s]/g, ''), value]));
  for (const key of CODE_KEYS) {
    const value = normalised.get(key);
    if (typeof value === 'string') {
      const code = toAlpha3(value);
      if (code) return code;
    }
  }
  return null;
}

/**
 * ISO 3166-1 alpha-3 of an entity that is a country, or null. An id `country:XXX` counts for any
 * type; a code property, an id that is itself a code, and the name count only for entities typed
 * as countries, so that a city carrying its country's code does not become that country.
 */
export function countryCode(node: CountryCandidate): string | null {
  const prefixed = ID_PREFIX.exec(node.id)?.[1];
  if (prefixed) {
    const code = toAlpha3(prefixed);
    if (code) return code;
  }
  if (!isCountryType(node.type)) return null;
  const fromProps = node.properties ? fromProperties(node.properties) : null;
  if (fromProps) return fromProps;
  const lastSegment = node.id.split(/[:/#]/).pop() ?? '';
  return toAlpha3(lastSegment) ?? alpha3FromName(node.name);
}
