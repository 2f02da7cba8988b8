import type { Mount } from '../types';

/** Routes of the search module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const searchMounts: Mount[] = [];
