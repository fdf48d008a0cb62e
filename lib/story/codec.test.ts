import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseExplorerState } from '../url-state';
import { shippedStory } from '../stories';
import { decodeStory, encodeStory, MAX_STORY_PARAM, type Story } from './codec';
import { readStory, showsStep, stepLink, stepState, stepView } from './steps';

const article = shippedStory('article', 'en')!;
const partners = shippedStory('partners', 'en')!;
/** Eight realistic steps: the article's six and the first two of the partners' map, English captions. */
const eightSteps: Story = { title: 'Eight steps', steps: [...article.steps, ...partners.steps.slice(0, 2)] };

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('story codec', () => {
  it('round-trips title, captions (any script) and every step view', () => {
    for (const story of [article, partners, shippedStory('article', 'ru')!, shippedStory('partners', 'zh')!, eightSteps]) {
      const decoded = decodeStory(encodeStory(story));
      expect(decoded).toEqual({ ok: true, story });
    }
  });

  it('gives back views that open exactly the same explorer state', () => {
    const decoded = decodeStory(encodeStory(eightSteps));
    if (!decoded.ok) throw new Error('not decoded');
    decoded.story.steps.forEach((step, i) => {
      expect(parseExplorerState(new URLSearchParams(`v=1&${step.view}`))).toEqual(stepState(eightSteps.steps[i]!.view));
    });
  });

  it('is URL-safe and compact: shared batches are written once, then deflated', () => {
    const code = encodeStory(eightSteps);
    expect(code).toMatch(/^1[A-Za-z0-9_-]+$/);
    const plain = eightSteps.steps.map((s) => s.view + s.caption).join('').length;
    // Eight steps with long captions and 150+ entities fit well inside any URL limit.
    expect(code.length).toBeLessThan(plain / 2);
    expect(code.length).toBeLessThan(4000);
    // Dedup: repeating a step's batches costs almost nothing.
    const repeated = { ...article, steps: [...article.steps, ...article.steps.map((s) => ({ ...s, caption: '' }))] };
    expect(encodeStory(repeated).length - encodeStory(article).length).toBeLessThan(120);
  });

  it('reports, never throws, on malformed input', () => {
    const valid = encodeStory(article);
    const cases: [string, string][] = [
      ['', 'unreadable'],
      ['1', 'unreadable'],
      ['1!!!', 'unreadable'],
      [valid.slice(0, valid.length / 2), 'unreadable'],
      [`${valid.slice(0, -4)}AAAA`, 'unreadable'],
      ['2abc', 'unknownVersion'],
      ['x'.repeat(MAX_STORY_PARAM + 1), 'tooLong'],
      [`1${base64url(deflateSync(strToU8('not json')))}`, 'unreadable'],
      [`1${base64url(deflateSync(strToU8('["t", [], []]')))}`, 'unreadable'],
      [`1${base64url(deflateSync(strToU8('["t", ["a:b"], [[[3], "", "c"]]]')))}`, 'unreadable'],
      [`1${base64url(deflateSync(strToU8(JSON.stringify(['t', [], [[[], '', 'c'.repeat(10_000)]]]))))}`, 'unreadable'],
    ];
    for (const [text, problem] of cases) expect(decodeStory(text), text.slice(0, 30)).toEqual({ ok: false, problem });
  });

  it('refuses a small parameter that inflates into megabytes', () => {
    const bomb = `1${base64url(deflateSync(new Uint8Array(8_000_000).fill(32)))}`;
    expect(bomb.length).toBeLessThan(MAX_STORY_PARAM);
    expect(decodeStory(bomb)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('story links', () => {
  const shipped = (id: string) => shippedStory(id, 'en');

  it('names a shipped story by id and an encoded one by its code, with a 1-based step', () => {
    expect(readStory({ story: 'article' }, shipped).context).toMatchObject({ code: 'article', step: 0, shippedId: 'article', story: article });
    const code = encodeStory(eightSteps);
    const { context, notes } = readStory(new URLSearchParams(`story=${code}&step=8`), shipped);
    expect(notes).toEqual([]);
    expect(context).toMatchObject({ code, step: 7, shippedId: null, story: eightSteps });
  });

  it('turns a malformed story or step into a note and keeps the rest of the link', () => {
    expect(readStory({ story: 'nosuch' }, shipped)).toEqual({ context: null, notes: [{ code: 'storyUnknown', values: { name: 'nosuch' } }] });
    expect(readStory({ story: '1abc' }, shipped)).toEqual({ context: null, notes: [{ code: 'storyUnreadable' }] });
    expect(readStory({ story: '9abc' }, shipped).notes).toEqual([{ code: 'storyUnknownVersion' }]);
    for (const step of ['0', '99', 'two', '-1']) {
      const { context, notes } = readStory({ story: 'article', step }, shipped);
      expect(context?.step).toBe(0);
      expect(notes).toEqual([{ code: 'storyStepMissing', values: { step, count: article.steps.length } }]);
    }
    expect(readStory({ n: 'place:chongqing' }, shipped)).toEqual({ context: null, notes: [] });
  });

  it("writes a step's own link: its view, the language, the story and the step", () => {
    const context = readStory({ story: 'article' }, shipped).context!;
    const link = stepLink(context, 2, 'ru');
    const params = new URLSearchParams(link.slice(2));
    expect(params.get('story')).toBe('article');
    expect(params.get('step')).toBe('3');
    expect(params.get('lang')).toBe('ru');
    expect(parseExplorerState(params).state).toEqual({ ...stepState(article.steps[2]!.view).state, lang: 'ru' });
  });

  it('stores a view without viewport and language, and knows when the screen shows a step', () => {
    const { state } = stepState(article.steps[1]!.view);
    const view = stepView({ ...state, viewport: { zoom: 2, x: 1, y: 1 }, lang: 'zh' });
    expect(view).not.toMatch(/(^|&)(v|z|c|lang)=/);
    expect(showsStep({ ...state, lang: 'zh', viewport: { zoom: 1, x: 0, y: 0 } }, article.steps[1]!.view)).toBe(true);
    expect(showsStep({ ...state, selected: null }, article.steps[1]!.view)).toBe(false);
  });
});
