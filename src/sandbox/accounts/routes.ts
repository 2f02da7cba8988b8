import { SANDBOX_PREFIXES } from '../credentials';
import type { SandboxState } from '../state';
import { json, type Mount, type SandboxRequest } from '../types';
import { FieldError, objectBody, secured } from './errors';
import { DELIVERY_TYPES, countriesJson, marketsJson } from './markets';
import { optionsFor } from './options';
import {
  SANDBOX_USER,
  contractJson,
  contractsOf,
  creditOf,
  findContract,
  findProductType,
  productTypeJson,
  productTypesOf,
  type ContractDef,
  type ProductTypeDef,
  type Provider,
} from './products';
import { parseAois, type OrderAoi } from './requests';

/**
 * Account data: who the user is, which contracts they hold (with live credit), what each contract
 * may order, and the reference lists an order needs (markets, delivery types, countries, options).
 */

/** OneAtlas' documented "not found" for a contract id the user does not hold. */
export function oneAtlasContract(id: string | undefined): ContractDef {
  const c = findContract('oneatlas', id);
  if (!c) throw new FieldError('contractId', `CIS contract '${id ?? ''}' not found.`, 404, 'E2203');
  return c;
}

function productOn(c: ContractDef, productTypeId: string | undefined): ProductTypeDef {
  const p = findProductType(c.contractId, productTypeId);
  if (!p) throw new FieldError('productTypeId', `Product type '${productTypeId ?? ''}' is not available on contract '${c.contractId}'`, 404, 'E2204');
  return p;
}

/** The options request: `{aoi: [{polygonId, geometry}]}`. Without AOIs there is no projection to offer. */
function optionsAois(req: SandboxRequest, provider: Provider): OrderAoi[] {
  if (req.body === undefined && !req.bodyError) return [];
  const body = objectBody(req);
  if (body['aoi'] === undefined) return [];
  return parseAois(body['aoi'], 'aoi', 'polygonId', provider === 'geoapi');
}

function me(state: SandboxState) {
  const created = '2024-01-15T09:00:00Z';
  const cis = contractsOf('oneatlas');
  return {
    _links: {},
    id: SANDBOX_USER.userId,
    status: 'created',
    createdAt: created,
    roles: ['user', 'contractViewer'],
    contract: {
      _links: {},
      id: SANDBOX_USER.dataContractId,
      status: 'created',
      createdAt: created,
      offers: ['order.data.product', 'order.data.gb.product'],
      companyName: SANDBOX_USER.companyName,
      amountUnit: 'EUR',
      balanceUnit: 'EUR',
      kind: 'contract.oneatlas.premium',
      name: 'SANDBOX.Standard-GEO',
      balance: cis.reduce((sum, c) => sum + creditOf(state, c), 0),
      workspaceId: SANDBOX_USER.workspaceId,
      workspaceName: SANDBOX_USER.workspaceName,
    },
    permissions: cis.map((c) => ({ contractId: c.contractId, kind: 'contract.user', userId: SANDBOX_USER.userId })),
  };
}

const oneAtlasOrderRoutes: Mount['routes'] = [
  { method: 'GET', pattern: '/api/v1/contracts', handler: secured('oneatlas', (_req, { state }) => json(200, { contracts: contractsOf('oneatlas').map((c) => contractJson(state, c)) })) },
  {
    method: 'GET',
    pattern: '/api/v1/contracts/:contractId/productTypes',
    handler: secured('oneatlas', (req) => json(200, { productTypes: productTypesOf(oneAtlasContract(req.params['contractId'])).map(productTypeJson) })),
  },
  {
    method: 'POST',
    pattern: '/api/v1/contracts/:contractId/productTypes/:productTypeId/options',
    handler: secured('oneatlas', (req) => {
      const product = productOn(oneAtlasContract(req.params['contractId']), req.params['productTypeId']);
      return json(200, { availableOptions: optionsFor(product, optionsAois(req, 'oneatlas')) });
    }),
  },
  // The guide puts delivery types under /contracts/{id}; the spec without it: both are served.
  ...['/api/v1/contracts/:contractId/deliveryTypes', '/api/v1/:contractId/deliveryTypes'].map((pattern) => ({
    method: 'GET' as const,
    pattern,
    handler: secured('oneatlas', (req) => {
      oneAtlasContract(req.params['contractId']);
      return json(200, { deliveryTypes: DELIVERY_TYPES });
    }),
  })),
  { method: 'GET', pattern: '/api/v1/properties', handler: secured('oneatlas', () => json(200, countriesJson())) },
  {
    method: 'GET',
    pattern: '/api/v1/:contractId/properties',
    handler: secured('oneatlas', (req) => {
      oneAtlasContract(req.params['contractId']);
      return json(200, marketsJson());
    }),
  },
];

const CATEGORY_FILTERS = ['CATEGORY_TECHNICAL_PRODUCT', 'CATEGORY_PROPERTIES', 'NO_CATEGORY'];

const geoApiRoutes: Mount['routes'] = [
  { method: 'GET', pattern: '/api/v1/me/contracts', handler: secured('geoapi', (_req, { state }) => json(200, { contracts: contractsOf('geoapi').map((c) => contractJson(state, c)) })) },
  {
    method: 'GET',
    pattern: '/api/v1/productTypes',
    handler: secured('geoapi', () => {
      const seen = new Map<string, ProductTypeDef>();
      for (const c of contractsOf('geoapi')) for (const p of productTypesOf(c)) seen.set(p.productTypeId, p);
      return json(200, { productTypes: [...seen.values()].map(productTypeJson) });
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/productTypes/:productTypeId/options',
    handler: secured('geoapi', (req) => {
      const id = req.params['productTypeId'];
      const contract = contractsOf('geoapi').find((c) => findProductType(c.contractId, id));
      if (!contract) throw new FieldError('productTypeId', `Unknown product type '${id ?? ''}'`, 404);
      const aois = optionsAois(req, 'geoapi');
      const filter = (req.body as Record<string, unknown> | undefined)?.['categoryFilter'] ?? 'CATEGORY_TECHNICAL_PRODUCT';
      if (typeof filter !== 'string' || !CATEGORY_FILTERS.includes(filter)) {
        throw new FieldError('categoryFilter', `categoryFilter must be one of ${CATEGORY_FILTERS.join(', ')}`);
      }
      // Archive products carry no item properties, so the properties category is empty.
      const options = filter === 'CATEGORY_PROPERTIES' ? [] : optionsFor(productOn(contract, id), aois);
      return json(200, { availableOptions: options });
    }),
  },
];

/** Routes of the accounts module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const accountsMounts: Mount[] = [
  { prefix: SANDBOX_PREFIXES.oneatlas.data, routes: [{ method: 'GET', pattern: '/api/v1/me', handler: secured('oneatlas', (_req, { state }) => json(200, me(state))) }] },
  { prefix: SANDBOX_PREFIXES.oneatlas.order, routes: oneAtlasOrderRoutes },
  { prefix: SANDBOX_PREFIXES.geoapi.order, routes: geoApiRoutes },
];
