import type { MultiPolygon, Polygon } from 'geojson';
import type { Contract, OrderDraft, Scene } from '../../../shared/domain/archive';
import type { ArchiveOrderRequest } from '../../providers/types';

/** The provider-neutral request for a basket; the same for price, quotation and order. */
export function toOrderRequest(draft: OrderDraft, aoi: Polygon | MultiPolygon, scenes: Scene[], contract: Contract | undefined): ArchiveOrderRequest {
  return {
    contractId: draft.contractId,
    productTypeId: draft.productTypeId,
    aoi,
    scenes: scenes.map((s) => ({ id: s.id, sourceId: s.sourceId })),
    options: draft.options,
    deliveryType: draft.deliveryType,
    workspace: contract?.workspace ?? null,
    primaryMarket: draft.primaryMarket,
    secondaryMarket: draft.secondaryMarket,
    country: draft.country,
    customerReference: draft.customerReference,
    notificationEmails: draft.notificationEmails,
  };
}

/** Two drafts order the same thing (options compared as a set, whatever their order). */
export function sameDraft(a: OrderDraft, b: OrderDraft): boolean {
  const norm = (d: OrderDraft) =>
    canonical({ ...d, options: [...d.options].sort((x, y) => x.key.localeCompare(y.key)), sceneIds: [...d.sceneIds].sort() });
  return norm(a) === norm(b);
}

/** JSON with object keys sorted, so two equal drafts compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
