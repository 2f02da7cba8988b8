import type { Locator, Page } from '@playwright/test';
import { expect } from './desk-host';
import { pasteAoi } from './journey';

/** Steps the tasking journeys share: the guide's Toulouse AOI, the source, parameters and ordering. */

// The One Tasking guide's Toulouse AOI (~132 km², above the Pléiades 100 km² minimum).
export const TOULOUSE_CITY_WKT =
  'POLYGON((1.37638092041016 43.5453131406237, 1.50959014892578 43.5453131406237, 1.50959014892578 43.6561983054132, 1.37638092041016 43.6561983054132, 1.37638092041016 43.5453131406237))';

export async function cityAoi(page: Page, name = 'Toulouse city'): Promise<void> {
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await pasteAoi(page, name, TOULOUSE_CITY_WKT);
}

/** Tasking section on the sandbox OneAtlas account and its SPOT & Pléiades contract, one offer chosen. */
export async function chooseOffer(page: Page, offer: RegExp): Promise<Locator> {
  await page.getByRole('tab', { name: 'Tasking' }).click();
  const panel = page.getByRole('region', { name: 'Tasking' });
  const account = panel.getByLabel('Account', { exact: true });
  const option = account.getByRole('option', { name: /^Sandbox — OneAtlas/ });
  await account.selectOption((await option.getAttribute('value'))!);
  await panel.getByLabel('Contract', { exact: true }).selectOption({ label: 'Sandbox SPOT & Pléiades' });
  await panel.getByRole('radio', { name: offer }).check();
  return panel;
}

/** Market, country and the notification e-mail: what every tasking order must declare. */
export async function declare(panel: Locator, email = 'buyer@example.com'): Promise<void> {
  await panel.getByLabel('Primary market').selectOption({ index: 1 });
  const secondary = panel.getByLabel('Secondary market');
  if (await secondary.count()) await secondary.selectOption({ index: 1 });
  const country = panel.getByLabel('End-user country');
  if (await country.count()) await country.selectOption('FR');
  await panel.getByLabel('Notify when acquired').fill(email);
}

/** Get price, Order…, confirm; answers the tasking id the confirmation names. */
export async function priceAndOrder(page: Page, panel: Locator, onConfirm?: () => Promise<void>): Promise<string> {
  await panel.getByRole('button', { name: 'Get price' }).click();
  const price = panel.getByLabel('Price', { exact: true });
  await expect(price).toContainText('Total');
  await panel.getByRole('button', { name: 'Order…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm tasking order' });
  await expect(dialog.getByLabel('Tasking order summary')).toContainText(/Credit remaining/);
  await onConfirm?.();
  await dialog.getByRole('button', { name: /^Order for / }).click();
  const done = page.getByRole('dialog', { name: 'Tasking ordered' });
  await expect(done.getByRole('status')).toContainText('Sales order');
  const text = (await done.getByRole('status').textContent()) ?? '';
  await done.getByRole('button', { name: 'Close' }).click();
  return /Tasking (\S+?)(,| —)/.exec(text)?.[1] ?? '';
}

/** The embedded sandbox's origin, as the Accounts section (the first screen) shows it. */
export async function sandboxOrigin(page: Page): Promise<string> {
  const shown = (await page.getByText(/^Provider sandbox at/).textContent()) ?? '';
  return `http://${/Provider sandbox at\s*(\S+)/.exec(shown)?.[1] ?? ''}`;
}

export async function admin<T = Record<string, unknown>>(origin: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${origin}/__admin${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(r.ok).toBe(true);
  return (await r.json()) as T;
}

/** The tasking orders the sandbox received (each POST that reached it), with their customer references. */
export async function taskingOrdersReceived(origin: string): Promise<{ customerReference?: string }[]> {
  const { items } = await admin<{ items: { kind: string; customerReference?: string }[] }>(origin, '/orders');
  return items.filter((i) => i.kind === 'tasking');
}

/** New tasking tab: choose the n-th OneDay attempt of the answer shown, declare, price and order. */
export async function orderAttempt(page: Page, panel: Locator, n: number): Promise<string> {
  await panel.getByRole('tab', { name: 'New tasking' }).click();
  const list = panel.getByRole('listbox', { name: 'Acquisition attempts' });
  if (!(await list.isVisible())) await panel.getByRole('button', { name: 'Find attempts' }).click();
  await list.getByRole('option').nth(n).click();
  await panel.getByRole('button', { name: 'Choose this acquisition' }).click();
  await declare(panel);
  return priceAndOrder(page, panel);
}
