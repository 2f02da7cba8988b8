import type { Kit } from './testkit';

/** The One Tasking guide's example bodies and AOIs the tasking suites share (coordinates rounded to the 15 significant digits a double keeps exactly). */

export const LEGACY = 'CTR-SANDBOX-LEGACY';
export const ring = (coords: number[][]) => ({ type: 'Polygon', coordinates: [coords] });
// Step 4/5 AOI (Toulouse, ~10 km²) and step 6/7 AOI (Toulouse, ~132 km²), as in the guide.
export const SMALL = ring([[1.43165588378906, 43.5688249301655], [1.43165588378906, 43.6019000546094], [1.46701812744141, 43.6019000546094], [1.46701812744141, 43.5688249301655], [1.43165588378906, 43.5688249301655]]);
export const CITY = ring([[1.37638092041016, 43.5453131406237], [1.50959014892578, 43.5453131406237], [1.50959014892578, 43.6561983054132], [1.37638092041016, 43.6561983054132], [1.37638092041016, 43.5453131406237]]);
// Step 8 AOI (Western Australia), with the guide's 3D positions.
export const OUTBACK = ring([[120.488026159467, -24.5717142921585, 0.0], [120.491482765151, -24.7333106078695, 0.0], [120.665274968059, -24.7295931275934, 0.0], [120.661818362375, -24.5679968118824, 0.0], [120.488026159467, -24.5717142921585, 0.0]]);

export const OPTIONS = [
  { key: 'spectral_processing', value: 'pansharpened_natural_color' },
  { key: 'radiometric_processing', value: 'basic' },
  { key: 'image_format', value: 'dimap_jpeg2000_regular' },
  { key: 'pixel_coding', value: '8bits' },
  { key: 'processing_level', value: 'ortho' },
  { key: 'projection_1', value: '4326' },
  { key: 'licence', value: 'eula_5' },
  { key: 'dem', value: 'best_available' },
];
export const NOTIFY = [{ name: '', channels: [{ type: 'email', parameters: { addresses: ['my_mail@domain.com'] } }], filter: { events: ['ACQUISITION_RECEIVED'] } }];

export const attemptsBody = (aoi: unknown, progType = 'ONEDAY', mission = 'PLEIADES', contractId = LEGACY, maxIncidenceAngle = 30) => ({
  progTypeNames: [progType],
  missions: [mission],
  contractId,
  acquisitionDate: { startDate: '2021-04-16T00:16:26.665Z', endDate: null },
  optical: { acquisitionMode: 'MONO', maxCloudCover: 25, maxIncidenceAngle },
  aoi,
});

export function oneDayOrder(segmentKey: string, productTypeId = 'PleiadesTaskingOneDay', aoi: unknown = CITY, customerReference = 'unique customer reference') {
  return {
    aoi: [{ id: 1, name: 'PHR 1', geometry: aoi }],
    programReference: null,
    contractId: LEGACY,
    items: [{ productTypeId, aoiId: 1, properties: [{ key: 'extendedAngle', value: true }, { key: 'comments', value: 'Pleiades OneDay' }], comments: 'your comment', segmentKey }],
    primaryMarket: 'NQUAL',
    secondaryMarket: null,
    customerReference,
    optionsPerProductType: [{ productTypeId, options: OPTIONS }],
    delivery: { type: 'network', workspace: '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90', notifications: NOTIFY },
  };
}

export const onePlanOrder = (acqPeriod: string) => ({
  aoi: [{ id: 1, name: 'Polygon 1', geometry: SMALL }],
  contractId: LEGACY,
  items: [
    {
      productTypeId: 'SpotTaskingOnePlan',
      dataSourceIds: [],
      aoiId: 1,
      properties: [
        { key: 'acquisitionMode', value: 'MONO' },
        { key: 'classification', value: 'CHALLENGING' },
        { key: 'feasibilityAutomation', value: 'AUTOMATIC' },
        { key: 'notificationThreshold', value: 25 },
        { key: 'maxCloudCover', value: 10 },
        { key: 'maxIncidenceAngle', value: 50 },
        { key: 'acqPeriod', value: acqPeriod },
        { key: 'comments', value: 'comment' },
        { key: 'feasibilityAutomationName', value: 'AutomaticTasking30' },
      ],
      comments: 'comment',
    },
  ],
  primaryMarket: 'NQUAL',
  customerReference: 'customer reference',
  optionsPerProductType: [{ licence: '', productTypeId: 'SpotTaskingOnePlan', options: OPTIONS }],
});

export async function taskingIdFor(kit: Kit, customerRef: string): Promise<string> {
  const res = await kit.get(`/api/v1/contracts/${LEGACY}/taskings?customerRef=${encodeURIComponent(customerRef)}`);
  return res.body.taskings[0]?.icr.id ?? '';
}
