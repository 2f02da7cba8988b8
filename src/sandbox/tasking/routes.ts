import type { Mount } from '../types';

/** Routes of the tasking module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const taskingMounts: Mount[] = [];
