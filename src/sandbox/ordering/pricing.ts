import { aoiOverlap } from '../../shared/geo/coverage';
import { aoiAreaKm2, type Polygons } from '../geo/aoi';
import type { ProductTypeDef, Provider } from '../accounts/products';
import type { SandboxState } from '../state';
import { orderHooks } from './hooks';
import { VOUCHERS, type NormalizedItem, type NormalizedOrder } from './orderRequest';

/**
 * Area-based pricing. Each item is priced on its ordered area — the AOI, clipped to the scene's
 * footprint when the catalogue knows it — raised to the product's `minimumOrderAreaApplied`. Lines
 * (one per product type) get the contract discount plus a volume discount on large archive orders;
 * vouchers discount the total. Rush production of archive costs half as much again.
 */

export interface PricedItem {
  item: NormalizedItem;
  requestedAreaKm2: number;
  priceAreaKm2: number;
  minimumApplied: boolean;
  price: number;
  amount: number;
}

export interface PricedLine {
  product: ProductTypeDef;
  items: PricedItem[];
  areaKm2: number;
  price: number;
  discountPercentage: number;
  discountValue: number;
  amount: number;
}

export interface Priced {
  currency: string;
  lines: PricedLine[];
  discountPercentage: number;
  discountValue: number;
  totalAmount: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const RUSH_FACTOR = 1.5;

function volumeDiscount(product: ProductTypeDef, areaKm2: number): number {
  if (product.source !== 'archive') return 0;
  return areaKm2 >= 5000 ? 20 : areaKm2 >= 1000 ? 10 : 0;
}

/** The AOI's area inside a footprint: shared/geo/coverage's overlap (what the app shows as coverage), priced by area. */
function clippedArea(aoi: Polygons, footprint: Polygons): number {
  try {
    const geometry = { type: 'MultiPolygon' as const, coordinates: aoi };
    const clip = footprint.flatMap((rings) => aoiOverlap(geometry, { type: 'Polygon', coordinates: rings }).coordinates);
    return aoiAreaKm2(clip as Polygons);
  } catch {
    // A degenerate footprint must not make an order unpriceable: fall back to the whole AOI.
    return aoiAreaKm2(aoi);
  }
}

function requestedArea(item: NormalizedItem, state: SandboxState): number {
  const footprints = item.datastripIds
    .concat(item.dataSourceIds.map((d) => d.catalogItemId))
    .map((id) => orderHooks.findScene?.(id, state)?.footprint)
    .filter((f): f is Polygons => !!f);
  if (footprints.length === 0) return item.aoi.areaKm2;
  return Math.min(item.aoi.areaKm2, footprints.reduce((sum, f) => sum + clippedArea(item.aoi.aoi.polygons, f), 0));
}

export function priceOrder(order: NormalizedOrder, state: SandboxState): Priced {
  const lines: PricedLine[] = [];
  for (const item of order.items) {
    const product = item.product;
    let line = lines.find((l) => l.product === product);
    if (!line) {
      line = { product, items: [], areaKm2: 0, price: 0, discountPercentage: 0, discountValue: 0, amount: 0 };
      lines.push(line);
    }
    const delegated = product.source === 'tasking' ? orderHooks.priceTaskingItem?.(item) : undefined;
    if (delegated) {
      const { requestedAreaKm2, priceAreaKm2, minimumApplied, price } = delegated;
      line.items.push({ item, requestedAreaKm2, priceAreaKm2, minimumApplied, price: round2(price), amount: round2(price) });
      continue;
    }
    const requested = requestedArea(item, state);
    const priceArea = Math.max(requested, product.minimumOrderAreaApplied);
    const rush = product.source === 'archive' && order.options.get(product.productTypeId)?.['priority'] === 'rush';
    const price = round2(priceArea * product.pricePerKm2 * (rush ? RUSH_FACTOR : 1));
    line.items.push({ item, requestedAreaKm2: round2(requested), priceAreaKm2: round2(priceArea), minimumApplied: priceArea > requested, price, amount: price });
  }
  for (const line of lines) {
    line.areaKm2 = round2(line.items.reduce((s, i) => s + i.priceAreaKm2, 0));
    line.price = round2(line.items.reduce((s, i) => s + i.price, 0));
    line.discountPercentage = Math.min(90, order.contract.discountPercentage + volumeDiscount(line.product, line.areaKm2));
    line.discountValue = round2((line.price * line.discountPercentage) / 100);
    line.amount = round2(line.price - line.discountValue);
    for (const i of line.items) i.amount = round2(i.price * (1 - line.discountPercentage / 100));
  }
  const subtotal = round2(lines.reduce((s, l) => s + l.amount, 0));
  const discountPercentage = Math.min(90, order.voucherCodes.reduce((s, c) => s + (VOUCHERS[c] ?? 0), 0));
  const discountValue = round2((subtotal * discountPercentage) / 100);
  return { currency: order.contract.currency, lines, discountPercentage, discountValue, totalAmount: round2(subtotal - discountValue) };
}

/** The documented price response; the legacy API also names the total `totalAmountCurrency`. */
export function priceJson(provider: Provider, contractId: string, p: Priced) {
  return {
    contractId,
    currency: p.currency,
    discountPercentage: p.discountPercentage,
    discountValue: p.discountValue,
    productTypes: p.lines.map((l) => ({
      amount: l.amount,
      areaKm2: l.areaKm2,
      discountPercentage: l.discountPercentage,
      discountValue: l.discountValue,
      price: l.price,
      productTypeId: l.product.productTypeId,
      items: l.items.map(({ item }) => (provider === 'geoapi' ? { datastripIds: item.datastripIds, dataStripIds: item.datastripIds } : { datastripIds: item.datastripIds })),
      voucherCode: null,
    })),
    totalAmount: p.totalAmount,
    ...(provider === 'geoapi' ? { totalAmountCurrency: p.totalAmount } : {}),
  };
}
