import { z } from 'zod';
import { DeliveredProductSchema, type DeliveredFile, type DeliveredProduct, type DeliverySource } from '../../../shared/domain/deliveries';
import { PROVIDERS, isArchiveKind } from '../../../shared/domain/providers';
import { DeskFailure } from '../../errors';
import type { CallOptions } from '../../providers/types';
import type { ProviderDelivery, WorkspaceProvider } from '../../providers/workspace';
import type { DeliveriesRepo, StoredFile, StoredProduct } from '../../store/deliveries-repo';
import type { OrdersRepo } from '../../store/orders-repo';
import type { QuicklooksRepo } from '../../store/quicklooks-repo';
import type { TaskingsRepo } from '../../store/taskings-repo';
import { cachedRead, isUnreachable, storedCopy, type Cached } from '../shared/cached-read';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { extensionFor, sanitizeFileName } from './names';

/**
 * The delivered products of an account's workspace: listed from the provider and stored (the stored copy
 * answers offline), each linked to the order or tasking it came from by customer reference, and its
 * quicklook fetched once with the account's credentials and kept in SQLite.
 */

export interface ProductsDeps {
  access: ProviderAccess;
  repo: DeliveriesRepo;
  orders: OrdersRepo;
  taskings: TaskingsRepo;
  quicklooks: QuicklooksRepo;
  now: () => Date;
}

const PROG_LABELS: Record<string, string> = { ONEDAY: 'OneDay', ONENOW: 'OneNow', ONEPLAN: 'OnePlan', ONESERIES: 'OneSeries' };

/** The files as the list shows them: names made safe for the disk, sizes where the link gives them. */
export function filesOf(p: Pick<ProviderDelivery, 'title' | 'files'>): { shown: DeliveredFile[]; stored: StoredFile[] } {
  const shown = p.files.map((f) => ({ fileId: f.fileId, name: sanitizeFileName(f.name ?? `${p.title}${extensionFor(f.type)}`, extensionFor(f.type)), size: f.size }));
  const stored = p.files.map((f, i) => ({ ...f, name: shown[i]!.name }));
  return { shown, stored };
}

function toStored(p: ProviderDelivery): { product: StoredProduct; files: StoredFile[] } {
  const { shown, stored } = filesOf(p);
  const { hasQuicklook: _q, files: _f, ...rest } = p;
  return { product: { ...rest, files: shown }, files: stored };
}

export function createProducts(deps: ProductsDeps) {
  /** Which of the account's stored orders or taskings carries this customer reference. */
  const sourceOf = (accountId: string, reference: string | null): DeliverySource | null => {
    if (!reference) return null;
    const tasking = deps.taskings.byReference(accountId, reference)[0];
    if (tasking) return { kind: 'tasking', id: tasking.id, contractId: tasking.contractId, label: `Tasking ${tasking.id} · ${PROG_LABELS[tasking.programmingType.toUpperCase()] ?? tasking.programmingType}` };
    const order = deps.orders.findByReference(accountId, reference);
    if (order) return { kind: 'order', id: order.id, contractId: order.contractId, label: `Order ${order.salesOrderId ?? order.quotationId ?? order.id} · ${order.productTypeId}` };
    return null;
  };
  const withSource = (accountId: string, p: StoredProduct): DeliveredProduct => ({ ...p, accountId, source: sourceOf(accountId, p.customerReference) });

  const stored = (accountId: string) => {
    const got = deps.repo.products(accountId);
    return got && { value: got.value.map((p) => withSource(accountId, p)), dates: got.dates };
  };

  /** The account's workspace capability, or UNSUPPORTED in one sentence. */
  const workspaceOf = async (accountId: string, work: (w: WorkspaceProvider, call: CallOptions) => Promise<DeliveredProduct[]>) => {
    const account = await deps.access.account(accountId);
    const label = PROVIDERS[account.provider].label;
    const unsupported = () => new DeskFailure('UNSUPPORTED', `${label} accounts have no workspace of delivered products; My data lists OneAtlas deliveries.`);
    if (!isArchiveKind(account.provider)) throw unsupported();
    return withProvider(deps.access, accountId, ({ provider, call }) => {
      if (!provider.workspace) throw unsupported();
      return work(provider.workspace, call);
    });
  };

  return {
    list(accountId: string): Promise<Cached<DeliveredProduct[]>> {
      return cachedRead(
        storedCopy(() => stored(accountId)),
        accountId,
        'deliveries',
        () =>
          workspaceOf(accountId, async (w, call) => {
            const listing = await w.delivered(call);
            const rows = listing.products.map((p) => ({ ...toStored(p), raw: p.properties }));
            deps.repo.saveProducts(accountId, rows, deps.now().toISOString(), listing.complete);
            return rows.map((r) => withSource(accountId, r.product));
          }),
        z.array(DeliveredProductSchema),
        deps.now,
      );
    },

    /** A stored product with its files' links (downloads start from the stored list, online or not). */
    product(accountId: string, productId: string): { product: StoredProduct; files: StoredFile[] } {
      const found = deps.repo.product(accountId, productId);
      if (!found) throw new DeskFailure('NOT_FOUND', 'This product is not in the stored list of My data; refresh the list and try again.');
      return found;
    },

    async quicklook(accountId: string, productId: string): Promise<{ dataUrl: string; cached: boolean }> {
      const account = await deps.access.account(accountId);
      const key = `${account.provider}`;
      const cached = deps.quicklooks.get(key, productId);
      if (cached) return { dataUrl: toDataUrl(cached.contentType, cached.bytes), cached: true };
      const { product } = this.product(accountId, productId);
      const links = (product.properties['_links'] ?? {}) as { quicklook?: { href?: unknown } };
      if (typeof links.quicklook?.href !== 'string') throw new DeskFailure('NO_QUICKLOOK', 'The provider offers no quicklook for this product.');
      try {
        const fetched = await withProvider(deps.access, accountId, ({ provider, call }) => {
          if (!provider.workspace) throw new DeskFailure('UNSUPPORTED', 'This account has no workspace of delivered products.');
          return provider.workspace.quicklook(product.properties, call);
        });
        deps.quicklooks.put({ provider: key, sceneId: productId, contentType: fetched.contentType, bytes: fetched.bytes, fetchedAt: deps.now().toISOString() });
        return { dataUrl: toDataUrl(fetched.contentType, fetched.bytes), cached: false };
      } catch (err) {
        if (isUnreachable(err)) throw new DeskFailure('PROVIDER_UNREACHABLE', 'Offline: this quicklook was not viewed before, so it is not stored.');
        throw err;
      }
    },
  };
}
export type Products = ReturnType<typeof createProducts>;

const toDataUrl = (contentType: string, bytes: Uint8Array): string => `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
