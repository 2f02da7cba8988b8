/**
 * Undo/redo for every AOI edit: each user action is one step holding how to undo and redo itself.
 * Pure and framework-free so it is unit-tested; the steps themselves call the back end.
 */
export interface Step {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];
  private busy = false;

  constructor(private readonly limit = 200) {}

  /** Records a step that has just been performed; a new action clears what could be redone. */
  push(step: Step): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0 && !this.busy;
  }

  get canRedo(): boolean {
    return this.undone.length > 0 && !this.busy;
  }

  nextUndoLabel(): string | undefined {
    return this.done.at(-1)?.label;
  }

  nextRedoLabel(): string | undefined {
    return this.undone.at(-1)?.label;
  }

  /** Returns the label of the step undone, or undefined when there was nothing (or one is running). */
  async undo(): Promise<string | undefined> {
    return this.move(this.done, this.undone, (s) => s.undo());
  }

  async redo(): Promise<string | undefined> {
    return this.move(this.undone, this.done, (s) => s.redo());
  }

  private async move(from: Step[], to: Step[], run: (s: Step) => Promise<void>): Promise<string | undefined> {
    const step = from.at(-1);
    if (!step || this.busy) return undefined;
    this.busy = true;
    try {
      await run(step);
      // Only a step that really ran moves across: a failed undo stays undoable.
      from.pop();
      to.push(step);
      return step.label;
    } finally {
      this.busy = false;
    }
  }
}
