/**
 * Text inside a PNG (iTXt chunks, UTF-8): an exported picture keeps the link and its sources when it
 * travels without its legend's context. Inserted right after the header chunk; the pixels are untouched.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const u32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

function isPng(png: Uint8Array): boolean {
  return png.length > 33 && SIGNATURE.every((b, i) => png[i] === b) && String.fromCharCode(...png.slice(12, 16)) === 'IHDR';
}

/** Width and height in pixels, from the header; null for bytes that are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  return isPng(png) ? { width: u32(png, 16), height: u32(png, 20) } : null;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The PNG with one iTXt chunk per entry. Keywords are 1-79 Latin-1 characters (PNG's rule). */
export function withPngText(png: Uint8Array, entries: [keyword: string, text: string][]): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG');
  const headerEnd = 8 + 12 + u32(png, 8);
  const encoder = new TextEncoder();
  const chunks = entries.map(([keyword, text]) => {
    if (!/^[\x20-\x7E\xA1-\xFF]{1,79}$/.test(keyword)) throw new Error(`invalid PNG keyword: ${keyword}`);
    const key = Uint8Array.from(keyword, (c) => c.charCodeAt(0));
    // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, text.
    return chunk('iTXt', Uint8Array.from([...key, 0, 0, 0, 0, 0, ...encoder.encode(text)]));
  });
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, headerEnd), 0);
  let at = headerEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(headerEnd), at);
  return out;
}

/** The iTXt entries of a PNG (checking each chunk's CRC), for tests and tools. */
export function readPngText(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('not a PNG');
  const decoder = new TextDecoder();
  const out: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length;) {
    const length = u32(png, at);
    const type = String.fromCharCode(...png.slice(at + 4, at + 8));
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== u32(png, at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const keyEnd = data.indexOf(0);
      let p = keyEnd + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      out[String.fromCharCode(...data.subarray(0, keyEnd))] = decoder.decode(data.subarray(p));
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}
