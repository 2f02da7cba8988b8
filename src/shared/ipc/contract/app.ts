import { z } from 'zod';
import { channelsOf, Empty } from './define';

export const KeychainStatusSchema = z.object({ available: z.boolean(), message: z.string() });
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  keychain: KeychainStatusSchema,
  /** Where the embedded provider sandbox listens, or null when it is not running. */
  sandboxOrigin: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appContract = channelsOf('app')({
  'app.info': { request: Empty, response: AppInfoSchema },
});
