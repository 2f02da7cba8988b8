import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '../src/shared/domain/sandbox';
import { expect } from './desk-host';
import { chooseSource, search, wktToulouseAoi } from './journey';
import { stopChild, waitForLine } from './child-process';

/** Steps the My data journeys share: an archive order to be delivered, the panel, a file's row and its bytes. */

/** Orders the first Pléiades scene over Toulouse on the sandbox OneAtlas account; answers the customer reference. */
export async function orderArchiveScene(page: Page, reference: string): Promise<string> {
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  const results = await search(page, panel);
  await results.getByRole('option', { name: /PHR|Pl[eé]iades/i }).first().click();
  await panel.getByRole('button', { name: 'Add to basket' }).click();
  await panel.getByLabel('Primary market').selectOption({ index: 1 });
  const secondary = panel.getByLabel('Secondary market');
  if (await secondary.count()) await secondary.selectOption({ index: 1 });
  const country = panel.getByLabel('End-user country');
  if (await country.count()) await country.selectOption('FR');
  await panel.getByLabel('Customer reference', { exact: true }).fill(reference);
  await panel.getByRole('button', { name: 'Get price' }).click();
  await expect(panel.getByLabel('Price', { exact: true })).toContainText('Total');
  await panel.getByRole('button', { name: 'Order…' }).click();
  await page.getByRole('dialog', { name: 'Confirm order' }).getByRole('button', { name: /^Order for / }).click();
  const placed = page.getByRole('dialog', { name: 'Order placed' });
  await expect(placed.getByRole('status')).toContainText('Sales order');
  const salesOrderId = (await placed.getByRole('status').locator('.mono').first().textContent())?.trim() ?? '';
  await placed.getByRole('button', { name: 'Close' }).click();
  return salesOrderId;
}

/** The My data section, its products list, and the detail of the product matching `name`. */
export async function openMyData(page: Page): Promise<{ panel: Locator; list: Locator }> {
  await page.getByRole('tab', { name: 'My data' }).click();
  const panel = page.getByRole('region', { name: 'My data' });
  return { panel, list: panel.getByRole('listbox', { name: /^Delivered products of / }) };
}

/** A file's card in the selected product's detail (its name is the one shown). */
export const fileCard = (panel: Locator) => panel.getByRole('listitem', { name: /^File / }).first();

/** The bar's current value (bytes done). */
export async function barValue(bar: Locator): Promise<number> {
  return Number((await bar.getAttribute('aria-valuenow')) ?? '0');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The product's file fetched directly from the sandbox, with the account's bearer token, and its Repr-Digest. */
export async function directDownload(origin: string, productId: string): Promise<{ sha: string; reprDigest: string | null; size: number }> {
  const form = new URLSearchParams({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' });
  const token = await fetch(`${origin}${SANDBOX_PREFIXES.oneatlas.auth}/auth/realms/IDP/protocol/openid-connect/token`, { method: 'POST', body: form });
  expect(token.ok).toBe(true);
  const { access_token: bearer } = (await token.json()) as { access_token: string };
  const res = await fetch(`${origin}${SANDBOX_PREFIXES.oneatlas.data}/api/v1/items/${productId}/download`, { headers: { Authorization: `Bearer ${bearer}` } });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { sha: sha256(bytes), reprDigest: res.headers.get('repr-digest'), size: bytes.length };
}

/** The sha-256 of a finished file on disk, and proof that no `.part` is left in its folder. */
export function onDisk(path: string): { sha: string; size: number; parts: string[] } {
  expect(existsSync(path), `${path} should exist`).toBe(true);
  const bytes = readFileSync(path);
  const folder = path.slice(0, path.lastIndexOf('/'));
  return { sha: sha256(bytes), size: bytes.length, parts: readdirSync(folder).filter((n) => n.endsWith('.part')) };
}

/**
 * The provider sandbox as its own process (`out/main/sandbox.js`), so its orders and deliveries outlive
 * a restart of the desk (the embedded one starts afresh with each desk process).
 */
export class StandaloneSandbox {
  private child?: ChildProcess;
  origin = '';

  async start(port: number): Promise<string> {
    const child = spawn(process.execPath, ['out/main/sandbox.js', '--port', String(port)], { cwd: `${__dirname}/..`, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.origin = await waitForLine(child, /provider sandbox on (http:\/\/\S+)/, 'sandbox');
    return this.origin;
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
  }
}
