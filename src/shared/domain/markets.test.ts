import { describe, expect, it } from 'vitest';
import { isPrimaryMarket, isValidMarketPair, PRIMARY_MARKETS, primaryMarketsOf, secondaryMarketsOf } from './markets';

/** The enums of OrderRequest in the 2017 GeoAPI order spec, as printed there. */
const SPEC_PRIMARY = 'AGRI ASSUR AUTRE CARTO DEFSEC DISTRI ENERGIE ENV FORET GDPUBLIC GENIE MARITIME MOBIL NQUAL PRESSE RISQUE SANTE TELECOM TOURISME TRANSPORT'.split(' ');
const SPEC_SECONDARY = `AGRI_AUTRE AGRI_CTRL AGRI_ENV AGRI_INT AGRI_NQ AGRI_PREC AGRI_PROD AGRI_SI ASSUR AUTRE CARTO_AUTRE CARTO_CAD CARTO_NQ
  CARTO_RSMT CARTO_THEM CARTO_TOPO DEFSEC_AUTRE DEFSEC_CARTO DEFSEC_GEO DEFSEC_INT DEFSEC_NQ DEFSEC_RSGNT DISTRI ENERGIE_AUTRE ENERGIE_ECO
  ENERGIE_ENV ENERGIE_EXPLOIT ENERGIE_INFRA ENERGIE_NQ ENERGIE_PROD ENV_AUTRE ENV_EAU ENV_NQ ENV_SURV FORET_AUTRE FORET_CARB FORET_DEFOR
  FORET_ECO FORET_EXPLOIT FORET_INV FORET_NQ GDPUBLIC GENIE MARITIME_AUTRE MARITIME_CTRL MARITIME_ENV MARITIME_NQ MARITIME_ROUT
  MARITIME_RSGNT MOBIL_AUTRE MOBIL_COMM MOBIL_GDPUB MOBIL_INSTIT MOBIL_NQ NQUAL PRESSE RISQUE_ANTICIP RISQUE_AUTRE RISQUE_CRISE RISQUE_NQ
  RISQUE_POST RISQUE_PREV SANTE TELECOM TELECOM_AUTRE TELECOM_NQ TOURISME TOURISME_AUTRE TOURISME_NQ TRANSPORT`.split(/\s+/);

describe('market vocabulary', () => {
  it('offers GeoAPI (legacy) accounts exactly the legacy specification’s primary markets', () => {
    expect(primaryMarketsOf('geoapi').map((m) => m.id)).toEqual(SPEC_PRIMARY);
  });

  it('adds IOT for OneAtlas, as its current specification does', () => {
    expect(primaryMarketsOf('oneatlas').map((m) => m.id)).toEqual([...SPEC_PRIMARY.slice(0, 11), 'IOT', ...SPEC_PRIMARY.slice(11)]);
  });

  it('pairs primary and secondary markets exactly as the legacy specification lists them', () => {
    const all = PRIMARY_MARKETS.filter((m) => !('oneAtlasOnly' in m)).flatMap((m) => secondaryMarketsOf(m.id));
    expect([...all].sort()).toEqual([...SPEC_SECONDARY].sort());
  });

  it('gives sub-markets, or the primary id alone, or both for TELECOM and TOURISME', () => {
    expect(secondaryMarketsOf('AGRI')).toEqual(['AGRI_AUTRE', 'AGRI_CTRL', 'AGRI_ENV', 'AGRI_INT', 'AGRI_NQ', 'AGRI_PREC', 'AGRI_PROD', 'AGRI_SI']);
    expect(secondaryMarketsOf('GENIE')).toEqual(['GENIE']);
    expect(secondaryMarketsOf('IOT')).toEqual(['IOT']);
    expect(secondaryMarketsOf('TELECOM')).toEqual(['TELECOM', 'TELECOM_AUTRE', 'TELECOM_NQ']);
    expect(secondaryMarketsOf('NOPE')).toEqual([]);
  });

  it('checks pairs: a known primary, and a secondary of its own when there is one', () => {
    expect(isValidMarketPair('AGRI', 'AGRI_ENV')).toBe(true);
    expect(isValidMarketPair('AGRI', null)).toBe(true);
    expect(isValidMarketPair('GENIE', 'GENIE')).toBe(true);
    expect(isValidMarketPair('AGRI', 'AGRI')).toBe(false);
    expect(isValidMarketPair('AGRI', 'FORET_ECO')).toBe(false);
    expect(isValidMarketPair('CARTO', 'DEFSEC_CARTO')).toBe(false);
    expect(isValidMarketPair('agri', null)).toBe(false);
    expect(isPrimaryMarket('SANTE')).toBe(true);
    expect(isPrimaryMarket(42)).toBe(false);
  });

  it('has unique ids and labels', () => {
    expect(new Set(PRIMARY_MARKETS.map((m) => m.id)).size).toBe(PRIMARY_MARKETS.length);
    expect(new Set(PRIMARY_MARKETS.map((m) => m.label)).size).toBe(PRIMARY_MARKETS.length);
  });
});
