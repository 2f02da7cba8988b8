import { primaryMarketsOf, secondaryMarketsOf } from '../../../shared/domain/markets';

/**
 * The legacy API has no markets or delivery-types endpoint: its order spec (OrderRequest) lists the
 * allowed `primaryMarket` and `secondaryMarket` values as enums, and names `network` as the delivery
 * type. The markets are the shared vocabulary's (src/shared/domain/markets.ts, which models the
 * spec's pairs) as GeoAPI accounts may use them. The legacy API documents no labels: ids are shown.
 */

const item = (id: string) => ({ value: id, label: id });

const MARKETS = primaryMarketsOf('geoapi');

export const GEOAPI_PRIMARY_MARKETS = MARKETS.map((m) => item(m.id));

export const GEOAPI_SECONDARY_MARKETS: Record<string, { value: string; label: string }[]> = Object.fromEntries(
  MARKETS.map((m) => [m.id, secondaryMarketsOf(m.id).map(item)]),
);

export const GEOAPI_DELIVERY_TYPES = [{ value: 'network', label: 'Network (FTP)' }];
