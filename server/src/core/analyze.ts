import type { AnalyzedDocument, DocumentKind, DotEnvFile, ProjectVersions } from './model';
import { withProjectVersions } from './project/build-files';
import { SCANNERS } from './scanners/index';
import { analyzeProperties } from './properties/analyze-properties';
import { analyzeSpringProperties } from './spring/analyze-spring-properties';
import { analyzeSpringYaml } from './spring/analyze-spring-yaml';
import { analyzeCompose } from './compose/analyze-compose';
export { dotEnvPathOf } from './compose/dotenv';
import { analyzeConnectJson } from './connect/analyze-connect-json';
import { analyzeStrimzi, isStrimziText } from './strimzi/analyze-strimzi';
import { analyzeMarkdown } from './markdown/analyze-markdown';

/**
 * Entry point from text to model: picks the reader by file name and language id.
 * Config files are read synchronously; client code goes through the async scanners (tree-sitter grammars
 * load on first use).
 */

/**
 * What a file name says about a document, in order: the first pattern matching the lower-cased base name
 * decides. Add a kind here (and, if editors send an id for it, in {@link KIND_BY_LANGUAGE_ID}).
 */
const KIND_BY_NAME: readonly (readonly [RegExp, DocumentKind])[] = [
  [/^(application|bootstrap)([-.][^/]*)?\.properties$/, 'spring-properties'],
  [/\.properties$/, 'properties'],
  // `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yaml`, `compose-dev.yml` (not `composer.yml`).
  [/^(docker-)?compose([-._][^/]*)?\.ya?ml$/, 'compose'],
  [/\.ya?ml$/, 'spring-yaml'],
  // Kafka Connect connector configurations; the reader tells them from every other JSON file by content.
  [/\.json$/, 'connect-json'],
  [/\.java$/, 'java'],
  [/\.(ts|tsx|mts|cts)$/, 'typescript'],
  [/\.(js|jsx|mjs|cjs)$/, 'javascript'],
  [/\.py$/, 'python'],
  [/\.go$/, 'go'],
  // Read only when the user opts in (`kafkaLint.markdown`, `--markdown`): lint and the folder walk check.
  [/\.(md|markdown)$/, 'markdown'],
];

/**
 * The language ids real editors send, for documents whose name says nothing (untitled buffers, files
 * without a known extension): VS Code's ids (and Spring Boot Tools' `spring-boot-properties*`), Neovim's
 * filetypes (`jproperties`), Helix's language names (`properties` since 25.07; before, `.properties` files
 * were `ini`, which the name decides anyway), and Emacs eglot's ids: the major mode without `-mode` (eglot
 * 1.9, Debian's `elpa-eglot`) or without `-ts-mode` (Emacs 30). Eglot before Emacs 30 sends one id per
 * server, whatever the buffer: another reason the file name decides first.
 */
const KIND_BY_LANGUAGE_ID: Readonly<Record<string, DocumentKind>> = {
  'kafka-properties': 'properties',
  properties: 'properties',
  jproperties: 'properties',
  'java-properties': 'properties', // some VS Code extensions' id for Java properties
  'conf-javaprop': 'properties',
  'spring-boot-properties': 'spring-properties',
  yaml: 'spring-yaml',
  'yaml-ts': 'spring-yaml',
  'spring-boot-properties-yaml': 'spring-yaml',
  // VS Code's Docker Compose id, Neovim's compound filetype, Helix's language name.
  dockercompose: 'compose',
  json: 'connect-json',
  'yaml.docker-compose': 'compose',
  'docker-compose': 'compose',
  java: 'java',
  'java-ts': 'java',
  typescript: 'typescript',
  typescriptreact: 'typescript',
  'typescript-ts': 'typescript',
  tsx: 'typescript',
  'tsx-ts': 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  jsx: 'javascript',
  js: 'javascript',
  'js-ts': 'javascript',
  js2: 'javascript',
  rjsx: 'javascript',
  python: 'python',
  'python-ts': 'python',
  go: 'go',
  'go-ts': 'go',
  markdown: 'markdown',
  'markdown-ts': 'markdown',
  gfm: 'markdown',
};

/**
 * THE decision of how a document is read, for the server, the CLI and the tests alike. The path decides
 * first: `producer.properties`, `application-dev.yml`, `Main.java`… are what their name says whatever id the
 * editor sends (Neovim sends `jproperties`, or `""` when filetype detection is off; eglot may send the id of
 * another buffer's mode). Only when the name says nothing (an `untitled:` URI, no or an unknown extension)
 * does the editor's language id decide; an id nobody maps gives `unknown` (not read). With the text, a YAML
 * file holding Strimzi resources is `strimzi` ({@link refineYaml}).
 */
export function documentKind(path: string, languageId?: string, text?: string): DocumentKind {
  const name = path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  for (const [pattern, kind] of KIND_BY_NAME) if (pattern.test(name)) return refineYaml(kind, text);
  const id = languageId?.trim().toLowerCase();
  return refineYaml((id && Object.hasOwn(KIND_BY_LANGUAGE_ID, id) && KIND_BY_LANGUAGE_ID[id]) || 'unknown', text);
}

/**
 * A YAML file's name cannot tell a Spring `application.yml` from Kubernetes resources (`kafka.yaml`,
 * `topics.yml`): when the text is given and declares a Strimzi resource (`apiVersion: kafka.strimzi.io/…`), it is
 * read as Strimzi. Compose files are told by their name alone.
 */
function refineYaml(kind: DocumentKind, text: string | undefined): DocumentKind {
  return kind === 'spring-yaml' && text !== undefined && isStrimziText(text) ? 'strimzi' : kind;
}

/** An empty, non-Kafka document (nothing to report). */
export function emptyDocument(path: string, text: string, kind: DocumentKind = 'unknown'): AnalyzedDocument {
  return { path, text, kind, isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
}

/**
 * What a file is read with besides its own text, which the caller (the CLI, the server) reads from disk:
 * for a docker-compose file, the `.env` file beside it (compose/dotenv.ts; see {@link dotEnvPathOf}); for a
 * client's file, the library versions its project's build files pin.
 */
export interface AnalysisInputs {
  readonly dotEnv?: DotEnvFile;
  /** The client library versions the file's project pins (core/project/build-files.ts). */
  readonly project?: ProjectVersions;
}

/**
 * Reads any supported file into the model. Config files are delegated to {@link analyzeConfig}; client
 * code to the scanner registered for its kind. Never throws on bad input: unreadable text gives a
 * non-Kafka document (no findings).
 */
export async function analyze(path: string, text: string, languageId?: string, inputs?: AnalysisInputs): Promise<AnalyzedDocument> {
  const read = await analyzeText(path, text, languageId, inputs);
  return inputs?.project ? withProjectVersions(read, inputs.project) : read;
}

async function analyzeText(path: string, text: string, languageId: string | undefined, inputs: AnalysisInputs | undefined): Promise<AnalyzedDocument> {
  const kind = documentKind(path, languageId);
  if (kind === 'markdown') return analyzeMarkdown(path, text, (blockPath, blockText) => analyze(blockPath, blockText));
  const load = SCANNERS[kind];
  if (load) {
    scannerUsed = true;
    try {
      const scanner = await load();
      return await scanner.scan(path, text);
    } catch {
      // A scanner that cannot read a file (e.g. nesting too deep to parse safely) reports nothing on it.
      return emptyDocument(path, text, kind);
    }
  }
  return readConfig(path, text, languageId, inputs);
}

/**
 * Synchronous reader for config files: Kafka `.properties`, Spring Boot `application*.properties` and
 * `application*.yml`, docker-compose files, Kafka Connect JSON connector configurations. Never throws: a reader failure on hostile input gives a non-Kafka document.
 */
export function analyzeConfig(path: string, text: string, languageId?: string, inputs?: AnalysisInputs): AnalyzedDocument {
  const read = readConfig(path, text, languageId, inputs);
  return inputs?.project ? withProjectVersions(read, inputs.project) : read;
}

function readConfig(path: string, text: string, languageId: string | undefined, inputs: AnalysisInputs | undefined): AnalyzedDocument {
  const kind = documentKind(path, languageId, text);
  try {
    if (kind === 'properties') return analyzeProperties(path, text, kind);
    if (kind === 'spring-properties') return analyzeSpringProperties(path, text, kind);
    if (kind === 'spring-yaml') return analyzeSpringYaml(path, text, kind);
    if (kind === 'compose') return analyzeCompose(path, text, kind, undefined, inputs?.dotEnv);
    if (kind === 'strimzi') return analyzeStrimzi(path, text, kind);
    if (kind === 'connect-json') return analyzeConnectJson(path, text, kind);
    return emptyDocument(path, text, kind);
  } catch {
    return emptyDocument(path, text, kind);
  }
}

/**
 * Releases what the scanners keep for a document between edits (its syntax tree, kept so that the next
 * edit re-parses incrementally). Call when the editor closes the document.
 */
export function releaseDocument(path: string): void {
  // Only a scanner ever parsed with tree-sitter; a config-only session never loads it for this.
  if (scannerUsed) void import('./scanners/common/tree-sitter').then((m) => {
    m.forgetDocument(path);
    // A Markdown file's blocks are parsed under `<path>#<n><ext>` (core/markdown/analyze-markdown.ts).
    m.forgetDocumentsUnder(`${path}#`);
  });
}

/**
 * Readies a client-code document for its next edit (see primeDocument in scanners/common/tree-sitter.ts):
 * the editor calls it once, in idle time, after the first analysis of an open file. Resolves to true when
 * the document had a syntax tree to prime.
 */
export async function primeDocument(path: string, kind: DocumentKind): Promise<boolean> {
  if (!scannerUsed || !SCANNERS[kind]) return false;
  const m = await import('./scanners/common/tree-sitter');
  return m.primeDocument(path);
}

let scannerUsed = false;
