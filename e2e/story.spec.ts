import type { Page } from '@playwright/test';
import { shippedStory } from '../lib/stories';
import { stepState } from '../lib/story/steps';
import { parseExplorerState, stateIds } from '../lib/url-state';
import { ExplorerPage, expect, test } from './fixtures';
import { SEED } from './seed-ids';

const article = shippedStory('article', 'en')!;
const partners = shippedStory('partners', 'en')!;

/** What step `i` of a story shows: its entities (group nodes aside) and its selection. */
function expected(view: string) {
  const { state } = stepState(view);
  return { ids: stateIds(state).filter((id) => !id.startsWith('*')).sort(), selected: state.selected?.kind === 'node' ? [state.selected.id] : [] };
}

const card = (page: Page) => page.getByRole('region', { name: /^Story: / });

/** The step on screen is step `i` of `story`: the card says so, the link says so, the canvas shows its view. */
async function expectStep(explorer: ExplorerPage, story: typeof article, i: number) {
  const { page } = explorer;
  await expect(card(page)).toContainText(`Step ${i + 1} of ${story.steps.length}`);
  await expect(page.getByTestId('story-caption')).toHaveText(story.steps[i]!.caption);
  await expect(page).toHaveURL(new RegExp(`[?&]step=${i + 1}(&|$)`));
  await explorer.settled();
  const want = expected(story.steps[i]!.view);
  // Entities only: not group nodes, nor the world map drawn behind the map layout.
  await expect.poll(async () => (await explorer.graph.nodeIds()).filter((id) => /^[^*\u0000-\u001f]/.test(id)).sort()).toEqual(want.ids);
  expect(await explorer.graph.selectedIds()).toEqual(want.selected);
}

test('a story plays forwards and backwards with the arrow keys, and Back returns to the previous step', async ({ page, explorer }) => {
  await explorer.open('/?story=article&lang=en');
  await expect(card(page).getByRole('heading', { name: article.title })).toBeVisible();
  await expectStep(explorer, article, 0);
  await expect(card(page).getByRole('button', { name: 'Previous' })).toBeDisabled();

  for (let i = 1; i < article.steps.length; i++) {
    await page.keyboard.press('ArrowRight');
    await expectStep(explorer, article, i);
  }
  await expect(card(page).getByRole('button', { name: 'Next' })).toBeDisabled();
  // Past the last step nothing moves.
  await page.keyboard.press('ArrowRight');
  await expectStep(explorer, article, article.steps.length - 1);

  for (let i = article.steps.length - 2; i >= 2; i--) {
    await page.keyboard.press('ArrowLeft');
    await expectStep(explorer, article, i);
  }
  await explorer.history('back');
  await expectStep(explorer, article, 3);

  // On the canvas the arrow keys move the selection, not the story.
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await explorer.settled();
  await expect(card(page)).toContainText(`Step 4 of ${article.steps.length}`);
  await expect(card(page)).toContainText('You have explored away from this step.');
  await card(page).getByRole('button', { name: 'Back to step 4' }).click();
  await expectStep(explorer, article, 3);
  await expect(card(page)).not.toContainText('explored away');
});

test('moving the view while a step loads keeps that step in its link, so Back returns to it', async ({ page, explorer }) => {
  await explorer.open('/?story=article&lang=en');
  await expectStep(explorer, article, 0);
  // The next step's entities are held back until the view has been moved meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/api/subgraph?*', async (route) => {
    await held;
    await route.continue();
  });
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
  await page.getByRole('button', { name: 'Move the view right' }).click();
  // The moved view is written to the address after a short pause: its entry still names step 2's entities.
  await expect(page).toHaveURL(/[?&]c=/);
  const linked = parseExplorerState(new URL(page.url()).searchParams).state;
  expect(stateIds(linked).filter((id) => !id.startsWith('*')).sort()).toEqual(expected(article.steps[1]!.view).ids);
  release();
  await expectStep(explorer, article, 1);
  await page.keyboard.press('ArrowRight');
  await expectStep(explorer, article, 2);
  await explorer.history('back');
  await expectStep(explorer, article, 1);
});

test("a step's link, copied, opens the same step in a fresh browser; its share card is the story's", async ({ page, explorer, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await explorer.open('/story/article?lang=en&step=2');
  await expect(page).toHaveURL(/[?&]story=article(&|$)/);
  await expectStep(explorer, article, 1);
  await card(page).getByRole('button', { name: 'Next' }).click();
  await expectStep(explorer, article, 2);
  await card(page).getByRole('button', { name: 'Copy link to this step' }).click();
  await expect(card(page).getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('step')).toBe('3');

  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const fresh = await context.newPage();
  const other = new ExplorerPage(fresh);
  await other.open(link);
  await expectStep(other, article, 2);
  await expect(other.details.getByRole('heading', { level: 2, name: 'Yin Hejun' })).toBeVisible();
  // The share card: the story's title and the step, the caption, and an image of this step.
  await expect(fresh.locator('meta[property="og:title"]')).toHaveAttribute('content', `${article.title} · step 3 of ${article.steps.length}`);
  await expect(fresh.locator('meta[property="og:description"]')).toHaveAttribute('content', article.steps[2]!.caption);
  const image = await fresh.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/story=article&step=3/);
  const response = await fresh.request.get(image!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  await context.close();
});

test('anyone can build a story: start from a view, add views, caption, reorder by keyboard, remove, and share the link', async ({ page, explorer, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await explorer.open(`/?n=${SEED.chongqing}&s=${SEED.chongqing}&lang=en`);
  await page.getByRole('button', { name: 'New story' }).click();
  const editor = page.getByTestId('story-editor');
  await expect(editor.getByRole('heading', { name: 'Story builder' })).toBeFocused();
  await editor.getByLabel('Story title').fill('Where it happened');
  await editor.getByLabel('Caption of step 1').fill('Chongqing, where the conference met.');
  await editor.getByLabel('Caption of step 1').blur();
  await expect.poll(() => new URL(page.url()).searchParams.get('story')).toMatch(/^1/);

  await explorer.search('Yin Hejun', /Yin Hejun/);
  await editor.getByRole('button', { name: 'Add this view as a step' }).click();
  await editor.getByLabel('Caption of step 2').fill('The minister.');
  await editor.getByLabel('Caption of step 2').blur();
  await expect(card(page)).toContainText('Step 2 of 2');

  // Reorder with the keyboard: the minister first.
  await editor.getByRole('button', { name: 'Up: move step 2 earlier' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Caption of step 1')).toHaveValue('The minister.');
  await expect(editor.getByLabel('Caption of step 2')).toHaveValue('Chongqing, where the conference met.');
  await expect(card(page)).toContainText('Step 1 of 2');

  // A third step, then removed again.
  await explorer.search('Chongqing', /Chongqing/);
  await editor.getByRole('button', { name: 'Add this view as a step' }).click();
  await expect(card(page)).toContainText('Step 2 of 3');
  await editor.getByRole('button', { name: 'Remove step 2' }).click();
  await expect(editor.getByRole('button', { name: /^Step \d/ })).toHaveCount(2);
  // The address is the story; "Copy story link" shares it from its first step.
  expect(new URL(page.url()).searchParams.get('story')).toMatch(/^1/);
  await editor.getByRole('button', { name: 'Copy story link' }).click();
  await expect(editor.getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('story')).toBe(new URL(page.url()).searchParams.get('story'));
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toHaveCount(0);

  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const fresh = await context.newPage();
  const other = new ExplorerPage(fresh);
  await other.open(link);
  await expect(card(fresh).getByRole('heading', { name: 'Where it happened' })).toBeVisible();
  await expect(fresh.getByTestId('story-caption')).toHaveText('The minister.');
  await expect.poll(() => other.graph.selectedIds()).toEqual([SEED.yinHejun]);
  await fresh.keyboard.press('ArrowRight');
  await expect(fresh.getByTestId('story-caption')).toHaveText('Chongqing, where the conference met.');
  await expect.poll(() => other.graph.selectedIds()).toEqual([SEED.chongqing]);
  await context.close();
});

test('a malformed story link says so and opens the view it names', async ({ page, explorer }) => {
  await explorer.open(`/?n=${SEED.chongqing}&s=${SEED.chongqing}&story=1broken-story&lang=en`);
  await expect(page.getByRole('status').filter({ hasText: 'The story in this link could not be read' })).toBeVisible();
  await expect(card(page)).toHaveCount(0);
  expect(await explorer.graph.selectedIds()).toEqual([SEED.chongqing]);
  await explorer.open('/?story=article&step=99&lang=en');
  await expect(page.getByRole('status').filter({ hasText: 'there is no step "99"' })).toBeVisible();
  await expectStep(explorer, article, 0);
});

test('a first visit offers the article in steps', async ({ page, explorer }) => {
  await explorer.open('/?lang=en');
  await page.getByRole('link', { name: 'Read the article in steps' }).click();
  await expect(page).toHaveURL(/[?&]story=article(&|$)/);
  await explorer.waitForGraph();
  await expectStep(explorer, article, 0);
});

/** Every step of both shipped stories, moved through with the Next button: each loads with no error, no note. */
async function playAll(explorer: ExplorerPage, minTarget: number) {
  const { page } = explorer;
  for (const [id, story] of [['article', article], ['partners', partners]] as const) {
    await explorer.open(`/?story=${id}&lang=en`);
    for (let i = 0; i < story.steps.length; i++) {
      if (i > 0) await card(page).getByRole('button', { name: 'Next' }).click();
      await expectStep(explorer, story, i);
      await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
      await expect(page.locator('.notes li')).toHaveCount(0);
    }
    for (const button of await card(page).getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height), await button.innerText()).toBeGreaterThanOrEqual(minTarget);
    }
  }
}

test('every step of the shipped stories loads without an error on a desktop', async ({ explorer }) => {
  test.setTimeout(180_000);
  await playAll(explorer, 24);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('every step of the shipped stories loads without an error, and a swipe on the card moves on', async ({ page, explorer }) => {
    test.setTimeout(180_000);
    await playAll(explorer, 44);
    await explorer.open('/?story=partners&lang=en');
    const box = (await page.getByTestId('story-card').boundingBox())!;
    const swipe = async (from: number, to: number) => page.getByTestId('story-card').evaluate((element, { x1, x2, y }) => {
      const touch = (x: number) => new Touch({ identifier: 1, target: element, clientX: x, clientY: y });
      element.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [touch(x1)], changedTouches: [touch(x1)] }));
      element.dispatchEvent(new TouchEvent('touchend', { bubbles: true, touches: [], changedTouches: [touch(x2)] }));
    }, { x1: from, x2: to, y: box.y + 20 });
    await swipe(box.x + box.width - 40, box.x + 40);
    await expectStep(explorer, partners, 1);
    await swipe(box.x + 40, box.x + box.width - 40);
    await expectStep(explorer, partners, 0);
  });
});
