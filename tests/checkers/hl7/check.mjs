#!/usr/bin/env node
// Independent HL7 v2.5.1 checker for the generator's hl7/ output.
//
//   node check.mjs [--dump out.json] [--max-samples N] <file-or-directory>...
//
// Reads every *.hl7 file given (directories recursively), plain (segments ending with CR, messages back to back) or
// MLLP-framed (0x0B message 0x1C 0x0D), and checks each message with software nobody on this project wrote:
//   1. @redoxengine/redox-hl7-v2: maps the message onto its message-structure schema (MSH-9.1/9.2 -> structure) and
//      throws on a missing required segment or group. It silently drops segments it cannot place, so the checker also
//      counts the segments it placed: every segment must be placed.
//   2. hl7v2 (panates): parses the message (non-strict: its strict mode rejects legal negative time-zone offsets and
//      accepts impossible dates); its escape decoding is used for lengths and the dump.
//   3. A walker over hl7v2-dictionary's 2.5.1 definitions (message structures with groups and cardinality, segments
//      with optionality, repetition and length, data types with components) and hl7-dictionary's HL7 tables:
//      segment order and cardinality, required fields and components, repetitions, lengths, TS/DTM, DT, TM, NM and SI
//      formats, ID/IS table values, escape sequences, MSH-9.3 against the event's structure, unique MSH-10.
//   simple-hl7 parses each message too, for comparison only: it is lenient and never rejects anything.
//
// Prints a JSON summary on stdout. Exit code: 0 no errors, 1 errors, 2 usage or input problems.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HL7Message, hl7UnEscape } from 'hl7v2';
import { dictionaries } from 'hl7v2-dictionary';

const require = createRequire(import.meta.url);
process.on('uncaughtException', (e) => {
  process.stderr.write(`checker failure: ${e.stack}\n`);
  process.exit(2);
});
const RedoxParser = require('@redoxengine/redox-hl7-v2').Parser;
const redoxSchema = require('@redoxengine/redox-hl7-v2/schema');
const hl7Tables = require('hl7-dictionary').tables;
const simpleHl7 = require('simple-hl7');

const VERSION = '2.5.1';
const dict = dictionaries[VERSION];
const DELIMS = { field: '|', component: '^', repetition: '~', escape: '\\', subComponent: '&' };
const SEPARATORS = ['^', '&']; // level 1: components, level 2: sub-components
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Table 0396 (coding systems) is maintained by HL7 outside the versioned standard. Besides the 2.5.1 values, accept
// its patterns HL7nnnn (HL7 table nnnn) and 99zzz (local), and I10C / RXNORM, added after 2.5.1 and used by US 2.5.1
// implementation guides.
const TABLE_396_EXTRA = new Set(['I10C', 'RXNORM']);
// Identifier components whose 2.5.1 length (15) predates UUIDs. A UUID there (the join key to the CSV and FHIR
// outputs) is reported as a note, not an error; v2.7 made these lengths conformance lengths that may be exceeded.
const UUID_COMPONENTS = new Set(['CX.1', 'XCN.1']);

// ---------- arguments ----------
const args = process.argv.slice(2);
let dumpPath = null;
let maxSamples = 50;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dump') dumpPath = args[++i];
  else if (args[i] === '--max-samples') maxSamples = Number(args[++i]);
  else if (args[i] === '--help' || args[i] === '-h') usage(0);
  else inputs.push(args[i]);
}
if (inputs.length === 0) usage(2);

function usage(code) {
  process.stderr.write('usage: node check.mjs [--dump out.json] [--max-samples N] <file-or-directory>...\n');
  process.exit(code);
}

// ---------- summary ----------
const summary = {
  checker: 'tests/checkers/hl7/check.mjs',
  version: VERSION,
  files: 0,
  messages: 0,
  segments: 0,
  framing: { plain: 0, mllp: 0 },
  byType: {},
  parsers: {
    'redox-hl7-v2': { accepted: 0, rejected: 0 },
    hl7v2: { accepted: 0, rejected: 0 },
    'simple-hl7': { accepted: 0, rejected: 0 },
  },
  errors: 0,
  errorsByRule: {},
  notes: {},
  samples: [],
};
const dump = dumpPath ? [] : null;
const controlIds = new Map();

// A location is a plain object, or { base, field } (built per field without copying, flattened only on error).
function error(where, rule, detail) {
  summary.errors++;
  summary.errorsByRule[rule] = (summary.errorsByRule[rule] || 0) + 1;
  const at = where.base ? { ...where.base, field: where.field } : where;
  if (summary.samples.length < maxSamples) summary.samples.push({ ...at, rule, detail });
}

function note(rule) {
  summary.notes[rule] = (summary.notes[rule] || 0) + 1;
}

// ---------- input ----------
const files = [];
for (const input of inputs) {
  if (!fs.existsSync(input)) {
    process.stderr.write(`not found: ${input}\n`);
    process.exit(2);
  }
  collect(input);
}
function collect(p) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) collect(path.join(p, e));
  } else if (st.isFile() && (p.endsWith('.hl7') || inputs.includes(p))) {
    files.push(p);
  }
}
if (files.length === 0) {
  process.stderr.write('no .hl7 files found\n');
  process.exit(2);
}

// ---------- files and framing ----------
function checkFile(file) {
  summary.files++;
  const buffer = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  const where = { file: path.basename(file) };
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) error(where, 'file.bom', 'byte order mark');
  if (text.includes('\uFFFD')) error(where, 'file.utf8', 'not valid UTF-8');
  if (text.length === 0) return;

  let messages;
  if (text.charCodeAt(0) === 0x0b) {
    summary.framing.mllp++;
    messages = [];
    let i = 0;
    while (i < text.length) {
      if (text.charCodeAt(i) !== 0x0b) {
        error(where, 'mllp.frame', `expected 0x0B at character ${i}`);
        return;
      }
      const end = text.indexOf('\x1c', i + 1);
      if (end < 0 || text.charCodeAt(end + 1) !== 0x0d) {
        error(where, 'mllp.frame', `frame at character ${i} has no 0x1C 0x0D end`);
        return;
      }
      messages.push(text.slice(i + 1, end));
      i = end + 2;
    }
  } else {
    summary.framing.plain++;
    if (/[\x0b\x1c]/.test(text)) error(where, 'file.framing', 'MLLP block characters in an unframed file');
    messages = [];
    let start = 0;
    for (;;) {
      const next = text.indexOf('\rMSH|', start);
      if (next < 0) {
        messages.push(text.slice(start));
        break;
      }
      messages.push(text.slice(start, next + 1));
      start = next + 1;
    }
  }
  messages.forEach((m, i) => checkMessage(m, { file: where.file, message: i + 1 }));
}

// ---------- one message ----------
function checkMessage(text, where) {
  summary.messages++;
  if (!text.startsWith('MSH|')) error(where, 'message.msh-first', 'message does not start with MSH|');
  if (!text.endsWith('\r')) error(where, 'message.terminator', 'last segment does not end with CR');
  if (text.includes('\n')) error(where, 'message.lf', 'LF inside a message (segments end with CR only)');
  const bad = text.match(/[\x00-\x0c\x0e-\x1f\x7f]/);
  if (bad) error(where, 'message.control-character', `raw control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`);

  const segments = text.split('\r');
  if (segments[segments.length - 1] === '') segments.pop();
  summary.segments += segments.length;
  const ids = segments.map((s) => s.slice(0, 3));
  segments.forEach((s, i) => {
    if (!/^[A-Z][A-Z0-9]{2}(\||$)/.test(s)) error({ ...where, segment: i + 1 }, 'segment.id', JSON.stringify(s.slice(0, 10)));
  });

  const msh = (segments[0] || '').split('|');
  const mshField = (n) => msh[n - 1] ?? ''; // msh[0] = "MSH", msh[1] = MSH-2
  const controlId = mshField(10);
  where.controlId = controlId;
  const [code, trigger, structure] = mshField(9).split('^');
  const typeName = `${code}^${trigger}^${structure ?? ''}`;
  summary.byType[typeName] = (summary.byType[typeName] || 0) + 1;

  // MSH specifics.
  if (text.slice(3, 8) !== '|^~\\&') error(where, 'msh.encoding-characters', JSON.stringify(text.slice(3, 8)));
  if (mshField(12) !== VERSION) error(where, 'msh.version', `MSH-12 is ${JSON.stringify(mshField(12))}`);
  if (!controlId) error(where, 'msh.control-id', 'MSH-10 empty');
  else if (controlIds.has(controlId)) error(where, 'msh.control-id-duplicate', `also in ${controlIds.get(controlId)}`);
  else controlIds.set(controlId, `${where.file}#${where.message}`);
  const expected = redoxSchema.structure[code]?.[code === 'ACK' ? 'ACK' : trigger];
  if (!structure) error(where, 'msh.structure', 'MSH-9.3 (message structure) empty');
  else if (expected && structure !== expected) error(where, 'msh.structure', `${code}^${trigger} has structure ${expected}, not ${structure}`);
  if (structure && !dict.messages[structure]) error(where, 'msh.structure', `unknown structure ${structure}`);

  // 1. Redox: structure parse, then every segment placed.
  let redox = null;
  try {
    redox = new RedoxParser().parse(text);
    const placed = countSegments(redox);
    if (placed !== segments.length) {
      summary.parsers['redox-hl7-v2'].rejected++;
      error(where, 'redox.unplaced-segments', `${segments.length - placed} of ${segments.length} segments not placed in ${expected}`);
    } else {
      summary.parsers['redox-hl7-v2'].accepted++;
    }
  } catch (e) {
    summary.parsers['redox-hl7-v2'].rejected++;
    error(where, 'redox.parse', e.message);
  }

  // 2. hl7v2 parse.
  let parsed = null;
  try {
    parsed = HL7Message.parse(text);
    summary.parsers.hl7v2.accepted++;
  } catch (e) {
    summary.parsers.hl7v2.rejected++;
    error(where, 'hl7v2.parse', e.message);
  }

  // simple-hl7, for comparison.
  try {
    new simpleHl7.Parser().parse(text);
    summary.parsers['simple-hl7'].accepted++;
  } catch {
    summary.parsers['simple-hl7'].rejected++;
  }

  // 3. Dictionary walker: structure, then fields.
  if (structure && dict.messages[structure]) checkOrder(ids, dict.messages[structure], where);
  let obx2 = null;
  segments.forEach((s, i) => {
    const id = ids[i];
    const def = dict.segments[id];
    const w = { ...where, segment: `${id}[${i + 1}]` };
    if (!def) {
      error(w, 'segment.unknown', id);
      return;
    }
    const fields = s.split('|');
    // For MSH, fields[1] is MSH-2 (MSH-1 is the separator itself).
    const values = id === 'MSH' ? ['|', ...fields.slice(1)] : fields.slice(1);
    const maxField = fieldCount(id, def);
    if (id === 'OBX') obx2 = values[1] || null;
    for (let f = 1; f <= Math.max(values.length, maxField); f++) {
      const fd = def.fields[f];
      const value = values[f - 1] ?? '';
      const fw = { base: w, field: `${id}-${f}` };
      if (!fd) {
        if (value !== '') error(fw, 'field.undefined', `field ${f} beyond the ${maxField} defined`);
        continue;
      }
      if (value === '') {
        if (fd.opt === 'R') error(fw, 'field.required', fd.desc);
        continue;
      }
      if (id === 'MSH' && f <= 2) continue; // separators
      const reps = value.split('~');
      if (fd.rep !== 'infinite' && reps.length > (fd.rep ?? 1)) error(fw, 'field.repetition', `${reps.length} repetitions, at most ${fd.rep}`);
      const type = fd.type === 'VARIES' && id === 'OBX' && f === 5 ? obx2 || 'ST' : fd.type;
      if (fd.type === 'VARIES' && id === 'OBX' && f === 5 && !obx2) error(fw, 'obx.value-type', 'OBX-5 valued but OBX-2 empty');
      for (const rep of reps) {
        if (fd.len && !(id === 'OBX' && f === 5)) {
          const len = valueLength(rep, 1);
          if (len > fd.len) error(fw, 'field.length', `${len} characters, at most ${fd.len}`);
        }
        checkValue(type, rep, 1, fw, fd.table, `${id}-${f}`);
      }
    }
  });

  if (dump) dump.push({ file: where.file, index: where.message, controlId, type: typeName, redox, segments: decode(segments, parsed) });
}

// ---------- structure ----------
function countSegments(node) {
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || typeof item !== 'object') continue;
      if (/^[A-Z][A-Z0-9]{2}$/.test(key)) n++;
      else n += countSegments(item);
    }
  }
  return n;
}

// Greedy match of the segment ids against a message definition (groups with idx/min/max, as hl7v2-dictionary has them).
function checkOrder(ids, messageDef, where) {
  let pos = 0;
  const children = (def) => Object.entries(def.segments).sort((a, b) => a[1].idx - b[1].idx);
  const isGroup = (d) => !!d.segments;
  // Returns the new position, or -1 when the group cannot start here or misses a required part.
  function matchGroup(def, start, top) {
    let p = start;
    for (const [name, d] of children(def)) {
      const min = d.min ?? 0;
      const max = d.max ?? Infinity;
      let count = 0;
      while (count < max && p < ids.length) {
        if (isGroup(d)) {
          const q = matchGroup(d, p, false);
          if (q <= p) break;
          p = q;
        } else if (ids[p] === name) {
          p++;
        } else {
          break;
        }
        count++;
      }
      if (count < min) {
        if (top) error({ ...where, segment: `${ids[p] ?? 'end'}[${p + 1}]` }, 'structure.missing', `required ${isGroup(d) ? 'group' : 'segment'} ${name}`);
        return top ? p : -1;
      }
    }
    return p;
  }
  pos = matchGroup(messageDef, 0, true);
  if (pos >= 0 && pos < ids.length) {
    error({ ...where, segment: `${ids[pos]}[${pos + 1}]` }, 'structure.order', `segment ${ids[pos]} not allowed here (after ${ids.slice(0, pos).join(',')})`);
  }
}

// ---------- values ----------
const fieldCounts = new Map();
function fieldCount(id, def) {
  let n = fieldCounts.get(id);
  if (n === undefined) fieldCounts.set(id, (n = Math.max(...Object.keys(def.fields).map(Number))));
  return n;
}
const componentCounts = new Map();
function componentCount(type, defs) {
  let n = componentCounts.get(type);
  if (n === undefined) componentCounts.set(type, (n = Object.keys(defs).length));
  return n;
}

// Length of a value in unescaped characters plus the delimiters inside it.
function valueLength(raw, level) {
  if (level > 2) return unescape(raw).length;
  const parts = raw.split(SEPARATORS[level - 1]);
  return parts.reduce((n, p) => n + valueLength(p, level + 1), 0) + parts.length - 1;
}

function unescape(raw) {
  const v = hl7UnEscape(raw);
  if (v == null) return '';
  return Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
}

// Checks a value of a data type at a level (1: field repetition, split by ^; 2: component, split by &; 3: sub-component).
function checkValue(type, raw, level, where, table, pathName) {
  checkEscapes(raw, where);
  const typeDef = dict.types[type];
  if (!typeDef) {
    error(where, 'type.unknown', `${pathName}: ${type}`);
    return;
  }
  if (typeDef.fields && level <= 2) {
    const parts = raw.split(SEPARATORS[level - 1]);
    const defs = typeDef.fields;
    const count = componentCount(type, defs);
    if (parts.length > count) error(where, 'component.extra', `${pathName} (${type}) has ${parts.length} components, at most ${count}`);
    for (let c = 1; c <= count; c++) {
      const cd = defs[c];
      const part = parts[c - 1] ?? '';
      const name = `${pathName}.${c}`;
      if (part === '') {
        if (cd.opt === 'R') error(where, 'component.required', `${name} (${type}.${c} ${cd.desc})`);
        continue;
      }
      if (cd.len) {
        const len = valueLength(part, level + 1);
        if (len > cd.len) {
          if (UUID_COMPONENTS.has(`${type}.${c}`) && UUID.test(unescape(part))) note(`uuid-in-${type}.${c}`);
          else error(where, 'component.length', `${name} (${type}.${c}): ${len} characters, at most ${cd.len}`);
        }
      }
      checkValue(cd.type, part, level + 1, where, cd.table, name);
    }
    return;
  }
  // Primitive (or a composite nested deeper than sub-components, taken as text).
  const value = unescape(raw);
  switch (type) {
    case 'DTM':
      if (!validDtm(value)) error(where, 'format.DTM', `${pathName}: ${JSON.stringify(value)}`);
      break;
    case 'DT':
      if (!validDt(value)) error(where, 'format.DT', `${pathName}: ${JSON.stringify(value)}`);
      break;
    case 'TM':
      if (!/^([01]\d|2[0-3])([0-5]\d([0-5]\d(\.\d{1,4})?)?)?([+-]\d{4})?$/.test(value)) error(where, 'format.TM', `${pathName}: ${JSON.stringify(value)}`);
      break;
    case 'NM':
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) error(where, 'format.NM', `${pathName}: ${JSON.stringify(value)}`);
      break;
    case 'SI':
      if (!/^\d+$/.test(value)) error(where, 'format.SI', `${pathName}: ${JSON.stringify(value)}`);
      break;
    case 'ID':
    case 'IS':
      checkTable(table, value, where, pathName);
      break;
    default:
      break;
  }
}

function checkTable(table, value, where, pathName) {
  if (!table) return;
  const t = hl7Tables[String(table)];
  if (!t || !t.values || Object.keys(t.values).length === 0) {
    note(`table-${table}-not-in-dictionary`);
    return;
  }
  if (Object.prototype.hasOwnProperty.call(t.values, value)) return;
  if (table === 396 && (TABLE_396_EXTRA.has(value) || /^HL7\d{4}$/.test(value) || /^99[A-Z0-9]{3}$/.test(value))) return;
  error(where, 'table.value', `${pathName}: ${JSON.stringify(value)} not in table ${String(table).padStart(4, '0')} (${t.desc})`);
}

// Every backslash starts an escape sequence of v2.5.1 section 2.7.
function checkEscapes(raw, where) {
  if (!raw.includes('\\')) return;
  const re = /\\([^\\]*)\\/g;
  let rest = raw;
  for (const m of raw.matchAll(re)) {
    const body = m[1];
    if (!/^(F|S|T|R|E|H|N|X([0-9A-Fa-f]{2})+|Z.*|C[0-9A-Fa-f]{4}|M[0-9A-Fa-f]{4,6}|\.(br|sp\d*|in[+-]?\d+|ti[+-]?\d+|sk\d+|ce|fi|nf))$/.test(body)) {
      error(where, 'escape.invalid', `\\${body}\\`);
    }
    rest = rest.replace(m[0], '');
  }
  if (rest.includes('\\')) error(where, 'escape.unterminated', JSON.stringify(raw));
}

function validDtm(v) {
  const m = /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.\d{1,4})?)?)?)?)?)?([+-]\d{4})?$/.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, tz] = m;
  if (mo && !validDate(+y, +mo, d ? +d : 1)) return false;
  if (h && +h > 23) return false;
  if (mi && +mi > 59) return false;
  if (s && +s > 59) return false;
  if (tz) {
    const hh = +tz.slice(1, 3);
    const mm = +tz.slice(3, 5);
    if (hh > 14 || mm > 59) return false;
  }
  return true;
}

function validDt(v) {
  const m = /^(\d{4})(?:(\d{2})(\d{2})?)?$/.exec(v);
  return !!m && (!m[2] || validDate(+m[1], +m[2], m[3] ? +m[3] : 1));
}

function validDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

// ---------- dump ----------
// Every value by position, decoded by hl7v2: fields[f] = repetitions, each a list of components, each a list of
// sub-components (strings; null where hl7v2 gives no value).
function decode(segments, parsed) {
  return segments.map((s, i) => {
    const id = s.slice(0, 3);
    const seg = parsed?.segments[i];
    const raw = s.split('|');
    const values = id === 'MSH' ? ['|', ...raw.slice(1)] : raw.slice(1);
    const fields = {};
    values.forEach((v, k) => {
      const f = k + 1;
      if (v === '' || (id === 'MSH' && f <= 2)) return;
      fields[f] = v.split('~').map((rep, r) =>
        rep.split('^').map((comp, c) =>
          comp.split('&').map((sub, sIdx) => {
            if (sub === '') return '';
            try {
              const field = seg?.field(f);
              const repetition = field?.repetition(r);
              let value = repetition?.getValue(c + 1, sIdx + 1);
              if (value == null && sIdx === 0) value = repetition?.getValue(c + 1);
              if (value == null && c === 0 && sIdx === 0) value = repetition?.getValue();
              if (value == null) return null;
              if (Buffer.isBuffer(value)) return value.toString('utf8');
              if (value instanceof Date) return null;
              return typeof value === 'object' ? null : String(value);
            } catch {
              return null;
            }
          })));
    });
    return { id, fields };
  });
}

// ---------- run ----------
for (const file of files) checkFile(file);

if (dump) fs.writeFileSync(dumpPath, JSON.stringify(dump));
process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
process.exit(summary.errors > 0 ? 1 : 0);
