/**
 * The customer reference names one order at the provider and is how main reconciles an ambiguous
 * order POST (docs/ARCHITECTURE.md §8), so each order gets its own by default: `desk-<yyyymmdd>-<6 random>`.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newCustomerReference(now: Date = new Date(), random: () => number = secureRandom): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `desk-${day}-${suffix}`;
}

function secureRandom(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return (buf[0] ?? 0) / 2 ** 32;
}

/** Why a typed reference cannot be used, or null (the contract allows 1..100 characters once trimmed). */
export function customerReferenceError(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'A customer reference is required.';
  if (trimmed.length > 100) return 'At most 100 characters.';
  return null;
}
