/**
 * A picked id while it is still offered, else the preferred one if offered, else the first offered, so
 * a removed account, contract or product never lingers in a picker after a reload.
 */
export const pickOffered = <T,>(items: readonly T[], idOf: (t: T) => string, chosen: string, preferred = ''): string =>
  items.some((t) => idOf(t) === chosen) ? chosen : items.some((t) => idOf(t) === preferred) ? preferred : items[0] ? idOf(items[0]) : '';
