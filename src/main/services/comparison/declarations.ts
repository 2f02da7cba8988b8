import type { OptionChoice, ProductCatalogue } from '../../../shared/domain/archive';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import { DeskFailure } from '../../errors';

/**
 * What a comparison price declares where the order form would ask the user. A price commits nothing
 * and the provider's price does not depend on these declarations, but it refuses a request without
 * them; the normal order flow asks for the real ones and prices again before anything is ordered.
 */
export interface PricingDeclarations {
  options: OptionChoice[];
  deliveryType: string;
  primaryMarket: string;
  secondaryMarket: string | null;
  country: string | null;
  customerReference: string;
}

/** "Not qualified" is the one market that claims nothing about the buyer; any offered market otherwise. */
const NEUTRAL_MARKET = 'NQUAL';

/** `compare-20261203`: a reference that says what the price was for, never sent as an order. */
export const comparisonReference = (now: Date) => `compare-${now.toISOString().slice(0, 10).replaceAll('-', '')}`;

/** The catalogue's defaults: the provider's default options, its first (standard) delivery type, a neutral market. */
export function pricingDeclarations(productLabel: string, catalogue: ProductCatalogue, now: Date): PricingDeclarations {
  const evaluation = evaluateOptions(catalogue.options, {});
  if (!evaluation.valid) {
    const names = Object.keys(evaluation.errors).join(', ');
    throw new DeskFailure('INVALID_REQUEST', `${productLabel} has no default for ${names}: open it to choose the production options.`, { field: 'options' });
  }
  const deliveryType = catalogue.deliveryTypes[0]?.value;
  if (!deliveryType) throw new DeskFailure('INVALID_REQUEST', `The provider offers no delivery type for ${productLabel}.`, { field: 'deliveryType' });
  const primary = catalogue.primaryMarkets.find((m) => m.value === NEUTRAL_MARKET) ?? catalogue.primaryMarkets[0];
  if (!primary) throw new DeskFailure('INVALID_REQUEST', `The provider offers no market for ${productLabel}.`, { field: 'primaryMarket' });
  const secondary = catalogue.secondaryMarkets[primary.value] ?? [];
  return {
    options: evaluation.choices,
    deliveryType,
    primaryMarket: primary.value,
    secondaryMarket: (secondary.find((m) => m.value.endsWith('_NQ')) ?? secondary[0])?.value ?? null,
    country: catalogue.countries[0]?.value ?? null,
    customerReference: comparisonReference(now),
  };
}

/**
 * The tasking price request needs an address for acquisition notifications (the shared tasking rule);
 * a price notifies no one, so a reserved, undeliverable address (RFC 2606 `.invalid`) stands in.
 */
export const PRICING_NOTIFICATION_EMAIL = 'price-comparison@imagery-desk.invalid';
