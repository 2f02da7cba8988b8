import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HttpResponse } from '../../http';
import { fieldNamed, readEnvelope } from './envelope';

/** The envelope rules on replies the sandbox cannot be made to send (a 500 in the body, a 401 in an HTTP 200). */

const reply = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: new Headers({ 'content-type': 'application/json' }),
  bytes: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
  url: 'https://market.example.com/market/order/programming/create',
});
const Created = z.object({ orderNo: z.string() });
const read = (res: HttpResponse, kind: 'read' | 'commit' = 'commit') => {
  try {
    return readEnvelope(res, { kind }, Created);
  } catch (err) {
    return err as { code: string; message: string; details: Record<string, unknown> };
  }
};

describe('the Origen envelope', () => {
  it('lets `code` decide, not the HTTP status', () => {
    expect(read(reply(200, { code: 200, message: 'success', data: { orderNo: 'PROG_1' } }))).toMatchObject({ value: { orderNo: 'PROG_1' } });
    expect(read(reply(200, { code: 400, message: 'Satellite not available', data: null }))).toMatchObject({ code: 'PROVIDER_ERROR', message: 'Satellite not available', details: { providerCode: '400', status: 200 } });
    expect(read(reply(200, { code: 401, message: 'token expired', data: null }))).toMatchObject({ code: 'PROVIDER_AUTH', message: expect.stringMatching(/wrong or has expired \(“token expired”\)\. Open the account/) });
    expect(read(reply(401, { code: 401, message: 'Invalid token', data: null }))).toMatchObject({ code: 'PROVIDER_AUTH' });
  });

  it('treats a create whose outcome is unknown as ambiguous, and a read’s failure as an error', () => {
    expect(read(reply(200, { code: 500, message: 'Server internal error', data: null }))).toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect(read(reply(200, { code: 500, message: 'Server internal error', data: null }), 'read')).toMatchObject({ code: 'PROVIDER_ERROR', message: 'Server internal error' });
    expect(read(reply(502, '<html>bad gateway</html>'))).toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect(read(reply(200, { code: 200, message: 'success', data: null }))).toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect(read(reply(200, 'not json'))).toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect(read(reply(200, 'not json'), 'read')).toMatchObject({ code: 'PROVIDER_MALFORMED' });
  });

  it('names the draft field a message names first', () => {
    expect(fieldNamed('resolutionType 4 is not available for provider changguang')).toEqual({ field: 'resolutionType', providerField: 'resolutionType' });
    expect(fieldNamed('recurringUnit is required when recurring is true')).toEqual({ field: 'recurrence.unit', providerField: 'recurringUnit' });
    expect(fieldNamed('geometry is not a valid polygon')).toEqual({ field: 'aoiId', providerField: 'geometry' });
    expect(fieldNamed('Satellite not available')).toBeNull();
  });
});
