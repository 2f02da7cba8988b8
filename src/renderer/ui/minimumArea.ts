import { formatKm2 } from './format';

/**
 * The product selected in the Archive or Tasking section, as far as AOIs care. Here rather than in a
 * feature: the AOIs section warns while drawing and the Archive section warns before pricing.
 */
export interface ProductMinimum {
  productLabel: string;
  minimumAreaKm2: number | null;
}

/** The chosen product as the AOIs section and the map's projection list care: its minimum and projections. */
export interface ProductContext extends ProductMinimum {
  projections: { code: number; label: string }[];
}

/** A sentence when the AOI is below the product's minimum order area, else null. */
export function minimumAreaWarning(areaKm2: number | null, product: ProductMinimum | null): string | null {
  if (areaKm2 === null || !product || product.minimumAreaKm2 === null) return null;
  if (areaKm2 >= product.minimumAreaKm2) return null;
  return `AOI is ${formatKm2(areaKm2)}; ${product.productLabel}'s minimum order area is ${formatKm2(product.minimumAreaKm2)}. Orders are priced on the minimum.`;
}
