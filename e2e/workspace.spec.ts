import type { Page } from '@playwright/test';
import { expect, test } from './desk-host';
import { chooseSource, expectQuicklookOnMap, search, shot, wktToulouseAoi } from './journey';

/** The stored current workspace, read through the page's own authenticated client (browser mode). */
async function storedWorkspace(page: Page): Promise<{ name: string; state: { section: string; view: { projection: number } | null; search: { selectedSceneId: string | null } | null } }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/invoke/workspace.current', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Desk-Token': sessionStorage.getItem('imagery-desk.token') ?? '' },
      body: '{}',
    });
    const reply = (await res.json()) as { ok: boolean; value: never };
    return reply.value;
  });
}

/** What the user sees of the view: the pointer readout at the map's centre and the scale bar. */
async function viewReadout(page: Page): Promise<{ pointer: string; scale: string }> {
  const map = page.getByRole('region', { name: 'Map' });
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const pointer = (await page.getByRole('status', { name: 'Pointer coordinates' }).textContent()) ?? '';
  const scale = (await map.locator('.ol-scale-line-inner').textContent()) ?? '';
  return { pointer, scale };
}

test('a restart puts the user back: view, projection, section, search, selection and quicklook', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  const results = await search(page, panel);
  const chosen = results.getByRole('option').nth(2);
  // An option's name is its own text: its date and satellite (the first two columns) name it.
  const chosenLabel = new RegExp(`^${((await chosen.textContent()) ?? '').trim().split(' ').slice(0, 2).join(' ')} `);
  await chosen.click();
  await expect(panel.getByRole('region', { name: /· \d{4}-\d{2}-\d{2}/ }).getByRole('status')).toContainText('Quicklook shown on the map');

  // A projection of the user's choosing, then a zoom and pan of their own.
  await page.getByRole('tab', { name: 'AOIs' }).click();
  const details = page.getByRole('region', { name: 'Active AOI Toulouse' });
  // Lambert-93 is among the Pléiades product's projections, so it is offered in the list.
  await details.getByLabel('Map projection').selectOption('2154');
  await expect(details.getByLabel('Map projection')).toHaveValue('2154');
  await page.getByRole('tab', { name: 'Archive' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('region', { name: 'Map' }).focus();
  await page.keyboard.press('ArrowLeft');

  // Written as the user works: wait until the stored state holds all of it and stops changing (the
  // last pan's save comes a debounce after its animation settles).
  let previous = '';
  await expect
    .poll(async () => {
      const w = await storedWorkspace(page);
      const now = JSON.stringify(w.state.view);
      const settled = now === previous;
      previous = now;
      return [w.state.section, w.state.view?.projection, w.state.search?.selectedSceneId !== null, settled];
    }, { message: 'the workspace should be written as the user works', intervals: [1_000] })
    .toEqual(['archive', 2154, true, true]);
  const before = await viewReadout(page);
  await shot(page, '01-before-restart.png');

  await page.goto(await desk.restart());
  const reopened = page.getByRole('region', { name: 'Archive' });
  await expect(page.getByRole('tab', { name: 'Archive' })).toHaveAttribute('aria-selected', 'true');
  const restored = reopened.getByRole('listbox', { name: /^Search results, \d+ scenes/ });
  await expect(restored.getByRole('option', { name: chosenLabel })).toHaveAttribute('aria-selected', 'true');
  await expect(reopened.getByRole('region', { name: /· \d{4}-\d{2}-\d{2}/ }).getByRole('status')).toContainText('Quicklook shown on the map');
  await expectQuicklookOnMap(page);
  await expect.poll(() => viewReadout(page), { message: 'the same place at the same scale, in Lambert-93' }).toEqual(before);
  expect(before.pointer).toContain('EPSG:2154');
  await shot(page, '02-after-restart.png');
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await expect(page.getByRole('region', { name: 'Active AOI Toulouse' }).getByLabel('Map projection')).toHaveValue('2154');
});

test('named workspaces: save as, switch, rename, delete with undo, export and import', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByRole('button', { name: /^Workspace: Last session/ }).click();
  let dialog = page.getByRole('dialog', { name: 'Workspaces' });
  await dialog.getByLabel('New workspace name').fill('Alps study');
  await dialog.getByRole('button', { name: 'Save as' }).click();
  await expect(page.getByRole('button', { name: /^Workspace: Alps study/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Work goes on in "Alps study"; "Last session" keeps where it was left.
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await expect.poll(async () => (await storedWorkspace(page)).state.section).toBe('aois');
  await page.getByRole('button', { name: /^Workspace: Alps study/ }).click();
  dialog = page.getByRole('dialog', { name: 'Workspaces' });
  await dialog.getByRole('button', { name: 'Open Last session' }).click();
  await expect(page.getByRole('tab', { name: 'Orders' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: /^Workspace: Last session/ })).toBeVisible();

  await page.getByRole('button', { name: /^Workspace: Last session/ }).click();
  dialog = page.getByRole('dialog', { name: 'Workspaces' });
  const list = dialog.getByRole('list', { name: 'Saved workspaces' });
  await dialog.getByRole('button', { name: 'Rename Alps study' }).click();
  await dialog.getByLabel('New name for Alps study').fill('Last session');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('already called');
  await dialog.getByRole('button', { name: 'Rename Alps study' }).click();
  await dialog.getByLabel('New name for Alps study').fill('Alps 2026');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(list.getByRole('listitem', { name: 'Alps 2026' })).toBeVisible();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Alps 2026' }).click();
  const file = await (await download).path();
  expect(file).toBeTruthy();

  await dialog.getByRole('button', { name: 'Delete Alps 2026' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem', { name: 'Alps 2026' })).toBeVisible();

  await dialog.getByLabel('Import a workspace file').setInputFiles(file!);
  await expect(list.getByRole('listitem', { name: 'Alps 2026 (2)' })).toBeVisible();
  await shot(page, '03-workspaces.png');
  await dialog.getByRole('button', { name: 'Open Alps 2026 (2)' }).click();
  await expect(page.getByRole('tab', { name: 'AOIs' })).toHaveAttribute('aria-selected', 'true');
});
