import { accountsMounts } from './accounts/routes';
import { authMounts } from './auth/routes';
import { downloadMounts } from './downloads/routes';
import { orderingMounts } from './ordering/routes';
import { origenMounts } from './origen/routes';
import { searchMounts } from './search/routes';
import { taskingMounts } from './tasking/routes';
import type { Mount } from './types';

/** Every provider route the sandbox serves; each module owns its own list. */
export const ALL_MOUNTS: Mount[] = [
  ...authMounts,
  ...accountsMounts,
  ...searchMounts,
  ...downloadMounts,
  ...orderingMounts,
  ...taskingMounts,
  ...origenMounts,
];
