import { fieldErrorFor, type ShownError } from '../../api/errors';
import type { OrderFormValues } from './draft';

/** The order form's own fields (the options are keyed by their provider names instead). */
export type OrderField = Exclude<keyof OrderFormValues, 'choices'>;

/**
 * Other names the providers' order requests give our fields: OneAtlas nests the delivery type under
 * `delivery.type` and the country under `endUsers[n].country` (the latter already ends in `country`).
 */
const SPELLINGS: Partial<Record<OrderField, readonly string[]>> = {
  deliveryType: ['delivery.type'],
};

/** The refusal to show beside an order field, or null when the provider blamed something else. */
export const orderFieldError = (error: ShownError | null | undefined, field: OrderField): string | null =>
  fieldErrorFor(error, field, SPELLINGS[field]);
