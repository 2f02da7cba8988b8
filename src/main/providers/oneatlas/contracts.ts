import { z } from 'zod';
import type { Contract, ProductType } from '../../../shared/domain/archive';
import { ProviderError } from '../../http';
import { ProductTypesSchema, toProductType } from '../common/productTypes';
import type { CallOptions, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';

/**
 * Contracts with their credit and delivery workspace, and the product types each may order. The
 * workspace comes from two places (the OneAtlas archive guide, step 0.2): Pléiades Neo contracts name it in their
 * `delivery`; SPOT/Pléiades (legacy) deliver to the user's workspace from `/api/v1/me` on the data host.
 */

const Money = z.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'a decimal number')]);

const ContractsReply = z.object({
  contracts: z.array(
    z.object({
      contractId: z.string().min(1),
      name: z.string().nullish(),
      creditRemaining: Money.nullish(),
      currency: z.string().nullish(),
      backendSource: z.string().nullish(),
      delivery: z.array(z.object({ deliveryWorkspace: z.string().nullish() })).nullish(),
    }),
  ),
});

const MeReply = z.object({ contract: z.object({ workspaceId: z.string().nullish() }).nullish() });

export async function contracts(ctx: OneAtlasContext, opts?: CallOptions): Promise<WithRaw<Contract[]>> {
  const [list, me] = await Promise.all([
    ctx.api.json({ method: 'GET', url: ctx.url('order', '/api/v1/contracts'), kind: 'read' }, ContractsReply, opts),
    ctx.api.json({ method: 'GET', url: ctx.url('data', '/api/v1/me'), kind: 'read' }, MeReply, opts),
  ]);
  const userWorkspace = me.value.contract?.workspaceId ?? null;
  const value = list.value.contracts.map((c): Contract => {
    const backendSource = c.backendSource === 'legacy' || c.backendSource === 'neo' ? c.backendSource : null;
    ctx.backendSources.set(c.contractId, backendSource);
    const neoWorkspace = c.delivery?.find((d) => d.deliveryWorkspace)?.deliveryWorkspace ?? null;
    return {
      contractId: c.contractId,
      name: c.name?.trim() || c.contractId,
      creditRemaining: c.creditRemaining === null || c.creditRemaining === undefined ? null : Number(c.creditRemaining),
      currency: c.currency ?? 'EUR',
      backendSource,
      workspace: backendSource === 'neo' ? (neoWorkspace ?? userWorkspace) : userWorkspace,
    };
  });
  return { value, raw: { contracts: list.raw, me: me.raw } };
}

/** The contract's backendSource, reading the contracts once if this client has not seen it yet. */
export async function backendSourceOf(ctx: OneAtlasContext, contractId: string, opts?: CallOptions): Promise<'legacy' | 'neo'> {
  if (!ctx.backendSources.has(contractId)) await contracts(ctx, opts);
  const source = ctx.backendSources.get(contractId);
  if (source === undefined) throw new ProviderError('PROVIDER_ERROR', `Contract '${contractId}' is not one of this account's OneAtlas contracts.`, { field: 'contractId' });
  // A contract that does not say is ordered the way SPOT/Pléiades always were.
  return source ?? 'legacy';
}

export async function productTypes(ctx: OneAtlasContext, contractId: string, opts?: CallOptions): Promise<WithRaw<ProductType[]>> {
  const { value, raw } = await ctx.api.json({ method: 'GET', url: ctx.url('order', `/api/v1/contracts/${enc(contractId)}/productTypes`), kind: 'read' }, ProductTypesSchema, opts);
  return { value: value.productTypes.map(toProductType).filter((p): p is ProductType => !!p), raw };
}
