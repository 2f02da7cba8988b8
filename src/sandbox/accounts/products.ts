import type { ArchiveProviderKind } from '../../shared/domain/providers';
import type { SandboxState } from '../state';

/**
 * The sandbox user's commercial set-up: contracts (with credit and workspace) and the product types
 * each contract may order. Shared by the account, ordering and tasking modules: this file is the one
 * place that says what exists. Options and projections live in ./options, markets in ./markets.
 */

/** The Airbus APIs whose contracts and product types these are (the provider kinds with archive). */
export type Provider = ArchiveProviderKind;
export type Sensor = 'spot' | 'pleiades' | 'pleiadesneo';
export type Mission = 'SPOT' | 'PLEIADES' | 'PLEIADESNEO';
export type ProgType = 'ONEDAY' | 'ONENOW' | 'ONEPLAN' | 'ONESERIES';
/** Which production-option catalogue applies (see ./options). */
export type OptionSet = 'geoapi-archive' | 'oneatlas-archive' | 'oneatlas-tasking';

export interface ContractDef {
  provider: Provider;
  contractId: string;
  customerId: string;
  name: string;
  currency: 'EUR';
  language: string;
  /** OneAtlas only: SPOT and Pléiades order through `legacy`, Pléiades Neo through `neo`. */
  backendSource?: 'legacy' | 'neo';
  initialCredit: number;
  /** Contract-level discount granted on every price (percent). */
  discountPercentage: number;
  productTypeIds: string[];
}

export interface ProductTypeDef {
  provider: Provider;
  productTypeId: string;
  label: string;
  source: 'archive' | 'tasking';
  sensor: Sensor;
  mission: Mission;
  target: { id: string; label: string };
  /** Tasking programming type, for feasibility and attempts. */
  progType?: ProgType;
  /** Orders are priced on at least this area (km²); tasking attempts refuse smaller AOIs. */
  minimumOrderAreaApplied: number;
  /** List price per km² in the contract currency, before discounts. */
  pricePerKm2: number;
  /** Native panchromatic resolution in metres (labels and search filters). */
  resolutionM: number;
  optionSet: OptionSet;
  descriptionUrl: string;
}

/** The sandbox user and the one workspace every delivery goes to. */
export const SANDBOX_USER = {
  userId: '6f0c1e52-3d1a-4b0e-9a57-5e1d2c7b8a01',
  dataContractId: 'b5d7e0a4-2c61-4f3e-8d9b-1a2f3c4d5e6f',
  customerId: 'AC0000042',
  companyName: 'Imagery Desk Sandbox',
  workspaceId: '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90',
  workspaceName: 'sandbox-workspace',
  deliveryPlatformId: 'PublicMOC',
} as const;

const LEGACY_PRODUCTS = [
  'SpotArchiveMono',
  'PleiadesArchiveMono',
  'PleiadesTaskingOneDay',
  'SpotTaskingOneDay',
  'PleiadesTaskingOneNow',
  'SpotTaskingOneNow',
  'PleiadesTaskingOnePlan',
  'SpotTaskingOnePlan',
  'PleiadesTaskingOneSeries',
  'SpotTaskingOneSeries',
];

export const CONTRACTS: readonly ContractDef[] = [
  {
    provider: 'oneatlas',
    contractId: 'CTR-SANDBOX-LEGACY',
    customerId: SANDBOX_USER.customerId,
    name: 'Sandbox SPOT & Pléiades',
    currency: 'EUR',
    language: 'en',
    backendSource: 'legacy',
    initialCredit: 250_000,
    discountPercentage: 0,
    productTypeIds: LEGACY_PRODUCTS,
  },
  {
    provider: 'oneatlas',
    contractId: 'CTR-SANDBOX-NEO',
    customerId: SANDBOX_USER.customerId,
    name: 'Sandbox Pléiades Neo',
    currency: 'EUR',
    language: 'en',
    backendSource: 'neo',
    initialCredit: 150_000,
    discountPercentage: 5,
    productTypeIds: ['PleiadesNeoArchiveMono', 'PleiadesNeoOneDay', 'PleiadesNeoOneNowAttempts', 'PleiadesNeoOnePlan'],
  },
  {
    // A nearly exhausted contract, so that "not enough credit" can be tried without spending the others.
    provider: 'oneatlas',
    contractId: 'CTR-SANDBOX-TRIAL',
    customerId: SANDBOX_USER.customerId,
    name: 'Sandbox trial (low credit)',
    currency: 'EUR',
    language: 'en',
    backendSource: 'legacy',
    initialCredit: 300,
    discountPercentage: 0,
    productTypeIds: ['SpotArchiveMono', 'PleiadesArchiveMono'],
  },
  {
    provider: 'geoapi',
    contractId: 'SANDBOX-GEOAPI',
    customerId: SANDBOX_USER.customerId,
    name: 'Sandbox GeoAPI archive',
    currency: 'EUR',
    language: 'en',
    initialCredit: 500_000,
    discountPercentage: 0,
    productTypeIds: ['PleiadesArchiveMono', 'SpotArchiveMono', 'SPOTArchive10Color'],
  },
];

const ONE_TASKING = 'https://www.intelligence-airbusds.com/one-tasking/';
const TARGETS: Record<ProgType, { id: string; label: string }> = {
  ONEDAY: { id: 'oneday', label: 'One Day' },
  ONENOW: { id: 'onenow', label: 'One Now' },
  ONEPLAN: { id: 'oneplan', label: 'One Plan' },
  ONESERIES: { id: 'oneseries', label: 'One Series' },
};
const SENSORS: Record<Sensor, { mission: Mission; label: string; resolutionM: number }> = {
  spot: { mission: 'SPOT', label: 'SPOT', resolutionM: 1.5 },
  pleiades: { mission: 'PLEIADES', label: 'Pléiades', resolutionM: 0.5 },
  pleiadesneo: { mission: 'PLEIADESNEO', label: 'Pléiades Neo', resolutionM: 0.3 },
};

function archive(provider: Provider, id: string, sensor: Sensor, label: string, minimum: number, price: number): ProductTypeDef {
  const s = SENSORS[sensor];
  return {
    provider,
    productTypeId: id,
    label,
    source: 'archive',
    sensor,
    mission: s.mission,
    target: { id: 'mono', label: 'Mono' },
    minimumOrderAreaApplied: minimum,
    pricePerKm2: price,
    resolutionM: s.resolutionM,
    optionSet: provider === 'geoapi' ? 'geoapi-archive' : 'oneatlas-archive',
    descriptionUrl: 'https://www.intelligence-airbusds.com/imagery/',
  };
}

function tasking(id: string, sensor: Sensor, progType: ProgType, minimum: number, price: number): ProductTypeDef {
  const s = SENSORS[sensor];
  return {
    provider: 'oneatlas',
    productTypeId: id,
    label: `${s.label} ${TARGETS[progType].label.replace(' ', '')}`,
    source: 'tasking',
    sensor,
    mission: s.mission,
    target: TARGETS[progType],
    progType,
    minimumOrderAreaApplied: minimum,
    pricePerKm2: price,
    resolutionM: s.resolutionM,
    optionSet: 'oneatlas-tasking',
    descriptionUrl: ONE_TASKING,
  };
}

// Minimum areas follow the guides where they give them (Pléiades OneDay 100 km², SPOT OneDay 500 km²,
// Pléiades archive 25 km²); prices are plausible list prices, not Airbus's.
export const PRODUCT_TYPES: readonly ProductTypeDef[] = [
  archive('oneatlas', 'SpotArchiveMono', 'spot', 'SPOT 1.5-m', 100, 4.5),
  archive('oneatlas', 'PleiadesArchiveMono', 'pleiades', 'Pleiades 0.5-m', 25, 10),
  archive('oneatlas', 'PleiadesNeoArchiveMono', 'pleiadesneo', 'Pleiades Neo 0.3-m', 25, 18),
  tasking('PleiadesTaskingOneDay', 'pleiades', 'ONEDAY', 100, 56),
  tasking('SpotTaskingOneDay', 'spot', 'ONEDAY', 500, 8.5),
  tasking('PleiadesTaskingOneNow', 'pleiades', 'ONENOW', 100, 42),
  tasking('SpotTaskingOneNow', 'spot', 'ONENOW', 500, 7.5),
  tasking('PleiadesTaskingOnePlan', 'pleiades', 'ONEPLAN', 100, 20),
  tasking('SpotTaskingOnePlan', 'spot', 'ONEPLAN', 500, 6.9),
  tasking('PleiadesTaskingOneSeries', 'pleiades', 'ONESERIES', 100, 18),
  tasking('SpotTaskingOneSeries', 'spot', 'ONESERIES', 500, 6),
  tasking('PleiadesNeoOneDay', 'pleiadesneo', 'ONEDAY', 100, 70),
  tasking('PleiadesNeoOneNowAttempts', 'pleiadesneo', 'ONENOW', 100, 52),
  tasking('PleiadesNeoOnePlan', 'pleiadesneo', 'ONEPLAN', 100, 30),
  archive('geoapi', 'PleiadesArchiveMono', 'pleiades', 'Pleiades 0.5-m', 25, 10),
  archive('geoapi', 'SpotArchiveMono', 'spot', 'SPOT 1.5-m', 100, 4.5),
  // The legacy guide's own example product: 20 km² for 200 EUR.
  { ...archive('geoapi', 'SPOTArchive10Color', 'spot', 'SPOT 10-m colour', 20, 10), resolutionM: 10 },
];

export function findContract(provider: Provider, contractId: unknown): ContractDef | undefined {
  return CONTRACTS.find((c) => c.provider === provider && c.contractId === contractId);
}

export const contractsOf = (provider: Provider): ContractDef[] => CONTRACTS.filter((c) => c.provider === provider);

/** A product type as ordered through a given contract; undefined when the contract does not offer it. */
export function findProductType(contractId: string, productTypeId: unknown): ProductTypeDef | undefined {
  const contract = CONTRACTS.find((c) => c.contractId === contractId);
  if (!contract || typeof productTypeId !== 'string' || !contract.productTypeIds.includes(productTypeId)) return undefined;
  return PRODUCT_TYPES.find((p) => p.provider === contract.provider && p.productTypeId === productTypeId);
}

export const productTypesOf = (contract: ContractDef): ProductTypeDef[] =>
  contract.productTypeIds.map((id) => findProductType(contract.contractId, id)).filter((p): p is ProductTypeDef => !!p);

/** The documented `productTypes[]` entry. */
export function productTypeJson(p: ProductTypeDef) {
  return {
    productTypeId: p.productTypeId,
    technicalProduct: {
      id: p.productTypeId,
      label: p.label,
      source: p.source === 'archive' ? { id: 'archive', label: 'archive' } : { id: 'tasking', label: 'One Tasking' },
      sensor: { id: p.sensor, label: SENSORS[p.sensor].label },
      target: p.target,
      licences: null,
    },
    minimumOrderAreaApplied: p.minimumOrderAreaApplied,
    descriptionUrl: p.descriptionUrl,
  };
}

// ---- credit: the live balance is in state.credit (cleared on reset), seeded from the contract ----

export const creditOf = (state: SandboxState, c: ContractDef): number => state.credit.get(c.contractId) ?? c.initialCredit;

export function debit(state: SandboxState, c: ContractDef, amount: number): void {
  state.credit.set(c.contractId, Math.round((creditOf(state, c) - amount) * 100) / 100);
}

/** The providers send credit as a decimal string ("100000.0"). */
export const creditString = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n * 100) / 100));

export function contractJson(state: SandboxState, c: ContractDef) {
  const base = {
    contractId: c.contractId,
    customerId: c.customerId,
    name: c.name,
    tradeAgreementUrl: 'https://www.intelligence-airbusds.com/cgf/',
    creditRemaining: creditString(creditOf(state, c)),
    currency: c.currency,
    language: c.language,
  };
  if (c.provider === 'geoapi') return base;
  return {
    ...base,
    contractType: 'ONEATLASDATA',
    // Pléiades Neo contracts carry their delivery workspace; legacy ones get it from /me.
    ...(c.backendSource === 'neo'
      ? { delivery: [{ deliveryPlatformId: SANDBOX_USER.deliveryPlatformId, deliveryWorkspace: SANDBOX_USER.workspaceId }] }
      : {}),
    backendSource: c.backendSource,
  };
}

export { optionsFor, validateOptions, type OptionDef, type OptionError } from './options';
