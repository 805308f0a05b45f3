import { msg } from '../core/i18n/index';
import type { Message } from '../core/i18n/index';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Files larger than this are skipped with a note: no Kafka config or client file is anywhere near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** `note` is a catalogue message: the caller formats it in the user's language. */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly note: Message };

/**
 * Reads a file as UTF-8 text for linting. Binary files (a NUL byte in the first 8 KiB), files that cannot
 * be read and oversized files give a note instead of text, so one bad file never stops the run.
 * A leading byte-order mark is dropped, as editors do, so that columns match what the editor shows.
 */
export function readTextFile(absolute: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (err) {
    return { ok: false, note: msg('files.cannotRead', { reason: describe(err) }) };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { ok: false, note: msg('files.tooLarge', { size: MAX_FILE_BYTES / (1024 * 1024) }) };
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, note: msg('files.binary') };
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch (err) {
    return { ok: false, note: msg('files.cannotRead', { reason: describe(err) }) };
  } finally {
    closeSync(fd);
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.code ?? (err instanceof Error ? err.message : String(err));
}
