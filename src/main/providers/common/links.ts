import { ProviderError } from '../../http';

/**
 * Quicklook links come from provider replies, and following one sends the account's credentials. They
 * are followed only to the account's own hosts or, over https, to sibling hosts of the same provider
 * domain (OneAtlas serves quicklooks from an access host next to its data host), never elsewhere.
 */
export function assertTrustedLink(href: string, endpoints: string[]): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new ProviderError('PROVIDER_MALFORMED', `The quicklook link "${href.slice(0, 100)}" is not a URL.`, { path: 'quicklook' });
  }
  const trusted = endpoints.some((e) => {
    let ep: URL;
    try {
      ep = new URL(e);
    } catch {
      return false;
    }
    if (ep.origin === url.origin) return true;
    const parent = ep.hostname.split('.').slice(1);
    return url.protocol === 'https:' && ep.protocol === 'https:' && parent.length >= 2 && url.hostname.endsWith(`.${parent.join('.')}`);
  });
  if (!trusted) {
    throw new ProviderError('PROVIDER_MALFORMED', `The quicklook link points at ${url.host}, which is not one of this account's hosts: it was not followed.`, { host: url.host, path: 'quicklook' });
  }
  return url;
}
