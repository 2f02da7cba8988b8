import { downloadSettings, updateDownloadSettings } from './downloads/settings';
import { NO_FAULTS, type Faults } from './state';
import { json, type Route, type SandboxRequest } from './types';

const record = (req: SandboxRequest): Record<string, unknown> =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

/** Test and demo controls under /__admin (loopback only, checked by the server). */
export const adminRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/reset',
    handler: (req, { state }) => {
      const seed = record(req)['seed'];
      if (seed !== undefined && !isCount(seed)) return json(400, { error: 'seed must be a non-negative integer' });
      state.reset(seed);
      return json(200, { seed: state.seed, now: state.now().toISOString() });
    },
  },
  {
    method: 'POST',
    pattern: '/seed',
    handler: (req, { state }) => {
      const seed = record(req)['seed'];
      if (!isCount(seed)) return json(400, { error: 'seed must be a non-negative integer' });
      state.reset(seed);
      return json(200, { seed: state.seed });
    },
  },
  { method: 'GET', pattern: '/clock', handler: (_req, { state }) => json(200, { now: state.now().toISOString() }) },
  {
    method: 'POST',
    pattern: '/clock/advance',
    handler: (req, { state }) => {
      const { seconds, hours, days } = record(req);
      const parts = [seconds, hours, days];
      if (parts.every((p) => p === undefined) || parts.some((p) => p !== undefined && (typeof p !== 'number' || !Number.isFinite(p) || p < 0))) {
        return json(400, { error: 'give seconds, hours and/or days as non-negative numbers' });
      }
      state.advance(((seconds as number) ?? 0) * 1000 + ((hours as number) ?? 0) * 3_600_000 + ((days as number) ?? 0) * 86_400_000);
      return json(200, { now: state.now().toISOString() });
    },
  },
  { method: 'GET', pattern: '/faults', handler: (_req, { state }) => json(200, state.faults) },
  {
    method: 'POST',
    pattern: '/faults',
    handler: (req, { state }) => {
      const patch = record(req);
      const next: Faults = { ...state.faults };
      for (const [key, value] of Object.entries(patch)) {
        if (!(key in NO_FAULTS)) return json(400, { error: `unknown fault "${key}"`, known: Object.keys(NO_FAULTS) });
        if (!isCount(value)) return json(400, { error: `${key} must be a non-negative integer` });
        next[key as keyof Faults] = value;
      }
      state.faults = next;
      return json(200, state.faults);
    },
  },
  {
    method: 'POST',
    pattern: '/token-lifetime',
    handler: (req, { state }) => {
      const seconds = record(req)['seconds'];
      if (!isCount(seconds) || seconds < 1) return json(400, { error: 'seconds must be a positive integer' });
      state.tokenLifetimeSeconds = seconds;
      return json(200, { seconds });
    },
  },
  { method: 'GET', pattern: '/downloads', handler: (_req, { state }) => json(200, downloadSettings(state)) },
  {
    // `{sizeBytes?: 1 KiB..2 GiB, bytesPerSecond?: number | null}`: every product file served from now on.
    method: 'POST',
    pattern: '/downloads',
    handler: (req, { state }) => {
      const error = updateDownloadSettings(state, record(req));
      return error ? json(400, { error }) : json(200, downloadSettings(state));
    },
  },
  { method: 'GET', pattern: '/orders', handler: (_req, { state }) => json(200, { items: state.accepted }) },
];
