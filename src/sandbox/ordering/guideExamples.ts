import { squareAoi } from '../accounts/testkit';

/**
 * The example request bodies of the provider guides in ../shared/reference, as data: the sandbox must
 * accept them as written (placeholders such as $CONTRACT_ID are filled by the test, as the guides
 * tell their readers to). Test fixtures only.
 */

/** The GeoAPI short guide, step 4: the legacy order/price body (its Polygon is written as a bare ring). */
export const GUIDE_000_ORDER = (contractId: string) => ({
  aoi: [
    {
      id: 1,
      geometry: {
        type: 'Polygon',
        coordinates: [[8.492431640625004, 43.04480541304369], [9.591064453125002, 43.04480541304369], [9.591064453125002, 41.10419094457646], [8.492431640625004, 41.10419094457646], [8.492431640625004, 43.04480541304369]],
      },
      name: 'myAccountName',
    },
  ],
  contractId,
  items: [{ datastripIds: ['40582651209160926432R5'], aoiId: 1, productTypeId: 'SPOTArchive10Color', properties: [{ key: 'uid', value: 'a4550d93280b4afc70e3949ffec78df1' }] }],
  primaryMarket: 'AGRI',
  secondaryMarket: 'AGRI_ENV',
  customerReference: 'myReference',
  options: [{ key: 'deliveryType', value: 'network' }],
  optionsPerProductType: [
    {
      productTypeId: 'SPOTArchive10Color',
      licence: 'eula_5',
      options: [
        { key: 'image_format', value: 'dimap_geotiff' },
        { key: 'Account', value: 'myAccount' },
        { key: 'projection_1', value: '32632' },
        { key: 'processing_level', value: 'level_3' },
      ],
    },
  ],
  voucherCodes: [],
});

/** The GeoAPI archive guide, step 5: the options request (Toulouse). */
export const GUIDE_001_OPTIONS = {
  aoi: [
    {
      polygonId: 1,
      geometry: {
        type: 'Polygon',
        coordinates: [[[1.3348388671875, 43.66240779260363], [1.5641784667968752, 43.66240779260363], [1.5641784667968752, 43.516190595612755], [1.3348388671875, 43.516190595612755], [1.3348388671875, 43.66240779260363]]],
      },
    },
  ],
};

/** The GeoAPI archive guide, steps 6-7: the /prices and /orders body (Corsica). */
export const GUIDE_001_ORDER = (contractId: string, productTypeId: string) => ({
  aoi: [
    {
      id: 1,
      name: 'test_for_partners',
      geometry: {
        type: 'Polygon',
        coordinates: [[[8.362239801370935, 42.27393795330642], [9.07687956225646, 42.16948996313908], [8.898113694237654, 41.645365338986835], [8.189353632881046, 41.748912927959445], [8.362239801370935, 42.27393795330642]]],
      },
    },
  ],
  voucherCodes: [],
  secondaryMarket: 'AGRI_ENV',
  items: [{ productTypeId, aoiId: 1, datastripIds: ['40582651209160926432R5'] }],
  contractId,
  optionsPerProductType: [
    {
      licence: 'eula_5',
      options: [
        { value: 'dimap_geotiff', key: 'image_format' },
        { value: 'DDPORTAL', key: 'Account' },
        { value: '32632', key: 'projection_1' },
        { value: 'level_3', key: 'processing_level' },
        { value: 'eula_5', key: 'license' },
      ],
      productType: { productTypeId },
    },
  ],
  customerReference: 'The order reference that will appear in invoicing',
  primaryMarket: 'AGRI',
  options: [{ value: 'network', key: 'deliveryType' }],
});

/** OneAtlas spec, "Archive PleiadesNeo" order example, with the sandbox's contract filled in. */
export const ONEATLAS_NEO_ARCHIVE_ORDER = (contractId: string, catalogItemId: string) => ({
  aoi: [
    {
      id: 1,
      name: 'Polygon 1',
      geometry: {
        type: 'Polygon',
        coordinates: [[[-0.8847217475974262, 48.627903919147286], [-0.7528858100974261, 48.627903919147286], [-0.7528858100974261, 48.711340646239705], [-0.8847217475974262, 48.711340646239705], [-0.8847217475974262, 48.627903919147286]]],
      },
    },
  ],
  programReference: 'programReference',
  contractId,
  items: [{ notifications: [], productTypeId: 'PleiadesNeoArchiveMono', dataSourceId: [{ catalogId: 'PublicMOC', catalogItemId }], aoiId: 1, properties: [], datastripIds: [], comments: '' }],
  primaryMarket: 'AUTRE',
  customerReference: 'Test Kevin',
  optionsPerProductType: [
    {
      productTypeId: 'PleiadesNeoArchiveMono',
      options: [
        { key: 'spectral_processing', value: 'full_bundle' },
        { key: 'radiometric_processing', value: 'basic' },
        { key: 'image_format', value: 'dimap_jpeg2000_regular' },
        { key: 'pixel_coding', value: '12bits' },
        { key: 'processing_level', value: 'ortho' },
        { key: 'projection_1', value: '4326' },
        { key: 'dem_1', value: 'best_available' },
        { key: 'priority', value: 'rush' },
        { key: 'licence', value: 'standard' },
        { key: 'delivery_method', value: 'on_the_flow' },
        { key: 'fullStrip', value: 'false' },
      ],
    },
  ],
  orderGroup: 'orderGroup',
  endUsers: [{ country: 'FR' }],
  delivery: { type: 'network' },
  notifications: [{ channels: [{ type: 'email', addressee: { to: ['an_email@xx.xxx'] } }], filter: { events: [{ event: 'SALES_ORDER' }, { event: 'DELIVERY' }] } }],
});

/** A complete OneAtlas legacy archive order over Toulouse, built from the spec's example. */
export function legacyOrder(ref: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aoi: [{ id: 1, name: 'Toulouse', geometry: squareAoi(1.44, 43.6, 8) }],
    contractId: 'CTR-SANDBOX-LEGACY',
    items: [{ productTypeId: 'PleiadesArchiveMono', aoiId: 1, datastripIds: ['DS_PHR1A_202212111112398_FR1_PX_E001N43_0615_01665'] }],
    primaryMarket: 'AGRI',
    secondaryMarket: 'AGRI_PREC',
    customerReference: ref,
    optionsPerProductType: [
      {
        productTypeId: 'PleiadesArchiveMono',
        options: [
          { key: 'processing_level', value: 'ortho' },
          { key: 'spectral_processing', value: 'bundle' },
          { key: 'image_format', value: 'dimap_jpeg2000_regular' },
          { key: 'pixel_coding', value: '12bits' },
          { key: 'radiometric_processing', value: 'basic' },
          { key: 'priority', value: 'standard' },
          { key: 'licence', value: 'standard' },
          { key: 'dem_1', value: 'best_available' },
          { key: 'projection_1', value: '2154' },
        ],
      },
    ],
    endUsers: [{ country: 'FR' }],
    delivery: { type: 'network', workspace: '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90' },
    ...extra,
  };
}

