/**
 * Command line figures (not a test): `npx tsx bench/cli.ts [--quick]`. Whole processes, medians
 * of several runs, each beside its floor measured in the same run (the machine is shared, so
 * read the ratios):
 * 1. start: `wellenplaner --help` against `node -e 0`;
 * 2. `plan --out --json` on the real catalogue (557 Leistungen) and on 1k, 5k, 20k generated
 *    Leistungen, with peak memory (max RSS), against two floors on the same workbook: a minimal
 *    ExcelJS script (read the workbook, write it with one result sheet) and a direct-XML
 *    script (unzip with zlib, read every sheet's XML, write the package with one result sheet);
 *    a third floor writes what the tool writes: it reads the input like the XML floor and writes
 *    a package of the input's untouched parts (copied) and the tool's own output parts (their XML
 *    taken from the tool's result beforehand, deflated in the floor's run), so the ratio to it is
 *    the time spent on checking, planning, layout and building the XML;
 * 3. where the time goes: the same job in-process, step by step (bench/cliPhases.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueWorkbook, syntheticWorkbook } from '../test/workbook/file/generated';
import { inflateEntry, readZip } from '../src/workbook/file/zip';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin/wellenplaner.js');
const quick = process.argv.includes('--quick');
const dir = mkdtempSync(join(tmpdir(), 'wellenplaner-bench-'));

interface Run {
  seconds: number;
  /** User + system CPU seconds: on a machine shared with other jobs the steadier figure. */
  cpu: number;
  maxRssMB: number;
}

/** One process, timed from outside; max RSS from /usr/bin/time when available, else from the child. */
function timed(args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', cwd: ROOT });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // plan exits 1 when it reports errors; the floors must succeed.
  const ok = args.some((a) => a.endsWith('wellenplaner.js')) ? [0, 1] : [0];
  if (!ok.includes(r.status ?? -1)) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const [kb, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user + sys, maxRssMB: Math.round(kb / 1024) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Interleaved runs (a, b, c, a, b, c …) so that load on the machine hits every variant alike. */
function compare(variants: Record<string, string[]>, runs: number): Record<string, Run> {
  const results: Record<string, Run[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(variants)) results[k].push(timed(args));
  return Object.fromEntries(
    Object.entries(results).map(([k, rs]) => [
      k,
      {
        seconds: median(rs.map((r) => r.seconds)),
        cpu: median(rs.map((r) => r.cpu)),
        maxRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
      },
    ]),
  );
}

const EXCELJS_FLOOR = `
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  const ws = wb.addWorksheet('Ergebnis');
  let rows = 0;
  wb.worksheets.forEach((s) => s.eachRow(() => rows++));
  ws.addRow(['Zeilen', rows]);
  await wb.xlsx.writeFile(process.argv[3]);
})();`;

/** Unzip with zlib, read every sheet's cells from its XML, write the package back plus one sheet. */
const XML_FLOOR = `
const { readFileSync, writeFileSync } = require('node:fs');
const zlib = require('node:zlib');
const T = new Int32Array(256); for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; T[n] = c; }
function crc32(d) { let c = -1; for (let i = 0; i < d.length; i++) c = T[(c ^ d[i]) & 0xff] ^ (c >>> 8); return (c ^ -1) >>> 0; }
const buf = readFileSync(process.argv[2]);
let eocd = buf.length - 22; while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
const n = buf.readUInt16LE(eocd + 10); let p = buf.readUInt32LE(eocd + 16);
const parts = [];
for (let i = 0; i < n; i++) {
  const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20);
  const nl = buf.readUInt16LE(p + 28), el = buf.readUInt16LE(p + 30), cl = buf.readUInt16LE(p + 32), off = buf.readUInt32LE(p + 42);
  const name = buf.toString('utf8', p + 46, p + 46 + nl);
  const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
  const raw = buf.subarray(start, start + csize);
  parts.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : raw });
  p += 46 + nl + el + cl;
}
let cells = 0;
for (const part of parts) if (/^xl\\/worksheets\\/[^/]+\\.xml$/.test(part.name)) for (const m of part.data.toString('utf8').matchAll(/<c [^>]*?(?:\\/>|>([\\s\\S]*?)<\\/c>)/g)) if (m[1]) cells++;
parts.push({ name: 'xl/worksheets/ergebnis.xml', data: Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>' + cells + '</v></c></row></sheetData></worksheet>') });
const chunks = [], central = []; let offset = 0;
for (const part of parts) {
  const comp = zlib.deflateRawSync(part.data), name = Buffer.from(part.name), crc = crc32(part.data);
  const h = Buffer.alloc(30); h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(8, 8); h.writeUInt32LE(crc, 14); h.writeUInt32LE(comp.length, 18); h.writeUInt32LE(part.data.length, 22); h.writeUInt16LE(name.length, 26);
  const c = Buffer.alloc(46); c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10); c.writeUInt32LE(crc, 16); c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(part.data.length, 24); c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
  chunks.push(h, name, comp); central.push(c, name); offset += 30 + name.length + comp.length;
}
const cd = Buffer.concat(central), e = Buffer.alloc(22); e.writeUInt32LE(0x06054b50, 0); e.writeUInt16LE(parts.length, 8); e.writeUInt16LE(parts.length, 10); e.writeUInt32LE(cd.length, 12); e.writeUInt32LE(offset, 16);
writeFileSync(process.argv[3], Buffer.concat([...chunks, cd, e]));`;

/**
 * Reads the input like XML_FLOOR, then writes the package the tool writes: the input's parts the
 * tool leaves alone copied as they are, the parts it writes (argv[3]: their XML, from the tool's
 * own result) deflated at the tool's level 6.
 */
const XML_SAME_OUTPUT_FLOOR = `
const { readFileSync, writeFileSync } = require('node:fs');
const zlib = require('node:zlib');
const buf = readFileSync(process.argv[2]);
let eocd = buf.length - 22; while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
const n = buf.readUInt16LE(eocd + 10); let p = buf.readUInt32LE(eocd + 16);
const parts = new Map();
for (let i = 0; i < n; i++) {
  const method = buf.readUInt16LE(p + 10), crc = buf.readUInt32LE(p + 16), csize = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
  const nl = buf.readUInt16LE(p + 28), el = buf.readUInt16LE(p + 30), cl = buf.readUInt16LE(p + 32), off = buf.readUInt32LE(p + 42);
  const name = buf.toString('utf8', p + 46, p + 46 + nl);
  const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
  const raw = buf.subarray(start, start + csize);
  parts.set(name, { name, method, crc, size, raw, data: method === 8 ? zlib.inflateRawSync(raw) : raw });
  p += 46 + nl + el + cl;
}
let cells = 0;
for (const part of parts.values()) if (/^xl\\/worksheets\\/[^/]+\\.xml$/.test(part.name)) for (const m of part.data.toString('utf8').matchAll(/<c [^>]*?(?:\\/>|>([\\s\\S]*?)<\\/c>)/g)) if (m[1]) cells++;
const outputs = readFileSync(process.argv[3]);
const headerEnd = outputs.indexOf(10);
let at = headerEnd + 1;
for (const { name, size } of JSON.parse(outputs.toString('utf8', 0, headerEnd))) {
  const data = outputs.subarray(at, at + size); at += size;
  const raw = zlib.deflateRawSync(data, { level: 6 });
  parts.set(name, { name, method: 8, crc: zlib.crc32(data), size, raw });
}
const chunks = [], central = []; let offset = 0;
for (const part of parts.values()) {
  const name = Buffer.from(part.name), comp = part.raw;
  const h = Buffer.alloc(30); h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(part.method, 8); h.writeUInt32LE(part.crc, 14); h.writeUInt32LE(comp.length, 18); h.writeUInt32LE(part.size, 22); h.writeUInt16LE(name.length, 26);
  const c = Buffer.alloc(46); c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(part.method, 10); c.writeUInt32LE(part.crc, 16); c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(part.size, 24); c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
  chunks.push(h, name, comp); central.push(c, name); offset += 30 + name.length + comp.length;
}
const cd = Buffer.concat(central), e = Buffer.alloc(22); e.writeUInt32LE(0x06054b50, 0); e.writeUInt16LE(parts.size, 8); e.writeUInt16LE(parts.size, 10); e.writeUInt32LE(cd.length, 12); e.writeUInt32LE(offset, 16);
writeFileSync(process.argv[4], Buffer.concat([...chunks, cd, e]));
if (cells === 0) process.exit(3);`;

/** The parts of the tool's result that it wrote (new, or other bytes than the input's), as XML: a JSON header line, then the bytes. */
function writtenParts(input: string, result: string, to: string): number {
  const before = readZip(readFileSync(input));
  const after = [...readZip(readFileSync(result)).values()].filter((e) => {
    const old = before.get(e.name);
    return !old || Buffer.compare(Buffer.from(old.raw), Buffer.from(e.raw)) !== 0;
  });
  const data = after.map((e) => inflateEntry(e, 1 << 30));
  const header = JSON.stringify(after.map((e, i) => ({ name: e.name, size: data[i].byteLength })));
  writeFileSync(to, Buffer.concat([Buffer.from(`${header}\n`), ...data]));
  return data.reduce((n, d) => n + d.byteLength, 0);
}

const fmt = (s: number) => s.toFixed(2).replace('.', ',');

async function main() {
  const runs = quick ? 3 : 5;
  console.log(`Messläufe je Variante: ${runs} (Median; Spitzen-RSS: Maximum), abwechselnd ausgeführt.\n`);

  console.log('1. Start der Kommandozeile');
  const start = compare({ help: [BIN, '--help'], node: ['-e', '0'] }, runs * 2);
  console.log(`   wellenplaner --help   ${fmt(start.help.seconds)} s (CPU ${fmt(start.help.cpu)} s)`);
  console.log(`   node -e 0             ${fmt(start.node.seconds)} s (CPU ${fmt(start.node.cpu)} s)`);
  console.log(
    `   Verhältnis            ${(start.help.seconds / start.node.seconds).toFixed(2)}× (CPU ${(start.help.cpu / Math.max(0.01, start.node.cpu)).toFixed(2)}×; Ziel ≤ 1,5×)\n`,
  );

  const exceljsFloor = join(dir, 'floor-exceljs.js');
  const xmlFloor = join(dir, 'floor-xml.js');
  writeFileSync(exceljsFloor, `module.paths.unshift(${JSON.stringify(join(ROOT, 'node_modules'))});\n${EXCELJS_FLOOR}`);
  writeFileSync(xmlFloor, XML_FLOOR);
  const sameFloor = join(dir, 'floor-xml-same-output.js');
  writeFileSync(sameFloor, XML_SAME_OUTPUT_FLOOR);

  console.log('2. plan --out --json (ganzer Prozess)');
  console.log(
    '   Arbeitsmappe  Leistungen  plan: Zeit (CPU)    Spitze RSS  ExcelJS-Boden: Zeit (CPU)  XML-Boden: Zeit (CPU)  plan/XML (CPU)  XML-Boden, gleiche Ausgabe: Zeit (CPU)  plan/dieser (CPU)',
  );
  const sizes: [string, number, () => Promise<Uint8Array>][] = [
    ['Katalog', 557, catalogueWorkbook],
    ['erzeugt', 1_000, () => syntheticWorkbook(1_000)],
    ['erzeugt', 5_000, () => syntheticWorkbook(5_000)],
    ['erzeugt', 20_000, () => syntheticWorkbook(20_000)],
  ];
  const planCpu = new Map<number, number>();
  const writtenBytes = new Map<number, number>();
  for (const [label, n, make] of quick ? sizes.filter((s) => s[1] !== 5_000) : sizes) {
    const input = join(dir, `in-${n}.xlsx`);
    writeFileSync(input, await make());
    // the tool's result once, untimed: the parts the same-output floor writes
    const first = join(dir, `out-${n}.xlsx`);
    timed([BIN, 'plan', input, '--out', first]);
    const outputs = join(dir, `written-${n}.bin`);
    writtenBytes.set(n, writtenParts(input, first, outputs));
    const r = compare(
      {
        plan: [BIN, 'plan', input, '--out', join(dir, `out-${n}.xlsx`), '--json', join(dir, `out-${n}.json`)],
        exceljs: [exceljsFloor, input, join(dir, `floor-exceljs-${n}.xlsx`)],
        xml: [xmlFloor, input, join(dir, `floor-xml-${n}.xlsx`)],
        same: [sameFloor, input, outputs, join(dir, `floor-same-${n}.xlsx`)],
      },
      n >= 20_000 ? Math.max(3, runs - 2) : runs,
    );
    planCpu.set(n, r.plan.cpu);
    const cell = (x: Run) => `${fmt(x.seconds)} s (${fmt(x.cpu)} s)`;
    console.log(
      `   ${label.padEnd(12)}  ${String(n).padStart(10)}  ${cell(r.plan).padStart(18)}  ${String(r.plan.maxRssMB).padStart(7)} MB  ${cell(r.exceljs).padStart(25)}  ${cell(r.xml).padStart(21)}  ${(r.plan.seconds / r.xml.seconds).toFixed(2)}× (${(r.plan.cpu / r.xml.cpu).toFixed(2)}×)  ${cell(r.same).padStart(38)}  ${(r.plan.seconds / r.same.seconds).toFixed(2)}× (${(r.plan.cpu / r.same.cpu).toFixed(2)}×)`,
    );
  }
  // Linear from 1k to 20k: the CPU per 1,000 Leistungen between the two, and what a straight line
  // through them leaves as the fixed part (start, workbook structure).
  const perThousand = (planCpu.get(20_000)! - planCpu.get(1_000)!) / 19;
  console.log(
    `\n   Zuwachs 1.000 → 20.000 Leistungen: ${fmt(perThousand)} s CPU je 1.000, fester Anteil ${fmt(planCpu.get(1_000)! - perThousand)} s` +
      (planCpu.has(5_000)
        ? `; 5.000 gemessen ${fmt(planCpu.get(5_000)!)} s, auf der Geraden ${fmt(planCpu.get(1_000)! + 4 * perThousand)} s`
        : ''),
  );
  console.log('   Ziele: 20.000 Leistungen < 3 s (≈ 2× XML-Boden), Katalog < 0,5 s, Spitze < 250 MB.');
  for (const [n, bytes] of writtenBytes)
    console.log(`   geschriebenes XML (${n} Leistungen): ${(bytes / 1e6).toFixed(1).replace('.', ',')} MB`);

  console.log('\n3. Wohin die Zeit geht: derselbe Auftrag im Prozess, Schritt für Schritt (Median, CPU-Sekunden)');
  for (const n of [557, 20_000]) {
    const input = join(dir, `in-${n}.xlsx`);
    const samples: Record<string, { seconds: number; cpu: number }>[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'cliPhases.ts'), input, join(dir, 'phases.xlsx'), join(dir, 'phases.json')],
        { encoding: 'utf8', cwd: ROOT },
      );
      if (r.status !== 0) throw new Error(`cliPhases: ${r.stderr}`);
      samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
    }
    const names = Object.keys(samples[0]);
    const cpu = names.map((k) => median(samples.map((x) => x[k].cpu)));
    const total = cpu.reduce((a, b) => a + b, 0);
    console.log(`   ${n} Leistungen: zusammen ${fmt(total)} s CPU`);
    names.forEach((k, i) =>
      console.log(
        `     ${fmt(cpu[i]).padStart(6)} s  ${String(Math.round((100 * cpu[i]) / total)).padStart(3)} %  ${k}`,
      ),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
