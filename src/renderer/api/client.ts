import type { DeskApi } from '../../shared/ipc/api';
import type { Channel, Request, Response } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { DeskCallError } from './errors';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

const TOKEN_KEY = 'imagery-desk.token';

/** Browser mode: the launch URL carries the token in its fragment; keep it for reloads, then hide it. */
function takeBrowserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function browserApi(): DeskApi {
  const token = takeBrowserToken();
  const invoke = async (channel: Channel, request: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
        body: JSON.stringify(request ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'HOST_UNREACHABLE', message: `Imagery Desk's back end did not answer (${String(err)}).` } };
    }
  };
  return { invoke } as DeskApi;
}

/** The same typed client over Electron IPC (preload bridge) or browser mode (HTTP). */
export const desk: DeskApi = window.desk ?? browserApi();

/** Calls a channel and unwraps its Result, or throws a DeskCallError carrying the code and details. */
export async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const result = await desk.invoke(channel, request);
  if (!result.ok) throw new DeskCallError(result.error);
  return result.value;
}
