/** A failure meant for the user: its code and message travel to the renderer as they are. */
export class DeskFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
