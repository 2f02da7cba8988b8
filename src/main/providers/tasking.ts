import type { Polygon } from 'geojson';
import type { OptionChoice } from '../../shared/domain/archive';
import type { ProgType, TaskingProductType } from '../../shared/domain/tasking';
import type { CallOptions, ProviderOrder, ProviderPrice, WithRaw } from './types';

/**
 * The tasking capability of a provider client (docs/ARCHITECTURE.md §6), provider-neutral: services
 * build these requests, a provider module turns them into its own bodies and maps its replies back.
 */

/** What feasibility and attempts are asked for. */
export interface TaskingSearch {
  contractId: string;
  mission: string;
  progType: ProgType;
  /** EPSG:4326, one polygon (tasking takes no MultiPolygon). */
  aoi: Polygon;
  start: string;
  end: string | null;
  acquisitionMode: 'MONO' | 'STEREO' | 'TRISTEREO';
  maxCloudCover: number;
  maxIncidenceAngle: number;
}

export interface ProviderIssue {
  code: string;
  message: string;
}

export interface ProviderFeasibility {
  available: boolean;
  classification: 'EASY' | 'CHALLENGING' | null;
  automation: 'AUTOMATIC' | 'MANUAL' | null;
  automationName: string | null;
  errors: ProviderIssue[];
  expirationDate: string | null;
}

export interface ProviderAttempt {
  segmentId: string;
  /** Exactly the string received: it is signed, and sent back untouched. */
  segmentKey: string;
  footprint: Polygon;
  center: [number, number] | null;
  satellite: string;
  instrumentMode: string | null;
  acquisitionStart: string;
  acquisitionEnd: string;
  orderDeadline: string;
  incidenceAngle: number | null;
  acrossTrackAngle: number | null;
  extendedAngle: boolean;
}

export interface ProviderAttempts {
  available: boolean;
  errors: ProviderIssue[];
  attempts: ProviderAttempt[];
}

/** One tasking to price or order. */
export interface TaskingOrderRequest {
  contractId: string;
  productTypeId: string;
  progType: ProgType;
  aoi: Polygon;
  aoiName: string;
  /** ONEDAY/ONENOW: the chosen attempt's key. */
  segmentKey: string | null;
  /** ONEPLAN/ONESERIES. */
  period: { start: string; end: string } | null;
  acquisitionMode: 'MONO' | 'STEREO' | 'TRISTEREO';
  maxCloudCover: number;
  maxIncidenceAngle: number;
  notificationThreshold: number | null;
  /** ONEPLAN/ONESERIES: the feasibility answer the order follows. */
  feasibility: { classification: string | null; automation: string | null; automationName: string | null } | null;
  options: OptionChoice[];
  deliveryType: string;
  workspace: string | null;
  primaryMarket: string;
  secondaryMarket: string | null;
  country: string | null;
  endUserName: string | null;
  notificationEmails: string[];
  comments: string | null;
  customerReference: string;
}

export interface ProviderTasking {
  id: string;
  salesOrderId: string | null;
  productTypeId: string | null;
  mission: string | null;
  programmingType: string;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  customerReference: string | null;
  orderedAreaKm2: number | null;
  validatedAreaKm2: number | null;
  proposedSegmentsCount: number;
  totalSegmentsCount: number;
  aoi: Polygon | null;
}

export interface ProviderSegment {
  id: string;
  status: string;
  catalogId: string | null;
  acquisitionDate: string | null;
  incidenceAngle: number | null;
  clearSkyRate: number | null;
  footprint: Polygon | null;
}

export interface TaskingProvider {
  productTypes(contractId: string, opts?: CallOptions): Promise<WithRaw<TaskingProductType[]>>;
  feasibility(q: TaskingSearch, opts?: CallOptions): Promise<WithRaw<ProviderFeasibility>>;
  attempts(q: TaskingSearch, opts?: CallOptions): Promise<WithRaw<ProviderAttempts>>;
  price(req: TaskingOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderPrice>>;
  /** Submits once. Ambiguous failures throw ProviderError ORDER_AMBIGUOUS; never retried inside. */
  order(req: TaskingOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderOrder>>;
  /** Every tasking of the contract (all pages), or those carrying one customer reference. */
  taskings(contractId: string, filter: { customerReference?: string }, opts?: CallOptions): Promise<WithRaw<ProviderTasking[]>>;
  tasking(contractId: string, taskingId: string, opts?: CallOptions): Promise<WithRaw<ProviderTasking>>;
  segments(contractId: string, taskingId: string, opts?: CallOptions): Promise<WithRaw<ProviderSegment[]>>;
  acceptSegment(contractId: string, taskingId: string, segmentId: string, opts?: CallOptions): Promise<WithRaw<ProviderSegment | null>>;
  refuseSegment(contractId: string, taskingId: string, segmentId: string, opts?: CallOptions): Promise<WithRaw<ProviderSegment | null>>;
  cancel(contractId: string, taskingId: string, opts?: CallOptions): Promise<void>;
}
