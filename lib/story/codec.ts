import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';

/**
 * A story is an ordered list of views with a title and one caption per step. The whole story
 * travels in one `story=` parameter, so a link needs no server storage: each step's view is its
 * deep-link query string (lib/url-state.ts), the `n=` batches that steps share are written once,
 * and the lot is deflated and base64url-encoded behind a version character:
 *
 *   story = "1" + base64url(deflateRaw(JSON [title, batches, [[batchIndexes, restOfQuery, caption], ...]]))
 *
 * A shipped story is named instead (`story=article`): its id starts with a letter, an encoded one
 * with its version digit. Decoding never throws: a malformed parameter is a reason, not a crash.
 * Pure: server, client and tests.
 */

export interface StoryStep {
  /** The step's view as a deep-link query string without `v=`, e.g. `n=place:chongqing&s=place:chongqing`. */
  view: string;
  caption: string;
}

export interface Story {
  title: string;
  steps: StoryStep[];
}

export const STORY_VERSION = '1';
export const MAX_STORY_STEPS = 30;
export const MAX_STORY_TITLE = 120;
export const MAX_STORY_CAPTION = 600;
/** Longest `story=` value read: about what browsers and servers accept in a whole URL. */
export const MAX_STORY_PARAM = 16_000;
/** Longest inflated text read, so a small hostile parameter cannot expand into megabytes. */
const MAX_INFLATED = 256_000;
const MAX_VIEW = 12_000;

export type StoryProblem = 'unreadable' | 'tooLong' | 'unknownVersion';

const payloadSchema = z.tuple([
  z.string().max(MAX_STORY_TITLE),
  z.array(z.string().max(MAX_VIEW)).max(MAX_STORY_STEPS * 30),
  z.array(z.tuple([
    z.array(z.number().int().nonnegative()).max(60),
    z.string().max(MAX_VIEW),
    z.string().max(MAX_STORY_CAPTION),
  ])).min(1).max(MAX_STORY_STEPS),
]);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Inflates at most MAX_INFLATED bytes; null when the data is not deflate or expands beyond that. */
function inflateBounded(data: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  try {
    const stream = new Inflate((chunk) => {
      size += chunk.length;
      if (size > MAX_INFLATED) tooBig = true;
      else chunks.push(chunk);
    });
    // Fed in small pieces so a bomb stops early instead of expanding whole.
    for (let i = 0; i < data.length && !tooBig; i += 512) stream.push(data.subarray(i, i + 512), i + 512 >= data.length);
  } catch {
    return null;
  }
  if (tooBig) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Splits a view's query into its `n=` batches and the rest (in order, without `v=`). */
function splitView(view: string): { batches: string[]; rest: string } {
  const parts = view.split('&').filter((p) => p && !p.startsWith('v='));
  const n = parts.find((p) => p.startsWith('n='));
  return { batches: n ? n.slice(2).split('~').filter(Boolean) : [], rest: parts.filter((p) => p !== n).join('&') };
}

/** The `story=` value for a story: compact, URL-safe, needing no server storage. */
export function encodeStory(story: Story): string {
  const table: string[] = [];
  const index = new Map<string, number>();
  const steps = story.steps.map((step) => {
    const { batches, rest } = splitView(step.view);
    const refs = batches.map((batch) => {
      if (!index.has(batch)) {
        index.set(batch, table.length);
        table.push(batch);
      }
      return index.get(batch)!;
    });
    return [refs, rest, step.caption] as const;
  });
  const json = JSON.stringify([story.title, table, steps]);
  return STORY_VERSION + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

export type DecodedStory = { ok: true; story: Story } | { ok: false; problem: StoryProblem };

/** The inverse of encodeStory; a malformed value gives the reason instead of a story. */
export function decodeStory(text: string): DecodedStory {
  if (text.length > MAX_STORY_PARAM) return { ok: false, problem: 'tooLong' };
  if (!text.startsWith(STORY_VERSION)) return { ok: false, problem: /^\d/.test(text) ? 'unknownVersion' : 'unreadable' };
  const bytes = fromBase64Url(text.slice(STORY_VERSION.length));
  const inflated = bytes && bytes.length > 0 ? inflateBounded(bytes) : null;
  if (!inflated) return { ok: false, problem: 'unreadable' };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflated));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'unreadable' };
  const [title, table, steps] = parsed.data;
  const story: Story = { title, steps: [] };
  for (const [refs, rest, caption] of steps) {
    const batches = refs.map((i) => table[i]);
    if (batches.some((b) => b === undefined)) return { ok: false, problem: 'unreadable' };
    const view = [...(batches.length > 0 ? [`n=${batches.join('~')}`] : []), ...(rest ? [rest] : [])].join('&');
    story.steps.push({ view, caption });
  }
  return { ok: true, story };
}
