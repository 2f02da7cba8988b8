import type { z } from 'zod';
import { accountsContract } from './accounts';
import { aoisContract } from './aois';
import { appContract } from './app';
import { archiveContract } from './archive';
import { basemapsContract } from './basemaps';
import { comparisonContract } from './comparison';
import { deliveriesContract } from './deliveries';
import { ordersContract } from './orders';
import { programmingContract } from './programming';
import { projectionsContract } from './projections';
import { quotationsContract } from './quotations';
import { settingsContract } from './settings';
import { taskingContract } from './tasking';
import { workspaceContract } from './workspace';

/**
 * Every channel, merged from the feature rooms. Adding a channel means adding it to its feature's file:
 * the channel list, the handler types, the preload and the renderer client all derive from this object.
 */
export const CONTRACT = {
  ...appContract,
  ...settingsContract,
  ...accountsContract,
  ...aoisContract,
  ...projectionsContract,
  ...archiveContract,
  ...quotationsContract,
  ...ordersContract,
  ...workspaceContract,
  ...basemapsContract,
  ...taskingContract,
  ...programmingContract,
  ...deliveriesContract,
  ...comparisonContract,
} as const;

export type Channel = keyof typeof CONTRACT;
export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(CONTRACT, name);

export type Request<C extends Channel> = z.input<(typeof CONTRACT)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>;

/** The channels of one feature, e.g. `ChannelsOf<'aois'>`. */
export type ChannelsOf<F extends string> = Extract<Channel, `${F}.${string}`>;

/** A handler receives an already-validated request and returns the plain value (or throws a DeskFailure). */
export type Handler<C extends Channel> = (request: z.output<(typeof CONTRACT)[C]['request']>) => Promise<Response<C>> | Response<C>;

/** What a feature's `handlers.ts` returns: one handler per channel of that feature, none missing. */
export type FeatureHandlers<F extends string> = { [C in ChannelsOf<F>]: Handler<C> };

/** All handlers, as main composes them. */
export type Handlers = { [C in Channel]: Handler<C> };

export type { AppInfo, KeychainStatus } from './app';
export type { Cached } from './define';
