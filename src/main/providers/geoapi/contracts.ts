import { z } from 'zod';
import type { Contract, ProductType } from '../../../shared/domain/archive';
import { ProductTypesSchema, toProductType } from '../common/productTypes';
import type { CallOptions, WithRaw } from '../types';
import type { GeoApiContext } from './context';

/**
 * `GET /api/v1/me/contracts` (credit as a decimal string) and `GET /api/v1/productTypes`. The legacy
 * API lists product types for the user, not per contract: every contract is offered all of them.
 */

const ContractsReply = z.object({
  contracts: z.array(
    z.object({
      contractId: z.string().min(1),
      name: z.string().nullish(),
      creditRemaining: z.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'a decimal number')]).nullish(),
      currency: z.string().nullish(),
    }),
  ),
});

export async function contracts(ctx: GeoApiContext, opts?: CallOptions): Promise<WithRaw<Contract[]>> {
  const { value, raw } = await ctx.order.json({ method: 'GET', url: ctx.url('order', '/api/v1/me/contracts'), kind: 'read' }, ContractsReply, opts);
  return {
    value: value.contracts.map((c) => ({
      contractId: c.contractId,
      // The guides' own example name has a leading space.
      name: c.name?.trim() || c.contractId,
      creditRemaining: c.creditRemaining === null || c.creditRemaining === undefined ? null : Number(c.creditRemaining),
      currency: c.currency ?? 'EUR',
      backendSource: null,
      workspace: null,
    })),
    raw,
  };
}

export async function productTypes(ctx: GeoApiContext, _contractId: string, opts?: CallOptions): Promise<WithRaw<ProductType[]>> {
  const { value, raw } = await ctx.order.json({ method: 'GET', url: ctx.url('order', '/api/v1/productTypes'), kind: 'read' }, ProductTypesSchema, opts);
  return { value: value.productTypes.map(toProductType).filter((p): p is ProductType => !!p), raw };
}
