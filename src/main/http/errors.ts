import type { ErrorDetails } from '../../shared/errors';
import { DeskFailure } from '../errors';

/**
 * Failures talking to a provider, as the user needs to tell them apart: could not reach it, it refused
 * our credentials, it refused the request (with its own code and message), it answered nonsense, it kept
 * rate-limiting us, or an order may or may not have been placed.
 */
export type ProviderErrorCode =
  | 'PROVIDER_UNREACHABLE'
  | 'PROVIDER_AUTH'
  | 'PROVIDER_ERROR'
  | 'PROVIDER_MALFORMED'
  | 'PROVIDER_RATE_LIMITED'
  | 'ORDER_AMBIGUOUS'
  /** The provider offers no way to look orders up (GeoAPI legacy): reconciliation must happen elsewhere. */
  | 'ORDER_LOOKUP_UNSUPPORTED';

export interface ProviderErrorDetails extends ErrorDetails {
  host?: string;
  status?: number;
  /** The provider's own error code (OneAtlas `errorCode`, OAuth `error`, Spring `error`). */
  providerCode?: string;
  /** The request field the provider blames, so the UI can show the message beside it. */
  field?: string;
  providerMessage?: string;
  /** Where a reply did not match the expected shape (PROVIDER_MALFORMED). */
  path?: string;
  retryAfterSeconds?: number;
  /** Low-level cause (ECONNREFUSED, timeout, …). */
  cause?: string;
}

export class ProviderError extends DeskFailure {
  declare readonly code: ProviderErrorCode;
  declare readonly details: ProviderErrorDetails;

  constructor(code: ProviderErrorCode, message: string, details: ProviderErrorDetails = {}) {
    super(code, message, details);
    this.name = 'ProviderError';
  }

  /** True when an order may have been placed although we got no usable answer. */
  get ambiguous(): boolean {
    return this.code === 'ORDER_AMBIGUOUS';
  }
}

export const isProviderError = (err: unknown, code?: ProviderErrorCode): err is ProviderError =>
  err instanceof ProviderError && (code === undefined || err.code === code);
