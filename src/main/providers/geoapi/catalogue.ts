import type { MultiPolygon, Polygon } from 'geojson';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import { AvailableOptionsSchema, toProductOption } from '../common/options';
import type { CallOptions, WithRaw } from '../types';
import type { GeoApiContext } from './context';
import { GEOAPI_DELIVERY_TYPES, GEOAPI_PRIMARY_MARKETS, GEOAPI_SECONDARY_MARKETS } from './markets';

/**
 * Options come from `POST /api/v1/productTypes/{id}/options` with the AOI (the GeoAPI archive guide, step 5); markets
 * and delivery types from the spec's enums (no endpoint); the legacy API has no end-user countries.
 */
export async function catalogue(ctx: GeoApiContext, _contractId: string, productTypeId: string, aoi: Polygon | MultiPolygon, opts?: CallOptions): Promise<WithRaw<ProductCatalogue>> {
  const { value, raw } = await ctx.order.json(
    {
      method: 'POST',
      url: ctx.url('order', `/api/v1/productTypes/${encodeURIComponent(productTypeId)}/options`),
      kind: 'read',
      body: { json: { aoi: [{ polygonId: 1, geometry: aoi }] } },
    },
    AvailableOptionsSchema,
    opts,
  );
  return {
    value: {
      options: value.availableOptions.map(toProductOption),
      deliveryTypes: GEOAPI_DELIVERY_TYPES,
      primaryMarkets: GEOAPI_PRIMARY_MARKETS,
      secondaryMarkets: GEOAPI_SECONDARY_MARKETS,
      countries: [],
    },
    raw: { options: raw },
  };
}
