import { z } from 'zod';

/**
 * Settings are a closed list: an unknown key is a validation error, not a silent new row. Each key's
 * default lives in its schema, so the defaults and the shape cannot drift apart.
 */
export const SettingsSchema = z.object({
  activeAccountId: z.string().default(''),
  /** The AOI that feeds search, options, price and tasking. */
  activeAoiId: z.string().default(''),
  createSandboxAccounts: z.boolean().default(true),
  /** Set once the sandbox accounts were made, so removing them is not undone at the next launch. */
  sandboxAccountsCreated: z.boolean().default(false),
});
export type Settings = z.output<typeof SettingsSchema>;

/** Every setting at its default (the schema parsing an empty object). */
export const SETTINGS_DEFAULTS: Settings = SettingsSchema.parse({});

type WithoutDefaults<S> = { [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K] };

/** A patch names only the keys it changes: the same fields without their defaults, all optional. */
export const SettingsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(SettingsSchema.shape).map(([key, field]) => [key, field.unwrap()])) as WithoutDefaults<
      typeof SettingsSchema.shape
    >,
  )
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
