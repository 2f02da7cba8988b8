import { z } from 'zod';

/**
 * Every failure code Imagery Desk can answer, in one vocabulary for main and renderer. A code not in
 * this list fails to compile where it is raised, so the renderer can rely on switching over it.
 */
export const ERROR_CODES = [
  // The IPC boundary and its hosts.
  'UNKNOWN_CHANNEL',
  'INVALID_REQUEST',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  /** Browser mode: the renderer could not reach the local back end at all. */
  'HOST_UNREACHABLE',
  // Browser mode's own refusals, before a call reaches the registry.
  'BAD_HOST',
  'BAD_ORIGIN',
  'METHOD',
  'UNAUTHORIZED',
  'BAD_CONTENT_TYPE',
  'TOO_LARGE',
  'INVALID_JSON',
  // Store and local rules.
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_GEOMETRY',
  'INVALID_ACCOUNT',
  'ACCOUNT_INCOMPLETE',
  'IMPORT_OUT_OF_ORDER',
  'UNSUPPORTED',
  'SANDBOX_OFF',
  // The OS keychain.
  'KEYCHAIN_UNAVAILABLE',
  'MISSING_SECRET',
  // Providers (see main/http/errors.ts for what each means there).
  'PROVIDER_UNREACHABLE',
  'PROVIDER_AUTH',
  'PROVIDER_ERROR',
  'PROVIDER_MALFORMED',
  'PROVIDER_RATE_LIMITED',
  'ORDER_AMBIGUOUS',
  'ORDER_LOOKUP_UNSUPPORTED',
  // Procurement rules.
  'WRONG_ACCOUNT',
  'STALE_PRICE',
  'DUPLICATE_REFERENCE',
  'ORDER_NOT_PLACED',
  'ORDER_UNCONFIRMED',
  'QUOTATION_CLOSED',
  /** A tasking attempt whose order deadline has passed: it can no longer be ordered. */
  'SEGMENT_EXPIRED',
  'NO_QUICKLOOK',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * What travels with a failure. `field` names the request field a provider (or a local rule) blames, so a
 * form can show the message beside that field; the rest is for the error's detail line and for logs.
 */
export const ErrorDetailsSchema = z
  .object({
    field: z.string().optional(),
    host: z.string().optional(),
    status: z.number().optional(),
    providerCode: z.string().optional(),
    providerMessage: z.string().optional(),
    path: z.string().optional(),
    retryAfterSeconds: z.number().optional(),
    cause: z.string().optional(),
  })
  .catchall(z.unknown());
export type ErrorDetails = z.infer<typeof ErrorDetailsSchema>;

export const DeskErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string(), details: ErrorDetailsSchema.optional() });
export type DeskError = z.infer<typeof DeskErrorSchema>;

/** Codes that mean "the provider (or our own back end) cannot be reached now", as opposed to "it said no". */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['PROVIDER_UNREACHABLE', 'PROVIDER_RATE_LIMITED', 'HOST_UNREACHABLE']);

/** The one offline rule: main falls back to stored copies on these codes, the renderer shows "offline". */
export const isUnreachableCode = (code: string): boolean => UNREACHABLE.has(code as ErrorCode);

export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);
