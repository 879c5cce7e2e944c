// `npm run bytes`: what the content-script files are made of, per source file, from a build with
// source maps (`LIQLENS_SOURCEMAP=1 npx wxt build` → .output/chrome-mv3-sourcemap). For each source
// file: its minified bytes in the bundle and what it costs gzipped (the file's gzip size minus the
// gzip size without that source's bytes), the figure the page-cost bench's size goal counts.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? '.output/chrome-mv3-sourcemap');
const manifestPath = path.join(dir, 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`No build at ${dir}: run "LIQLENS_SOURCEMAP=1 npx wxt build" first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decodes one mappings line's segments into [generated column, source index] pairs (source maps v3 VLQ). */
function* segments(mappings) {
  let line = 0;
  let column = 0;
  let source = 0;
  for (const text of mappings.split(';')) {
    column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      yield { line, column, source: values.length > 1 ? source : -1 };
    }
    line++;
  }
}

const gzip = (text) => zlib.gzipSync(text, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(2).padStart(6);
for (const file of files) {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  const mapFile = path.join(dir, `${file}.map`);
  if (!fs.existsSync(mapFile)) {
    console.log(`${file}: ${kb(code.length)} KB raw, ${kb(gzip(code))} KB gzip (no source map)`);
    continue;
  }
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const lines = code.split('\n');
  const lineStart = [0];
  for (const l of lines) lineStart.push(lineStart[lineStart.length - 1] + l.length + 1);
  const all = [...segments(map.mappings)];
  /** Byte ranges of the bundle per source file. */
  const ranges = new Map();
  all.forEach((s, i) => {
    const next = all[i + 1];
    const start = lineStart[s.line] + s.column;
    const end = next && next.line === s.line ? lineStart[s.line] + next.column : lineStart[s.line] + lines[s.line].length;
    const name =
      s.source < 0
        ? '(no source: the inlined overlay.css, bundler glue)'
        : map.sources[s.source].replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, 'node_modules/');
    if (!ranges.has(name)) ranges.set(name, []);
    ranges.get(name).push([start, end]);
  });
  const whole = gzip(code);
  const rows = [...ranges].map(([name, spans]) => {
    const keep = new Uint8Array(code.length).fill(1);
    let raw = 0;
    for (const [start, end] of spans) {
      keep.fill(0, start, end);
      raw += end - start;
    }
    let rest = '';
    for (let i = 0; i < code.length; i++) if (keep[i]) rest += code[i];
    return { name, raw, gz: whole - gzip(rest) };
  });
  rows.sort((a, b) => b.gz - a.gz);
  console.log(`\n${file}: ${kb(code.length)} KB raw, ${kb(whole)} KB gzip\n  raw KB  gzip KB  source`);
  for (const r of rows) console.log(`  ${kb(r.raw)}  ${kb(r.gz)}   ${r.name}`);
}
