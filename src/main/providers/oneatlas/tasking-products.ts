import type { ProgType, TaskingProductType } from '../../../shared/domain/tasking';
import { ProductTypesSchema, toProductType } from '../common/productTypes';
import type { CallOptions, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';

/**
 * The contract's tasking offers: the same `productTypes` read as the archive, keeping the entries whose
 * technicalProduct.source is `tasking` (the archive room filters them out) and the offer each sells,
 * which the API says in technicalProduct.target (`oneday`, `onenow`, `oneplan`, `oneseries`).
 */

const TARGETS: [RegExp, ProgType][] = [
  [/one\s*day/i, 'ONEDAY'],
  [/one\s*now/i, 'ONENOW'],
  [/one\s*plan/i, 'ONEPLAN'],
  [/one\s*series/i, 'ONESERIES'],
];

/** The offer from the target id, else from the product type id (PleiadesNeoOneNowAttempts names it only there). */
export function progTypeOf(targetId: string | null | undefined, productTypeId: string): ProgType | undefined {
  for (const text of [targetId ?? '', productTypeId]) {
    const hit = TARGETS.find(([re]) => re.test(text));
    if (hit) return hit[1];
  }
  return undefined;
}

export async function taskingProductTypes(ctx: OneAtlasContext, contractId: string, opts?: CallOptions): Promise<WithRaw<TaskingProductType[]>> {
  const { value, raw } = await ctx.api.json({ method: 'GET', url: ctx.url('order', `/api/v1/contracts/${enc(contractId)}/productTypes`), kind: 'read' }, ProductTypesSchema, opts);
  const out: TaskingProductType[] = [];
  for (const entry of value.productTypes) {
    const p = toProductType(entry);
    const progType = progTypeOf(entry.technicalProduct.target?.id, entry.productTypeId);
    // An offer we cannot place (unknown target) is left out rather than guessed.
    if (!p || p.source !== 'tasking' || !progType) continue;
    out.push({ productTypeId: p.productTypeId, label: p.label, mission: p.mission, progType, minimumOrderAreaKm2: p.minimumOrderAreaApplied, resolutionM: p.resolutionM });
  }
  return { value: out, raw };
}
