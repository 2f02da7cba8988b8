import type { Locator, Page } from '@playwright/test';
import { expect } from './desk-host';
import { admin } from './tasking-journey';

/** Steps the Origen programming journeys share: the account, the form's dates, the send and what the sandbox received. */

/** Tasking section on the sandbox Origen account; answers the programming form. */
export async function chooseOrigen(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Tasking' }).click();
  const panel = page.getByRole('region', { name: 'Tasking' });
  const account = panel.getByLabel('Account', { exact: true });
  const option = account.getByRole('option', { name: /^Sandbox — Origen/ });
  await account.selectOption((await option.getAttribute('value'))!);
  const form = panel.getByRole('group', { name: 'Origen programming' });
  await expect(form).toBeVisible();
  return form;
}

/** The window as typed (local time), then the guide's UTC form of each as the form shows it beside. */
export async function setWindow(form: Locator, start: string, end: string): Promise<{ startDate: string; endDate: string }> {
  await form.getByLabel('Start', { exact: true }).fill(start);
  await form.getByLabel('End', { exact: true }).fill(end);
  const guide = async (label: string) => {
    const shown = (await form.getByLabel(label).textContent()) ?? '';
    const m = /^(\d{4}-\d{2}-\d{2})\s(\d{2}:\d{2}) UTC$/.exec(shown.trim());
    expect(m, `UTC beside the field: ${shown}`).not.toBeNull();
    return `${m![1]}T${m![2]}:00`;
  };
  return { startDate: await guide('Start in UTC'), endDate: await guide('End in UTC') };
}

/** Review…, check the summary, confirm; answers the dialog (still open) after the send. */
export async function reviewAndCreate(page: Page, form: Locator, check?: (summary: Locator) => Promise<void>): Promise<Locator> {
  await form.getByRole('button', { name: 'Review programming order…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm programming order' });
  const summary = dialog.getByLabel('Programming order summary');
  await expect(summary).toContainText('AOI');
  await check?.(summary);
  await dialog.getByRole('button', { name: 'Create programming order' }).click();
  return dialog;
}

/** Creates and closes the dialog; answers the order number. */
export async function createOrder(page: Page, form: Locator, check?: (summary: Locator) => Promise<void>): Promise<string> {
  await reviewAndCreate(page, form, check);
  const done = page.getByRole('dialog', { name: 'Programming order created' });
  await expect(done.getByRole('status')).toContainText('Order number PROG_ORDER_');
  const text = (await done.getByRole('status').textContent()) ?? '';
  await done.getByRole('button', { name: 'Close' }).click();
  return /(PROG_ORDER_\d+)/.exec(text)?.[1] ?? '';
}

export interface ReceivedProgramming {
  id: string;
  body: Record<string, unknown>;
}

/** The programming orders the sandbox took (each create that reached it and was stored). */
export async function programmingReceived(origin: string): Promise<ReceivedProgramming[]> {
  const { items } = await admin<{ items: (ReceivedProgramming & { kind: string })[] }>(origin, '/orders');
  return items.filter((i) => i.kind === 'programming');
}

/** The Orders section's programming orders of the sandbox Origen account. */
export async function programmingOrders(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Orders' }).click();
  const region = page.getByRole('region', { name: 'Programming orders' });
  await expect(region).toBeVisible();
  return region;
}
