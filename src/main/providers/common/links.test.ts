import { describe, expect, it } from 'vitest';
import { assertTrustedLink } from './links';

const ONEATLAS = ['https://data.api.oneatlas.airbus.com', 'https://search.foundation.api.oneatlas.airbus.com'];

describe('quicklook links that may carry credentials', () => {
  it('accepts the account hosts and https siblings under the same provider domain', () => {
    expect(assertTrustedLink('https://data.api.oneatlas.airbus.com/api/v1/items/x/quicklook', ONEATLAS).host).toBe('data.api.oneatlas.airbus.com');
    expect(assertTrustedLink('https://access.foundation.api.oneatlas.airbus.com/api/v1/items/x/quicklook', ONEATLAS).host).toBe('access.foundation.api.oneatlas.airbus.com');
    expect(assertTrustedLink('http://127.0.0.1:9000/geoapi/search/x', ['http://127.0.0.1:9000/geoapi/search']).port).toBe('9000');
  });
  it('refuses other hosts, downgrades to http, other ports and non-URLs', () => {
    for (const href of ['https://evil.example/x', 'http://access.foundation.api.oneatlas.airbus.com/x', 'https://airbus.com.evil.example/x', 'not a url']) {
      expect(() => assertTrustedLink(href, ONEATLAS)).toThrow(expect.objectContaining({ code: 'PROVIDER_MALFORMED' }));
    }
    expect(() => assertTrustedLink('http://127.0.0.1:9001/x', ['http://127.0.0.1:9000/geoapi/search'])).toThrow();
  });
});
