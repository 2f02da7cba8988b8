import { describe, expect, it } from 'vitest';
import { redactHeaders, redactUrl } from './redact';

describe('redaction', () => {
  it('hides secret query parameters and URL credentials', () => {
    const out = redactUrl('https://user:pw@search.example/api/v1/products/X?size=SMALL&apiKey=k3y&access_token=t0k');
    expect(out).not.toMatch(/k3y|t0k|pw|user/);
    expect(out).toContain('size=SMALL');
  });
  it('hides Authorization and API-key headers', () => {
    expect(redactHeaders({ Authorization: 'Bearer abc', 'x-ads-username': 'c2FuZGJveA==', 'X-API-Key': 'k' })).toEqual({
      Authorization: '[redacted]',
      'x-ads-username': 'c2FuZGJveA==',
      'X-API-Key': '[redacted]',
    });
  });
});
