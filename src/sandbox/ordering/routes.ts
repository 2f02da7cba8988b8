import type { Mount } from '../types';

/** Routes of the ordering module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const orderingMounts: Mount[] = [];
