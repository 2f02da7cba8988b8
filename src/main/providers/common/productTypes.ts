import { z } from 'zod';
import type { ProductType } from '../../../shared/domain/archive';

/** The documented `productTypes[]` entry, shared by OneAtlas and the legacy GeoAPI. */

const IdLabel = z.object({ id: z.string(), label: z.string().nullish() });

export const ProductTypeEntrySchema = z.object({
  productTypeId: z.string().min(1),
  technicalProduct: z.object({ id: z.string().nullish(), label: z.string().nullish(), source: IdLabel, sensor: IdLabel, target: IdLabel.nullish() }),
  minimumOrderAreaApplied: z.number().nullish(),
});
export const ProductTypesSchema = z.object({ productTypes: z.array(ProductTypeEntrySchema) });

/** Labels carry the resolution ("Pleiades 0.5-m", "SPOT 10-m colour"); the API has no field for it. */
function resolutionOf(label: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*-?\s*m\b/i.exec(label);
  return m ? Number(m[1]) : null;
}

/** Undefined for a source the product does not know (neither archive nor tasking): such entries are skipped. */
export function toProductType(p: z.infer<typeof ProductTypeEntrySchema>): ProductType | undefined {
  const source = p.technicalProduct.source.id.toLowerCase();
  if (source !== 'archive' && source !== 'tasking') return undefined;
  const sensor = p.technicalProduct.sensor.id.toLowerCase();
  const label = p.technicalProduct.label?.trim() || p.productTypeId;
  return {
    productTypeId: p.productTypeId,
    label,
    source,
    mission: sensor.toUpperCase(),
    resolutionM: resolutionOf(label),
    minimumOrderAreaApplied: p.minimumOrderAreaApplied ?? null,
    // Pléiades Neo archive is quoted, then accepted (the OneAtlas archive guide, step 4), not priced.
    quotationRequired: source === 'archive' && sensor === 'pleiadesneo',
  };
}
