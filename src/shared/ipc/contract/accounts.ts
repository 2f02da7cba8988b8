import { z } from 'zod';
import { AccountInputSchema, AccountSchema, SecretPatchSchema } from '../../domain/account';
import { channelsOf, Empty } from './define';

export const accountsContract = channelsOf('accounts')({
  'accounts.list': { request: Empty, response: z.array(AccountSchema) },
  'accounts.create': {
    request: z.object({ account: AccountInputSchema, secrets: SecretPatchSchema }).strict(),
    response: AccountSchema,
  },
  'accounts.update': {
    request: z
      .object({ id: z.string().min(1), account: AccountInputSchema.omit({ provider: true }), secrets: SecretPatchSchema })
      .strict(),
    response: AccountSchema,
  },
  'accounts.remove': { request: z.object({ id: z.string().min(1) }).strict(), response: z.object({ id: z.string() }) },
  'accounts.restoreSandbox': { request: Empty, response: z.array(AccountSchema) },
});
