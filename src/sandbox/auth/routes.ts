import type { Mount } from '../types';

/** Routes of the auth module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const authMounts: Mount[] = [];
