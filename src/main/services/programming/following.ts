import { z } from 'zod';
import { PROGRAMMING_UNCONFIRMED, ProgrammingOrderSchema, type ProgrammingOrder } from '../../../shared/domain/programming';
import { DeskFailure } from '../../errors';
import type { ProgrammingClient, ProviderProgrammingOrder } from '../../providers';
import type { CallOptions } from '../../providers/types';
import { cachedRead, storedCopy, type Cached } from '../shared/cached-read';
import { withProgramming, type ProgrammingDeps } from './access';

/**
 * Following programming orders through the service's list/detail extension (beyond the guide). Reads
 * go through shared/cached-read with the programming tables as the stored copy, so offline they answer
 * what was last seen with `offline: true`; a service without the extension answers the stored orders
 * with `tracked: false` (what was sent and the order number are all there is). Every status change is
 * recorded with its date.
 */

export interface OrderList {
  orders: ProgrammingOrder[];
  tracked: boolean;
}

const unsupported = (err: unknown) => err instanceof DeskFailure && err.code === 'UNSUPPORTED';
const observed = (p: ProviderProgrammingOrder) => ({ status: p.status, statusName: p.statusName, history: p.history, message: p.failReason, imagingTime: p.imagingTime });
/** Slack between our clock and the service's when matching an unconfirmed order to what it lists. */
const CLOCK_SLACK_MS = 10 * 60_000;

export function createFollowing(deps: ProgrammingDeps) {
  const repo = deps.orders;
  const now = () => deps.now().toISOString();
  const stored = (accountId: string): OrderList => {
    const orders = repo.list(accountId);
    return { orders, tracked: orders.some((o) => o.statusName !== null) };
  };

  /**
   * An unconfirmed order is matched to a listed order only when exactly one order unknown here carries
   * every field that was sent, created no earlier than it was sent: nothing is ever resent to find out.
   */
  const reconcile = (accountId: string, listed: ProviderProgrammingOrder[], raw: unknown): void => {
    const unknown = listed.filter((p) => !repo.byNumber(accountId, p.orderNo));
    for (const o of repo.list(accountId).filter((x) => x.status === PROGRAMMING_UNCONFIRMED)) {
      const sentAt = Date.parse(o.createdAt) - CLOCK_SLACK_MS;
      const matches = unknown.filter(
        (p) =>
          Object.keys(p.echo).length > 0 &&
          Object.entries(o.sent).every(([k, v]) => !(k in p.echo) || JSON.stringify(p.echo[k]) === JSON.stringify(v)) &&
          (p.createdAt === null || Date.parse(p.createdAt) >= sentAt),
      );
      if (matches.length !== 1) continue;
      const p = matches[0]!;
      repo.record(o.id, { orderNumber: p.orderNo, message: null }, now(), null, raw);
      repo.observe(o.id, observed(p), raw, now());
      unknown.splice(unknown.indexOf(p), 1);
    }
  };

  /** One read of the extension's list; every stored order it reports is updated. */
  const pull = async (client: ProgrammingClient, call: CallOptions, accountId: string): Promise<void> => {
    const { value, raw } = await client.extension.list(call);
    const seen = now();
    for (const p of value) {
      const local = repo.byNumber(accountId, p.orderNo);
      if (local) repo.observe(local.id, observed(p), p, seen);
    }
    reconcile(accountId, value, raw);
  };

  const list = (accountId: string): Promise<Cached<OrderList>> =>
    cachedRead(
      storedCopy(() => {
        const got = stored(accountId);
        return got.orders.length ? { value: got, dates: got.orders.map((o) => o.updatedAt) } : undefined;
      }),
      accountId,
      'programming',
      () =>
        withProgramming(deps, accountId, async (client, call) => {
          try {
            await pull(client, call, accountId);
          } catch (err) {
            if (!unsupported(err)) throw err;
            return { orders: repo.list(accountId), tracked: false };
          }
          return { ...stored(accountId), tracked: true };
        }),
      z.object({ orders: z.array(ProgrammingOrderSchema), tracked: z.boolean() }),
      deps.now,
    );

  const mustGet = (accountId: string, orderId: string): ProgrammingOrder => {
    const got = repo.get(orderId);
    if (!got || got.accountId !== accountId) throw new DeskFailure('NOT_FOUND', 'This programming order is not stored.');
    return got;
  };

  const detail = (accountId: string, orderId: string): Promise<Cached<ProgrammingOrder>> =>
    cachedRead(
      storedCopy(() => {
        const o = repo.get(orderId);
        return o && o.accountId === accountId ? { value: o, dates: [o.updatedAt] } : undefined;
      }),
      accountId,
      `programming:${orderId}`,
      async () => {
        const o = mustGet(accountId, orderId);
        // Nothing to ask the service about an order it never numbered.
        if (o.orderNumber === null) return o;
        const number = o.orderNumber;
        return withProgramming(deps, accountId, async (client, call) => {
          try {
            const { value, raw } = await client.extension.detail(number, call);
            repo.observe(o.id, observed(value), raw, now());
          } catch (err) {
            if (!unsupported(err)) throw err;
          }
          return mustGet(accountId, orderId);
        });
      },
      ProgrammingOrderSchema,
      deps.now,
    );

  const refresh = (accountId: string): Promise<OrderList> =>
    withProgramming(deps, accountId, async (client, call) => {
      try {
        await pull(client, call, accountId);
      } catch (err) {
        if (!unsupported(err)) throw err;
        return { orders: repo.list(accountId), tracked: false };
      }
      return { orders: repo.list(accountId), tracked: true };
    });

  return { list, detail, refresh };
}
export type Following = ReturnType<typeof createFollowing>;
