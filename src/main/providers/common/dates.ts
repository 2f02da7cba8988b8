/** Day bounds for interval searches: an ISO date becomes the whole day; a full timestamp is kept. */
export function dayBounds(from: string, to: string): { start: string; end: string } {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  return { start: dateOnly.test(from) ? `${from}T00:00:00.000Z` : from, end: dateOnly.test(to) ? `${to}T23:59:59.999Z` : to };
}
