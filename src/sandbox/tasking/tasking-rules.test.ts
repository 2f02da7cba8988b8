import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKit, type Kit } from './testkit';
import { attemptsBody, CITY, LEGACY, oneDayOrder, taskingIdFor } from './fixtures';

/** The One Tasking guide's rules broken one at a time: credentials, malformed bodies, and the tasking handlers called directly. */

describe('OneAtlas tasking: authentication and malformed requests', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(new Date('2021-05-12T10:00:00Z'));
  });
  afterAll(() => kit.sandbox.close());

  it('every tasking route answers 401 without a valid bearer token', async () => {
    const paths: [string, string][] = [
      ['POST', '/api/v1/feasibility'],
      ['POST', '/api/v1/attempts'],
      ['GET', `/api/v1/contracts/${LEGACY}/taskings`],
      ['GET', `/api/v1/contracts/${LEGACY}/taskings/ICR_FC_1`],
      ['GET', `/api/v1/contracts/${LEGACY}/taskings/ICR_FC_1/segments`],
      ['POST', `/api/v1/contracts/${LEGACY}/taskings/ICR_FC_1/segments/AS_1/accept`],
      ['POST', `/api/v1/contracts/${LEGACY}/taskings/ICR_FC_1/segments/AS_1/refuse`],
      ['POST', `/api/v1/contracts/${LEGACY}/taskings/ICR_FC_1/cancel`],
      ['POST', '/api/v1/orders'],
      ['POST', '/api/v1/prices'],
    ];
    for (const [method, path] of paths) {
      for (const token of [null, 'forged']) {
        const res = method === 'GET' ? await kit.get(path, token) : await kit.post(path, attemptsBody(CITY), token);
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.message).toMatch(/^Authentication failed/);
      }
    }
  });

  it('an expired token is refused', async () => {
    const old = kit.token;
    await kit.advance(2);
    const res = await kit.post('/api/v1/attempts', attemptsBody(CITY), old);
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/expired/);
  });

  it('bad bodies get a 400 naming the field, and unknown contracts a 404', async () => {
    const token = kit.token;
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [{ ...attemptsBody(CITY), contractId: undefined }, 'contractId'],
      [{ ...attemptsBody(CITY), progTypeNames: ['TWODAY'] }, 'progTypeNames[0]'],
      [{ ...attemptsBody(CITY), missions: ['LANDSAT'] }, 'missions[0]'],
      [{ ...attemptsBody(CITY), acquisitionDate: { startDate: 'tomorrow' } }, 'acquisitionDate.startDate'],
      [{ ...attemptsBody(CITY), acquisitionDate: { startDate: '2021-07-01T00:00:00Z', endDate: '2021-06-01T00:00:00Z' } }, 'acquisitionDate.endDate'],
      [{ ...attemptsBody(CITY), optical: { maxIncidenceAngle: 120 } }, 'optical.maxIncidenceAngle'],
      [{ ...attemptsBody(CITY), aoi: { type: 'Point', coordinates: [1, 2] } }, 'aoi.type'],
    ];
    for (const [body, field] of cases) {
      const res = await kit.post('/api/v1/feasibility', body, token);
      expect(res.status, field).toBe(400);
      expect(res.body.field).toBe(field);
    }
    const unknown = await kit.post('/api/v1/attempts', { ...attemptsBody(CITY), contractId: 'NOPE' }, token);
    expect(unknown).toMatchObject({ status: 404, body: { errorCode: 'E2203' } });
    expect((await kit.get('/api/v1/contracts/NOPE/taskings', token)).status).toBe(404);
  });

  it('Pléiades Neo attempts use its own names and a short order deadline', async () => {
    const token = kit.token;
    const res = await kit.post('/api/v1/attempts', attemptsBody(CITY, 'ONEDAY', 'PLEIADESNEO', 'CTR-SANDBOX-NEO'), token);
    const s = res.body.progCapacities[0].progTypes[0].segments[0];
    expect(s.id).toMatch(/^PNEO\d+$/);
    expect(Date.parse(s.acquisitionStartDate) - Date.parse(s.orderDeadline)).toBeLessThan(3_600_000);
    const now = await kit.post('/api/v1/attempts', attemptsBody(CITY, 'ONENOWATTEMPTS', 'PLEIADESNEO', 'CTR-SANDBOX-NEO'), token);
    expect(now.body.progCapacities[0].progTypes[0].segments).toHaveLength(3);
  });
});

describe('createTaskingOrder and priceTaskingRequest, called directly', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(new Date('2021-05-12T10:00:00Z'), 42, true);
  });
  afterAll(() => kit.sandbox.close());

  it('prices, orders, records and creates the tasking, and checks notifications', async () => {
    const key = (await kit.post('/api/v1/attempts', attemptsBody(CITY))).body.progCapacities[0].progTypes[0].segments[0].segmentKey;
    expect((await kit.post('/api/v1/prices', oneDayOrder(key))).body.totalAmount).toBe(7392);
    const bad = oneDayOrder(key);
    bad.delivery.notifications = [{ name: '', channels: [{ type: 'email', parameters: { addresses: ['not-an-address'] } }], filter: { events: [] } }];
    const refused = await kit.post('/api/v1/orders', bad);
    expect(refused).toMatchObject({ status: 400, body: { field: 'delivery.notifications[0].channels[0].parameters.addresses' } });
    const res = await kit.post('/api/v1/orders', oneDayOrder(key));
    expect(res).toMatchObject({ status: 201, body: { salesOrderId: expect.stringMatching(/^SAL\d+$/), totalAmount: 7392 } });
    expect(kit.sandbox.state.accepted.at(-1)).toMatchObject({ kind: 'tasking', id: res.body.salesOrderId, data: { taskings: [{ status: 'In Progress' }] } });
    expect(await taskingIdFor(kit, 'unique customer reference')).toMatch(/^ICR_FC_/);
    const { taskingOrderStatus } = await import('./orders');
    expect(taskingOrderStatus(kit.sandbox.state, res.body.salesOrderId)).toBe('IN_PROGRESS');
  });
});
