import { createHash, createHmac } from 'node:crypto';

/**
 * Deterministic "randomness": every draw is a hash of the sandbox seed and what is being decided,
 * so the same seed replays the same clouds, failures and ids however requests interleave.
 */
export function unit(seed: number, ...parts: (string | number)[]): number {
  const h = createHash('sha256').update(`${seed}|${parts.join('|')}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

/** Keyed signature: the sandbox can tell its own segment keys from forged or edited ones. */
export const sign = (seed: number, text: string): string => createHmac('sha512', `imagery-desk-sandbox-${seed}`).update(text).digest('hex');
