import type { Result } from '../result';
import type { Channel } from './channels';
import type { Request, Response } from './contract';

/**
 * The renderer-facing API: one named async function per channel, derived from the contract. The
 * preload exposes exactly this object as `window.desk`; browser mode builds the same shape over HTTP.
 */
export type DeskApi = { readonly [C in Channel]: (request: Request<C>) => Promise<Result<Response<C>>> };
