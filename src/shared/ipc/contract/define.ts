import { z } from 'zod';

/** One channel: the request it accepts and the response it promises, both checked at run time in main. */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * A feature's channels, all named `<feature>.<action>`: the prefix is checked at compile time, so a
 * channel cannot land in another feature's room by accident.
 */
export const channelsOf =
  <P extends string>(_feature: P) =>
  <const T extends Record<`${P}.${string}`, ChannelSpec>>(channels: T): T =>
    channels;

// Small request shapes several features use.
export const Empty = z.object({}).strict();
export const Id = z.string().min(1).max(500);
export const ById = z.object({ id: Id }).strict();
export const ByAccount = z.object({ accountId: Id }).strict();

/** A read that may come from the local store: `offline` says the provider could not be reached. */
export const CachedSchema = <T extends z.ZodType>(value: T) =>
  z.object({ value, offline: z.boolean(), fetchedAt: z.string().nullable(), offlineReason: z.string().nullable() });
/** The same as a TypeScript shape, for services that build such replies. */
export interface Cached<T> {
  value: T;
  offline: boolean;
  fetchedAt: string | null;
  offlineReason: string | null;
}
