import { z } from 'zod';
import { TaskingSchema, TaskingSegmentSchema, type Tasking, type TaskingSegment } from '../../../shared/domain/tasking';
import { DeskFailure } from '../../errors';
import type { ProviderSegment, TaskingProvider } from '../../providers/tasking';
import type { CallOptions } from '../../providers/types';
import type { OrdersRepo } from '../../store/orders-repo';
import type { TaskingsRepo } from '../../store/taskings-repo';
import { cachedRead, storedCopy, type Cached } from '../shared/cached-read';
import { withTasking, type TaskingDeps } from './access';
import { segmentRow, taskingRow } from './rows';

/**
 * Following what was ordered: taskings, their segments, the buyer's decisions and cancellation. Reads
 * go through shared/cached-read with the taskings tables as the stored copy, so offline they answer
 * what was last seen with `offline: true`. Every status change is kept with the date it was seen.
 */

const FINAL = new Set(['Completed', 'Canceled', 'Cancelled']);

export function createFollowing(deps: TaskingDeps & { taskings: TaskingsRepo; orders: OrdersRepo }) {
  const now = () => deps.now().toISOString();
  const repo = deps.taskings;

  const saveDetail = async (t: TaskingProvider, call: CallOptions, accountId: string, contractId: string, taskingId: string, note: string | null = null): Promise<void> => {
    const { value, raw } = await t.tasking(contractId, taskingId, call);
    repo.saveTasking(taskingRow(value, accountId, contractId, now()), raw, null, note);
  };
  const saveSegments = async (t: TaskingProvider, call: CallOptions, accountId: string, contractId: string, taskingId: string): Promise<void> => {
    if (!repo.get(accountId, taskingId)) await saveDetail(t, call, accountId, contractId, taskingId);
    const { value } = await t.segments(contractId, taskingId, call);
    repo.saveSegments(accountId, value.map((s) => ({ segment: segmentRow(s, taskingId, now()), raw: s })));
  };
  const mustGet = (accountId: string, taskingId: string): Tasking => {
    const got = repo.get(accountId, taskingId);
    if (!got) throw new DeskFailure('NOT_FOUND', `Tasking ${taskingId} is not stored.`);
    return got;
  };

  /** Orders left 'submitting' for this contract are looked up by reference among its taskings. */
  const settle = async (t: TaskingProvider, call: CallOptions, accountId: string, contractId: string) => {
    for (const o of deps.orders.listUnsettled()) {
      if (o.kind !== 'tasking' || o.accountId !== accountId || o.contractId !== contractId) continue;
      const found = (await t.taskings(contractId, { customerReference: o.customerReference }, call)).value;
      const first = found[0];
      if (first) deps.orders.markPlaced(o.id, { salesOrderId: first.salesOrderId, quotationId: null, status: 'IN_PROGRESS', currency: null, totalAmount: null, response: found, at: now() });
    }
  };

  const list = (accountId: string, contractId: string): Promise<Cached<Tasking[]>> =>
    cachedRead(
      storedCopy(() => {
        const value = repo.list(accountId, contractId);
        return value.length ? { value, dates: value.map((x) => x.updatedAt) } : undefined;
      }),
      accountId,
      `taskings:${contractId}`,
      () =>
        withTasking(deps, accountId, async (t, call) => {
          const { value, raw } = await t.taskings(contractId, {}, call);
          for (const p of value) repo.saveTasking(taskingRow(p, accountId, contractId, now()), raw);
          return repo.list(accountId, contractId);
        }),
      z.array(TaskingSchema),
      deps.now,
    );

  const decide = async (accountId: string, contractId: string, taskingId: string, segmentId: string, decision: 'accept' | 'refuse', reason: string | null): Promise<TaskingSegment> =>
    withTasking(deps, accountId, async (t, call) => {
      const { value, raw } = decision === 'accept' ? await t.acceptSegment(contractId, taskingId, segmentId, call) : await t.refuseSegment(contractId, taskingId, segmentId, call);
      // The guide documents no reply body: without one, the segment is read back from the list.
      const seg: ProviderSegment | undefined = value ?? (await t.segments(contractId, taskingId, call)).value.find((s) => s.id === segmentId);
      if (!seg) throw new DeskFailure('PROVIDER_MALFORMED', `Segment ${segmentId} is gone from tasking ${taskingId} after the ${decision}.`);
      if (!repo.get(accountId, taskingId)) await saveDetail(t, call, accountId, contractId, taskingId);
      repo.saveDecision(accountId, segmentRow(seg, taskingId, now()), raw, decision === 'accept' ? 'accepted by the user' : `refused by the user: ${reason ?? ''}`, reason);
      // Accepting or refusing may end the tasking: its status is read again.
      await saveDetail(t, call, accountId, contractId, taskingId).catch(() => undefined);
      const stored = repo.segments(accountId, taskingId).find((s) => s.id === segmentId);
      return stored as TaskingSegment;
    });

  return {
    list,
    detail: (accountId: string, contractId: string, taskingId: string): Promise<Cached<Tasking>> =>
      cachedRead(
        storedCopy(() => {
          const value = repo.get(accountId, taskingId);
          return value ? { value, dates: [value.updatedAt] } : undefined;
        }),
        accountId,
        `tasking:${taskingId}`,
        () =>
          withTasking(deps, accountId, async (t, call) => {
            await saveDetail(t, call, accountId, contractId, taskingId);
            return mustGet(accountId, taskingId);
          }),
        TaskingSchema,
        deps.now,
      ),
    segments: (accountId: string, contractId: string, taskingId: string): Promise<Cached<TaskingSegment[]>> =>
      cachedRead(
        // A stored tasking with no segment yet is a valid (empty) offline answer.
        storedCopy(() => {
          const tasking = repo.get(accountId, taskingId);
          const value = repo.segments(accountId, taskingId);
          return tasking ? { value, dates: [tasking.updatedAt, ...value.map((s) => s.updatedAt)] } : undefined;
        }),
        accountId,
        `segments:${taskingId}`,
        () =>
          withTasking(deps, accountId, async (t, call) => {
            await saveSegments(t, call, accountId, contractId, taskingId);
            return repo.segments(accountId, taskingId);
          }),
        z.array(TaskingSegmentSchema),
        deps.now,
      ),
    acceptSegment: (accountId: string, contractId: string, taskingId: string, segmentId: string) => decide(accountId, contractId, taskingId, segmentId, 'accept', null),
    refuseSegment: (accountId: string, contractId: string, taskingId: string, segmentId: string, reason: string) => decide(accountId, contractId, taskingId, segmentId, 'refuse', reason),
    cancel: (accountId: string, contractId: string, taskingId: string): Promise<Tasking> =>
      withTasking(deps, accountId, async (t, call) => {
        await t.cancel(contractId, taskingId, call);
        await saveDetail(t, call, accountId, contractId, taskingId, 'canceled by the user');
        return mustGet(accountId, taskingId);
      }),
    /** Unsettled orders first, then every tasking's status, then the segments of those still moving. */
    refresh: (accountId: string, contractId: string): Promise<Tasking[]> =>
      withTasking(deps, accountId, async (t, call) => {
        await settle(t, call, accountId, contractId);
        const before = new Map(repo.list(accountId, contractId).map((x) => [x.id, x]));
        const { value, raw } = await t.taskings(contractId, {}, call);
        for (const p of value) {
          repo.saveTasking(taskingRow(p, accountId, contractId, now()), raw);
          const seen = before.get(p.id);
          const stored = repo.segments(accountId, p.id).length;
          if (!FINAL.has(p.status) || seen?.status !== p.status || stored < p.totalSegmentsCount) await saveSegments(t, call, accountId, contractId, p.id);
        }
        return repo.list(accountId, contractId);
      }),
  };
}
export type Following = ReturnType<typeof createFollowing>;
