import type { ArchiveOrderRequest } from '../types';

/**
 * The OneAtlas OrderRequest, shared by /prices, /quotations and /orders. It differs by backend:
 * SPOT/Pléiades (`legacy`) name the scene by its datastrip in `datastripIds` and deliver to the user's
 * workspace; Pléiades Neo (`neo`) names the catalogue item in `dataSourceId` and delivers where its
 * contract says (the spec's "Archive SPOT & Pleiades" and "Archive PleiadesNeo" examples).
 */

/**
 * Options OneAtlas's /options offers but its OpenAPI order schemas do not list, with the default the
 * /options answer gives them. Left at that default they are not sent (the provider applies it anyway), so
 * the body satisfies both the guide's /options and the OpenAPI; a value the user chose is still sent.
 */
const UNLISTED_DEFAULTS: Record<string, string> = { area_compute_model: 'coverage', fullStrip: 'false' };
const listedOrChosen = ({ key, value }: { key: string; value: string }) => UNLISTED_DEFAULTS[key] !== value;

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
    optionsPerProductType: [{ productTypeId: req.productTypeId, options: req.options.filter(listedOrChosen).map(({ key, value }) => ({ key, value })) }],
    primaryMarket: req.primaryMarket,
    ...(req.secondaryMarket ? { secondaryMarket: req.secondaryMarket } : {}),
    customerReference: req.customerReference,
    // Both required by the OpenAPI's archive order schemas ("Archive SPOT & Pleiades", "Archive Pléiades Neo").
    endUsers: req.country ? [{ country: req.country }] : [],
    notificationEmails: req.notificationEmails,
    delivery: { type: req.deliveryType, ...(backend === 'legacy' && req.workspace ? { workspace: req.workspace } : {}) },
  };
}
