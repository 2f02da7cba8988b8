export { backoffMs, parseRetryAfter, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { createHttpClient, realSleep, type HttpClient, type HttpDeps, type HttpLogEntry, type HttpRequest, type HttpResponse, type RequestBody, type RequestKind, type Sleep, type WaitNotice } from './client';
export { ProviderError, isProviderError, type ProviderErrorCode, type ProviderErrorDetails } from './errors';
export { redactHeaders, redactUrl } from './redact';
export { ensureOk, providerProblem, readBytes, readJson } from './reply';
export { createSession, type AuthSession, type CallContext } from './session';
export { TokenCache, tokenCacheKey, type TokenGrant } from './tokenCache';
