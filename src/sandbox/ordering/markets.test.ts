import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../accounts/testkit';
import { GUIDE_000_ORDER, legacyOrder } from './guideExamples';

/**
 * Markets as the 2017 GeoAPI order spec's OrderRequest enums have them, over real HTTP on both APIs.
 * The enums are copied here as printed (not derived from shared/domain/markets.ts), so that a change
 * of the vocabulary cannot quietly change what the sandbox is tested against.
 */
const SPEC_PRIMARY = 'AGRI ASSUR AUTRE CARTO DEFSEC DISTRI ENERGIE ENV FORET GDPUBLIC GENIE MARITIME MOBIL NQUAL PRESSE RISQUE SANTE TELECOM TOURISME TRANSPORT'.split(' ');
const SPEC_SECONDARY = `AGRI_AUTRE AGRI_CTRL AGRI_ENV AGRI_INT AGRI_NQ AGRI_PREC AGRI_PROD AGRI_SI ASSUR AUTRE CARTO_AUTRE CARTO_CAD CARTO_NQ
  CARTO_RSMT CARTO_THEM CARTO_TOPO DEFSEC_AUTRE DEFSEC_CARTO DEFSEC_GEO DEFSEC_INT DEFSEC_NQ DEFSEC_RSGNT DISTRI ENERGIE_AUTRE ENERGIE_ECO
  ENERGIE_ENV ENERGIE_EXPLOIT ENERGIE_INFRA ENERGIE_NQ ENERGIE_PROD ENV_AUTRE ENV_EAU ENV_NQ ENV_SURV FORET_AUTRE FORET_CARB FORET_DEFOR
  FORET_ECO FORET_EXPLOIT FORET_INV FORET_NQ GDPUBLIC GENIE MARITIME_AUTRE MARITIME_CTRL MARITIME_ENV MARITIME_NQ MARITIME_ROUT
  MARITIME_RSGNT MOBIL_AUTRE MOBIL_COMM MOBIL_GDPUB MOBIL_INSTIT MOBIL_NQ NQUAL PRESSE RISQUE_ANTICIP RISQUE_AUTRE RISQUE_CRISE RISQUE_NQ
  RISQUE_POST RISQUE_PREV SANTE TELECOM TELECOM_AUTRE TELECOM_NQ TOURISME TOURISME_AUTRE TOURISME_NQ TRANSPORT`.split(/\s+/);

/**
 * The spec's rule for a pair: the secondary is the primary plus a sub-market suffix, or the bare
 * primary id when the enum lists it bare (markets without sub-markets; TELECOM and TOURISME both ways).
 */
const specValid = (primary: string, secondary: string) => secondary === primary || secondary.startsWith(`${primary}_`);

let h: Harness;
let geoContract = '';
beforeAll(async () => {
  h = await harness({ seed: 7 });
  const contracts = await h.geo<{ contracts: { contractId: string }[] }>('GET', '/api/v1/me/contracts');
  geoContract = contracts.body.contracts[0]!.contractId;
});
beforeEach(async () => {
  await h.admin('POST', '/reset');
});
afterAll(() => h.sandbox.close());

const oneAtlas = (primaryMarket: string, secondaryMarket: string) => legacyOrder('markets', { primaryMarket, secondaryMarket });
const geoApi = (primaryMarket: string, secondaryMarket: string) => ({ ...GUIDE_000_ORDER(geoContract), primaryMarket, secondaryMarket });

describe('market pairs of the 2017 order spec', () => {
  it('keeps to the spec: every secondary id is listed bare only where the spec lists it', () => {
    // Guards the copy above: AGRI is not among its own secondaries, GENIE is.
    expect(SPEC_SECONDARY).not.toContain('AGRI');
    expect(SPEC_SECONDARY).toContain('GENIE');
  });

  for (const api of ['OneAtlas', 'GeoAPI'] as const) {
    it(`${api} prices every spec pair: valid ones accepted, the others refused naming secondaryMarket`, async () => {
      const wrong: string[] = [];
      for (const primary of SPEC_PRIMARY) {
        for (const secondary of SPEC_SECONDARY) {
          const r = api === 'OneAtlas' ? await h.oa('POST', '/api/v1/prices', oneAtlas(primary, secondary)) : await h.geo('POST', '/api/v1/prices', geoApi(primary, secondary));
          const valid = specValid(primary, secondary);
          const ok = valid ? r.status === 200 : r.status === 400 && r.body['field'] === 'secondaryMarket';
          if (!ok) wrong.push(`${primary}/${secondary}: ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('refuses a primary market as its own secondary where it has sub-markets, in quotations and orders too', async () => {
    for (const path of ['/api/v1/quotations', '/api/v1/orders']) {
      const r = await h.oa('POST', path, oneAtlas('AGRI', 'AGRI'));
      expect(r.status, path).toBe(400);
      expect(r.body).toMatchObject({ errorCode: expect.any(String), field: 'secondaryMarket', message: expect.stringMatching(/AGRI/) });
    }
    const legacy = await h.geo('POST', '/api/v1/orders', geoApi('AGRI', 'AGRI'));
    // The legacy API is a Spring service: its error body, with the field named.
    expect(legacy.status).toBe(400);
    expect(legacy.body).toMatchObject({ status: 400, error: 'Bad Request', field: 'secondaryMarket', path: '/api/v1/orders' });
    expect((await h.oa('POST', '/api/v1/orders', oneAtlas('GENIE', 'GENIE'))).status).toBe(201);
  });

  it('takes IOT on OneAtlas only, as the legacy spec’s primaryMarket enum has no IOT', async () => {
    expect((await h.oa('POST', '/api/v1/prices', legacyOrder('iot', { primaryMarket: 'IOT', secondaryMarket: 'IOT' }))).status).toBe(200);
    const r = await h.geo('POST', '/api/v1/prices', geoApi('IOT', 'IOT'));
    expect(r.status).toBe(400);
    expect(r.body['field']).toBe('primaryMarket');
  });

  it('offers only valid pairs on the OneAtlas markets endpoint', async () => {
    const r = await h.oa<{ markets: { id: string; secondaryMarket: { id: string }[] }[] }>('GET', '/api/v1/CTR-SANDBOX-LEGACY/properties');
    expect(r.status).toBe(200);
    const agri = r.body.markets.find((m) => m.id === 'AGRI')!;
    expect(agri.secondaryMarket.map((s) => s.id)).not.toContain('AGRI');
    for (const m of r.body.markets) {
      expect(m.secondaryMarket.length, m.id).toBeGreaterThan(0);
      for (const s of m.secondaryMarket) expect(specValid(m.id, s.id) && (m.id === 'IOT' || SPEC_SECONDARY.includes(s.id)), `${m.id}/${s.id}`).toBe(true);
    }
  });
});
