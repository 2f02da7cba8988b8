import { describe, expect, it } from 'vitest';
import { DeskCallError, errorOf, fieldErrorFor, isOffline, messageOf, type ShownError } from './errors';

const blamed = (field: string | undefined, message = 'Refused.'): ShownError => ({ code: 'PROVIDER_ERROR', message, ...(field === undefined ? {} : { field }) });

describe('errorOf', () => {
  it('keeps the code, the details and the field a failed call answered', () => {
    const err = new DeskCallError({ code: 'DUPLICATE_REFERENCE', message: 'Already used.', details: { field: 'customerReference', status: 409 } });
    expect(errorOf(err)).toEqual({ code: 'DUPLICATE_REFERENCE', message: 'Already used.', field: 'customerReference', details: { field: 'customerReference', status: 409 } });
    expect(messageOf(err)).toBe('Already used.');
  });

  it('shows errors from elsewhere as ERROR with their message', () => {
    expect(errorOf(new Error('boom'))).toEqual({ code: 'ERROR', message: 'boom' });
    expect(errorOf('plain text')).toEqual({ code: 'ERROR', message: 'plain text' });
    expect(messageOf(42)).toBe('42');
  });

  it('calls unreachable codes offline and refusals not', () => {
    expect(isOffline({ code: 'PROVIDER_UNREACHABLE', message: '' })).toBe(true);
    expect(isOffline({ code: 'HOST_UNREACHABLE', message: '' })).toBe(true);
    expect(isOffline({ code: 'PROVIDER_AUTH', message: '' })).toBe(false);
    expect(isOffline(null)).toBe(false);
  });
});

describe('fieldErrorFor', () => {
  it('answers the message for the field the error names, null for any other', () => {
    expect(fieldErrorFor(blamed('primaryMarket', 'Unknown primaryMarket'), 'primaryMarket')).toBe('Unknown primaryMarket');
    expect(fieldErrorFor(blamed('primaryMarket'), 'secondaryMarket')).toBeNull();
  });

  it('matches provider request paths by their last segments, list indexes dropped', () => {
    expect(fieldErrorFor(blamed('endUsers[0].country'), 'country')).toBe('Refused.');
    expect(fieldErrorFor(blamed('optionsPerProductType[1].options.processing_level'), 'options.processing_level')).toBe('Refused.');
    expect(fieldErrorFor(blamed('options.deliveryType'), 'deliveryType')).toBe('Refused.');
  });

  it('never matches part of a segment', () => {
    expect(fieldErrorFor(blamed('secondaryMarket'), 'Market')).toBeNull();
    expect(fieldErrorFor(blamed('items.xcountry'), 'country')).toBeNull();
  });

  it('accepts other spellings of the field', () => {
    expect(fieldErrorFor(blamed('delivery.type'), 'deliveryType', ['delivery.type'])).toBe('Refused.');
    expect(fieldErrorFor(blamed('delivery.workspace'), 'deliveryType', ['delivery.type'])).toBeNull();
  });

  it('is null without an error or without a field', () => {
    expect(fieldErrorFor(null, 'country')).toBeNull();
    expect(fieldErrorFor(undefined, 'country')).toBeNull();
    expect(fieldErrorFor(blamed(undefined), 'country')).toBeNull();
  });
});
