import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { DeliveriesService } from './service';

/** The deliveries channels, each one line onto its service. */
export function deliveriesHandlers(s: DeliveriesService): FeatureHandlers<'deliveries'> {
  return {
    'deliveries.list': ({ accountId }) => s.list(accountId),
    'deliveries.quicklook': ({ accountId, productId }) => s.quicklook(accountId, productId),
    'deliveries.place': () => s.place(),
    'deliveries.setFolder': ({ folder }) => s.setFolder(folder),
    'deliveries.pickFolder': () => s.pickFolder(),
    'deliveries.download': ({ accountId, productId, fileId }) => s.download(accountId, productId, fileId),
    'deliveries.downloads': () => s.downloads(),
    'deliveries.pause': ({ downloadId }) => s.pause(downloadId),
    'deliveries.resume': ({ downloadId }) => s.resume(downloadId),
    'deliveries.cancel': ({ downloadId }) => s.cancel(downloadId),
    'deliveries.reveal': ({ downloadId }) => s.reveal(downloadId),
    'deliveries.open': ({ downloadId }) => s.open(downloadId),
  };
}
