/** A set of callbacks with an unsubscribe handle: the controller's one event primitive. */
export class Listeners<Args extends unknown[]> {
  private readonly callbacks = new Set<(...args: Args) => void>();

  add(callback: (...args: Args) => void): () => void {
    this.callbacks.add(callback);
    return () => {
      this.callbacks.delete(callback);
    };
  }

  emit(...args: Args): void {
    // A throwing subscriber must not stop the others nor the map's own event handling.
    for (const callback of [...this.callbacks]) {
      try {
        callback(...args);
      } catch (error) {
        console.error(error);
      }
    }
  }

  clear(): void {
    this.callbacks.clear();
  }
}
