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
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(process.argv[2] ?? process.env.SECURITY_SCAN_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const DIRS = ['main', 'preload', 'renderer'];
const engDir = join(require.resolve('@doyensec/electronegativity/package.json'), '..');
// Version-based checks compare against Electron's defaults of that release; without -e the tool assumes 0.1.0.
const electronVersion = require('electron/package.json').version;
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const ANNOTATION = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+/i; // what the tool itself reacts to
const SUPPRESSION = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+(\w+(?:[ \t]+\w+)*)[ \t]+--[ \t]+(.+?)[ \t]*(?:\*\/.*)?$/i;

const problems = []; // anything here fails the scan, whatever the findings
const tmp = mkdtempSync(join(tmpdir(), 'security-scan-'));
const sourceFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(jsx?|tsx?|html?)$/i.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
const shown = (file) => (file === 'N/A' ? file : join('src', file)); // CSV paths are relative to the staging dir

// One input directory holding exactly the three trees, so global checks (CSP, navigation limits) see all of
// them at once. The second copy has every annotation defused: the tool drops suppressed findings from its CSV,
// and only comparing both runs tells us what was suppressed (and that no HIGH was).
function stage(name, defuse) {
  const dir = join(tmp, name);
  for (const d of DIRS) {
    if (!existsSync(join(root, 'src', d))) throw new Error(`no ${join(root, 'src', d)}`);
    cpSync(join(root, 'src', d), join(dir, d), { recursive: true });
  }
  if (defuse) for (const f of sourceFiles(dir)) writeFileSync(f, readFileSync(f, 'utf8').replace(/eng-disable/gi, 'eng-defused'));
  return dir;
}
const asIs = stage('as-is', false);
const defused = stage('defused', true);

// With -o the CLI silently skips files it cannot parse, so parse them first with its own parser and settings.
const { Parser } = require(join(engDir, 'dist/parser/parser.js'));
const parser = new Parser(false, true); // as in dist/runner.js: Babel first for .ts/.tsx
const annotations = [];
const files = sourceFiles(asIs);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(asIs, file);
  try {
    const [, , , warnings] = parser.parse(file, text);
    for (const w of warnings ?? []) problems.push(`parse warning in ${shown(rel)}: ${w.message}`);
  } catch (e) {
    problems.push(`electronegativity cannot parse ${shown(rel)} (it would be skipped): ${e.message}`);
  }
  text.split('\n').forEach((line, i) => {
    if (!ANNOTATION.test(line)) return;
    const m = SUPPRESSION.exec(line);
    if (!m || m[2].length < 10) problems.push(`${shown(rel)}:${i + 1}: suppression without a reason; write "// eng-disable CHECK_ID -- why"`);
    else annotations.push({ file: rel, line: i + 1, ids: m[1].toUpperCase().split(/[ \t]+/), reason: m[2] });
  });
}

function scan(input) {
  const csv = `${input}.csv`;
  const args = ['-i', input, '-o', csv, '-r', '-e', electronVersion];
  // Only judges package.json's Electron version (not scanned here) and fetches GitHub's release list first.
  args.push('-x', 'AvailableSecurityFixesGlobalCheck');
  return new Promise((done) => {
    // LANG: the descriptions are localised from it; keep the report in English whatever the shell says.
    const child = spawn(process.execPath, [join(engDir, 'dist/index.js'), ...args], { env: { ...process.env, LANG: 'en-US' } });
    let log = '';
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    child.on('close', (code) => done(code === 0 && existsSync(csv) ? readCsv(readFileSync(csv, 'utf8')) : fatal(`electronegativity exited ${code}:\n${log}`)));
  });
}

function fatal(message) {
  console.error(`security scan: ${message}\n(scratch files kept in ${tmp})`);
  process.exit(1);
}

// The CSV: issue, severity, confidence, filename, location, sample, description, url; fields quoted with "".
// The tool writes header and body with two racing async writes, so every row is validated, never trusted.
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
    else if (c === ',') endField();
    else if (c === '\n') endField(true);
  }
  endField();
  const body = rows.filter((r) => r.length > 1 && r[0] !== 'issue');
  if (!rows.some((r) => r[0] === 'issue')) fatal('electronegativity wrote no CSV header');
  for (const r of body) if (r.length !== 8 || !SEVERITIES.includes(r[1])) fatal(`unreadable CSV row: ${r.join(',')}`);
  return body.map(([id, severity, confidence, file, location, sample, description]) => ({
    id, severity, confidence, file, line: Number(location.split(':')[0]), sample, description,
  }));
}

const [findings, everything] = await Promise.all([scan(asIs), scan(defused)]);

// What the defused run found and the real run did not is what the annotations suppressed.
const key = (f) => `${f.id}|${f.file}|${f.line}`;
const reported = new Map();
for (const f of findings) reported.set(key(f), (reported.get(key(f)) ?? 0) + 1);
const suppressed = everything.filter((f) => {
  const left = reported.get(key(f)) ?? 0;
  reported.set(key(f), left - 1);
  return left <= 0;
});

const where = (f) => (f.file === 'N/A' ? 'N/A (whole app)' : `${shown(f.file)}:${f.line}`);
const count = (list, sev) => list.filter((f) => f.severity === sev).length;
console.log(`electronegativity over src/{${DIRS}} (${files.length} files, Electron ${electronVersion}):`);
console.log(`  ${SEVERITIES.map((s) => `${s} ${count(findings, s)}`).join(' | ')} | suppressed in place ${suppressed.length}`);

const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
for (const f of blocking) console.log(`  FAIL ${f.severity.padEnd(6)} ${where(f)}  ${f.id}  ${f.description}`);
for (const f of suppressed) {
  const named = (a) => a.ids.some((n) => n.replace(/_/g, '') === f.id.replace(/_/g, '')); // id or class name
  const note = annotations.find((a) => a.file === f.file && (a.line === f.line || a.line === 1) && named(a));
  console.log(`  suppressed ${f.severity} ${where(f)}  ${f.id}: ${note ? note.reason : '(reason on that line)'}`);
  if (f.severity === 'HIGH') problems.push(`${where(f)}: ${f.id} is HIGH and may not be suppressed`);
}
const minor = findings.filter((f) => f.severity === 'LOW' || f.severity === 'INFORMATIONAL');
const byCheck = new Map(); // Map.groupBy needs Node 21; engines says >=20.19
for (const f of minor) byCheck.set(`${f.id} (${f.severity})`, [...(byCheck.get(`${f.id} (${f.severity})`) ?? []), f]);
if (minor.length) console.log('  LOW/INFORMATIONAL, for review:');
for (const [check, list] of byCheck) console.log(`    ${check}: ${list.length} at ${list.map(where).join(', ')}`);
for (const p of problems) console.log(`  FAIL ${p}`);

const high = count(findings, 'HIGH');
const medium = count(findings, 'MEDIUM');
console.log(`electronegativity: ${high} HIGH, ${medium} MEDIUM unsuppressed (${minor.length} LOW/INFORMATIONAL)`);
if (high + medium + problems.length > 0) fatal('failed');
rmSync(tmp, { recursive: true, force: true });
