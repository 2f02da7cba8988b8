import { FieldError } from '../accounts/errors';
import { isValidMarketPair, primaryMarketsOf } from '../../shared/domain/markets';
import { DELIVERY_TYPES, isCountry } from '../accounts/markets';
import { validateOptions } from '../accounts/options';
import { SANDBOX_USER, contractsOf, findContract, findProductType, type ContractDef, type ProductTypeDef, type Provider } from '../accounts/products';
import { array, isRecord, parseAois, record, string, intId, type OrderAoi } from '../accounts/requests';
import type { SandboxState } from '../state';
import { orderHooks } from './hooks';

/**
 * Reads and checks the order body shared by `/prices`, `/quotations` and `/orders` (OneAtlas and the
 * legacy GeoAPI use the same `OrderRequest` shape). Everything an order needs is checked here, in the
 * order a user would fix it, and the first problem is reported naming its field.
 */

export type OrderMode = 'price' | 'quotation' | 'order';

export interface DataSourceId {
  catalogId: string;
  catalogItemId: string;
}

export interface NormalizedItem {
  index: number;
  product: ProductTypeDef;
  aoi: OrderAoi;
  datastripIds: string[];
  dataSourceIds: DataSourceId[];
  segmentKey?: string;
  properties: { key: string; value: unknown }[];
  raw: Record<string, unknown>;
}

export interface NormalizedOrder {
  provider: Provider;
  contract: ContractDef;
  aois: OrderAoi[];
  items: NormalizedItem[];
  /** Effective production options (defaults included) per product type id. */
  options: Map<string, Record<string, string>>;
  primaryMarket?: string;
  secondaryMarket?: string;
  customerReference?: string;
  deliveryType: string;
  voucherCodes: string[];
}

/** Voucher codes the sandbox honours (percent off the total). */
export const VOUCHERS: Record<string, number> = { 'SANDBOX-10': 10 };

const SCENE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const DS_MISSION: [RegExp, ProductTypeDef['sensor']][] = [
  [/^DS_PHR1[AB]_/, 'pleiades'],
  [/^DS_SPOT[67]_/, 'spot'],
  [/^DS_PNEO[34]_/, 'pleiadesneo'],
];

function contractOf(provider: Provider, v: unknown): ContractDef {
  const id = string(v, 'contractId');
  const c = findContract(provider, id);
  if (c) return c;
  if (provider === 'oneatlas') throw new FieldError('contractId', `CIS contract '${id}' not found.`, 404, 'E2203');
  throw new FieldError('contractId', `Contract '${id}' not found for this user`, 404);
}

function productOf(contract: ContractDef, v: unknown, field: string): ProductTypeDef {
  const id = string(v, field);
  const p = findProductType(contract.contractId, id);
  if (p) return p;
  // Say why when another contract would take it: SPOT/Pléiades are legacy-only, Pléiades Neo neo-only.
  const other = contractsOf(contract.provider).find((c) => findProductType(c.contractId, id));
  const hint = other?.backendSource && other.backendSource !== contract.backendSource ? ` (it is ordered through a '${other.backendSource}' contract such as '${other.contractId}')` : '';
  throw new FieldError(field, `${field} '${id}' is not available on contract '${contract.contractId}'${hint}`);
}

function sceneIds(raw: Record<string, unknown>, f: string, product: ProductTypeDef, state: SandboxState): { datastripIds: string[]; dataSourceIds: DataSourceId[] } {
  const datastripIds: string[] = [];
  if (raw['datastripIds'] !== undefined) {
    array(raw['datastripIds'], `${f}.datastripIds`, { max: 100 }).forEach((id, j) => {
      const field = `${f}.datastripIds[${j}]`;
      if (typeof id !== 'string' || !SCENE_ID.test(id)) throw new FieldError(field, `${field} is not a valid datastrip id`);
      datastripIds.push(id);
    });
  }
  const dataSourceIds: DataSourceId[] = [];
  // The spec names the field dataSourceIds; its own examples send dataSourceId.
  const key = raw['dataSourceIds'] !== undefined ? 'dataSourceIds' : 'dataSourceId';
  if (raw[key] !== undefined) {
    array(raw[key], `${f}.${key}`, { max: 100 }).forEach((d, j) => {
      const field = `${f}.${key}[${j}]`;
      const rec = record(d, field);
      const catalogItemId = string(rec['catalogItemId'], `${field}.catalogItemId`, { max: 128 });
      if (!SCENE_ID.test(catalogItemId)) throw new FieldError(`${field}.catalogItemId`, `${field}.catalogItemId is not a valid catalogue item id`);
      dataSourceIds.push({ catalogId: typeof rec['catalogId'] === 'string' ? rec['catalogId'] : 'PublicMOC', catalogItemId });
    });
  }
  if (product.source === 'archive' && datastripIds.length + dataSourceIds.length === 0) {
    throw new FieldError(`${f}.datastripIds`, `${f} must name the scene to order in datastripIds or dataSourceIds`);
  }
  const refs = [...datastripIds.map((id, j) => ({ id, field: `${f}.datastripIds[${j}]` })), ...dataSourceIds.map((d, j) => ({ id: d.catalogItemId, field: `${f}.${key}[${j}].catalogItemId` }))];
  for (const { id, field } of refs) {
    const known = orderHooks.findScene?.(id, state);
    const sensor = known?.mission ? known.mission.toLowerCase() : DS_MISSION.find(([re]) => re.test(id))?.[1];
    if (sensor && sensor !== product.sensor) {
      throw new FieldError(field, `Scene '${id}' was not acquired by ${product.mission}: it cannot be ordered as ${product.productTypeId}`);
    }
  }
  return { datastripIds, dataSourceIds };
}

function readItems(body: Record<string, unknown>, order: NormalizedOrder, state: SandboxState): NormalizedItem[] {
  // One of the spec's examples sends a single item as an object: accepted as a one-item list.
  const list = isRecord(body['items']) ? [body['items']] : array(body['items'], 'items', { min: 1, max: 100 });
  return list.map((rawItem, index) => {
    const f = `items[${index}]`;
    const raw = record(rawItem, f);
    const product = productOf(order.contract, raw['productTypeId'], `${f}.productTypeId`);
    const aoiId = intId(raw['aoiId'], `${f}.aoiId`);
    const aoi = order.aois.find((a) => a.id === aoiId);
    if (!aoi) throw new FieldError(`${f}.aoiId`, `${f}.aoiId ${aoiId} does not match any aoi[].id`);
    const properties: NormalizedItem['properties'] = [];
    if (raw['properties'] !== undefined) {
      array(raw['properties'], `${f}.properties`, { max: 100 }).forEach((p, j) => {
        const prop = record(p, `${f}.properties[${j}]`);
        properties.push({ key: string(prop['key'], `${f}.properties[${j}].key`, { max: 100 }), value: prop['value'] });
      });
    }
    const segmentKey = raw['segmentKey'];
    if (segmentKey !== undefined && segmentKey !== null && (typeof segmentKey !== 'string' || segmentKey.length > 20_000)) {
      throw new FieldError(`${f}.segmentKey`, `${f}.segmentKey must be a string`);
    }
    return { index, product, aoi, ...sceneIds(raw, f, product, state), properties, raw, ...(segmentKey ? { segmentKey } : {}) };
  });
}

function checkTasking(order: NormalizedOrder, state: SandboxState): void {
  for (const item of order.items) {
    if (item.product.source !== 'tasking') continue;
    if (orderHooks.validateTaskingItem) orderHooks.validateTaskingItem(item, order, state);
    else if ((item.product.progType === 'ONEDAY' || item.product.progType === 'ONENOW') && !item.segmentKey) {
      const f = `items[${item.index}].segmentKey`;
      throw new FieldError(f, `${f} is required for ${item.product.progType} (take it from /api/v1/attempts)`);
    }
  }
}

function readOptions(body: Record<string, unknown>, order: NormalizedOrder): void {
  const entries = array(body['optionsPerProductType'], 'optionsPerProductType', { min: 1, max: 50 });
  const wanted = new Map(order.items.map((i) => [i.product.productTypeId, i.product]));
  entries.forEach((e, i) => {
    const f = `optionsPerProductType[${i}]`;
    const entry = record(e, f);
    // Three spellings in the wild: productTypeId, productType.productTypeId, productType as a string.
    const pt = entry['productType'];
    const id = entry['productTypeId'] ?? (isRecord(pt) ? pt['productTypeId'] : pt);
    const product = wanted.get(string(id, `${f}.productTypeId`));
    if (!product) throw new FieldError(`${f}.productTypeId`, `${f}.productTypeId '${String(id)}' is not the product type of any item`);
    if (order.options.has(product.productTypeId)) throw new FieldError(`${f}.productTypeId`, `Options for '${product.productTypeId}' are given twice`);
    const options = array(entry['options'] ?? [], `${f}.options`, { max: 200 }).map((o, j) => {
      const opt = record(o, `${f}.options[${j}]`);
      return { key: string(opt['key'], `${f}.options[${j}].key`, { max: 100 }), value: opt['value'] };
    });
    const licence = entry['licence'];
    if (typeof licence === 'string' && licence !== '' && !options.some((o) => o.key === 'licence' || o.key === 'license')) options.push({ key: 'licence', value: licence });
    const aois = order.items.filter((it) => it.product === product).map((it) => it.aoi);
    const { values, errors } = validateOptions(product, options, aois, order.provider === 'geoapi');
    const first = errors[0];
    if (first) throw new FieldError(`${f}.options.${first.key}`, `${first.message} for product type '${product.productTypeId}'`);
    order.options.set(product.productTypeId, values);
  });
  for (const id of wanted.keys()) {
    if (!order.options.has(id)) throw new FieldError('optionsPerProductType', `optionsPerProductType has no entry for product type '${id}'`);
  }
}

function readMarkets(body: Record<string, unknown>, mode: OrderMode, order: NormalizedOrder): void {
  const primary = body['primaryMarket'];
  if (primary === undefined || primary === null) {
    if (mode !== 'price') throw new FieldError('primaryMarket', 'primaryMarket is mandatory to order (see the contract markets)');
    return;
  }
  // IOT is a OneAtlas market: the legacy order spec's primaryMarket enum does not have it.
  if (typeof primary !== 'string' || !primaryMarketsOf(order.provider).some((m) => m.id === primary)) {
    throw new FieldError('primaryMarket', `Unknown primaryMarket '${String(primary)}'`);
  }
  order.primaryMarket = primary;
  const secondary = body['secondaryMarket'];
  if (secondary === undefined || secondary === null) return;
  // The spec's pairs: a sub-market of this primary (AGRI_PREC), or the bare id where it is its own (GENIE).
  if (typeof secondary !== 'string' || !isValidMarketPair(primary, secondary)) {
    throw new FieldError('secondaryMarket', `secondaryMarket '${String(secondary)}' is not a valid secondary market of '${primary}' (see the contract markets)`);
  }
  order.secondaryMarket = secondary;
}

function readDelivery(body: Record<string, unknown>, mode: OrderMode, order: NormalizedOrder): void {
  const known = DELIVERY_TYPES.map((d) => d.deliveryTypeId);
  if (order.provider === 'geoapi') {
    // The legacy API carries the delivery type as the global option pair deliveryType/network.
    const opts = body['options'] === undefined ? [] : array(body['options'], 'options', { max: 50 });
    const pair = opts.find((o) => isRecord(o) && o['key'] === 'deliveryType') as Record<string, unknown> | undefined;
    if (!pair) {
      if (mode === 'order') throw new FieldError('options', "options must contain the deliveryType pair (e.g. {key: 'deliveryType', value: 'network'})");
      return;
    }
    if (!known.includes(pair['value'] as string)) throw new FieldError('options.deliveryType', `Unknown deliveryType '${String(pair['value'])}' (allowed: ${known.join(', ')})`);
    order.deliveryType = pair['value'] as string;
    return;
  }
  if (body['delivery'] === undefined || body['delivery'] === null) return;
  const d = record(body['delivery'], 'delivery');
  if (d['type'] !== undefined && !known.includes(d['type'] as string)) throw new FieldError('delivery.type', `Unknown delivery.type '${String(d['type'])}' (allowed: ${known.join(', ')})`);
  if (typeof d['type'] === 'string') order.deliveryType = d['type'];
  const ws = d['workspace'];
  if (ws !== undefined && ws !== null && ws !== SANDBOX_USER.workspaceId && ws !== SANDBOX_USER.workspaceName) {
    throw new FieldError('delivery.workspace', `Unable to access workspace '${String(ws)}'`, 400, 'E2203');
  }
}

function readCommercial(body: Record<string, unknown>, mode: OrderMode, order: NormalizedOrder): void {
  const ref = body['customerReference'];
  const needsRef = order.provider === 'oneatlas' && mode !== 'price' && order.items.some((i) => i.product.source === 'archive');
  if (ref !== undefined && ref !== null) order.customerReference = string(ref, 'customerReference');
  else if (needsRef) throw new FieldError('customerReference', 'customerReference is mandatory to order archive products');

  if (order.provider === 'oneatlas' && mode !== 'price' && order.items.some((i) => i.product.source === 'archive')) {
    array(body['endUsers'], 'endUsers', { min: 1, max: 50 }).forEach((u, i) => {
      const country = record(u, `endUsers[${i}]`)['country'];
      if (!isCountry(country)) throw new FieldError(`endUsers[${i}].country`, `endUsers[${i}].country '${String(country)}' is not a known country code (see /api/v1/properties)`);
    });
  }
  if (body['voucherCodes'] !== undefined && body['voucherCodes'] !== null) {
    array(body['voucherCodes'], 'voucherCodes', { max: 10 }).forEach((code, i) => {
      if (typeof code !== 'string' || !(code in VOUCHERS)) throw new FieldError(`voucherCodes[${i}]`, `Unknown or expired voucher code '${String(code)}'`);
      if (!order.voucherCodes.includes(code)) order.voucherCodes.push(code);
    });
  }
}

export function parseOrder(provider: Provider, body: Record<string, unknown>, mode: OrderMode, state: SandboxState): NormalizedOrder {
  const contract = contractOf(provider, body['contractId']);
  const order: NormalizedOrder = {
    provider,
    contract,
    aois: parseAois(body['aoi'], 'aoi', 'id', provider === 'geoapi'),
    items: [],
    options: new Map(),
    deliveryType: 'network',
    voucherCodes: [],
  };
  order.items = readItems(body, order, state);
  readOptions(body, order);
  readMarkets(body, mode, order);
  readDelivery(body, mode, order);
  readCommercial(body, mode, order);
  // Last, so that the tasking module sees the whole, otherwise valid, order.
  checkTasking(order, state);
  return order;
}
