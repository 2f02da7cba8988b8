// Proves every arrow in eslint.config.mjs holds: for each forbidden import, lint a virtual file in the
// right folder through the real config and expect the named rule; for each layer, an allowed import
// that yields none of the import rules. The case-twin rule reads the disk, so its fixtures are written
// into lint/fixtures/ (ignored by `npm run lint`) for the run and removed afterwards.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT_RULES = ['desk/layers', 'desk/no-sibling-feature', 'no-restricted-imports'];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: 'eslint.config.mjs' });
});

/** The rule ids reported when `file` (repo-relative, need not exist) contains `code`. */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result?.messages.filter((m) => m.fatal) ?? [];
  expect(fatal, `${file} must parse`).toEqual([]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? '');
}
const importing = (specifier: string) => `import * as m from '${specifier}';\nexport default m;\n`;
const importRulesFor = async (file: string, specifier: string) =>
  (await rulesFor(file, importing(specifier))).filter((r) => IMPORT_RULES.includes(r));

type Row = [file: string, specifier: string];

/** Forbidden imports: [importing file, specifier, rule that must fire]. */
const FORBIDDEN: [string, Row[], string][] = [
  [
    'http sits below providers',
    [
      ['src/main/http/x.ts', '../providers/types'],
      ['src/main/http/x.ts', '../providers/oneatlas/search'],
      ['src/main/http/x.ts', '../services/orders/service'],
      ['src/main/http/x.ts', '../ipc/registry'],
      ['src/main/http/x.ts', '../hosts/web'],
    ],
    'desk/layers',
  ],
  [
    'providers never reach store, services, ipc, hosts',
    [
      ['src/main/providers/oneatlas/x.ts', '../../store/orders-repo'],
      ['src/main/providers/x.ts', '../store'],
      ['src/main/providers/oneatlas/x.ts', '../../services/orders/service'],
      ['src/main/providers/common/x.ts', '../../ipc/registry'],
      ['src/main/providers/geoapi/x.ts', '../../hosts/electron'],
    ],
    'desk/layers',
  ],
  [
    'the store knows domain types, not services, ipc, providers, hosts or the IPC contract',
    [
      ['src/main/store/x.ts', '../services/orders/service'],
      ['src/main/store/x.ts', '../ipc/registry'],
      ['src/main/store/x.ts', '../providers/types'],
      ['src/main/store/x.ts', '../hosts/web'],
      ['src/main/store/x.ts', '../../shared/ipc/contract'],
      ['src/main/store/x.ts', '../../shared/ipc/contract/orders'],
      ['src/main/store/migrations/x.ts', '../../../shared/ipc/api'],
    ],
    'desk/layers',
  ],
  [
    'services never reach ipc or hosts',
    [
      ['src/main/services/orders/x.ts', '../../ipc/registry'],
      ['src/main/services/orders/x.ts', '../../hosts/web'],
      ['src/main/services/x.ts', '../ipc'],
    ],
    'desk/layers',
  ],
  [
    'the vault knows none of its users',
    [
      ['src/main/vault/x.ts', '../services/accounts/service'],
      ['src/main/vault/x.ts', '../providers/types'],
      ['src/main/vault/x.ts', '../store/accounts-repo'],
      ['src/main/vault/x.ts', '../ipc/registry'],
      ['src/main/vault/x.ts', '../hosts/web'],
    ],
    'desk/layers',
  ],
  [
    'shared imports nothing of ours outside shared (resolved paths)',
    [
      ['src/shared/domain/x.ts', '../../main/errors'],
      ['src/shared/x.ts', '../sandbox/server'],
      ['src/shared/x.ts', '../../bench/run'],
      ['src/shared/geo/x.ts', '../../renderer/ui/format'],
    ],
    'desk/layers',
  ],
  [
    'shared imports nothing of ours outside shared (kept no-restricted-imports)',
    [
      ['src/shared/domain/x.ts', '../../main/errors'],
      ['src/shared/x.ts', 'ol/geom'],
      ['src/shared/x.ts', 'node:fs'],
    ],
    'no-restricted-imports',
  ],
  [
    'the preload imports only shared/ipc/transport (resolved paths)',
    [
      ['src/preload/x.ts', '../shared/ipc/contract'],
      ['src/preload/x.ts', '../shared/ipc/api'],
      ['src/preload/x.ts', '../shared/domain/archive'],
      ['src/preload/x.ts', '../main/errors'],
      ['src/preload/x.ts', '../renderer/api/client'],
    ],
    'desk/layers',
  ],
  [
    'the preload keeps its package bans',
    [
      ['src/preload/x.ts', 'zod'],
      ['src/preload/x.ts', '../shared/ipc/contract'],
      ['src/preload/x.ts', 'node:path'],
    ],
    'no-restricted-imports',
  ],
  [
    'ui and api never reach into a feature',
    [
      ['src/renderer/ui/X.tsx', '../features/archive/Basket'],
      ['src/renderer/ui/x.ts', '../features/aois'],
      ['src/renderer/api/x.ts', '../features/orders/useOrders'],
      ['src/renderer/api/x.ts', '../features/some-new-feature/thing'],
    ],
    'desk/layers',
  ],
  [
    'a feature never imports a sibling feature (any name, any depth)',
    [
      ['src/renderer/features/archive/X.tsx', '../aois/useAois'],
      ['src/renderer/features/archive/X.tsx', '../orders'],
      ['src/renderer/features/archive/X.tsx', '../../features/quotations/pdf'],
      ['src/renderer/features/archive/X.tsx', '../zebra/Stripes'],
      ['src/renderer/features/zebra/deep/er/X.tsx', '../../../archive/Basket'],
      ['src/renderer/features/aois/x.ts', '../archive.ts'],
      ['src/renderer/features/aois/x.ts', '../index'],
    ],
    'desk/no-sibling-feature',
  ],
  [
    'process boundaries are kept',
    [
      ['src/renderer/features/archive/X.tsx', '../../../main/errors'],
      ['src/renderer/x.ts', 'electron'],
      ['src/main/services/x.ts', '../../renderer/api/client'],
      ['src/sandbox/x.ts', '../main/errors'],
      ['src/sandbox/x.ts', 'electron'],
    ],
    'no-restricted-imports',
  ],
];

/** Allowed imports per layer: none of the import rules may fire. */
const ALLOWED: [string, Row[]][] = [
  [
    'http',
    [
      ['src/main/http/x.ts', './client'],
      ['src/main/http/x.ts', '../errors'],
      ['src/main/http/x.ts', '../../shared/errors'],
    ],
  ],
  [
    'providers',
    [
      ['src/main/providers/oneatlas/x.ts', '../../http'],
      ['src/main/providers/oneatlas/x.ts', '../types'],
      ['src/main/providers/oneatlas/x.ts', '../common/account'],
      ['src/main/providers/oneatlas/x.ts', '../../../shared/domain/archive'],
    ],
  ],
  [
    'store',
    [
      ['src/main/store/x.ts', './database'],
      ['src/main/store/x.ts', '../../shared/domain/archive'],
      ['src/main/store/x.ts', '../../shared/errors'],
      ['src/main/store/migrations/x.ts', '../database'],
    ],
  ],
  [
    'services',
    [
      ['src/main/services/orders/x.ts', '../../../shared/ipc/contract'],
      ['src/main/services/orders/x.ts', '../shared/provider-access'],
      ['src/main/services/orders/x.ts', '../../store/orders-repo'],
      ['src/main/services/orders/x.ts', '../../providers/types'],
      ['src/main/services/orders/x.ts', '../../vault/vault'],
      ['src/main/services/orders/x.ts', '../../http'],
    ],
  ],
  [
    'ipc and hosts',
    [
      ['src/main/ipc/x.ts', '../../shared/ipc/contract'],
      ['src/main/hosts/x.ts', '../ipc/registry'],
      ['src/main/hosts/x.ts', '../services/orders/service'],
    ],
  ],
  [
    'vault',
    [
      ['src/main/vault/x.ts', './vault'],
      ['src/main/vault/x.ts', '../errors'],
      ['src/main/vault/x.ts', '@napi-rs/keyring'],
    ],
  ],
  [
    'shared',
    [
      ['src/shared/domain/x.ts', '../errors'],
      ['src/shared/domain/x.ts', '../geo/wkt'],
      ['src/shared/ipc/x.ts', './contract'],
      ['src/shared/x.ts', 'zod'],
    ],
  ],
  [
    'preload',
    [
      ['src/preload/x.ts', '../shared/ipc/transport'],
      ['src/preload/x.ts', '../shared/ipc/transport.ts'],
      ['src/preload/x.ts', 'electron'],
    ],
  ],
  [
    'ui and api',
    [
      ['src/renderer/ui/X.tsx', '../api/client'],
      ['src/renderer/ui/X.tsx', './format'],
      ['src/renderer/api/x.ts', '../../shared/ipc/contract'],
      ['src/renderer/api/x.ts', '../map/projections'],
    ],
  ],
  [
    'features',
    [
      ['src/renderer/features/archive/X.tsx', './Basket'],
      ['src/renderer/features/archive/X.tsx', '../archive/Basket'],
      ['src/renderer/features/archive/sub/X.tsx', '../Basket'],
      ['src/renderer/features/archive/X.tsx', '../../api/client'],
      ['src/renderer/features/archive/X.tsx', '../../ui/format'],
      ['src/renderer/features/archive/X.tsx', '../../map/projections'],
      ['src/renderer/features/archive/X.tsx', '../../../shared/domain/archive'],
      ['src/renderer/features/zebra/X.tsx', './Stripes'],
      ['src/renderer/App.tsx', './features/archive/ArchivePanel'],
      ['src/renderer/App.tsx', './features/aois/AoisPanel'],
    ],
  ],
];

describe('import arrows', () => {
  for (const [arrow, rows, rule] of FORBIDDEN) {
    describe(`forbidden: ${arrow}`, () => {
      it.each(rows)('%s importing %s fails', async (file, specifier) => {
        expect(await rulesFor(file, importing(specifier))).toContain(rule);
      });
    });
  }

  for (const [layer, rows] of ALLOWED) {
    describe(`allowed: ${layer}`, () => {
      it.each(rows)('%s importing %s passes', async (file, specifier) => {
        expect(await importRulesFor(file, specifier)).toEqual([]);
      });
    });
  }

  it('catches every form of import, type-only ones included', async () => {
    const file = 'src/renderer/features/archive/X.tsx';
    const forms = [
      "import type { Aoi } from '../aois/useAois';\nexport type A = Aoi;\n",
      "export { useAois } from '../aois/useAois';\n",
      "export * from '../aois/useAois';\n",
      "export const load = () => import('../aois/useAois');\n",
      "export type A = import('../aois/useAois').Aoi;\n",
      "import '../aois/aois.css';\n",
    ];
    for (const code of forms) expect(await rulesFor(file, code), code).toContain('desk/no-sibling-feature');
    expect(await rulesFor('src/main/store/x.ts', "import type { Api } from '../../shared/ipc/contract';\nexport type A = Api;\n")).toContain(
      'desk/layers',
    );
  });

  it('names the arrow and the reason in the message', async () => {
    const [result] = await eslint.lintText(importing('../../ipc/registry'), { filePath: path.join(ROOT, 'src/main/services/orders/x.ts') });
    const message = result?.messages.find((m) => m.ruleId === 'desk/layers')?.message ?? '';
    expect(message).toContain('src/main/ipc');
    expect(message).toContain('src/main/services');
    expect(message).toContain('src/shared/ipc/contract');
  });
});

describe('case twins', () => {
  const FIXTURES = path.join(ROOT, 'lint', 'fixtures');
  let tmp = '';
  let unignored: ESLint;

  /** Writes `files` into a fresh folder under lint/fixtures/ and returns its path. */
  const folder = (name: string, files: string[]): string => {
    const dir = path.join(tmp, name);
    mkdirSync(dir, { recursive: true });
    for (const f of files) writeFileSync(path.join(dir, f), 'export const value = 1;\n');
    return dir;
  };
  const twinReports = async (file: string) => {
    const [result] = await unignored.lintText('export const value = 1;\n', { filePath: file });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'desk/no-case-twins');
  };

  beforeAll(() => {
    mkdirSync(FIXTURES, { recursive: true });
    tmp = mkdtempSync(path.join(FIXTURES, 'case-twins-'));
    // lint/fixtures/ is in the config's ignores so `npm run lint` never sees these files; lint them here.
    unignored = new ESLint({ cwd: ROOT, overrideConfigFile: 'eslint.config.mjs', ignore: false });
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    if (readdirSync(FIXTURES).length === 0) rmSync(FIXTURES, { recursive: true, force: true });
  });

  it('fails on Basket.tsx beside basket.ts, on both files', async () => {
    const dir = folder('twins', ['Basket.tsx', 'basket.ts', 'BasketStep.tsx']);
    const onUpper = await twinReports(path.join(dir, 'Basket.tsx'));
    expect(onUpper).toHaveLength(1);
    expect(onUpper[0]?.message).toContain('basket.ts');
    expect(await twinReports(path.join(dir, 'basket.ts'))).toHaveLength(1);
    expect(await twinReports(path.join(dir, 'BasketStep.tsx'))).toEqual([]);
  });

  it('fails on a file whose twin differs only in the case of one inner letter', async () => {
    const dir = folder('inner', ['useOrders.ts', 'useorders.tsx']);
    expect(await twinReports(path.join(dir, 'useOrders.ts'))).toHaveLength(1);
  });

  it('lintFiles reports the folder through the config too', async () => {
    const dir = folder('files', ['Basket.tsx', 'basket.ts']);
    const results = await unignored.lintFiles([dir]);
    const flagged = results.filter((r) => r.messages.some((m) => m.ruleId === 'desk/no-case-twins')).map((r) => path.basename(r.filePath));
    expect(flagged.sort()).toEqual(['Basket.tsx', 'basket.ts']);
  });

  it('passes a folder without twins (same stem, same case, other extensions are fine)', async () => {
    const dir = folder('clean', ['Basket.tsx', 'Basket.css', 'Basket.test.ts', 'basketRules.ts', 'orders.ts']);
    for (const f of ['Basket.tsx', 'Basket.test.ts', 'basketRules.ts', 'orders.ts']) expect(await twinReports(path.join(dir, f)), f).toEqual([]);
  });

  it('passes a virtual file in a folder that does not exist', async () => {
    expect(await twinReports(path.join(tmp, 'nowhere', 'Basket.tsx'))).toEqual([]);
  });

  it('applies to src, e2e, bench, scripts and lint; fixtures stay out of `npm run lint`', async () => {
    for (const file of ['src/main/x.ts', 'src/renderer/features/archive/X.tsx', 'e2e/x.spec.ts', 'bench/x.bench.ts', 'scripts/x.mjs', 'lint/x.mjs']) {
      const config = await eslint.calculateConfigForFile(path.join(ROOT, file));
      expect(config?.rules?.['desk/no-case-twins']?.[0], file).toBe(2);
    }
    expect(await eslint.isPathIgnored(path.join(tmp, 'twins', 'Basket.tsx'))).toBe(true);
  });
});
