import type { ErrorCode, ErrorDetails } from '../shared/errors';

/** A failure meant for the user: its code (from the shared vocabulary), message and details travel to the renderer as they are. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
