import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { createOrdersRepo, CustomerReferenceTakenError, type NewOrder, type OrdersRepo, type PlacedOrder } from './orders-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: OrdersRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createOrdersRepo(t.db);
});
afterEach(() => t.cleanup());

const newOrder = (id: string, over: Partial<NewOrder> = {}): NewOrder => ({
  id,
  accountId: 'acc-1',
  provider: 'oneatlas',
  kind: 'archive',
  contractId: 'c-1',
  customerReference: `REF-${id}`,
  sceneIds: ['s1', 's2'],
  productTypeId: 'PHR_BUNDLE',
  request: { items: [{ id: 's1' }] },
  at: '2025-01-01T10:00:00.000Z',
  ...over,
});
const placed = (over: Partial<PlacedOrder> = {}): PlacedOrder => ({
  salesOrderId: 'SO-9',
  quotationId: null,
  status: 'ordered',
  currency: 'EUR',
  totalAmount: 393.75,
  response: { id: 'SO-9' },
  at: '2025-01-01T10:00:05.000Z',
  ...over,
});

describe('orders repo', () => {
  it("records an order as 'submitting' before the call, and it survives a crash (close without anything else)", () => {
    const o = repo.createSubmitting(newOrder('o1'));
    expect(o).toMatchObject({ id: 'o1', status: 'submitting', salesOrderId: null, totalAmount: null, sceneIds: ['s1', 's2'] });
    expect(o.events).toEqual([{ status: 'submitting', at: '2025-01-01T10:00:00.000Z', note: null }]);
    t.db.close();
    const again = createOrdersRepo(openDatabase(t.file));
    expect(again.listUnsettled().map((x) => x.id)).toEqual(['o1']);
    expect(again.findByReference('acc-1', 'REF-o1')?.id).toBe('o1');
    expect(again.payloads('o1')).toEqual({ request: { items: [{ id: 's1' }] }, response: null });
  });

  it('refuses a second order with the same customer reference on the same account, naming the existing one', () => {
    repo.createSubmitting(newOrder('o1', { customerReference: 'SAME' }));
    let err: unknown;
    try {
      repo.createSubmitting(newOrder('o2', { customerReference: 'SAME' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CustomerReferenceTakenError);
    expect((err as CustomerReferenceTakenError).existing).toMatchObject({ id: 'o1', status: 'submitting' });
    expect(repo.get('o2')).toBeUndefined();
    expect(repo.createSubmitting(newOrder('o3', { customerReference: 'SAME', accountId: 'acc-2' })).id).toBe('o3');
  });

  it('marks an order placed with the provider ids, amounts and reply, with one event', () => {
    repo.createSubmitting(newOrder('o1'));
    const o = repo.markPlaced('o1', placed());
    expect(o).toMatchObject({ status: 'ordered', salesOrderId: 'SO-9', currency: 'EUR', totalAmount: 393.75, updatedAt: '2025-01-01T10:00:05.000Z' });
    expect(o?.events.map((e) => e.status)).toEqual(['submitting', 'ordered']);
    expect(repo.payloads('o1')?.response).toEqual({ id: 'SO-9' });
    expect(repo.listUnsettled()).toEqual([]);
    expect(repo.markPlaced('missing', placed())).toBeUndefined();
  });

  it('adds a status event only when the status actually changes', () => {
    repo.createSubmitting(newOrder('o1'));
    repo.markPlaced('o1', placed());
    expect(repo.setStatus('o1', 'ordered', '2025-01-02')).toBe(false);
    expect(repo.setStatus('o1', 'in production', '2025-01-03', 'polled')).toBe(true);
    expect(repo.setStatus('o1', 'in production', '2025-01-04')).toBe(false);
    expect(repo.setStatus('o1', 'delivered', '2025-01-05')).toBe(true);
    expect(repo.setStatus('missing', 'delivered', '2025-01-05')).toBe(false);
    const o = repo.get('o1');
    expect(o?.events).toEqual([
      { status: 'submitting', at: '2025-01-01T10:00:00.000Z', note: null },
      { status: 'ordered', at: '2025-01-01T10:00:05.000Z', note: null },
      { status: 'in production', at: '2025-01-03', note: 'polled' },
      { status: 'delivered', at: '2025-01-05', note: null },
    ]);
    expect(o?.updatedAt).toBe('2025-01-05');
  });

  it('keeps a definitely failed order with its error, and lets the same reference be retried on that row', () => {
    repo.createSubmitting(newOrder('o1', { customerReference: 'R' }));
    const failed = repo.markFailed('o1', '2025-01-01T10:00:01.000Z', 'ERR_MIN_AOI_AREA', { code: 'ERR_MIN_AOI_AREA' });
    expect(failed).toMatchObject({ status: 'failed', events: [{ status: 'submitting' }, { status: 'failed', note: 'ERR_MIN_AOI_AREA' }] });
    expect(repo.payloads('o1')?.response).toEqual({ code: 'ERR_MIN_AOI_AREA' });

    const retry = repo.createSubmitting(newOrder('o2', { customerReference: 'R', sceneIds: ['s9'], at: '2025-01-02T00:00:00.000Z' }));
    expect(retry).toMatchObject({ id: 'o1', status: 'submitting', sceneIds: ['s9'], createdAt: '2025-01-02T00:00:00.000Z' });
    expect(retry.events.map((e) => e.status)).toEqual(['submitting', 'failed', 'submitting']);
    expect(repo.payloads('o1')).toEqual({ request: { items: [{ id: 's1' }] }, response: null });
    expect(repo.list()).toHaveLength(1);
  });

  it('lists orders newest first with their events, optionally for one account', () => {
    repo.createSubmitting(newOrder('a', { at: '2025-01-01' }));
    repo.createSubmitting(newOrder('b', { at: '2025-01-03', accountId: 'acc-2' }));
    repo.createSubmitting(newOrder('c', { at: '2025-01-02' }));
    repo.markPlaced('c', placed({ at: '2025-01-02' }));
    const all = repo.list();
    expect(all.map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect(all.map((o) => o.events.length)).toEqual([1, 2, 1]);
    expect(repo.list(10, 'acc-1').map((o) => o.id)).toEqual(['c', 'a']);
    expect(repo.list(1).map((o) => o.id)).toEqual(['b']);
  });

  it('rolls a status change back whole: no status without its event', () => {
    repo.createSubmitting(newOrder('o1'));
    // A trigger makes the event insert fail after the status update has run inside the transaction.
    t.db.exec(`CREATE TEMP TRIGGER boom BEFORE INSERT ON order_events WHEN new.status = 'broken' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => repo.setStatus('o1', 'broken', '2025-01-02')).toThrow(/disk full/);
    expect(repo.get('o1')).toMatchObject({ status: 'submitting', updatedAt: '2025-01-01T10:00:00.000Z' });
    expect(() => repo.markPlaced('o1', placed({ status: 'broken' }))).toThrow(/disk full/);
    expect(repo.get('o1')).toMatchObject({ status: 'submitting', salesOrderId: null, events: [{ status: 'submitting' }] });
  });
});
