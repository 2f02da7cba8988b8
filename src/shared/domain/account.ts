import { z } from 'zod';
import { PROVIDER_KINDS } from './providers';

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const AccountInputSchema = z.object({
  provider: z.enum(PROVIDER_KINDS),
  label: z.string().trim().min(1, 'a label is required').max(120),
  endpoints: z.record(z.string(), httpUrl),
  identity: z.record(z.string(), z.string().trim().max(500)),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

/** Secrets cross the boundary inwards only: a value sets, `null` clears, an absent key leaves it as is. */
export const SecretPatchSchema = z.record(z.string(), z.string().min(1).max(10_000).nullable());
export type SecretPatch = z.infer<typeof SecretPatchSchema>;

/** What the renderer ever learns about an account: never a secret, only whether each one is set. */
export const AccountSchema = AccountInputSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  secretsSet: z.record(z.string(), z.boolean()),
  /** Points at Imagery Desk's embedded provider sandbox: simulated, no real orders. */
  sandbox: z.boolean(),
});
export type Account = z.infer<typeof AccountSchema>;
