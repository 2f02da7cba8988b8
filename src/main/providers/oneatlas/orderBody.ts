import type { ArchiveOrderRequest } from '../types';

/**
 * The OneAtlas OrderRequest, shared by /prices, /quotations and /orders. It differs by backend:
 * SPOT/Pléiades (`legacy`) name the scene by its datastrip in `datastripIds` and deliver to the user's
 * workspace; Pléiades Neo (`neo`) names the catalogue item in `dataSourceId` and delivers where its
 * contract says (the spec's "Archive SPOT & Pleiades" and "Archive PleiadesNeo" examples).
 */

/** The public catalogue Pléiades Neo items are ordered from (the spec's examples). */
const PUBLIC_CATALOG = 'PublicMOC';

export function oneAtlasOrderBody(req: ArchiveOrderRequest, backend: 'legacy' | 'neo'): Record<string, unknown> {
  const items = req.scenes.map((s) =>
    backend === 'neo'
      ? { productTypeId: req.productTypeId, aoiId: 1, dataSourceId: [{ catalogId: PUBLIC_CATALOG, catalogItemId: s.id }], datastripIds: [], properties: [] }
      : { productTypeId: req.productTypeId, aoiId: 1, datastripIds: [s.sourceId], properties: [] },
  );
  return {
    aoi: [{ id: 1, name: req.customerReference, geometry: req.aoi }],
    contractId: req.contractId,
    items,
    optionsPerProductType: [{ productTypeId: req.productTypeId, options: req.options.map(({ key, value }) => ({ key, value })) }],
    primaryMarket: req.primaryMarket,
    ...(req.secondaryMarket ? { secondaryMarket: req.secondaryMarket } : {}),
    customerReference: req.customerReference,
    ...(req.country ? { endUsers: [{ country: req.country }] } : {}),
    delivery: { type: req.deliveryType, ...(backend === 'legacy' && req.workspace ? { workspace: req.workspace } : {}) },
  };
}
