#!/usr/bin/env node
/* Draws the add-in icons (a staggered Gantt in white on Office blue) as PNGs into assets/.
   No image library needed: pixels are computed and encoded with zlib. */
const { deflateSync } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1f, 0x4e, 0x79, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
// Bars in unit coordinates: [x0, x1, y0, y1]
const BARS = [
  [0.16, 0.52, 0.2, 0.34],
  [0.36, 0.7, 0.43, 0.57],
  [0.56, 0.86, 0.66, 0.8],
];

function pixel(x, y, size) {
  const u = x / size,
    v = y / size,
    r = 0.16;
  const cx = Math.min(Math.max(u, r), 1 - r),
    cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  return BARS.some(([x0, x1, y0, y1]) => u >= x0 && u <= x1 && v >= y0 && v <= y1) ? WHITE : BLUE;
}

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), png(size, pixel));
}
console.log('assets/icon-{16,32,64,80,128}.png geschrieben');
