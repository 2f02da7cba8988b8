import { describe, expect, it } from 'vitest';
import { missionMismatch } from './mission';

const scene = (constellation: string, satellite: string) => ({ constellation, satellite, acquisitionDate: '2024-05-02T10:30:00Z' });

describe('missionMismatch', () => {
  const pleiades = { mission: 'PLEIADES', label: 'Pleiades 0.5-m' };
  it('accepts scenes of the product mission, however the provider spells it', () => {
    expect(missionMismatch([scene('PHR', 'PHR1A'), scene('PLEIADES', 'PHR1B')], pleiades)).toBeNull();
    expect(missionMismatch([scene('SPOT', 'SPOT6')], { mission: 'SPOT', label: 'SPOT 1.5-m' })).toBeNull();
    expect(missionMismatch([scene('PNEO', 'PNEO3')], { mission: 'PLEIADESNEO', label: 'Neo' })).toBeNull();
  });
  it('names the scenes of another mission', () => {
    const text = missionMismatch([scene('PHR', 'PHR1A'), scene('SPOT', 'SPOT7'), scene('PNEO', 'PNEO4')], pleiades);
    expect(text).toContain('SPOT7 2024-05-02');
    expect(text).toContain('PNEO4 2024-05-02');
    expect(text).not.toContain('PHR1A');
  });
  it('leaves unknown missions and no product to the provider', () => {
    expect(missionMismatch([scene('X', 'Y')], { mission: 'DMC', label: 'DMC' })).toBeNull();
    expect(missionMismatch([scene('X', 'Y')], undefined)).toBeNull();
  });
});
