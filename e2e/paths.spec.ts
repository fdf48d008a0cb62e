import { expect, test } from './fixtures';
import { SEED } from './seed-ids';

interface Path { nodes: { id: string }[]; edges: { id: string }[]; reading: string }

test('ranked paths: choose the second of three, and its link reopens it', async ({ page, browser, explorer }) => {
  const answer = await page.request.get(`/api/paths?from=${SEED.kazakhstan}&to=${SEED.yinHejun}&k=3`);
  const ranked = ((await answer.json()) as { paths: Path[] }).paths;
  expect(ranked).toHaveLength(3);
  const ids = (p: Path) => p.nodes.map((n) => n.id);
  const onlyFirst = ids(ranked[0]!).filter((id) => !ids(ranked[1]!).includes(id));

  await explorer.open();
  await explorer.findPaths('Kazakhstan', /^Kazakhstan/, 'Yin Hejun', /Yin Hejun/);

  const list = page.getByRole('listbox', { name: 'Paths found' });
  const choices = list.getByRole('option');
  await expect(choices).toHaveCount(3);
  await expect(choices.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(choices.nth(0)).toContainText(/\d steps?/);
  await expect(choices.nth(0)).toContainText('Kazakhstan');

  await choices.nth(1).click();
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]pi=2(&|$)/);
  await expect(choices.nth(1)).toHaveAttribute('aria-selected', 'true');
  for (const id of ids(ranked[1]!)) await expect.poll(() => explorer.graph.classes(id), id).toContain('path');
  for (const id of onlyFirst) await expect.poll(() => explorer.graph.classes(id), id).not.toContain('path');

  // A fresh page from the address draws the same path, chosen in the list.
  const link = page.url();
  const other = await browser.newPage();
  await other.goto(link);
  await expect.poll(() => other.evaluate(() => window.__graph?.nodeIds().length ?? 0)).toBeGreaterThan(0);
  // The link names a search, so the path finder opens with it.
  await expect(other.getByRole('listbox', { name: 'Paths found' }).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  for (const id of ids(ranked[1]!)) await expect.poll(() => other.evaluate((x) => window.__graph?.classes(x) ?? [], id), id).toContain('path');
  for (const id of onlyFirst) await expect.poll(() => other.evaluate((x) => window.__graph?.classes(x) ?? [], id), id).not.toContain('path');
  await other.close();

  // Choosing a path is a step in history: Back draws the first again, Forward the second.
  await explorer.history('back');
  await expect(page).not.toHaveURL(/[?&]pi=/);
  await expect(choices.nth(0)).toHaveAttribute('aria-selected', 'true');
  for (const id of onlyFirst) await expect.poll(() => explorer.graph.classes(id), id).toContain('path');
  await explorer.history('forward');
  await expect(choices.nth(1)).toHaveAttribute('aria-selected', 'true');

  // Up and Down move between the paths while the list has the focus.
  await list.focus();
  await page.keyboard.press('ArrowUp');
  await explorer.settled();
  await expect(choices.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page).not.toHaveURL(/[?&]pi=/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]pi=3(&|$)/);
  for (const id of ids(ranked[2]!)) await expect.poll(() => explorer.graph.classes(id), id).toContain('path');
});

test('avoid hubs in one click: the paths leave the initiative out, and the link says so', async ({ page, explorer }) => {
  await explorer.open(`/?v=1&n=${SEED.kazakhstan};${SEED.yinHejun}&p=${SEED.kazakhstan},${SEED.yinHejun}`);
  await expect(page.getByRole('listbox', { name: 'Paths found' }).getByRole('option')).toHaveCount(3);
  await page.getByText('Options').click();
  await page.getByRole('checkbox', { name: /Avoid hubs/ }).check();
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]pavoid=hubs(&|$)/);
  await expect(page.getByRole('list', { name: 'Path' })).not.toContainText('Belt and Road Initiative');
  await expect(page.getByRole('list', { name: 'Path' }).getByRole('listitem').last()).toContainText('Yin Hejun');
});

test('the options\' checkboxes leave out an entity type and allow only some relationships, and the link says so', async ({ page, explorer }) => {
  await explorer.open(`/?v=1&n=${SEED.kazakhstan};${SEED.yinHejun}&p=${SEED.kazakhstan},${SEED.yinHejun}`);
  // The second path drawn: the options now offer its entity and relationship types.
  await page.getByRole('listbox', { name: 'Paths found' }).getByRole('option').nth(1).click();
  await explorer.settled();
  const path = page.getByRole('list', { name: 'Path' });
  await expect(path).toContainText('Ministerial Meeting');
  await page.getByText('Options').click();
  await page.getByRole('group', { name: 'Leave out entity types' }).getByRole('checkbox', { name: 'Event', exact: true }).check();
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]pavoid=Event(&|$)/);
  await expect(path).not.toContainText('Ministerial Meeting');
  await expect(path).not.toContainText('Conference');
  await expect(path.getByRole('listitem').last()).toContainText('Yin Hejun');

  const only = page.getByRole('group', { name: /Only these relationships/ });
  // Representation alone does not reach the minister: the finder says so, and what is drawn stays.
  await only.getByRole('checkbox', { name: 'represented at', exact: true }).check();
  await explorer.settled();
  await expect(page.getByText(/No connection within \d+ steps with these options/)).toBeVisible();
  await expect(page).toHaveURL(/[?&]pavoid=Event(&|$)/);
  expect(page.url()).not.toContain('ptypes=');
  await expect(path).toContainText('partner of');
  // Partnership, "about" and "stated" do: the paths use only them, and the link names them.
  await only.getByRole('checkbox', { name: 'represented at', exact: true }).uncheck();
  for (const name of ['partner of', 'about', 'stated']) await only.getByRole('checkbox', { name, exact: true }).check();
  await explorer.settled();
  await expect(page).toHaveURL(/[?&]ptypes=ABOUT,PARTNER_OF,STATED(&|$)/);
  await expect(page.getByText(/No connection/)).toHaveCount(0);
  await expect(path).toContainText('partner of');
  await expect(path.getByRole('listitem').last()).toContainText('Yin Hejun');
});
