import { z } from 'zod';
import type { HttpClient } from '../../http';
import type { CallOptions, WithRaw } from '../types';
import { readEnvelope } from './envelope';

/**
 * The one call the Origen programming guide documents: `POST /market/order/programming/create`, sent
 * once as a commit (never retried: a programming order costs money and the guide offers no way to find
 * an order again by a client reference).
 */

export interface OrigenContext {
  http: HttpClient;
  /** The market-service base URL, without a trailing slash. */
  market: string;
  /** `Authorization: <token>`, as the guide's request headers say (no Bearer prefix). */
  headers(): Record<string, string>;
}

const Created = z.object({ orderNo: z.string().min(1) });

export async function createProgrammingOrder(ctx: OrigenContext, body: Record<string, unknown>, opts: CallOptions = {}): Promise<WithRaw<{ orderNo: string }>> {
  const req = { method: 'POST' as const, url: `${ctx.market}/market/order/programming/create`, kind: 'commit' as const, headers: ctx.headers(), body: { json: body }, onWait: opts.onWait, signal: opts.signal };
  const res = await ctx.http.send(req);
  return readEnvelope(res, req, Created);
}
