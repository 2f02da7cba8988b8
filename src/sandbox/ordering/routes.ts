import { FieldError, objectBody, secured } from '../accounts/errors';
import { creditOf, debit, type Provider } from '../accounts/products';
import { intId, record } from '../accounts/requests';
import { SANDBOX_PREFIXES } from '../credentials';
import type { SandboxState } from '../state';
import { json, type Mount, type Route, type SandboxRequest } from '../types';
import './catalogueLink';
import { notifyCommitted } from './hooks';
import { parseOrder, type NormalizedOrder, type OrderMode } from './orderRequest';
import { buildPdf } from './pdf';
import { priceJson, priceOrder, type Priced } from './pricing';
import { parseQuery } from './query';
import { addRecord, deliveryTime, lineFeature, nextQuotationId, nextSalesOrderId, oneAtlasRecords, setStatus, type OrderData } from './records';

/**
 * Pricing and ordering for OneAtlas (`/prices`, `/quotations`, `/orders`, order search, quotation
 * export/accept/refuse) and the legacy GeoAPI (`/prices`, `/orders`). Order-creating routes are flagged
 * `commitsOrder`: the server's drop-after-commit fault lets them commit, then drops the connection.
 */

const REJECTION_REASONS: Record<number, string> = {
  1: 'The quote has expired',
  2: 'I chose another imagery provider',
  3: "It doesn't correspond to my budget expectations",
  4: 'The tasking proposal is not answering my needs',
  5: "The licence doesn't answer my operational needs",
  6: 'I need to modify my request',
  7: 'Other',
};

const quotes = (state: SandboxState) => state.store('ordering.quotations', () => new Map<string, NormalizedOrder>());

function read(provider: Provider, req: SandboxRequest, mode: OrderMode, state: SandboxState): { order: NormalizedOrder; priced: Priced } {
  const order = parseOrder(provider, objectBody(req), mode, state);
  return { order, priced: priceOrder(order, state) };
}

function ensureCredit(state: SandboxState, order: NormalizedOrder, total: number): void {
  const remaining = creditOf(state, order.contract);
  if (total > remaining) {
    throw new FieldError('contractId', `Not enough credit on contract '${order.contract.contractId}': ${remaining} ${order.contract.currency} remaining, ${total} needed`, 400, 'E2301');
  }
}

const kindOf = (order: NormalizedOrder) => (order.items.some((i) => i.product.source === 'tasking') ? 'tasking' : 'order');

function placeOrder(provider: Provider, prefix: string, req: SandboxRequest, state: SandboxState) {
  const { order, priced } = read(provider, req, 'order', state);
  ensureCredit(state, order, priced.totalAmount);
  debit(state, order.contract, priced.totalAmount);
  const salesOrderId = nextSalesOrderId(state);
  // A Pléiades Neo order is a quotation accepted on the spot: it carries both ids.
  const quotationId = order.contract.backendSource === 'neo' ? nextQuotationId(state) : undefined;
  const rec = addRecord(state, {
    kind: kindOf(order),
    path: prefix + req.path,
    body: req.body,
    order,
    priced,
    salesOrderId,
    ...(quotationId ? { quotationId, quotationStatus: 'ACCEPTED' as const } : {}),
    status: 'IN_PROGRESS',
  });
  notifyCommitted(rec, order, state);
  const money = { currency: priced.currency, discountPercentage: priced.discountPercentage, discountValue: priced.discountValue, totalAmount: priced.totalAmount };
  // The legacy API documents 200 for order creation, OneAtlas 201.
  return json(provider === 'geoapi' ? 200 : 201, { salesOrderId, ...(quotationId ? { quotationId } : {}), ...money });
}

function findQuotation(state: SandboxState, quotationId: string | undefined, contractId?: string) {
  const rec = oneAtlasRecords(state).find((r) => r.kind === 'quotation' && r.data.quotationId === quotationId && (!contractId || r.data.contractId === contractId));
  if (!rec) throw new FieldError('quotationId', `Quotation '${quotationId ?? ''}' not found${contractId ? ` on contract '${contractId}'` : ''}`, 404, 'E2205');
  return rec;
}

function quotationPdf(r: ReturnType<typeof findQuotation>): Buffer {
  const d = r.data;
  const money = (n: number) => `${n.toFixed(2)} ${d.currency}`;
  return buildPdf(`Quotation ${d.quotationId ?? ''}`, [
    { text: `Quotation ${d.quotationId ?? ''}`, size: 18 },
    { text: 'Imagery Desk provider sandbox - simulated, not a real offer' },
    { text: `Contract: ${d.contractId}    Customer reference: ${r.customerReference ?? '-'}` },
    { text: `Issued: ${d.createdAt}    Valid until: ${d.quotationEndOfValidityDate ?? '-'}` },
    { text: `Status: ${d.quotationStatus ?? '-'}${d.salesOrderId ? `    Sales order: ${d.salesOrderId}` : ''}` },
    { text: '' },
    { text: 'Items', size: 13 },
    ...d.lines.flatMap((l) => [
      { text: `${l.orderLineId}. ${l.productType} (${l.source}, ${l.mission}) - AOI "${l.aoi.name}"` },
      {
        text: `    requested ${l.requestedArea} km2, priced ${l.priceCalculationArea} km2${l.orderMinimumApplied ? ' (minimum applied)' : ''}: ${money(l.orderLineAmountWithoutDiscount)}, discount ${l.orderLineAmountDiscountPct}%, amount ${money(l.orderLineAmountWithDiscount)}`,
      },
      { text: `    ${[l.processingLevel, l.spectralProcessing, l.productFormat, l.projectionCode && `EPSG:${l.projectionCode}`].filter(Boolean).join(', ')}` },
    ]),
    { text: '' },
    { text: `Discount: ${d.discountPercentage}% (${money(d.discountValue)})` },
    { text: `Total: ${money(d.totalAmount)}`, size: 13 },
  ]);
}

const O = SANDBOX_PREFIXES.oneatlas.order;
const G = SANDBOX_PREFIXES.geoapi.order;

const oneAtlasRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/v1/prices',
    handler: secured('oneatlas', (req, { state }) => {
      const { order, priced } = read('oneatlas', req, 'price', state);
      return json(200, priceJson('oneatlas', order.contract.contractId, priced));
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/quotations',
    commitsOrder: true,
    handler: secured('oneatlas', (req, { state }) => {
      const { order, priced } = read('oneatlas', req, 'quotation', state);
      const legacy = order.items.find((i) => i.product.sensor !== 'pleiadesneo');
      if (legacy) throw new FieldError(`items[${legacy.index}].productTypeId`, `Quotations are only available for Pléiades Neo ('${legacy.product.productTypeId}' is priced with /api/v1/prices)`);
      const quotationId = nextQuotationId(state);
      addRecord(state, { kind: 'quotation', path: O + req.path, body: req.body, order, priced, quotationId, quotationStatus: 'SENT', status: 'QUOTATION_SENT' });
      quotes(state).set(quotationId, order);
      return json(201, { quotationId, currency: priced.currency, discountPercentage: priced.discountPercentage, discountValue: priced.discountValue, totalAmount: priced.totalAmount });
    }),
  },
  { method: 'POST', pattern: '/api/v1/orders', commitsOrder: true, handler: secured('oneatlas', (req, { state }) => placeOrder('oneatlas', O, req, state)) },
  {
    method: 'POST',
    pattern: '/api/v2/orders/search',
    handler: secured('oneatlas', (req, { state }) => {
      const body = objectBody(req);
      const paging = record(body['paging'], 'paging');
      const itemsPerPage = paging['itemsPerPage'] === undefined ? 25 : intId(paging['itemsPerPage'], 'paging.itemsPerPage');
      if (itemsPerPage > 500) throw new FieldError('paging.itemsPerPage', 'paging.itemsPerPage must be at most 500');
      const start = paging['startIndex'] ?? 0;
      if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) throw new FieldError('paging.startIndex', 'paging.startIndex must be a non-negative integer');
      const matches = parseQuery(record(body['criteria'], 'criteria')['q']);
      const features = oneAtlasRecords(state)
        .flatMap((r) => r.data.lines.map((l) => lineFeature(r, l)))
        .filter((f) => matches(f));
      return json(200, {
        paging: { itemsPerPage, startIndex: start, pagingMode: typeof paging['pagingMode'] === 'string' ? paging['pagingMode'] : 'item', totalResults: features.length },
        features: features.slice(start, start + itemsPerPage),
      });
    }),
  },
  {
    method: 'GET',
    pattern: '/api/v1/quotations/:quotationId/export',
    handler: secured('oneatlas', (req, { state }) => {
      const rec = findQuotation(state, req.params['quotationId']);
      return { status: 200, body: quotationPdf(rec), contentType: 'application/pdf', headers: { 'Content-Disposition': `attachment; filename="${rec.data.quotationId ?? 'quotation'}.pdf"` } };
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/contracts/:contractId/quotations/:quotationId/accept',
    commitsOrder: true,
    handler: secured('oneatlas', (req, { state }) => {
      const rec = findQuotation(state, req.params['quotationId'], req.params['contractId']);
      const d: OrderData = rec.data;
      if (d.quotationStatus !== 'SENT') throw new FieldError('quotationId', `Quotation '${d.quotationId ?? ''}' is ${d.quotationStatus ?? 'closed'}: it can no longer be accepted`, 409, 'E2206');
      const order = quotes(state).get(d.quotationId ?? '');
      if (!order) throw new FieldError('quotationId', `Quotation '${d.quotationId ?? ''}' not found`, 404, 'E2205');
      ensureCredit(state, order, d.totalAmount);
      debit(state, order.contract, d.totalAmount);
      const now = state.now();
      d.salesOrderId = nextSalesOrderId(state);
      d.quotationStatus = 'ACCEPTED';
      setStatus(d, 'IN_PROGRESS', now);
      const at = deliveryTime(order, now.getTime());
      if (at !== undefined) d.deliverAt = at;
      notifyCommitted(rec, order, state);
      return json(200, { quotationId: d.quotationId, quotationStatus: d.quotationStatus, salesOrderId: d.salesOrderId, status: d.status });
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/contracts/:contractId/quotations/:quotationId/refuse',
    handler: secured('oneatlas', (req, { state }) => {
      const reason = objectBody(req)['rejectionReasonId'];
      if (typeof reason !== 'number' || !Number.isInteger(reason) || !(reason in REJECTION_REASONS)) {
        throw new FieldError('rejectionReasonId', 'rejectionReasonId must be an integer from 1 to 7');
      }
      const rec = findQuotation(state, req.params['quotationId'], req.params['contractId']);
      const d: OrderData = rec.data;
      if (d.quotationStatus !== 'SENT') throw new FieldError('quotationId', `Quotation '${d.quotationId ?? ''}' is ${d.quotationStatus ?? 'closed'}: it can no longer be refused`, 409, 'E2206');
      d.quotationStatus = 'REFUSED';
      d.rejectionReasonId = reason;
      setStatus(d, 'CANCELLED', state.now());
      return json(200, { quotationId: d.quotationId, quotationStatus: d.quotationStatus, rejectionReasonId: reason, rejectionReason: REJECTION_REASONS[reason] });
    }),
  },
];

const geoApiRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/v1/prices',
    handler: secured('geoapi', (req, { state }) => {
      const { order, priced } = read('geoapi', req, 'price', state);
      return json(200, priceJson('geoapi', order.contract.contractId, priced));
    }),
  },
  { method: 'POST', pattern: '/api/v1/orders', commitsOrder: true, handler: secured('geoapi', (req, { state }) => placeOrder('geoapi', G, req, state)) },
];

/** Routes of the ordering module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const orderingMounts: Mount[] = [
  { prefix: O, routes: oneAtlasRoutes },
  { prefix: G, routes: geoApiRoutes },
];
