import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';

/**
 * One of the OneAtlas OpenAPI's request schemas (docs/ARCHITECTURE.md §9) — e.g. "Tasking SPOT & Pleiades"
 * or "Archive SPOT & Pleiades" of POST /api/v1/orders — with its $refs resolved, as a validator for the
 * bodies the app sends. Two quirks of the spec file make
 * a literal reading impossible, and are patched here, each as narrowly as possible:
 * - `AcqPerod.pattern` is a Java date format ("yyyy-MM-dd'T'HH:mm:ss.SSS'Z …"), not a regular
 *   expression: no real date matches it. It is replaced by the regular expression it describes.
 * - per-AOI option keys are spelled `projection_i` / `dem_i` in enums ("i refers to the aoi's id"):
 *   they become the patterns `projection_<n>` / `dem_<n>` (and the projection's value, described as an
 *   EPSG code but enumerated as processing levels, any string).
 * - the prices branch writes an array's `items: string`, read as `items: { type: string }`; the Neo
 *   orders branch gives `comments: ''` as a property's schema, read as a string property; the prices
 *   branch types `datastripIds` as a string where its own example sends a list, read as a list.
 * Formats the spec uses that JSON Schema does not define (`integer`, `float`, `datetime`) are ignored.
 */

export const SPEC_PATH = new URL('../../../../shared/reference/specs/oneatlas-pay-per-order-tasking-openapi.yml', import.meta.url);

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
  // The prices branch writes `items: string` for `items: { type: string }`.
  if (typeof out['items'] === 'string') out['items'] = { type: out['items'] };
  // The Neo orders branch writes an example (`comments: ''`) where a property's schema belongs.
  if (isObj(out['properties']) && out['properties']['comments'] === '') out['properties'] = { ...out['properties'], comments: { type: 'string' } };
  // The prices branch types `datastripIds` as one string (`DatastripIds`) while its own example, the
  // orders branch and the guide send a list: read as a list of strings.
  const datastrips = isObj(out['properties']) ? out['properties']['datastripIds'] : undefined;
  if (isObj(datastrips) && datastrips['type'] === 'string') out['properties'] = { ...(out['properties'] as Json), datastripIds: { type: 'array', items: datastrips } };
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

/** The request schema titled `title` among the `oneOf` branches of POST `path` (e.g. '/api/v1/orders'). */
export function requestValidator(path: string, title: string): (body: unknown) => string[] {
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const paths = spec['paths'] as Json;
  // The spec file spells some paths twice, once with a leading space: look in both.
  const branch = [paths[path], paths[` ${path}`]]
    .map((p) => ((((p as Json | undefined)?.['post'] as Json | undefined)?.['requestBody'] as Json)?.['content'] as Json)?.['application/json'] as Json | undefined)
    .flatMap((content) => ((content?.['schema'] as Json | undefined)?.['oneOf'] as Json[] | undefined) ?? [])
    .find((s) => s['title'] === title);
  if (!branch) throw new Error(`the OpenAPI has no "${title}" request schema for POST ${path}`);
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  for (const name of ['integer', 'float', 'datetime']) ajv.addFormat(name, () => true);
  const validate = ajv.compile(patch(resolve(branch, spec)) as object);
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

export const taskingOrderValidator = () => requestValidator('/api/v1/orders', 'Tasking SPOT & Pleiades');
