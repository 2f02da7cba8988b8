import { SANDBOX_USER } from '../accounts/products';
import type { AcceptedRecord, SandboxState } from '../state';
import type { NormalizedOrder } from './orderRequest';
import type { Priced } from './pricing';

/**
 * What the sandbox remembers of each accepted order or quotation: the exact body (in state.accepted,
 * for GET /__admin/orders) plus the provider's view of it as order lines, whose status moves on with
 * the simulated clock. Archive orders are delivered a few simulated hours after they are placed;
 * tasking orders stay IN_PROGRESS until the tasking module says otherwise.
 */

export type OrderStatus = 'QUOTATION_SENT' | 'IN_PROGRESS' | 'DELIVERED' | 'CANCELLED';
export type QuotationStatus = 'SENT' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED';

export interface OrderLine {
  orderItemId: string;
  orderLineId: number;
  productType: string;
  mission: string;
  source: string;
  target: string;
  licence: string | null;
  aoi: { name: string; geometry: unknown };
  datastripIds: string[];
  segmentKey?: string;
  requestedArea: number;
  priceCalculationArea: number;
  orderMinimumApplied: boolean;
  orderLineAmountWithoutDiscount: number;
  orderLineAmountDiscountPct: number;
  orderLineAmountWithDiscount: number;
  processingLevel: string | null;
  spectralProcessing: string | null;
  productFormat: string | null;
  pixelCoding: string | null;
  radiometricProcessing: string | null;
  priority: string | null;
  projectionCode: string | null;
}

export interface OrderData extends Record<string, unknown> {
  contractId: string;
  salesOrderId?: string;
  quotationId?: string;
  quotationStatus?: QuotationStatus;
  status: OrderStatus;
  statusHistory: { status: string; at: string }[];
  currency: string;
  totalAmount: number;
  discountPercentage: number;
  discountValue: number;
  primaryMarket?: string;
  secondaryMarket?: string;
  deliveryType: string;
  createdAt: string;
  quotationEndOfValidityDate?: string;
  /** Simulated epoch ms at which an in-progress archive order becomes DELIVERED. */
  deliverAt?: number;
  rejectionReasonId?: number;
  lines: OrderLine[];
}

interface Counters {
  sales: number;
  quotes: number;
  items: number;
}

/** Ids are sequential per seed, so a seeded run produces the same ids every time. */
function counters(state: SandboxState): Counters {
  return state.store<Counters>('ordering.counters', () => {
    const base = 100_000 + ((state.seed * 7919) % 800_000);
    return { sales: base, quotes: base, items: base };
  });
}

const yy = (state: SandboxState) => String(state.now().getUTCFullYear() % 100).padStart(2, '0');
export const nextSalesOrderId = (state: SandboxState) => `SAL${yy(state)}${String(++counters(state).sales).padStart(6, '0')}`;
export const nextQuotationId = (state: SandboxState) => `QUO${yy(state)}${String(++counters(state).quotes).padStart(6, '0')}`;

const DELIVERY_DELAY_MS = { standard: 6 * 3_600_000, rush: 2 * 3_600_000 };
export const QUOTATION_VALIDITY_MS = 7 * 86_400_000;

export function deliveryTime(order: NormalizedOrder, from: number): number | undefined {
  if (order.items.some((i) => i.product.source === 'tasking')) return undefined;
  const rush = [...order.options.values()].some((o) => o['priority'] === 'rush');
  return from + DELIVERY_DELAY_MS[rush ? 'rush' : 'standard'];
}

function lines(order: NormalizedOrder, priced: Priced, state: SandboxState): OrderLine[] {
  const out: OrderLine[] = [];
  const woi = `WOI_${String(++counters(state).items).padStart(9, '0')}`;
  for (const line of priced.lines) {
    const o = order.options.get(line.product.productTypeId) ?? {};
    for (const p of line.items) {
      const n = out.length + 1;
      out.push({
        orderItemId: `${woi}_${n}`,
        orderLineId: n,
        productType: line.product.productTypeId,
        mission: line.product.sensor,
        source: line.product.source,
        target: line.product.target.id,
        licence: o['licence'] ?? o['license'] ?? null,
        aoi: { name: p.item.aoi.name, geometry: p.item.aoi.aoi.geometry },
        datastripIds: p.item.datastripIds.concat(p.item.dataSourceIds.map((d) => d.catalogItemId)),
        ...(p.item.segmentKey ? { segmentKey: p.item.segmentKey } : {}),
        requestedArea: p.requestedAreaKm2,
        priceCalculationArea: p.priceAreaKm2,
        orderMinimumApplied: p.minimumApplied,
        orderLineAmountWithoutDiscount: p.price,
        orderLineAmountDiscountPct: line.discountPercentage,
        orderLineAmountWithDiscount: p.amount,
        processingLevel: o['processing_level'] ?? null,
        spectralProcessing: o['spectral_processing'] ?? o['spectral_processing_primary'] ?? null,
        productFormat: o['image_format'] ?? o['image_format_primary'] ?? null,
        pixelCoding: o['pixel_coding'] ?? null,
        radiometricProcessing: o['radiometric_processing'] ?? null,
        priority: o['priority'] ?? null,
        projectionCode: o[`projection_${p.item.aoi.id}`] ?? null,
      });
    }
  }
  return out;
}

export interface NewRecord {
  kind: AcceptedRecord['kind'];
  path: string;
  body: unknown;
  order: NormalizedOrder;
  priced: Priced;
  salesOrderId?: string;
  quotationId?: string;
  quotationStatus?: QuotationStatus;
  status: OrderStatus;
}

export function addRecord(state: SandboxState, r: NewRecord): AcceptedRecord & { data: OrderData } {
  const now = state.now();
  const data: OrderData = {
    contractId: r.order.contract.contractId,
    ...(r.salesOrderId ? { salesOrderId: r.salesOrderId } : {}),
    ...(r.quotationId ? { quotationId: r.quotationId } : {}),
    ...(r.quotationStatus ? { quotationStatus: r.quotationStatus } : {}),
    status: r.status,
    statusHistory: [{ status: r.status, at: now.toISOString() }],
    currency: r.priced.currency,
    totalAmount: r.priced.totalAmount,
    discountPercentage: r.priced.discountPercentage,
    discountValue: r.priced.discountValue,
    ...(r.order.primaryMarket ? { primaryMarket: r.order.primaryMarket } : {}),
    ...(r.order.secondaryMarket ? { secondaryMarket: r.order.secondaryMarket } : {}),
    deliveryType: r.order.deliveryType,
    createdAt: now.toISOString(),
    lines: lines(r.order, r.priced, state),
  };
  if (r.status === 'IN_PROGRESS') {
    const at = deliveryTime(r.order, now.getTime());
    if (at !== undefined) data.deliverAt = at;
  }
  if (r.quotationStatus === 'SENT') data.quotationEndOfValidityDate = new Date(now.getTime() + QUOTATION_VALIDITY_MS).toISOString();
  const record = {
    kind: r.kind,
    provider: r.order.provider,
    id: r.salesOrderId ?? r.quotationId ?? '',
    ...(r.order.customerReference !== undefined ? { customerReference: r.order.customerReference } : {}),
    receivedAt: now.toISOString(),
    path: r.path,
    body: r.body,
    data,
  };
  state.accepted.push(record);
  return record;
}

export function setStatus(data: OrderData, status: OrderStatus, at: Date): void {
  if (data.status === status) return;
  data.status = status;
  data.statusHistory.push({ status, at: at.toISOString() });
}

/** Brings a record up to the simulated present: deliveries and quotation expiry happen lazily. */
export function refresh(record: AcceptedRecord, now: Date): void {
  const data = record.data as Partial<OrderData>;
  if (!data.statusHistory || !data.status) return;
  const d = data as OrderData;
  if (d.status === 'IN_PROGRESS' && d.deliverAt !== undefined && now.getTime() >= d.deliverAt) setStatus(d, 'DELIVERED', new Date(d.deliverAt));
  if (d.quotationStatus === 'SENT' && d.quotationEndOfValidityDate && now.getTime() >= Date.parse(d.quotationEndOfValidityDate)) {
    d.quotationStatus = 'EXPIRED';
    setStatus(d, 'CANCELLED', new Date(d.quotationEndOfValidityDate));
  }
}

/** The OneAtlas records of this user, newest first. */
export function oneAtlasRecords(state: SandboxState): (AcceptedRecord & { data: OrderData })[] {
  const now = state.now();
  return state.accepted
    .filter((r) => r.provider === 'oneatlas' && (r.kind === 'order' || r.kind === 'quotation' || r.kind === 'tasking') && Array.isArray((r.data as Partial<OrderData>).lines))
    .map((r) => {
      refresh(r, now);
      return r as AcceptedRecord & { data: OrderData };
    })
    .reverse();
}

/** One order line as `/api/v2/orders/search` returns it. */
export function lineFeature(r: AcceptedRecord & { data: OrderData }, line: OrderLine) {
  const d = r.data;
  const last = d.statusHistory[d.statusHistory.length - 1];
  return {
    contractId: d.contractId,
    customerReference: r.customerReference ?? '',
    quotationId: d.quotationId ?? null,
    salesOrderId: d.salesOrderId ?? null,
    ...line,
    technicalProduct: { source: { id: line.source }, sensor: { id: line.mission }, target: { id: line.target } },
    status: d.status,
    quotationStatus: d.quotationStatus ?? null,
    quotationCreationDate: d.quotationId ? d.createdAt : null,
    quotationEndOfValidityDate: d.quotationEndOfValidityDate ?? null,
    orderCreationDate: d.salesOrderId ? (d.statusHistory.find((h) => h.status === 'IN_PROGRESS')?.at ?? d.createdAt) : null,
    lastStatusChangeDate: last?.at ?? d.createdAt,
    currency: d.currency,
    orderLineAmount: line.orderLineAmountWithDiscount,
    primaryMarket: d.primaryMarket ?? null,
    secondaryMarket: d.secondaryMarket ?? null,
    customerId: SANDBOX_USER.customerId,
    deliveryType: d.deliveryType,
    deliveryPlatformId: SANDBOX_USER.deliveryPlatformId,
    deliveryWorkspace: SANDBOX_USER.workspaceId,
    statusHistory: d.statusHistory,
  };
}
