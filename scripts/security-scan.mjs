// `npm run security`: electronegativity over the Electron sources, plus the pass/fail decision the tool never
// makes (its CLI exits 0 whatever it finds). `node scripts/security-scan.mjs [root]` or SECURITY_SCAN_ROOT=root
// scans root/src/{main,preload,renderer} (default: this repository), e.g. a scratch copy for a demo.
//
// Policy: any HIGH fails, even if suppressed; a MEDIUM fails unless suppressed in place; LOW/INFORMATIONAL are
// listed only. Suppression is electronegativity's own (dist/util/exceptions.js): a comment on the very line the
// finding is reported at (or on line 1, for the whole file) matching /(\/\*|\/\/)\s*eng-disable\s+([\w \t]+)/i,
// naming the check id or class. The names end at the first non-word character, so we require the form
//   // eng-disable CHECK_ID [CHECK_ID…] -- one-line reason
// (HTML's <!-- eng-disable … --> form cannot hold a ` -- ` reason, so HTML findings are fixed, not suppressed).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const execFileP = promisify(execFile);
const root = resolve(process.argv[2] ?? process.env.SECURITY_SCAN_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const DIRS = ['main', 'preload', 'renderer'];
const engDir = join(require.resolve('@doyensec/electronegativity/package.json'), '..');
// Version-based checks compare against Electron's defaults for that release; unpassed, the tool assumes 0.1.0.
const electronVersion = require('electron/package.json').version;
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const ANNOTATION = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+/i; // what the tool itself reacts to
const SUPPRESSION = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+(\w+(?:[ \t]+\w+)*)[ \t]+--[ \t]+(.+?)[ \t]*(?:\*\/.*)?$/i;
const CANARY = join('scan-canary', 'canary.js'); // one known finding, so a CSV cut short cannot pass (readCsv)

const problems = []; // anything here fails the scan, whatever the findings
const tmp = mkdtempSync(join(tmpdir(), 'security-scan-'));
const sourceFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(jsx?|tsx?|html?)$/i.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
const shown = (file) => (file === 'N/A' ? 'N/A (whole app)' : join('src', file)); // CSV paths are staging-relative

// One input directory holding exactly the three trees, so global checks (CSP, navigation limits) see all of
// them at once. The second copy has every annotation defused: the tool drops suppressed findings from its CSV,
// and only comparing both runs tells us what was suppressed (and that no HIGH was).
function stage(name, defuse) {
  const dir = join(tmp, name);
  for (const d of DIRS) cpSync(join(root, 'src', d), join(dir, d), { recursive: true });
  if (defuse) for (const f of sourceFiles(dir)) writeFileSync(f, readFileSync(f, 'utf8').replace(/eng-disable/gi, 'eng-defused'));
  return dir;
}
for (const d of DIRS) if (!existsSync(join(root, 'src', d))) fatal(`no ${join(root, 'src', d)}`);
const asIs = stage('as-is', false);
const defused = stage('defused', true);

// With -o the CLI silently skips files it cannot parse, so parse them first with its own parser and settings.
const { Parser } = require(join(engDir, 'dist/parser/parser.js'));
const parser = new Parser(false, true); // as dist/runner.js builds it: Babel first for .ts/.tsx
const annotations = [];
const files = sourceFiles(asIs);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(asIs, file);
  try {
    const [, , , warnings] = parser.parse(file, text);
    for (const w of warnings ?? []) problems.push(`parse warning in ${shown(rel)}: ${w.message}`);
  } catch (e) {
    problems.push(`electronegativity cannot parse ${shown(rel)} (it would skip it): ${e.message}`);
  }
  text.split('\n').forEach((line, i) => {
    if (!ANNOTATION.test(line)) return;
    const m = SUPPRESSION.exec(line);
    if (!m || m[2].length < 10) problems.push(`${shown(rel)}:${i + 1}: suppression needs "// eng-disable CHECK_ID -- reason"`);
    else annotations.push({ file: rel, line: i + 1, ids: m[1].toUpperCase().split(/[ \t]+/), reason: m[2] });
  });
}
for (const dir of [asIs, defused]) {
  mkdirSync(join(dir, 'scan-canary'));
  writeFileSync(join(dir, CANARY), 'shell.openExternal(target);\n'); // OPEN_EXTERNAL_JS_CHECK, no global check
}

// Loaded into the CLI's process. The tool writes the CSV header and body with two concurrent fs.writeFile calls
// (dist/util/file.js) that race: the header overwrites the first rows, or truncates them all away, in about one
// run out of four here. Made synchronous, the writes land in call order.
const SERIAL_WRITES = `import fs from 'node:fs';
fs.writeFile = (file, data, opts, cb) => {
  let error = null;
  try { fs.writeFileSync(file, data, typeof opts === 'function' ? undefined : opts); } catch (e) { error = e; }
  process.nextTick(typeof opts === 'function' ? opts : cb, error);
};`;

async function scan(input) {
  const csv = `${input}.csv`;
  // -x: that check only judges package.json's Electron version (not scanned here), after fetching GitHub's
  // release list. LANG: descriptions are localised from it; keep them English whatever the shell says.
  const args = ['-i', input, '-o', csv, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'];
  const hook = `data:text/javascript,${encodeURIComponent(SERIAL_WRITES)}`;
  await execFileP(process.execPath, ['--import', hook, join(engDir, 'dist/index.js'), ...args], { env: { ...process.env, LANG: 'en-US' } })
    .catch((e) => fatal(`electronegativity failed: ${e.message}\n${e.stdout}${e.stderr}`));
  return readCsv(existsSync(csv) ? readFileSync(csv, 'utf8') : '') ?? fatal(`${csv} is incomplete or unreadable`);
}

// Columns: issue, severity, confidence, filename, location, sample, description, url; "" escapes quotes.
// Every row is validated, and the canary's row must be there (an empty CSV would otherwise read as "no findings").
function readCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  const endField = (endRow) => {
    rows.at(-1).push(field);
    field = '';
    if (endRow) rows.push([]);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') field += text[i++];
    else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) field += c;
    else endField(c === '\n');
  }
  endField(false);
  const body = rows.filter((r) => r.join('') !== '' && r[0] !== 'issue');
  if (body.some((r) => r.length !== 8 || !SEVERITIES.includes(r[1])) || !body.some((r) => r[3] === CANARY)) return null;
  return body
    .filter((r) => r[3] !== CANARY)
    .map(([id, severity, , file, location, , description]) => ({ id, severity, file, line: Number(location.split(':')[0]), description }));
}

function fatal(message) {
  console.error(`security scan: ${message}\n(scratch files kept in ${tmp})`);
  process.exit(1);
}

const [findings, unsuppressed] = await Promise.all([scan(asIs), scan(defused)]);
// What the defused run found and the real run did not is what the annotations suppressed.
const key = (f) => `${f.id}|${f.file}|${f.line}`;
const reported = findings.map(key);
const suppressed = unsuppressed.filter((f) => {
  const i = reported.indexOf(key(f));
  if (i >= 0) reported.splice(i, 1);
  return i < 0;
});

const where = (f) => (f.file === 'N/A' ? shown(f.file) : `${shown(f.file)}:${f.line}`);
const count = (sev) => findings.filter((f) => f.severity === sev).length;
console.log(`electronegativity over src/{${DIRS}} (${files.length} files, Electron ${electronVersion}):`);
console.log(`  ${SEVERITIES.map((s) => `${s} ${count(s)}`).join(' | ')} | suppressed in place ${suppressed.length}`);
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
for (const f of blocking) console.log(`  FAIL ${f.severity} ${where(f)}  ${f.id}  ${f.description}`);
for (const f of suppressed) {
  const named = (a) => a.ids.some((n) => n.replace(/_/g, '') === f.id.replace(/_/g, '')); // id or class name
  const note = annotations.find((a) => a.file === f.file && (a.line === f.line || a.line === 1) && named(a));
  console.log(`  suppressed ${f.severity} ${where(f)}  ${f.id}: ${note?.reason ?? '(see the annotation there)'}`);
  if (f.severity === 'HIGH') problems.push(`${where(f)}: ${f.id} is HIGH, which may not be suppressed`);
}
const minor = findings.filter((f) => f.severity === 'LOW' || f.severity === 'INFORMATIONAL');
const byCheck = new Map(); // Map.groupBy needs Node 21; engines allows 20.19
for (const f of minor) byCheck.set(`${f.id} (${f.severity})`, [...(byCheck.get(`${f.id} (${f.severity})`) ?? []), f]);
if (minor.length) console.log('  LOW/INFORMATIONAL, for review:');
for (const [check, list] of byCheck) console.log(`    ${check}: ${list.length} at ${list.map(where).join(', ')}`);
for (const p of problems) console.log(`  FAIL ${p}`);

const high = count('HIGH') + suppressed.filter((f) => f.severity === 'HIGH').length; // HIGH is never suppressed
console.log(`electronegativity: ${high} HIGH, ${count('MEDIUM')} MEDIUM unsuppressed (${minor.length} LOW/INFORMATIONAL)`);
if (blocking.length + problems.length > 0) fatal('failed');
rmSync(tmp, { recursive: true, force: true });
