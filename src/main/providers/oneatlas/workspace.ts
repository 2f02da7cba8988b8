import { z } from 'zod';
import { isProviderError, ProviderError, type TokenCache } from '../../http';
import { FootprintSchema } from '../common/geometry';
import { assertTrustedLink } from '../common/links';
import type { CallOptions } from '../types';
import type { ProviderDeliveredFile, ProviderDelivery, WorkspaceProvider } from '../workspace';
import { bearer } from './auth';
import type { OneAtlasContext } from './context';

/**
 * The user's workspace ("My Data"): products delivered by archive orders and taskings, found with the
 * opensearch `workspace` filter (the OneAtlas archive guide step 6, the One Tasking guide step 9). The
 * workspace id is the one `/api/v1/me` names on the data host. Each feature's `_links.download` lists
 * its files; downloading one is a GET with the account's bearer token.
 */

export const WORKSPACE_PAGE_SIZE = 100;
/** 5,000 products: beyond that the listing says it is incomplete rather than walking on. */
export const WORKSPACE_MAX_PAGES = 50;

const num = z.number().nullish();
const str = z.string().nullish();
const Link = z.object({ href: z.string().min(1), name: str, type: str, resourceId: str, size: num, contentLength: num }).catchall(z.unknown());

const WorkspaceFeature = z.object({
  geometry: FootprintSchema,
  properties: z
    .object({
      id: z.string().min(1),
      title: str,
      acquisitionDate: str,
      publicationDate: str,
      constellation: str,
      platform: str,
      processingLevel: str,
      productType: str,
      cloudCover: num,
      incidenceAngle: num,
      resolution: num,
      customerReference: str,
      sourceIdentifier: str,
    })
    .catchall(z.unknown()),
  _links: z
    .object({
      quicklook: z.object({ href: z.string().min(1) }).catchall(z.unknown()).nullish(),
      // The spec says an array; a lone link object is read as a list of one.
      download: z.union([z.array(Link), Link.transform((l) => [l])]).nullish(),
    })
    .catchall(z.unknown())
    .nullish(),
});
const WorkspaceReply = z.object({ totalResults: z.number().nullish(), features: z.array(WorkspaceFeature) });
const MeReply = z.object({ contract: z.object({ workspaceId: z.string().nullish() }).nullish() });
const QuicklookLink = z.object({ _links: z.object({ quicklook: z.object({ href: z.string().min(1) }) }) });

/** The last path segment of a link when it looks like a file name (`…/IMG_1.tif`), else null (`…/download`). */
function nameInLink(href: string): string | null {
  try {
    const last = decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '');
    return /\.[A-Za-z0-9]{1,8}$/.test(last) ? last : null;
  } catch {
    return null;
  }
}

function toFile(link: z.infer<typeof Link>, index: number): ProviderDeliveredFile {
  const size = link.size ?? link.contentLength ?? null;
  return {
    fileId: link.resourceId?.trim() || String(index),
    href: link.href,
    name: nameInLink(link.href),
    type: link.type ?? null,
    size: size !== null && Number.isInteger(size) && size >= 0 ? size : null,
  };
}

export function toDelivery(f: z.infer<typeof WorkspaceFeature>): ProviderDelivery {
  const p = f.properties;
  const links = f._links ?? null;
  const files = (links?.download ?? []).map(toFile);
  // Two links with one resourceId would make one file unreachable: positions keep them apart.
  const unique = new Set(files.map((x) => x.fileId)).size === files.length ? files : files.map((x, i) => ({ ...x, fileId: String(i) }));
  return {
    id: p.id,
    title: p.title?.trim() || p.sourceIdentifier?.trim() || p.id,
    constellation: p.constellation ?? null,
    platform: p.platform ?? null,
    processingLevel: p.processingLevel ?? null,
    productType: p.productType ?? null,
    acquisitionDate: p.acquisitionDate ?? null,
    publicationDate: p.publicationDate ?? null,
    cloudCover: p.cloudCover ?? null,
    incidenceAngle: p.incidenceAngle ?? null,
    resolution: p.resolution ?? null,
    customerReference: p.customerReference?.trim() || null,
    footprint: f.geometry as ProviderDelivery['footprint'],
    files: unique,
    hasQuicklook: !!links?.quicklook?.href,
    properties: { ...p, ...(links ? { _links: links } : {}) },
  };
}

const hostsOf = (ctx: OneAtlasContext) => (['data', 'search', 'order'] as const).flatMap((e) => (ctx.account.endpoints[e] ? [ctx.account.endpoints[e]] : []));

export function oneAtlasWorkspace(ctx: OneAtlasContext, cache: TokenCache): WorkspaceProvider {
  let workspaceId: string | undefined;
  const userWorkspace = async (opts?: CallOptions): Promise<string> => {
    if (workspaceId) return workspaceId;
    const me = await ctx.api.json({ method: 'GET', url: ctx.url('data', '/api/v1/me'), kind: 'read' }, MeReply, opts);
    const id = me.value.contract?.workspaceId?.trim();
    if (!id) throw new ProviderError('PROVIDER_ERROR', 'OneAtlas names no workspace for this account (/api/v1/me has no contract.workspaceId), so there is nothing delivered to list.', { path: 'contract.workspaceId' });
    workspaceId = id;
    return id;
  };

  return {
    async delivered(opts) {
      const workspace = await userWorkspace(opts);
      const products: ProviderDelivery[] = [];
      const raw: unknown[] = [];
      for (let page = 1; page <= WORKSPACE_MAX_PAGES; page++) {
        const body = { workspace, itemsPerPage: WORKSPACE_PAGE_SIZE, startPage: page };
        const reply = await ctx.api.json({ method: 'POST', url: ctx.url('search', '/api/v2/opensearch'), kind: 'read', body: { json: body } }, WorkspaceReply, opts);
        raw.push(reply.raw);
        products.push(...reply.value.features.map(toDelivery));
        const total = reply.value.totalResults ?? null;
        if (reply.value.features.length < WORKSPACE_PAGE_SIZE || (total !== null && products.length >= total)) return { products, complete: true, raw };
      }
      return { products, complete: false, raw };
    },

    async quicklook(properties, opts) {
      const links = QuicklookLink.safeParse(properties);
      if (!links.success) throw new ProviderError('PROVIDER_ERROR', 'This product has no quicklook.', { path: 'properties._links.quicklook' });
      const url = assertTrustedLink(links.data._links.quicklook.href, hostsOf(ctx));
      return ctx.api.bytes({ method: 'GET', url: url.toString(), kind: 'read', headers: { accept: 'image/*' } }, /^image\//, opts);
    },

    async downloadAccess(href, opts) {
      let url: URL;
      try {
        url = assertTrustedLink(href, hostsOf(ctx));
      } catch (err) {
        if (!isProviderError(err)) throw err;
        const host = err.details.host;
        throw new ProviderError('PROVIDER_MALFORMED', host ? `The download link points at ${host}, which is not one of this account's hosts: it was not followed.` : 'The download link is not a URL.', { ...err.details, path: 'download' });
      }
      // After a 401 the cached token is no good: the next one is fetched anew.
      if (opts?.renew) cache.clearAccount(ctx.account.id);
      const token = await ctx.session.token({ onWait: opts?.onWait, signal: opts?.signal });
      return { url: url.toString(), headers: bearer(token) };
    },
  };
}
