import type { AnalyzedDocument } from '../model';

/**
 * Code in Markdown (opt-in: `kafkaLint.markdown`, CLI `--markdown`, `.kafkalint.json` `"markdown": true`):
 * each fenced code block whose info string names a language Kafka Lint reads is read by that language's
 * reader, on a copy of the `.md` text in which everything outside the block is blanked to spaces (line
 * breaks kept). Offsets into the copy are offsets into the `.md`, so findings sit on the right line and
 * column, fixes edit inside the block only, and suppression comments are read inside the block only.
 * The `.md` document lists every block's groups and facts; lint judges each block on its own
 * ({@link AnalyzedDocument.parts}).
 */

/** A fenced code block's content: where it lies in the `.md`, and the file extension its language reads as. */
export interface FencedBlock {
  readonly start: number;
  readonly end: number;
  readonly extension: string;
}

/** Info-string languages (lower-cased first word) → the extension whose reader reads the block. */
const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = {
  go: '.go',
  golang: '.go',
  java: '.java',
  python: '.py',
  py: '.py',
  python3: '.py',
  js: '.js',
  javascript: '.js',
  jsx: '.js',
  mjs: '.js',
  cjs: '.js',
  node: '.js',
  ts: '.ts',
  typescript: '.ts',
  tsx: '.ts',
  properties: '.properties',
  'java-properties': '.properties',
  yaml: '.yml',
  yml: '.yml',
};

/**
 * The fenced code blocks of a CommonMark text (``` or ~~~, at most three spaces of indentation, closed by
 * a fence of the same character at least as long, or by the end of the text) whose language is read.
 */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lineRe = /[^\n]*(\n|$)/g;
  let open: { char: string; length: number; extension: string | undefined; contentStart: number } | undefined;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null && m[0].length > 0) {
    const lineStart = m.index;
    const line = m[0].replace(/\r?\n$/, '');
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open) {
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        const language = fence[2].trim().split(/[\s{,]/)[0].toLowerCase();
        open = { char: fence[1][0], length: fence[1].length, extension: EXTENSION_BY_LANGUAGE[language], contentStart: lineStart + m[0].length };
      }
    } else if (fence && fence[1][0] === open.char && fence[1].length >= open.length && fence[2].trim() === '') {
      if (open.extension) blocks.push({ start: open.contentStart, end: lineStart, extension: open.extension });
      open = undefined;
    }
  }
  if (open?.extension && open.contentStart < text.length) blocks.push({ start: open.contentStart, end: text.length, extension: open.extension });
  return blocks;
}

/** The `.md` text with everything outside `[start, end)` turned into spaces, line breaks kept. */
export function blankOutside(text: string, start: number, end: number): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** The path a block is read under: the `.md` path with the block's number and its language's extension. */
export function blockPath(path: string, index: number, extension: string): string {
  return `${path}#${index + 1}${extension}`;
}

/**
 * Reads a Markdown file: each read block through `read` (the reader of its extension), joined into one
 * document of kind `markdown` whose `parts` are the blocks' documents.
 */
export async function analyzeMarkdown(
  path: string,
  text: string,
  read: (path: string, text: string) => Promise<AnalyzedDocument>,
): Promise<AnalyzedDocument> {
  const parts: AnalyzedDocument[] = [];
  const blocks = fencedBlocks(text);
  for (const [i, block] of blocks.entries()) {
    const part = await read(blockPath(path, i, block.extension), blankOutside(text, block.start, block.end));
    if (part.isKafka) parts.push(part);
  }
  return {
    path,
    text,
    kind: 'markdown',
    isKafka: parts.length > 0,
    groups: parts.flatMap((p) => p.groups),
    facts: parts.flatMap((p) => p.facts),
    problems: parts.flatMap((p) => p.problems),
    commentPrefix: '',
    parts,
  };
}
