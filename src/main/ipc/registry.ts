import { CHANNELS, CONTRACT, isChannel, type Channel, type Handlers } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import { DeskFailure } from '../errors';

export type { Handlers } from '../../shared/ipc/contract';

export interface Registry {
  readonly channels: readonly Channel[];
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
}

/**
 * The single place requests enter main: unknown channels, invalid payloads and handler failures all
 * become `{ ok: false }` values, so no host ever crashes on what a renderer sends.
 */
export function createRegistry(handlers: Handlers, log: (msg: string) => void = () => {}): Registry {
  return {
    channels: CHANNELS,
    async dispatch(channel, payload) {
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `No such channel: ${channel}`);
      const spec = CONTRACT[channel];
      // Lone surrogates would reach encodeURIComponent, SQLite and provider bodies: refused for every id and text.
      const illFormed = illFormedTextPath(payload);
      if (illFormed !== null) {
        const where = illFormed.length ? illFormed.join('.') : 'request';
        return fail('INVALID_REQUEST', `${where}: the text is not well-formed Unicode (it holds a lone surrogate).`, { field: where });
      }
      const parsed = spec.request.safeParse(payload ?? {});
      if (!parsed.success) {
        return fail('INVALID_REQUEST', describeIssues(parsed.error.issues), { issues: parsed.error.issues });
      }
      try {
        const handler = handlers[channel] as (req: unknown) => unknown;
        const value = await handler(parsed.data);
        // Responses are checked too: a handler bug must not leak fields the contract does not allow.
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          log(`response of ${channel} broke the contract: ${describeIssues(checked.error.issues)}`);
          return fail('INTERNAL', `The ${channel} reply did not match the contract.`);
        }
        return ok(checked.data);
      } catch (err) {
        if (err instanceof DeskFailure) return fail(err.code, err.message, err.details);
        log(`handler ${channel} failed: ${err instanceof Error ? err.stack : String(err)}`);
        return fail('INTERNAL', 'Something went wrong inside Imagery Desk; the action was not completed.');
      }
    },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/**
 * The path of the first string (value or key) that is not well-formed UTF-16, or null. One path array
 * is pushed and popped as the walk goes and copied only when something is found: a 1 MB chunk of
 * imported AOIs holds ~80,000 coordinates, and a fresh path per value cost a second per 24,000 AOIs.
 */
function illFormedTextPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return wellFormed(value) ? null : path.slice();
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'number') continue;
      path.push(i);
      const found = illFormedTextPath(item, path, depth + 1);
      path.pop();
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!wellFormed(key)) return [...path, key];
    path.push(key);
    const found = illFormedTextPath((value as Record<string, unknown>)[key], path, depth + 1);
    path.pop();
    if (found) return found;
  }
  return null;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
