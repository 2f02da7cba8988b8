import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import { isPrimaryMarket, isValidMarketPair } from '../../../shared/domain/markets';
import { AvailableOptionsSchema, toProductOption } from '../common/options';
import type { CallOptions, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';

/**
 * Everything the order form offers for one contract and product type: production options for the AOI
 * (the OneAtlas archive guide, 0.6), delivery types (0.5), markets with their secondary markets (0.4) and end-user
 * countries (0.7). Fetched together: each is small, and the form needs all of them.
 */

const IdLabel = z.object({ id: z.string().min(1), label: z.string().nullish() });
const DeliveryTypesReply = z.object({ deliveryTypes: z.array(z.object({ deliveryTypeId: z.string().min(1), label: z.string().nullish() })) });
const MarketsReply = z.object({ markets: z.array(IdLabel.extend({ secondaryMarket: z.array(IdLabel).nullish() })) });
const CountriesReply = z.object({ countries: z.array(IdLabel) });

const pair = (id: string, label: string | null | undefined) => ({ value: id, label: label?.trim() || id });

/**
 * A known market's secondaries, kept to the valid pairs of the shared vocabulary: an account may list
 * AGRI as its own secondary, which the order spec refuses (AGRI needs one of AGRI_*), and offering it
 * would only lead to a refused order. A market the vocabulary does not know yet is the provider's word.
 */
const offeredSecondaries = (primary: string, list: z.infer<typeof IdLabel>[]) =>
  list.filter((s) => !isPrimaryMarket(primary) || isValidMarketPair(primary, s.id)).map((s) => pair(s.id, s.label));

export async function catalogue(ctx: OneAtlasContext, contractId: string, productTypeId: string, aoi: Polygon | MultiPolygon, opts?: CallOptions): Promise<WithRaw<ProductCatalogue>> {
  const c = enc(contractId);
  const [options, delivery, markets, countries] = await Promise.all([
    ctx.api.json(
      // A read-only POST: the AOI travels in the body because projections depend on where it is.
      { method: 'POST', url: ctx.url('order', `/api/v1/contracts/${c}/productTypes/${enc(productTypeId)}/options`), kind: 'read', body: { json: { aoi: [{ polygonId: 1, geometry: aoi }] } } },
      AvailableOptionsSchema,
      opts,
    ),
    ctx.api.json({ method: 'GET', url: ctx.url('order', `/api/v1/contracts/${c}/deliveryTypes`), kind: 'read' }, DeliveryTypesReply, opts),
    ctx.api.json({ method: 'GET', url: ctx.url('order', `/api/v1/${c}/properties`), kind: 'read' }, MarketsReply, opts),
    ctx.api.json({ method: 'GET', url: ctx.url('order', '/api/v1/properties'), kind: 'read' }, CountriesReply, opts),
  ]);
  return {
    value: {
      options: options.value.availableOptions.map(toProductOption),
      deliveryTypes: delivery.value.deliveryTypes.map((d) => pair(d.deliveryTypeId, d.label)),
      primaryMarkets: markets.value.markets.map((m) => pair(m.id, m.label)),
      secondaryMarkets: Object.fromEntries(markets.value.markets.map((m) => [m.id, offeredSecondaries(m.id, m.secondaryMarket ?? [])])),
      countries: countries.value.countries.map((x) => pair(x.id, x.label)),
    },
    raw: { options: options.raw, deliveryTypes: delivery.raw, markets: markets.raw, countries: countries.raw },
  };
}
