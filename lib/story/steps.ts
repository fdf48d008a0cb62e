import type { Locale } from '../i18n/locales';
import { note, type Note } from '../i18n/notes';
import { parseExplorerState, serializeExplorerState, type ExplorerState, type ParsedState } from '../url-state';
import { decodeStory, type Story } from './codec';

/**
 * A story in a link: `story=` (a shipped story's id, or an encoded story: codec.ts) and `step=`
 * (1-based). Next to them the link may carry the step's view like any deep link; when it does not,
 * the step's own view is shown. Pure: server and client.
 */

/** The story a link names, resolved to one language, with the step to show (0-based). */
export interface StoryContext {
  /** The `story=` value as written in the link (a shipped id, or the encoded story). */
  code: string;
  story: Story;
  step: number;
  /** A shipped story's id (its text comes from the data, in the reader's language). */
  shippedId: string | null;
}

const SHIPPED_ID = /^[a-z][a-z0-9-]{0,40}$/;

/** A step's view as it is stored: the deep link without the version, the language and the viewport (the reader's screen and language decide those). */
export function stepView(state: ExplorerState): string {
  return serializeExplorerState({ ...state, viewport: null, lang: null }).split('&').filter((p) => !p.startsWith('v=')).join('&');
}

/** The explorer state of a step's view (with the notes of anything in it that could not be read). */
export function stepState(view: string): ParsedState {
  return parseExplorerState(new URLSearchParams(`v=1&${view}`));
}

/** Whether a state shows exactly a step's view (the viewport aside). */
export function showsStep(state: ExplorerState, view: string): boolean {
  return stepView(state) === stepView(stepState(view).state);
}

/** The parameters that keep a story in a link, appended after the view's. */
export function storyParams(context: Pick<StoryContext, 'code' | 'step'>): string {
  return `story=${encodeURIComponent(context.code)}&step=${context.step + 1}`;
}

/** The link of one step: the explorer link for its view, in a language, plus the story and step. */
export function stepLink(context: Pick<StoryContext, 'code' | 'story'>, step: number, lang: Locale): string {
  const view = context.story.steps[step]?.view ?? '';
  return `/?v=1${view ? `&${view}` : ''}&lang=${lang}&${storyParams({ code: context.code, step })}`;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/**
 * The story and step a link names; never throws. A malformed or unknown story is a note and no
 * story (the explorer opens the link's view as usual); a step out of range opens the first one.
 */
export function readStory(params: RawParams, shipped: (id: string) => Story | null): { context: StoryContext | null; notes: Note[] } {
  const code = read(params, 'story');
  if (code === undefined || code === '') return { context: null, notes: [] };
  let story: Story | null = null;
  let shippedId: string | null = null;
  if (SHIPPED_ID.test(code)) {
    story = shipped(code);
    shippedId = story ? code : null;
    if (!story) return { context: null, notes: [note('storyUnknown', { name: short(code) })] };
  } else {
    const decoded = decodeStory(code);
    if (!decoded.ok) return { context: null, notes: [note(decoded.problem === 'tooLong' ? 'storyTooLong' : decoded.problem === 'unknownVersion' ? 'storyUnknownVersion' : 'storyUnreadable')] };
    story = decoded.story;
  }
  const notes: Note[] = [];
  const stepText = read(params, 'step');
  let step = 0;
  if (stepText !== undefined) {
    const n = /^\d{1,4}$/.test(stepText) ? Number(stepText) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= story.steps.length) step = n - 1;
    else notes.push(note('storyStepMissing', { step: short(stepText), count: story.steps.length }));
  }
  return { context: { code, story, step, shippedId }, notes };
}

/** The parameters a story link is drawn from: the link's own view when it names one, else the step's (the rest of the link kept). */
export function viewParamsFor(params: URLSearchParams, context: StoryContext | null): URLSearchParams {
  if (!context || params.has('n') || params.has('ids')) return params;
  const out = new URLSearchParams(params);
  const view = context.story.steps[context.step]?.view ?? '';
  for (const [key, value] of new URLSearchParams(`v=1&${view}`)) out.set(key, value);
  return out;
}
