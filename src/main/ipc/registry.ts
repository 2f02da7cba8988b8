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

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
