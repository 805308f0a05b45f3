// Draws the extension icon (128x128 PNG): three stages of a message's path, the middle one guarded.
// Run once with `node scripts/make-icon.mjs`; the PNG is committed so packaging needs no image tools.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 128;
const H = 128;
const px = new Uint8Array(W * H * 4);
function set(x, y, [r, g, b, a = 255]) {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  px.set([r, g, b, a], i);
}
function disc(cx, cy, rad, color) {
  for (let y = Math.floor(cy - rad); y <= cy + rad; y++)
    for (let x = Math.floor(cx - rad); x <= cx + rad; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= rad * rad) set(x, y, color);
}
function rect(x0, y0, x1, y1, color) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, color);
}
// Rounded dark background.
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    const dx = Math.max(0, Math.abs(x - 63.5) - 48);
    const dy = Math.max(0, Math.abs(y - 63.5) - 48);
    if (dx * dx + dy * dy <= 16 * 16) set(x, y, [33, 37, 52]);
  }
const teal = [38, 198, 178];
const white = [240, 244, 248];
const amber = [255, 183, 77];
rect(24, 61, 104, 67, white); // the path
disc(28, 64, 13, teal); // producer
disc(64, 64, 15, amber); // broker (guarded)
disc(100, 64, 13, teal); // consumer
rect(58, 58, 70, 70, [33, 37, 52]);
rect(61, 55, 67, 73, white); // check bar
rect(55, 61, 73, 67, white);

// PNG encoding: signature, IHDR, IDAT (filter byte 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1);
writeFileSync(
  'images/icon.png',
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
