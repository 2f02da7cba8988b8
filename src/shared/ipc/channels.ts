/**
 * The channel names, with no schema attached: the sandboxed preload imports only this list, so it stays
 * tiny and free of zod. `contract.ts` must define exactly these names (checked at compile time there).
 */
export const CHANNELS = [
  'app.info',
  'settings.get',
  'settings.set',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.remove',
  'accounts.restoreSandbox',
  'aois.list',
  'aois.all',
  'aois.get',
  'aois.create',
  'aois.update',
  'aois.duplicate',
  'aois.remove',
  'aois.restore',
  'aois.import',
  'aois.importStage',
  'aois.importCommit',
  'aois.importDiscard',
  'aois.removeMany',
  'aois.restoreMany',
  'projections.lookup',
  'archive.connection',
  'archive.contracts',
  'archive.productTypes',
  'archive.catalogue',
  'archive.search',
  'archive.history',
  'archive.searchPage',
  'archive.quicklook',
  'archive.price',
  'archive.order',
  'archive.activity',
  'quotations.list',
  'quotations.request',
  'quotations.accept',
  'quotations.refuse',
  'quotations.pdf',
  'orders.list',
  'orders.refresh',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const isChannel = (name: string): name is Channel => (CHANNELS as readonly string[]).includes(name);
