import { test as base, expect, type Locator, type Page } from '@playwright/test';
import en from '../messages/en/explorer.json';
import ru from '../messages/ru/explorer.json';
import zh from '../messages/zh/explorer.json';

/** An exact accessible name in whichever interface language the page speaks. */
export function anyLanguage(key: 'searchLabel' | 'detailsLabel'): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(${[en, ru, zh].map((m) => escape(m[key])).join('|')})$`);
}

/** A page object for the explorer: locators by role, and the read-only window.__graph hook for the canvas. */
export class ExplorerPage {
  readonly searchBox: Locator;
  readonly details: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    // Named in any of the interface languages, so one page object serves them all.
    this.searchBox = page.getByRole('combobox', { name: anyLanguage('searchLabel') });
    this.details = page.getByRole('complementary', { name: anyLanguage('detailsLabel') });
    this.status = page.locator('.status-line');
  }

  /** Opens a URL and waits until the canvas has drawn the view. */
  async open(path = '/') {
    await this.page.goto(path);
    await this.waitForGraph();
  }

  async waitForGraph() {
    await expect.poll(() => this.graph.nodeIds().then((ids) => ids.length)).toBeGreaterThan(0);
    await this.settled();
  }

  /** No request running and no animation: the view is what the state says (waiting up to `timeout` ms for the step). */
  async settled(timeout?: number) {
    // In any interface language: the status line says it is busy while a step runs.
    await expect(this.status).not.toHaveAttribute('aria-busy', 'true', { timeout });
    await expect.poll(() => this.page.evaluate(() => window.__graph?.animating() ?? true)).toBe(false);
  }

  /** Browser Back or Forward, then wait until the view has caught up. */
  async history(direction: 'back' | 'forward') {
    await (direction === 'back' ? this.page.goBack() : this.page.goForward());
    await this.settled();
  }

  async search(text: string, pick: RegExp) {
    await this.searchBox.fill(text);
    await this.page.getByRole('option', { name: pick }).first().click();
    await this.settled();
  }

  /** "How are these connected?" from one entity to another, both picked from the suggestions as a reader would. */
  async findPaths(from: string, fromPick: RegExp, to: string, toPick: RegExp) {
    await this.page.getByText('How are these connected?').click();
    await this.page.getByRole('combobox', { name: 'Path from' }).fill(from);
    await this.page.getByRole('option', { name: fromPick }).click();
    await this.page.getByRole('combobox', { name: 'Path to' }).fill(to);
    await this.page.getByRole('option', { name: toPick }).click();
    await this.page.getByRole('button', { name: 'Show the paths' }).click();
    await this.settled();
  }

  /** Where to click an entity; when it is off-screen or under the legend or a panel, pan to it first, as a user would. */
  async pointOf(id: string) {
    let point = await this.graph.renderedPosition(id);
    if (!point) throw new Error(`${id} is not on the canvas`);
    const reachable = (p: { x: number; y: number }) => this.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="graph-canvas"]') != null, p);
    if (!(await reachable(point))) {
      await this.page.evaluate((x) => window.__graph?.centerOn(x), id);
      point = (await this.graph.renderedPosition(id))!;
    }
    return point;
  }

  async doubleClickNode(id: string) {
    const point = await this.pointOf(id);
    await this.page.mouse.dblclick(point.x, point.y);
    await this.settled();
  }

  async clickNode(id: string) {
    const point = await this.pointOf(id);
    await this.page.mouse.click(point.x, point.y);
    await this.settled();
  }

  readonly graph = {
    nodeIds: () => this.page.evaluate(() => window.__graph?.nodeIds() ?? []),
    visibleNodeIds: () => this.page.evaluate(() => window.__graph?.visibleNodeIds() ?? []),
    edgeIds: () => this.page.evaluate(() => window.__graph?.edgeIds() ?? []),
    visibleEdgeIds: () => this.page.evaluate(() => window.__graph?.visibleEdgeIds() ?? []),
    nodeStyle: (id: string) => this.page.evaluate((x) => window.__graph?.nodeStyle(x) ?? null, id),
    edgeStyle: (id: string) => this.page.evaluate((x) => window.__graph?.edgeStyle(x) ?? null, id),
    selectedIds: () => this.page.evaluate(() => window.__graph?.selectedIds() ?? []),
    classes: (id: string) => this.page.evaluate((x) => window.__graph?.classes(x) ?? [], id),
    position: (id: string) => this.page.evaluate((x) => window.__graph?.position(x) ?? null, id),
    renderedPosition: (id: string) => this.page.evaluate((x) => window.__graph?.renderedPosition(x) ?? null, id),
    zoom: () => this.page.evaluate(() => window.__graph?.zoom() ?? 0),
    label: (id: string) => this.page.evaluate((x) => window.__graph?.label(x) ?? null, id),
  };
}

export const test = base.extend<{ explorer: ExplorerPage }>({
  explorer: async ({ page }, use) => {
    await use(new ExplorerPage(page));
  },
});

export { expect };
