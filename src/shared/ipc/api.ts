import type { Result } from '../result';
import type { Channel, Request, Response } from './contract';

/**
 * What the preload exposes as `window.desk` (and browser mode builds over HTTP): one function carrying a
 * channel's name and request. It is typed from the contract, so a call with the wrong shape fails to
 * compile, and main validates it again at run time.
 */
export interface DeskApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Result<Response<C>>>;
}
