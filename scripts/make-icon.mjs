// Draws images/icon.png: a Django-green rounded square with a white check mark.
// Pure Node (zlib + a CRC32 table), so the icon can be regenerated anywhere: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const CORNER_RADIUS = 26;
const DJANGO_GREEN = [0x0c, 0x4b, 0x33];
const WHITE = [0xff, 0xff, 0xff];
const CHECK = { points: [[34, 66], [55, 87], [95, 43]], halfWidth: 7.5 };

const clamp01 = (v) => Math.min(1, Math.max(0, v));

/** Signed distance from (x, y) to the rounded square filling the canvas; negative inside. */
function roundedSquareDistance(x, y) {
  const half = SIZE / 2;
  const qx = Math.abs(x - half) - (half - CORNER_RADIUS);
  const qy = Math.abs(y - half) - (half - CORNER_RADIUS);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - CORNER_RADIUS;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp01(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function checkDistance(x, y) {
  let distance = Infinity;
  for (let i = 1; i < CHECK.points.length; i++) {
    distance = Math.min(distance, segmentDistance(x, y, CHECK.points[i - 1], CHECK.points[i]));
  }
  return distance - CHECK.halfWidth;
}

/** Scanlines of RGBA pixels, each prefixed with PNG filter type 0 (none). */
function drawIcon() {
  const rowLength = 1 + SIZE * 4;
  const pixels = Buffer.alloc(SIZE * rowLength);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      // Sample at the pixel centre; a distance within half a pixel of an edge gives partial coverage.
      const cx = x + 0.5;
      const cy = y + 0.5;
      const square = clamp01(0.5 - roundedSquareDistance(cx, cy));
      const check = clamp01(0.5 - checkDistance(cx, cy));
      const offset = y * rowLength + 1 + x * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(DJANGO_GREEN[channel] * (1 - check) + WHITE[channel] * check);
      }
      pixels[offset + 3] = Math.round(square * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const output = new URL('../images/icon.png', import.meta.url);
mkdirSync(new URL('.', output), { recursive: true });
writeFileSync(output, encodePng(drawIcon()));
console.log(`wrote ${output.pathname}`);
