// Bytes to text. Spreadsheets save CSV in many encodings; we accept UTF-8 (with or without BOM)
// and UTF-16 with a BOM (Excel's "Unicode Text"), and refuse anything else with a hint on how
// to save the file again, rather than guessing and importing mangled names.
import type { ImportError } from './types.js';

export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: ImportError } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = lineOfFirstInvalidUtf8(bytes);
    return {
      ok: false,
      error: {
        line,
        message: {
          id: `Berkas bukan teks UTF-8 (baris ${line}), mungkin disimpan sebagai Windows-1252/ANSI. Di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)", lalu unggah lagi.`,
          en: `The file is not UTF-8 text (line ${line}), perhaps saved as Windows-1252/ANSI. In Excel use Save As → "CSV UTF-8 (Comma delimited)" and upload it again.`,
        },
      },
    };
  }
}

function decodeWith(
  encoding: 'utf-16le' | 'utf-16be',
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: ImportError } {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      error: {
        line: null,
        message: {
          id: `Berkas UTF-16 ini rusak atau tidak bisa dibaca. Simpan sebagai "CSV UTF-8 (dipisahkan koma)", lalu unggah lagi.`,
          en: `This UTF-16 file is damaged or cannot be read. Save it as "CSV UTF-8 (Comma delimited)" and upload it again.`,
        },
      },
    };
  }
}

/** The 1-based line of the first byte that breaks UTF-8. */
export function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line++;
    let len: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return line;
    if (i + len > bytes.length) return line;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return line;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return line;
    i += len;
  }
  return line;
}
