import { describe, expect, it } from 'vitest';
import { formatCrsPosition, formatEastingNorthing, formatLatLon } from './formatCoordinate';

describe('formatLatLon', () => {
  it('shows latitude first with five decimals and hemisphere letters', () => {
    expect(formatLatLon(48.856614, 2.3522219)).toBe('48.85661° N 2.35222° E');
    expect(formatLatLon(-33.8688, -151.2093)).toBe('33.86880° S 151.20930° W');
  });

  it('never labels a value that rounds to zero as south or west', () => {
    expect(formatLatLon(-0.000001, -0.000004)).toBe('0.00000° N 0.00000° E');
  });
});

describe('formatEastingNorthing', () => {
  it('shows easting then northing in metres with two decimals', () => {
    expect(formatEastingNorthing(652469.1234, 6862035.4)).toBe('652469.12 E, 6862035.40 N');
    expect(formatEastingNorthing(-261848.157, -0.004)).toBe('-261848.16 E, 0.00 N');
  });

  it('spells out feet', () => {
    expect(formatEastingNorthing(1000, 2000, 'foot')).toBe('1000.00 ft E, 2000.00 ft N');
  });
});

describe('formatCrsPosition', () => {
  it('prefixes the EPSG code and picks degrees or metres from the units', () => {
    const paris = { x: 652469.12, y: 6862035.4, lon: 2.3522219, lat: 48.856614 };
    expect(formatCrsPosition(2154, 'metre', paris)).toBe('EPSG:2154 · 652469.12 E, 6862035.40 N');
    expect(formatCrsPosition(4326, 'degree', { ...paris, x: paris.lon, y: paris.lat })).toBe('EPSG:4326 · 48.85661° N 2.35222° E');
  });
});
