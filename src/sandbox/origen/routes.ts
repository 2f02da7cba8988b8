import type { Mount } from '../types';

/** Routes of the origen module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const origenMounts: Mount[] = [];
