import type { Polygon } from 'geojson';
import type { ProgrammingProvider as Satellites, RecurrenceUnit } from '../../../shared/domain/programming';
import type { CallOptions, WithRaw } from '../types';

/**
 * The programming capability (docs/ARCHITECTURE.md §6), provider-neutral: the service builds a
 * ProgrammingRequest, the Origen client turns it into the guide's body and maps replies back.
 */

export interface ProgrammingRequest {
  provider: Satellites;
  resolutionType: number;
  /** EPSG:4326, one polygon without holes (the shared rules refuse anything else first). */
  geometry: Polygon;
  /** ISO date-times. */
  start: string;
  end: string;
  recurrence: { every: number; unit: RecurrenceUnit } | null;
  maxCloud: number | null;
}

/** One order as the service's list/detail extension reports it now. */
export interface ProviderProgrammingOrder {
  orderNo: string;
  status: string;
  statusName: string | null;
  /** Each status reached, with when (ISO), oldest first; empty where the service gives none. */
  history: { status: string; at: string }[];
  failReason: string | null;
  imagingTime: string | null;
  /** When the service says the order was created (ISO), if it says. */
  createdAt: string | null;
  /** The create fields the service echoes back (provider, geometry, startDate, endDate, resolutionType…) as it stored them. */
  echo: Record<string, unknown>;
}

export interface ProgrammingClient {
  /** The body `create` would send, exactly: the service stores it before sending. */
  bodyOf(req: ProgrammingRequest): Record<string, unknown>;
  /** One POST, never retried. An ambiguous failure throws ORDER_AMBIGUOUS; the envelope's code decides success. */
  create(body: Record<string, unknown>, opts?: CallOptions): Promise<WithRaw<{ orderNo: string }>>;
  /**
   * Beyond the guide: list/detail as the sandbox (and services built like it) offer them. Either
   * throws UNSUPPORTED when the account's service does not answer them.
   */
  extension: {
    list(opts?: CallOptions): Promise<WithRaw<ProviderProgrammingOrder[]>>;
    detail(orderNo: string, opts?: CallOptions): Promise<WithRaw<ProviderProgrammingOrder>>;
  };
}
