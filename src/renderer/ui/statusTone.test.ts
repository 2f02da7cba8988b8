import { describe, expect, it } from 'vitest';
import { statusTone } from './statusTone';

describe('order status tone', () => {
  it('reads provider wordings by meaning', () => {
    expect(statusTone('DELIVERED')).toBe('ok');
    expect(statusTone('accepted')).toBe('ok');
    expect(statusTone('IN_PROGRESS')).toBe('warn');
    expect(statusTone('sent')).toBe('warn');
    expect(statusTone('not_sent')).toBe('error');
    expect(statusTone('CANCELLED')).toBe('error');
    expect(statusTone('refused')).toBe('error');
    expect(statusTone('Mystery')).toBe('neutral');
  });
});
