import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';

/**
 * The OneAtlas OpenAPI's "Tasking SPOT & Pleiades" order request schema (docs/ARCHITECTURE.md §9), with
 * its $refs resolved, as a validator for the bodies the app sends. Two quirks of the spec file make
 * a literal reading impossible, and are patched here, each as narrowly as possible:
 * - `AcqPerod.pattern` is a Java date format ("yyyy-MM-dd'T'HH:mm:ss.SSS'Z …"), not a regular
 *   expression: no real date matches it. It is replaced by the regular expression it describes.
 * - per-AOI option keys are spelled `projection_i` / `dem_i` in enums ("i refers to the aoi's id"):
 *   they become the patterns `projection_<n>` / `dem_<n>` (and the projection's value, described as an
 *   EPSG code but enumerated as processing levels, any string).
 * Formats the spec uses that JSON Schema does not define (`integer`, `float`, `datetime`) are ignored.
 */

export const SPEC_PATH = new URL('../../../../../shared/reference/specs/oneatlas-pay-per-order-tasking-openapi.yml', import.meta.url);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function resolve(node: unknown, root: Json, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(n, root, seen));
  if (!isObj(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/') || seen.includes(ref)) throw new Error(`unresolvable $ref ${ref}`);
    const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), root);
    if (target === undefined) throw new Error(`$ref ${ref} points nowhere`);
    return resolve(target, root, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, root, seen)]));
}

function patch(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(patch);
  if (!isObj(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, patch(v)]));
  if (typeof out['pattern'] === 'string' && out['pattern'].includes("yyyy-MM-dd'T'")) {
    out['pattern'] = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
  }
  const props = out['properties'];
  if (isObj(props) && isObj(props['key']) && Array.isArray(props['key']['enum'])) {
    const [name] = props['key']['enum'] as unknown[];
    if (name === 'projection_i' || name === 'dem_i') {
      const stem = String(name).slice(0, -2);
      out['properties'] = { ...props, key: { pattern: `^${stem}_\\d+$` }, ...(stem === 'projection' ? { value: { type: 'string' } } : {}) };
    }
  }
  return out;
}

export function taskingOrderValidator(): (body: unknown) => string[] {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const paths = spec['paths'] as Json;
  // The spec file spells this path with a leading space.
  const post = (paths[' /api/v1/orders'] as Json | undefined)?.['post'] as Json | undefined;
  const schema = (((post?.['requestBody'] as Json)?.['content'] as Json)?.['application/json'] as Json)?.['schema'] as Json | undefined;
  const branch = (schema?.['oneOf'] as Json[] | undefined)?.find((s) => s['title'] === 'Tasking SPOT & Pleiades');
  if (!branch) throw new Error('the OpenAPI has no "Tasking SPOT & Pleiades" order request schema');
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  for (const name of ['integer', 'float', 'datetime']) ajv.addFormat(name, () => true);
  const validate = ajv.compile(patch(resolve(branch, spec)) as object);
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}
