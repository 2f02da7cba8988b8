import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aoiAreaKm2 } from '../geo/aoi';
import { containsAll, parseWktRing } from './footprint';
import { startKit, type Kit } from './testkit';
import { attemptsBody, CITY, LEGACY, NOTIFY, OPTIONS, OUTBACK, oneDayOrder, onePlanOrder, ring, SMALL, taskingIdFor } from './fixtures';

/**
 * The One Tasking guide (OneAtlas tasking; see docs/ARCHITECTURE.md §9), step by step over real HTTP, with the guide's own example bodies.
 * The simulated clock starts on the day the guide's feasibility example was written, so its dates
 * are in the future as tasking requires.
 */

describe('OneAtlas tasking, following the One Tasking guide', () => {
  let kit: Kit;
  let oneDayKey = '';
  let oneDayStart = '';
  let oneDayId = '';
  let oneNowId = '';
  beforeAll(async () => {
    kit = await startKit(new Date('2021-05-12T10:00:00Z'));
  });
  afterAll(() => kit.sandbox.close());

  it('steps 2-4: the contract offers the tasking product types and their options', async () => {
    const types = await kit.get(`/api/v1/contracts/${LEGACY}/productTypes`);
    expect(types.status).toBe(200);
    const oneDay = types.body.productTypes.find((p: { productTypeId: string }) => p.productTypeId === 'PleiadesTaskingOneDay');
    expect(oneDay).toMatchObject({ technicalProduct: { source: { id: 'tasking' }, target: { id: 'oneday' } }, minimumOrderAreaApplied: 100 });
    const options = await kit.post(`/api/v1/contracts/${LEGACY}/productTypes/PleiadesTaskingOnePlan/options`, { aoi: [{ polygonId: 1, geometry: SMALL }] });
    expect(options.status).toBe(200);
  });

  it('step 5: feasibility answers the guide example with classification and automation', async () => {
    const res = await kit.post('/api/v1/feasibility', {
      acquisitionDate: { endDate: '2021-06-11T23:59:59.999Z', startDate: '2021-05-12T11:03:19.052Z' },
      contractId: LEGACY,
      missions: ['PLEIADES'],
      optical: { acquisitionMode: 'MONO', maxCloudCover: 10, maxIncidenceAngle: 50 },
      progTypeNames: ['ONEPLAN'],
      aoi: SMALL,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      progCapacities: [
        {
          mission: 'PLEIADES',
          progTypes: [{ name: 'ONEPLAN', mission: 'PLEIADES', feasibility: { classification: 'CHALLENGING', automation: 'AUTOMATIC', automationName: 'AutomaticTasking30' }, available: true }],
        },
      ],
    });
  });

  it('step 5: feasibility depends on AOI size, period and angles', async () => {
    const base = { contractId: LEGACY, missions: ['PLEIADES'], progTypeNames: ['ONEPLAN'], acquisitionDate: { startDate: '2021-05-13T00:00:00.000Z', endDate: '2021-08-13T00:00:00.000Z' } };
    const easy = await kit.post('/api/v1/feasibility', { ...base, optical: { acquisitionMode: 'MONO', maxCloudCover: 40, maxIncidenceAngle: 50 }, aoi: SMALL });
    expect(easy.body.progCapacities[0].progTypes[0].feasibility).toMatchObject({ classification: 'EASY', automation: 'AUTOMATIC', automationName: 'AutomaticTasking90' });
    const tight = await kit.post('/api/v1/feasibility', { ...base, acquisitionDate: { startDate: '2021-05-13T00:00:00.000Z', endDate: '2021-05-16T00:00:00.000Z' }, optical: { maxCloudCover: 5, maxIncidenceAngle: 15 }, aoi: SMALL });
    expect(tight.body.progCapacities[0].progTypes[0].feasibility).toMatchObject({ classification: 'CHALLENGING', automation: 'MANUAL' });
    const huge = ring([[0, 43], [0.9, 43], [0.9, 44], [0, 44], [0, 43]]);
    const big = await kit.post('/api/v1/feasibility', { ...base, optical: { maxCloudCover: 40, maxIncidenceAngle: 50 }, aoi: huge });
    expect(big.body.progCapacities[0].progTypes[0].feasibility.automation).toBe('MANUAL');
    const neo = await kit.post('/api/v1/feasibility', { ...base, contractId: 'CTR-SANDBOX-NEO', missions: ['PLEIADESNEO'], optical: { maxCloudCover: 40, maxIncidenceAngle: 50 }, aoi: SMALL });
    expect(neo.body.progCapacities[0].progTypes[0]).toMatchObject({ name: 'ONEPLAN', mission: 'PLEIADESNEO', available: true, expirationDate: expect.stringMatching(/Z$/) });
    const notOnContract = await kit.post('/api/v1/feasibility', { ...base, missions: ['PLEIADESNEO'], optical: {}, aoi: SMALL });
    expect(notOnContract.body.progCapacities[0].progTypes[0]).toMatchObject({ available: false, errors: [{ code: 'ERR_PRODUCT_NOT_AVAILABLE' }] });
  });

  it('step 6: attempts list sun-synchronous passes with footprints, angles, deadlines and segment keys', async () => {
    const res = await kit.post('/api/v1/attempts', attemptsBody(CITY));
    expect(res.status).toBe(200);
    const progType = res.body.progCapacities[0].progTypes[0];
    expect(progType).toMatchObject({ name: 'ONEDAY', mission: 'PLEIADES', available: true });
    expect(progType.segments.length).toBeGreaterThan(5);
    const now = kit.sandbox.state.now().getTime();
    for (const s of progType.segments) {
      expect(s).toMatchObject({ id: expect.stringMatching(/^PHR\d+$/), instrumentMode: 'THR', extendedAngle: false, maxIncidenceAngle: 30 });
      expect(s.footprint.geometry).toMatch(/^POLYGON\(\(/);
      expect(s.footprint.center).toMatch(/^POINT\(1\.44\d* 43\.60\d*\)$/);
      expect(s.incidenceAngle).toBeLessThanOrEqual(30);
      expect(Math.abs(s.acrossTrackIncidenceAngle)).toBeLessThanOrEqual(s.incidenceAngle + 0.01);
      const start = Date.parse(s.acquisitionStartDate);
      expect(Date.parse(s.orderDeadline)).toBeGreaterThan(now);
      expect(Date.parse(s.orderDeadline)).toBeLessThan(start);
      expect(Date.parse(s.acquisitionEndDate) - start).toBeGreaterThan(1000);
      // Descending daylight passes of a 10:30 sun-synchronous orbit: local solar time 10:00–11:45.
      const lst = (((start / 3_600_000 + 1.44 / 15) % 24) + 24) % 24;
      expect(lst).toBeGreaterThan(10);
      expect(lst).toBeLessThan(11.75);
      expect(containsAll(parseWktRing(s.footprint.geometry)!, [CITY.coordinates as [number, number][][]], [1.443, 43.6])).toBe(true);
      expect(s.segmentKey).toMatch(/^[0-9a-f]{128}::\[\{"key":"acqPeriod","value":"\S+Z \S+Z"\}/);
      expect(s.segmentKey).toContain('"key":"orderDeadLine"');
      expect(s.segmentKey).toContain('"key":"geometryWkt"');
    }
    oneDayKey = progType.segments[0].segmentKey;
    oneDayStart = progType.segments[0].acquisitionStartDate;
  });

  it('step 6: attempts refuse an AOI below the minimum, measured geodesically', async () => {
    const tiny = await kit.post('/api/v1/attempts', attemptsBody(SMALL));
    expect(tiny.status).toBe(200);
    expect(tiny.body.progCapacities[0].progTypes[0]).toEqual({ name: 'ONEDAY', mission: 'PLEIADES', errors: [{ code: 'ERR_MIN_AOI_AREA', locator: 'AOI', message: '100.0' }], segments: [], available: false });
    // The same 0.1° × 0.1° box holds ~123 km² at the equator and ~42 km² at 70° N.
    const box = (lat: number) => ring([[10, lat], [10.1, lat], [10.1, lat + 0.1], [10, lat + 0.1], [10, lat]]);
    expect(aoiAreaKm2([box(0).coordinates as [number, number][][]])).toBeGreaterThan(100);
    const equator = await kit.post('/api/v1/attempts', attemptsBody(box(0)));
    expect(equator.body.progCapacities[0].progTypes[0].errors).toBeUndefined();
    const north = await kit.post('/api/v1/attempts', attemptsBody(box(70)));
    expect(north.body.progCapacities[0].progTypes[0].errors[0].code).toBe('ERR_MIN_AOI_AREA');
  });

  it('step 6: attempts are for ONEDAY and ONENOW only', async () => {
    const res = await kit.post('/api/v1/attempts', attemptsBody(CITY, 'ONEPLAN'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'progTypeNames', message: expect.stringContaining('ONEPLAN') });
    const series = await kit.post('/api/v1/attempts', attemptsBody(CITY, 'ONESERIES'));
    expect(series.status).toBe(400);
  });

  it('step 7: the guide OneDay price body is priced on 132 km²', async () => {
    const res = await kit.post('/api/v1/prices', oneDayOrder(oneDayKey));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contractId: LEGACY,
      currency: 'EUR',
      discountPercentage: 0,
      productTypes: [{ amount: 7392, areaKm2: 132, price: 7392, productTypeId: 'PleiadesTaskingOneDay', items: [{ datastripIds: [] }] }],
      totalAmount: 7392,
    });
  });

  it('step 7: the guide OnePlan price body is priced on the 500 km² minimum', async () => {
    const res = await kit.post('/api/v1/prices', onePlanOrder('2021-06-18T09:04:16.284Z 2021-07-18T23:59:59.999Z'));
    expect(res.status).toBe(200);
    expect(res.body.productTypes[0]).toMatchObject({ areaKm2: 500, price: 3450, productTypeId: 'SpotTaskingOnePlan' });
  });

  it('step 8: ordering a OneDay tasking with its segmentKey, delivery and notifications', async () => {
    const body = oneDayOrder(oneDayKey);
    const res = await kit.post('/api/v1/orders', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ salesOrderId: expect.stringMatching(/^SAL\d+$/), currency: 'EUR', discountPercentage: 0, discountValue: 0, totalAmount: 7392 });
    const record = kit.sandbox.state.accepted.find((r) => r.id === res.body.salesOrderId);
    expect(record).toMatchObject({ kind: 'tasking', provider: 'oneatlas', customerReference: 'unique customer reference', body });
    oneDayId = await taskingIdFor(kit, 'unique customer reference');
    expect(oneDayId).toMatch(/^ICR_FC_\d+$/);
  });

  it('step 8: ordering the guide OneNow body', async () => {
    const att = await kit.post('/api/v1/attempts', attemptsBody(OUTBACK, 'ONENOW', 'PLEIADES', LEGACY, 50));
    const segments = att.body.progCapacities[0].progTypes[0].segments;
    expect(segments).toHaveLength(3);
    expect(new Set(segments.map((s: { segmentKey: string }) => s.segmentKey)).size).toBe(1);
    expect(segments[0].segmentKey).toContain('"key":"acqPeriods"');
    const body = {
      ...oneDayOrder(segments[0].segmentKey, 'PleiadesTaskingOneNow', OUTBACK, 'onenow reference'),
      items: [
        {
          notifications: NOTIFY,
          productTypeId: 'PleiadesTaskingOneNow',
          dataSourceIds: [],
          aoiId: 1,
          properties: [{ key: 'extendedAngle', value: true }, { key: 'maxCloudCover', value: 10 }, { key: 'comments', value: 'check if properties relevant between segmentKey' }],
          comments: 'API',
          segmentKey: segments[0].segmentKey,
        },
      ],
      optionsPerProductType: [{ licence: '', productTypeId: 'PleiadesTaskingOneNow', options: OPTIONS }],
    };
    const res = await kit.post('/api/v1/orders', body);
    expect(res.status).toBe(201);
    oneNowId = await taskingIdFor(kit, 'onenow reference');
  });

  it('order: a bad, altered, mismatched or missing segmentKey is refused naming the field', async () => {
    const [sig, props] = oneDayKey.split('::') as [string, string];
    const cases: [string | undefined, string][] = [
      ['not-a-key', 'items[0].segmentKey'],
      [`${'0'.repeat(128)}::${props}`, 'items[0].segmentKey'],
      [`${sig}::${props.replace('"maxCloudCover","value":"25.0"', '"maxCloudCover","value":"90.0"')}`, 'items[0].segmentKey'],
      [undefined, 'items[0].segmentKey'],
    ];
    for (const [key, field] of cases) {
      const body = oneDayOrder(key as string);
      if (key === undefined) delete (body.items[0] as { segmentKey?: string }).segmentKey;
      const res = await kit.post('/api/v1/orders', body);
      expect(res.status, String(key).slice(0, 20)).toBe(400);
      expect(res.body.field).toBe(field);
    }
    const spot = await kit.post('/api/v1/orders', oneDayOrder(oneDayKey, 'SpotTaskingOneDay', ring([[1, 43], [1.4, 43], [1.4, 43.3], [1, 43.3], [1, 43]])));
    expect(spot.status).toBe(400);
    expect(spot.body.message).toMatch(/issued for PLEIADES ONEDAY/);
    const elsewhere = await kit.post('/api/v1/orders', oneDayOrder(oneDayKey, 'PleiadesTaskingOneDay', ring([[5, 45], [5.15, 45], [5.15, 45.1], [5, 45.1], [5, 45]])));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.field).toBe('items[0].aoiId');
  });

  it('tracking: taskings list (also by customerRef) and detail in the documented shape', async () => {
    const all = await kit.get(`/api/v1/contracts/${LEGACY}/taskings`);
    expect(all.status).toBe(200);
    expect(all.body.taskings.map((t: { icr: { id: string } }) => t.icr.id)).toEqual(expect.arrayContaining([oneDayId, oneNowId]));
    const mine = await kit.get(`/api/v1/contracts/${LEGACY}/taskings?customerRef=${encodeURIComponent('unique customer reference')}`);
    expect(mine.body.taskings).toHaveLength(1);
    expect(mine.body.taskings[0]).toMatchObject({
      sal: expect.stringMatching(/^SAL\d+$/),
      so: expect.stringMatching(/^SO\d+$/),
      icr: {
        id: oneDayId,
        aoi: CITY,
        progTypeName: 'OneDay',
        status: 'In Progress',
        nbProposedSegments: 0,
        nbTotalSegments: 0,
        period: { startDate: expect.stringMatching(/Z$/), endDate: expect.stringMatching(/Z$/) },
        seriesInformation: null,
        customerRef: 'unique customer reference',
        taskingProgress: { orderedArea: expect.any(Number), validatedArea: 0 },
        attempts: expect.stringContaining(oneDayStart),
      },
    });
    expect(mine.body.taskings[0].icr.taskingProgress.orderedArea / 1e6).toBeCloseTo(132.26, 1);
    const detail = await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}`);
    expect(detail.body.icr.id).toBe(oneDayId);
    expect((await kit.get(`/api/v1/contracts/${LEGACY}/taskings/ICR_FC_0`)).status).toBe(404);
    expect((await kit.get(`/api/v1/contracts/CTR-SANDBOX-NEO/taskings/${oneDayId}`)).status).toBe(404);
    expect((await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}/segments`)).body).toEqual({ segments: [] });
  });

  it('segments: the OneDay acquisition becomes Proposed as the clock passes it, then is accepted', async () => {
    const hours = (Date.parse(oneDayStart) - kit.sandbox.state.now().getTime()) / 3_600_000;
    await kit.advance(hours + 1);
    expect((await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}/segments`)).body.segments).toEqual([]);
    await kit.advance(3);
    const segs = await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}/segments`);
    expect(segs.body.segments).toHaveLength(1);
    const seg = segs.body.segments[0];
    expect(seg).toMatchObject({
      id: expect.stringMatching(/^AS_FC_\d+_1_1$/),
      status: 'Proposed',
      asDetail1: { catalogId: expect.stringMatching(/^DS_PHR1[AB]_/), footprint: { type: 'Polygon' }, incidenceAngle: expect.any(Number), clearSkyRate: expect.any(Number), acquisitionDate: expect.stringMatching(/Z$/) },
    });
    const proposed = await kit.get(`/api/v1/contracts/${LEGACY}/taskings?hasProposedSegments=true`);
    expect(proposed.body.taskings.map((t: { icr: { id: string } }) => t.icr.id)).toContain(oneDayId);

    const url = `/api/v1/contracts/${LEGACY}/taskings/${oneDayId}/segments/${seg.id}`;
    const accepted = await kit.post(`${url}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('Validated');
    const refuse = await kit.post(`${url}/refuse`, {});
    expect(refuse.status).toBe(409);
    expect(refuse.body.message).toMatch(/Validated/);
    expect((await kit.post(`${url}/accept`, {})).status).toBe(409);
    expect((await kit.post(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}/segments/AS_FC_1_1_9/accept`, {})).status).toBe(404);
    const detail = await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneDayId}`);
    expect(detail.body.icr).toMatchObject({ status: 'Completed', nbTotalSegments: 1, nbProposedSegments: 0 });
    expect(detail.body.icr.taskingProgress.validatedArea).toBe(detail.body.icr.taskingProgress.orderedArea);
  });

  it('cancel: refused after an acquisition, accepted (and refunded) before one', async () => {
    await kit.advance(24 * 4);
    const late = await kit.post(`/api/v1/contracts/${LEGACY}/taskings/${oneNowId}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/acquisition was already performed/);
    const oneNowSegments = (await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${oneNowId}/segments`)).body.segments;
    expect(oneNowSegments.length).toBeGreaterThan(0);

    const att = await kit.post('/api/v1/attempts', attemptsBody(CITY));
    const key = att.body.progCapacities[0].progTypes[0].segments[0].segmentKey;
    const credit = async () => Number((await kit.get('/api/v1/contracts')).body.contracts.find((c: { contractId: string }) => c.contractId === LEGACY).creditRemaining);
    const before = await credit();
    const order = await kit.post('/api/v1/orders', oneDayOrder(key, 'PleiadesTaskingOneDay', CITY, 'to cancel'));
    expect(order.status).toBe(201);
    expect(await credit()).toBe(before - 7392);
    const id = await taskingIdFor(kit, 'to cancel');
    const ok = await kit.post(`/api/v1/contracts/${LEGACY}/taskings/${id}/cancel`, {});
    expect(ok.status).toBe(200);
    expect(await credit()).toBe(before);
    expect((await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${id}`)).body.icr.status).toBe('Canceled');
    expect((await kit.post(`/api/v1/contracts/${LEGACY}/taskings/${id}/cancel`, {})).status).toBe(409);
    const canceled = await kit.get(`/api/v1/contracts/${LEGACY}/taskings?status=Canceled`);
    expect(canceled.body.taskings.map((t: { icr: { id: string } }) => t.icr.id)).toEqual([id]);
  });

  it('a segment key whose order deadline has passed is refused', async () => {
    const res = await kit.post('/api/v1/orders', oneDayOrder(oneDayKey));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/expired/);
  });

  it('OnePlan: acquisitions through the period are validated or proposed by cloud cover', async () => {
    const now = kit.sandbox.state.now();
    const end = new Date(now.getTime() + 60 * 86_400_000);
    const res = await kit.post('/api/v1/orders', onePlanOrder(`${now.toISOString()} ${end.toISOString()}`));
    expect(res.status).toBe(201);
    const id = await taskingIdFor(kit, 'customer reference');
    await kit.advance(61 * 24);
    const t = (await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${id}`)).body.icr;
    const segs = (await kit.get(`/api/v1/contracts/${LEGACY}/taskings/${id}/segments`)).body.segments as { status: string; asDetail1: { clearSkyRate: number } }[];
    expect(t.progTypeName).toBe('OnePlan');
    expect(segs.length).toBeGreaterThan(0);
    for (const s of segs) {
      if (s.status === 'Validated') expect(s.asDetail1.clearSkyRate).toBeGreaterThanOrEqual(90);
      if (s.status === 'Proposed') expect(s.asDetail1.clearSkyRate).toBeGreaterThanOrEqual(75);
    }
    const bad = await kit.post('/api/v1/orders', onePlanOrder('2021-06-18 2021-07-18'));
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('items[0].properties.acqPeriod');
  });
});
