import type { Account } from '../../../shared/domain/account';
import type { ProductType, Scene } from '../../../shared/domain/archive';
import type { ComparisonLabel } from '../../../shared/domain/comparison';
import { PROVIDERS } from '../../../shared/domain/providers';
import type { ProgType, TaskingProductType } from '../../../shared/domain/tasking';

/** How the picker and the table name an offer: provider, account, product (and scene), type. */

const PROG_TYPE_NAMES: Record<ProgType, string> = { ONEDAY: 'OneDay', ONENOW: 'OneNow', ONEPLAN: 'OnePlan', ONESERIES: 'OneSeries' };

export const archiveLabel = (account: Account, product: ProductType, scene: Pick<Scene, 'satellite' | 'acquisitionDate'>): ComparisonLabel => ({
  provider: PROVIDERS[account.provider].label,
  accountName: account.label,
  product: `${product.label} · ${scene.satellite} ${scene.acquisitionDate.slice(0, 10)}`,
  type: 'Archive',
});

export const taskingLabel = (account: Account, product: TaskingProductType): ComparisonLabel => ({
  provider: PROVIDERS[account.provider].label,
  accountName: account.label,
  product: product.label,
  type: PROG_TYPE_NAMES[product.progType],
});

/** What is known before the product type could be read: the row still says whose offer failed. */
export const fallbackLabel = (account: Account | undefined, productTypeId: string, kind: 'archive' | 'tasking'): ComparisonLabel => ({
  provider: account ? PROVIDERS[account.provider].label : 'Unknown provider',
  accountName: account?.label ?? 'Removed account',
  product: productTypeId,
  type: kind === 'archive' ? 'Archive' : 'Tasking',
});
