import type { Mount } from '../types';

/** Routes of the accounts module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const accountsMounts: Mount[] = [];
