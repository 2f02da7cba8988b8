import type { PriceQuote } from '../../../shared/domain/archive';
import type { ComparisonLabel, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import { DeskFailure } from '../../errors';

/**
 * The arithmetic of one comparison row, kept pure so it is tested on its own: the area billed, whether
 * the product's minimum lifted it, and the credit the contract would have left.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A billed area counts as "the minimum applied" only beyond this share above the AOI (providers round areas). */
export const MINIMUM_TOLERANCE = 0.005;

export interface PricedInput {
  offer: ComparisonOffer;
  label: ComparisonLabel;
  price: PriceQuote;
  aoiAreaKm2: number;
  /** The product type's minimum order area (km²), when the provider states one. */
  minimumKm2: number | null;
  earliestAcquisition: string | null;
  pricedAt: string;
}

export function pricedRow(p: PricedInput): ComparisonRow {
  const areaBilledKm2 = round2(p.price.lines.reduce((sum, l) => sum + l.areaKm2, 0));
  // Lifted above the AOI, or — for an archive scene covering part of the AOI, billed on that part — billed
  // at exactly the minimum while below the AOI (the part was smaller than the minimum).
  const atMinimum = p.minimumKm2 !== null && Math.abs(areaBilledKm2 - p.minimumKm2) <= p.minimumKm2 * MINIMUM_TOLERANCE;
  const lifted = p.minimumKm2 !== null && (areaBilledKm2 > p.aoiAreaKm2 * (1 + MINIMUM_TOLERANCE) || (atMinimum && areaBilledKm2 < p.aoiAreaKm2 * (1 - MINIMUM_TOLERANCE)));
  return {
    offer: p.offer,
    label: p.label,
    areaBilledKm2,
    minimumAppliedKm2: lifted ? p.minimumKm2 : null,
    amount: p.price.totalAmount,
    currency: p.price.currency,
    creditAfter: p.price.creditRemaining === null ? null : round2(p.price.creditRemaining - p.price.totalAmount),
    earliestAcquisition: p.earliestAcquisition,
    quoteId: p.price.id,
    pricedAt: p.pricedAt,
    error: null,
  };
}

/** The row of an offer that could not be priced: the failure's own code and sentence, and the field it blames. */
export function failedRow(offer: ComparisonOffer, label: ComparisonLabel, err: unknown, pricedAt: string): ComparisonRow {
  const error =
    err instanceof DeskFailure
      ? { code: err.code, message: err.message, ...(typeof err.details?.field === 'string' ? { field: err.details.field } : {}) }
      : { code: 'INTERNAL', message: `Pricing failed unexpectedly: ${err instanceof Error ? err.message : String(err)}` };
  return { offer, label, areaBilledKm2: null, minimumAppliedKm2: null, amount: null, currency: null, creditAfter: null, earliestAcquisition: null, quoteId: null, pricedAt, error };
}

/**
 * Cheapest first within a currency (amounts in different currencies are not compared), then the rows
 * without a price, each group in label order so equal prices keep a stable order.
 */
export function sortRows(rows: readonly ComparisonRow[]): ComparisonRow[] {
  const name = (r: ComparisonRow) => `${r.label.provider} ${r.label.accountName} ${r.label.product} ${r.label.type}`;
  return [...rows].sort((a, b) => {
    if ((a.amount === null) !== (b.amount === null)) return a.amount === null ? 1 : -1;
    if (a.amount !== null && b.amount !== null) {
      const byCurrency = (a.currency ?? '').localeCompare(b.currency ?? '');
      if (byCurrency !== 0) return byCurrency;
      if (a.amount !== b.amount) return a.amount - b.amount;
    }
    return name(a).localeCompare(name(b));
  });
}
