// Imagery Desk's local ESLint rules: the architecture arrows that `no-restricted-imports` cannot hold
// reliably, and the case-twin check. Loaded by eslint.config.mjs as the `desk` plugin; tested by
// lint/rules.test.ts through the real config.
//
// Why resolve paths instead of matching import strings: `no-restricted-imports` sees only the text of the
// import. '../../ipc/registry' (src/main/ipc, forbidden to services) and '../../../shared/ipc/contract'
// (src/shared/ipc, which services must use) both match '**/ipc/**'; a folder named `store` or `shared`
// inside a layer would match its neighbour's pattern; and './x' can never be caught at all. These rules
// resolve every relative specifier against the importing file and compare repo-relative paths, so a
// rule names real folders (`src/main/store`) and holds however deep the importing file sits.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/lint/. Config `files` globs are relative to it too. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const toPosix = (p) => p.split(path.sep).join('/');

/** Repo-relative posix path of an absolute path, or undefined when it lies outside the repository. */
function repoPath(absolute) {
  const rel = toPosix(path.relative(ROOT, absolute));
  return rel === '' || rel.startsWith('../') || path.isAbsolute(rel) ? undefined : rel;
}

/** The repo-relative target of a specifier, or undefined for packages ('zod', 'node:fs') and outside paths. */
function resolveSpecifier(filename, specifier) {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  return repoPath(path.resolve(path.dirname(filename), specifier));
}

const EXTENSION = /\.(?:d\.ts|ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;

/** True when repo path `rel` is folder or module `dir` or lies inside it ('src/shared/ipc/transport.ts' is in 'src/shared/ipc/transport'). */
function within(rel, dir) {
  const bare = rel.replace(EXTENSION, '');
  return rel === dir || bare === dir || bare === `${dir}/index` || rel.startsWith(`${dir}/`);
}

/**
 * Calls `check(node, specifier)` for every module specifier in the file: static imports (type-only too,
 * a type import is still an arrow), re-exports, dynamic import(), require(), `import x = require()`
 * and `import('…').Type` type queries.
 */
function forEachSpecifier(check) {
  const literal = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') check(node, source.value);
  };
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    TSExternalModuleReference: (node) => literal(node, node.expression),
    TSImportType: (node) => {
      // typescript-eslint 8.x names the specifier `source` and keeps a deprecated `argument` (a TSLiteralType).
      const source = 'source' in node ? node.source : node.argument;
      literal(node, source && source.type === 'TSLiteralType' ? source.literal : source);
    },
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) literal(node, node.arguments[0]);
    },
  };
}

const folderList = { type: 'array', items: { type: 'string' }, minItems: 1 };

/**
 * `desk/layers`: one table of arrows for the whole tree. Each entry names the folders it governs (`from`)
 * and either the folders they must not reach (`deny`) or the only in-repo folders they may reach
 * (`allowOnly`; packages are left to no-restricted-imports). One table rather than one config block per
 * layer, because flat config replaces a rule's options wholesale when two blocks match the same file.
 */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the one-way arrows between the folders of src/ (resolved paths, not import strings).' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: folderList, deny: folderList, allowOnly: folderList, because: { type: 'string' } },
              required: ['from', 'because'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      denied: "'{{specifier}}' reaches {{target}}, which {{layer}} must not import: {{because}}",
      notAllowed: "'{{specifier}}' reaches {{target}}; {{layer}} may import only {{allowed}}: {{because}}",
    },
  },
  create(context) {
    const self = repoPath(context.physicalFilename ?? context.filename);
    if (!self) return {};
    const rules = context.options[0].layers.filter((entry) => entry.from.some((dir) => within(self, dir)));
    if (rules.length === 0) return {};
    return forEachSpecifier((node, specifier) => {
      const target = resolveSpecifier(context.physicalFilename ?? context.filename, specifier);
      if (!target) return;
      for (const entry of rules) {
        const layer = entry.from.find((dir) => within(self, dir));
        const hit = entry.deny?.find((dir) => within(target, dir));
        if (hit) {
          context.report({ node, messageId: 'denied', data: { specifier, target: hit, layer, because: entry.because } });
        } else if (entry.allowOnly && !entry.allowOnly.some((dir) => within(target, dir))) {
          context.report({
            node,
            messageId: 'notAllowed',
            data: { specifier, target, layer, allowed: entry.allowOnly.join(', '), because: entry.because },
          });
        }
      }
    });
  },
};

/**
 * `desk/no-sibling-feature`: a file in <featuresDir>/X/ never imports <featuresDir>/Y for any Y != X.
 * Generic over folder names, so a new feature folder is covered the day it appears. Whatever two
 * features share belongs in renderer/api, renderer/ui, renderer/map or src/shared; App composes features.
 */
const noSiblingFeature = {
  meta: {
    type: 'problem',
    docs: { description: 'A renderer feature never imports a sibling feature.' },
    schema: [{ type: 'object', properties: { featuresDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      sibling:
        "Feature '{{feature}}' imports '{{specifier}}' from feature '{{other}}': a feature never imports a sibling. Move the shared piece to renderer/api, renderer/ui, renderer/map or src/shared, or let App compose the two.",
    },
  },
  create(context) {
    const featuresDir = context.options[0]?.featuresDir ?? 'src/renderer/features';
    const filename = context.physicalFilename ?? context.filename;
    const self = repoPath(filename);
    if (!self || !self.startsWith(`${featuresDir}/`)) return {};
    const parts = self.slice(featuresDir.length + 1).split('/');
    if (parts.length < 2) return {}; // a file directly in features/ belongs to no feature
    const feature = parts[0];
    return forEachSpecifier((node, specifier) => {
      const target = resolveSpecifier(filename, specifier);
      if (!target || !within(target, featuresDir) || within(target, `${featuresDir}/${feature}`)) return;
      const other = target === featuresDir ? '(features root)' : target.slice(featuresDir.length + 1).split('/')[0].replace(EXTENSION, '');
      context.report({ node, messageId: 'sibling', data: { feature, specifier, other } });
    });
  },
};

/**
 * `desk/no-case-twins`: fails when another file in the linted file's folder has the same base name
 * (extension dropped) up to letter case, e.g. Basket.tsx beside basket.ts. On macOS and Windows
 * './Basket' may then open basket.ts: it builds on Linux CI and breaks on a laptop, or the reverse.
 * Reads the folder on every run (no cache) so it sees renames made between runs.
 */
const noCaseTwins = {
  meta: {
    type: 'problem',
    docs: { description: 'No two files in one folder whose base names differ only by letter case.' },
    schema: [],
    messages: {
      twin: "'{{self}}' and '{{other}}' in the same folder differ only by letter case; on a case-insensitive disk an import of one can open the other. Rename one.",
    },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    if (!path.isAbsolute(filename)) return {};
    const own = path.basename(filename);
    const stem = path.parse(own).name;
    let entries;
    try {
      entries = readdirSync(path.dirname(filename), { withFileTypes: true });
    } catch {
      return {}; // a virtual file in a folder that does not exist has no neighbours
    }
    const twins = entries
      .filter((e) => e.isFile() && e.name !== own)
      .map((e) => e.name)
      .filter((name) => {
        const other = path.parse(name).name;
        return other !== stem && other.toLowerCase() === stem.toLowerCase();
      })
      .sort();
    if (twins.length === 0) return {};
    return {
      Program() {
        for (const other of twins) context.report({ loc: { line: 1, column: 0 }, messageId: 'twin', data: { self: own, other } });
      },
    };
  },
};

export default {
  meta: { name: 'desk-local' },
  rules: { layers, 'no-sibling-feature': noSiblingFeature, 'no-case-twins': noCaseTwins },
};
