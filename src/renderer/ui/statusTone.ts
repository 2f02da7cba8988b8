export type StatusTone = 'ok' | 'warn' | 'error' | 'neutral';

/** Colour by meaning, whatever the provider's wording (DELIVERED, Delivered, CANCELLED…). */
export function statusTone(status: string): StatusTone {
  const s = status.toLowerCase();
  if (/deliver|complete|done|accepted/.test(s)) return 'ok';
  if (/cancel|fail|reject|refus|error|not[ _]sent/.test(s)) return 'error';
  if (/progress|running|pending|sent|process|waiting|ordered/.test(s)) return 'warn';
  return 'neutral';
}
