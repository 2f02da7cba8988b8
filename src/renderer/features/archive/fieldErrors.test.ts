import { describe, expect, it } from 'vitest';
import type { ShownError } from '../../api/errors';
import { optionFieldError } from '../../ui/purchase/optionFieldError';
import { orderFieldError } from './fieldErrors';

const refused = (field: string): ShownError => ({ code: 'PROVIDER_ERROR', message: `bad ${field}`, field });

describe('order form field errors', () => {
  it('puts a provider refusal beside the order field it names', () => {
    expect(orderFieldError(refused('primaryMarket'), 'primaryMarket')).toBe('bad primaryMarket');
    expect(orderFieldError(refused('secondaryMarket'), 'secondaryMarket')).toBe('bad secondaryMarket');
    expect(orderFieldError(refused('customerReference'), 'customerReference')).toBe('bad customerReference');
    expect(orderFieldError(refused('endUsers[0].country'), 'country')).toBe('bad endUsers[0].country');
    expect(orderFieldError(refused('delivery.type'), 'deliveryType')).toBe('bad delivery.type');
    expect(orderFieldError(refused('options.deliveryType'), 'deliveryType')).toBe('bad options.deliveryType');
  });

  it('leaves the other fields alone', () => {
    expect(orderFieldError(refused('primaryMarket'), 'secondaryMarket')).toBeNull();
    expect(orderFieldError(refused('contractId'), 'customerReference')).toBeNull();
    expect(orderFieldError(refused('delivery.workspace'), 'deliveryType')).toBeNull();
    expect(orderFieldError(null, 'country')).toBeNull();
  });

  it('puts a refusal beside the production option it names, by path or by key', () => {
    expect(optionFieldError(refused('optionsPerProductType[0].options.processing_level'), 'processing_level')).toBe('bad optionsPerProductType[0].options.processing_level');
    expect(optionFieldError(refused('options.projection_1'), 'projection_1')).toBe('bad options.projection_1');
    expect(optionFieldError(refused('projection_1'), 'projection_1')).toBe('bad projection_1');
    expect(optionFieldError(refused('options.projection_1'), 'processing_level')).toBeNull();
    expect(optionFieldError(refused('primaryMarket'), 'processing_level')).toBeNull();
    expect(optionFieldError(undefined, 'processing_level')).toBeNull();
  });
});
