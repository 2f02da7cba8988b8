import type { Polygons } from '../geo/aoi';
import type { Mission } from '../accounts/products';
import type { AcceptedRecord, SandboxState } from '../state';
import type { NormalizedItem, NormalizedOrder } from './orderRequest';

/**
 * Extension points of the ordering module. Archive and tasking items are ordered through the same
 * `/prices` and `/orders` endpoints, but scenes belong to the search module and segments to the
 * tasking module: they plug their knowledge in here (at import time) instead of ordering importing
 * them, so each module can change, or be absent, without breaking the others.
 */

export interface SceneInfo {
  mission?: Mission;
  /** When known, the ordered area is the AOI clipped to this footprint. */
  footprint?: Polygons;
}

export interface OrderHooks {
  /** Finds an archive scene by datastrip or catalogue item id; undefined when unknown. */
  findScene?: (id: string, state: SandboxState) => SceneInfo | undefined;
  /**
   * Validates a tasking item (segmentKey, acquisition properties). Throw a FieldError (from
   * accounts/errors) naming the field to refuse it. Without this hook ONEDAY/ONENOW items only need
   * a non-empty segmentKey.
   */
  validateTaskingItem?: (item: NormalizedItem, order: NormalizedOrder, state: SandboxState) => void;
  /**
   * Prices one tasking item before discounts (acquisition mode, stereo…). Without it a tasking item
   * is priced like archive: AOI area raised to the product minimum, times the list price.
   */
  priceTaskingItem?: (item: NormalizedItem) => ItemPrice;
}

export interface ItemPrice {
  requestedAreaKm2: number;
  priceAreaKm2: number;
  minimumApplied: boolean;
  /** List price of the item before any discount. */
  price: number;
}

export type CommitListener = (record: AcceptedRecord, order: NormalizedOrder, state: SandboxState) => void;

export const orderHooks: OrderHooks = {};
const listeners: CommitListener[] = [];

export function registerOrderHooks(hooks: OrderHooks): void {
  Object.assign(orderHooks, hooks);
}

/** Called after an order (or quotation) is committed: the tasking module creates its tasking here. */
export function onOrderCommitted(listener: CommitListener): void {
  listeners.push(listener);
}

export function notifyCommitted(record: AcceptedRecord, order: NormalizedOrder, state: SandboxState): void {
  for (const l of listeners) l(record, order, state);
}
