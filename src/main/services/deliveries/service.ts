import type { Database } from 'better-sqlite3';
import { DeskFailure } from '../../errors';
import { createDeliveriesRepo } from '../../store/deliveries-repo';
import type { OrdersRepo } from '../../store/orders-repo';
import { createQuicklooksRepo } from '../../store/quicklooks-repo';
import { createTaskingsRepo } from '../../store/taskings-repo';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { createDownloads, type DownloadsDeps } from './downloads';
import { createFolderPlace, ensureWritableFolder, type HostFiles } from './folder';
import { createProducts } from './products';

/**
 * The "My data" room: delivered products per account (products.ts), the download folder and what the
 * host can do with files (folder.ts), and the downloads themselves (downloads.ts).
 */
export interface DeliveriesDeps {
  db: Database;
  access: ProviderAccess;
  orders: OrdersRepo;
  /** Electron's folder picker and file manager; absent in browser mode. */
  files?: HostFiles;
  /** Where downloads go until the user picks a folder (default `<home>/Downloads/Imagery Desk`). */
  defaultFolder?: string;
  now?: () => Date;
  /** Transfer tuning for tests and benches (retry waits, idle timeout, concurrency). */
  transfer?: Pick<DownloadsDeps, 'retryDelaysMs' | 'idleTimeoutMs' | 'maxRunning' | 'sleep'>;
}

export function createDeliveriesService(deps: DeliveriesDeps) {
  const now = deps.now ?? (() => new Date());
  const repo = createDeliveriesRepo(deps.db);
  const products = createProducts({ access: deps.access, repo, orders: deps.orders, taskings: createTaskingsRepo(deps.db), quicklooks: createQuicklooksRepo(deps.db), now });
  const place = createFolderPlace({ repo, files: deps.files, defaultFolder: deps.defaultFolder });
  const downloads = createDownloads({
    repo,
    now: () => now().getTime(),
    ...deps.transfer,
    authorize: (accountId, url, renew) =>
      withProvider(deps.access, accountId, ({ provider, call }) => {
        if (!provider.workspace) throw new DeskFailure('UNSUPPORTED', 'This account has no workspace of delivered products to download from.');
        return provider.workspace.downloadAccess(url, { ...call, renew });
      }),
  });

  /** Electron's shell, or UNSUPPORTED saying where the file is. */
  const withFiles = async (downloadId: string, use: (files: HostFiles, path: string) => Promise<void> | void): Promise<{ path: string }> => {
    const path = await downloads.finishedFile(downloadId);
    if (!deps.files) throw new DeskFailure('UNSUPPORTED', `This browser session cannot open the file manager; the file is at ${path}.`);
    await use(deps.files, path);
    return { path };
  };

  return {
    list: (accountId: string) => products.list(accountId),
    quicklook: (accountId: string, productId: string) => products.quicklook(accountId, productId),
    place: () => place.place(),
    setFolder: (folder: string) => place.setFolder(folder),
    pickFolder: () => place.pickFolder(),
    async download(accountId: string, productId: string, fileId?: string) {
      const { product, files } = products.product(accountId, productId);
      const chosen = fileId === undefined ? files : files.filter((f) => f.fileId === fileId);
      if (files.length === 0) throw new DeskFailure('NOT_FOUND', `The provider gives no download link for “${product.title}”.`);
      if (chosen.length === 0) throw new DeskFailure('NOT_FOUND', `“${product.title}” has no file “${fileId}”.`);
      const folder = place.folder();
      await ensureWritableFolder(folder);
      return downloads.start(accountId, product, chosen, folder);
    },
    downloads: () => downloads.list(),
    pause: (id: string) => downloads.pause(id),
    resume: (id: string) => downloads.resume(id),
    cancel: (id: string) => downloads.cancel(id),
    reveal: (id: string) => withFiles(id, (files, path) => files.reveal(path)),
    open: (id: string) =>
      withFiles(id, async (files, path) => {
        const error = await files.open(path);
        if (error) throw new DeskFailure('UNSUPPORTED', `The system could not open ${path}: ${error}`);
      }),
    close: () => downloads.close(),
  };
}
export type DeliveriesService = ReturnType<typeof createDeliveriesService>;
