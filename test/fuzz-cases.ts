/** Generators for the fuzz test (test/fuzz.system.test.ts): hostile paths and query strings from a seeded PRNG. */

export const IDS = ['event:brst-2023', 'initiative:bri', 'org:most', 'country:KAZ', 'person:yin-hejun', 'place:chongqing', 'nope:x'];
const PIECES = [
  'a', 'Z', '0', ':', ';', ',', '~', '-', '_', '.', '@', '!', '*', '(', ')', "'", '"', '\\', '/', '?', '#', '&', '=', '+', ' ',
  'Чунцин', '重庆', 'مرحبا', '🙂', '\u200b', '\u202e', 'NaN', '-1', '1e9', '0x10', '99999999999999999999', 'null', 'undefined',
  'AND', 'OR', 'NOT', '~2', '^3', '[a TO z]', '{!x}', "') RETURN 1 //", "' OR 1=1 --", 'MATCH (n) DETACH DELETE n', '${x}', '<script>',
  '%', '%2', '%zz', '%E0%A4%A', '%00', '%0a', '%0d%0a', '%ff', '%C0%AF', '%25', '%2F', '%2e%2e', '%u0041', '%%',
  ...IDS,
];

type Rand = () => number;
const pick = <T,>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Text from pieces; already "URL-shaped": raw % sequences stay raw, characters HTTP cannot carry are encoded. */
function junk(rand: Rand, maxPieces = 8): string {
  const n = rand() < 0.05 ? 200 + Math.floor(rand() * 600) : Math.floor(rand() * maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) out += pick(rand, PIECES);
  return out.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch)).replace(/[#]/g, '%23');
}

function state(rand: Rand): string {
  const parts: string[] = [];
  if (rand() < 0.7) parts.push(`v=${pick(rand, ['1', '2', '0', junk(rand, 2)])}`);
  if (rand() < 0.8) parts.push(`n=${Array.from({ length: 1 + Math.floor(rand() * 3) }, () => (rand() < 0.6 ? pick(rand, IDS) : junk(rand))).join(pick(rand, ['~', ';', ',']))}`);
  for (const key of ['x', 's', 'r', 'hide', 'l', 'z', 'c', 'p']) if (rand() < 0.25) parts.push(`${key}=${rand() < 0.5 ? pick(rand, IDS) : junk(rand)}`);
  if (rand() < 0.1) parts.push(`${junk(rand, 3)}=${junk(rand, 3)}`);
  return parts.join('&');
}

export function randomCase(rand: Rand): { method: string; path: string } {
  const id = () => (rand() < 0.4 ? pick(rand, IDS) : junk(rand));
  const path = pick(rand, [
    () => `/api/search?q=${junk(rand)}${rand() < 0.5 ? `&limit=${junk(rand, 2)}` : ''}`,
    () => `/api/nodes/${id()}`,
    () => `/api/nodes/${id()}/neighbors?limit=${junk(rand, 2)}&offset=${junk(rand, 2)}${rand() < 0.3 ? `&type=${junk(rand, 2)}&entityType=${junk(rand, 2)}` : ''}`,
    () => `/api/subgraph?ids=${Array.from({ length: Math.floor(rand() * 5) }, id).join(',')}`,
    () => `/api/paths?from=${id()}&to=${id()}&maxHops=${junk(rand, 2)}`,
    () => `/api/preview?${state(rand)}`,
    () => `/?${state(rand)}`,
    () => `/node/${id()}?${rand() < 0.5 ? state(rand) : ''}`,
    () => `/api/health?${junk(rand, 3)}`,
    () => `/${junk(rand, 4)}`,
    () => `/api/${junk(rand, 3)}/${junk(rand, 3)}`,
  ])();
  const method = rand() < 0.9 ? 'GET' : pick(rand, ['HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
  return { method, path: path.startsWith('/') ? path : `/${path}` };
}

