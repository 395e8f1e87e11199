// Writes images/icon.png (128×128): a charter page with a check mark on a teal tile.
// Plain Node (zlib), no image library: `node images/make-icon.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const TEAL = [15, 94, 107];
const PAPER = [250, 250, 247];
const INK = [15, 94, 107];
const ACCENT = [242, 165, 65];
const WHITE = [255, 255, 255];

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
const segment = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

/** The colour at a point, or null for transparent; later shapes paint over earlier ones. */
function colourAt(x, y) {
  let colour = null;
  if (roundedRect(x, y, 4, 4, 124, 124, 22)) colour = TEAL;
  if (roundedRect(x, y, 30, 18, 92, 106, 7)) colour = PAPER;
  for (const [y0, x1] of [
    [34, 80],
    [48, 80],
    [62, 70],
    [76, 62],
  ]) {
    if (roundedRect(x, y, 40, y0, x1, y0 + 5, 2.5)) colour = INK;
  }
  if (circle(x, y, 88, 90, 24)) colour = WHITE;
  if (circle(x, y, 88, 90, 20)) colour = ACCENT;
  if (segment(x, y, 77, 90, 85, 98) <= 3.6 || segment(x, y, 85, 98, 100, 81) <= 3.6) colour = WHITE;
  return colour;
}

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  pixels[row] = 0; // PNG filter type: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const offset = row + 1 + px * 4;
    pixels[offset] = covered ? Math.round(sum[0] / covered) : 0;
    pixels[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
    pixels[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
    pixels[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(pixels, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("./icon.png", import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
