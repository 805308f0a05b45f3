import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { analyze, analyzeConfig, releaseDocument } from '../core/analyze';
import type { AnalysisInputs } from '../core/analyze';
import { AnalysisInputFiles } from '../files/inputs';
import { isBuildFileName } from '../core/project/build-files';
import { extractDeployment } from '../core/deployment/extract';
import type { DeploymentFile } from '../core/deployment/extract';
import { combineFindings, lintDeploymentPerFile } from '../core/deployment/lint';
import { buildDeployment } from '../core/deployment/model';
import type { Locale } from '../core/i18n/index';
import type { AnalyzedDocument, Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { DEFAULT_OPTIONS } from '../core/options';
import { lint } from '../core/lint';
import { ClusterSizeIndex, withClusterSizes } from '../core/strimzi/cluster-size';
import type { ComposePairing } from '../core/compose/pairs';
import { composePairs, withComposePartner } from '../core/compose/pairs';
import { readTextFile } from '../files/read';
import { projectOf } from '../files/projects';
import { canonicalPath, collectFiles, isLintedName, SKIPPED_FOLDERS } from '../files/walk';
import type { Analysis } from './analysis-cache';
import { describe } from './analysis-cache';
import { uriToPath } from './convert';

/** What the index needs of the server. */
export interface WorkspaceHost {
  folders(): readonly WorkspaceFolder[];
  /** The options of a folder's files (by the folder's URI). */
  optionsFor(uri: string): Promise<LintOptions>;
  log(message: string): void;
  /**
   * The cross-file findings of these files (file system paths) changed: the server re-publishes (push) or
   * asks for a refresh (pull) of the open ones.
   */
  changed(paths: readonly string[]): void;
  /** What files are read with besides their text (a compose file's `.env`, the project's library versions); by default the index's own. */
  readonly inputFiles?: AnalysisInputFiles;
}

/** What the progress of the first read reports to, when the client shows progress (`window/workDoneProgress`). */
export interface ScanProgress {
  /** `locale`: the language of the folder's settings, for the progress texts. */
  begin(total: number, locale: Locale): void;
  report(done: number, total: number, locale: Locale): void;
  done(): void;
}

/** One file of the workspace as the deployment model has it. */
interface IndexedFile {
  /** The real path (symbolic links resolved): the key of the model, one file however many paths reach it. */
  readonly path: string;
  /** The path the file was reached by (the folder walk's, or the open document's): its label and URI. */
  readonly reached: string;
  readonly uri: string;
  readonly extract: DeploymentFile;
  /** JSON of the extract: an edit that changes nothing the model reads (a comment, retention.ms) links nothing anew. */
  readonly key: string;
  /** The open document's version the extract was taken from; undefined when read from disk. */
  readonly version?: number;
  /** Size and time of the file on disk when read from there. */
  readonly stamp?: string;
  /** Digest of the text read from disk: a fix's positions hold only while the file still has that text. */
  readonly digest?: string;
  /** A docker-compose file's text: its extract is taken again merged with the other file of its pair (see {@link WorkspaceIndex.remerge}). */
  readonly composeText?: string;
  /** What the file was read with besides its text (files/inputs.ts: a compose file's `.env`, the project's versions). */
  readonly inputs?: AnalysisInputs;
  /** The JSON of the other file's services the extract was merged with; undefined while it is the file's own. */
  readonly mergedWith?: string;
}

/** All analysed files of the workspace with their findings, for the report (`report` helper's webview). */
export interface WorkspaceFileFindings {
  readonly path: string;
  readonly uri: string;
  /** The path inside the workspace folder, as messages name the file. */
  readonly label: string;
  /** The cross-file findings shown in the file (ranges are spans of the text the extract was read from). */
  readonly crossFindings: readonly Finding[];
}

/**
 * The server's workspace model (#8): every file of the workspace folders that the CLI's folder walk would
 * lint (`files/walk.ts`, same names, same skipped folders), reduced to its deployment extract, joined into one
 * deployment model, and the cross-file findings of each file.
 *
 * Files not open are read from disk in the background, one at a time with the event loop free in between, so
 * the open file's first diagnostics never wait for a big workspace; open documents replace their disk copy
 * (the editor's text wins) and watched-file changes re-read the others. After every change the model is
 * relinked (a pure, synchronous pass over the extracts) and the files whose cross-file findings changed are
 * handed to {@link WorkspaceHost.changed}: both files of a pair follow an edit of either.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly open = new Set<string>();
  /** Per file, the JSON of its cross-file findings at the last relink. */
  private revisions = new Map<string, string>();
  /** Per file, the relink generation that last changed its cross-file findings. */
  private readonly changedAt = new Map<string, number>();
  private byFile: ReadonlyMap<string, readonly Finding[]> = new Map();
  /** The Strimzi cluster sizes of every file (node pools in one file, their Kafka in another) at the last relink, and which files' counts changed at each. */
  private readonly clusterSizes = new ClusterSizeIndex();
  /** The compose files Compose merges with another (core/compose/pairs.ts) at the last relink, and the JSON of the other's services. */
  private pairs: ReadonlyMap<string, ComposePairing> = new Map();
  private pairKeys: ReadonlyMap<string, string> = new Map();
  /** The first folder's options: of files in no folder (and the progress texts). */
  private options: LintOptions = DEFAULT_OPTIONS;
  /** Each folder's roots (its path, and real path) and options, innermost folders first. */
  private folderOptions: { roots: string[]; options: LintOptions }[] = [];
  private dirty = false;
  private scanning: Promise<void> | undefined;
  private generation = 0;
  /** Combined analyses, by URI: the same pair (analysis, relink generation) gives the same object. */
  private readonly combined = new Map<string, { base: Analysis; generation: number; analysis: Analysis }>();
  /**
   * The real path of each open document's URI, found on its first update: a keystroke would otherwise ask
   * the file system three times (update, combine, the report's result id). Dropped when the document is
   * closed, and all of it on any watched-file event (a link or a folder may have been replaced).
   */
  private readonly realOfOpen = new Map<string, string>();
  /** Files whose own findings changed with no change the relink sees (a compose file's `.env`): told at the next relink. */
  private readonly touched = new Set<string>();

  constructor(private readonly host: WorkspaceHost) {
    this.inputFiles = host.inputFiles ?? new AnalysisInputFiles();
  }

  private readonly inputFiles: AnalysisInputFiles;

  /** What a file is read with besides its text (files/inputs.ts). */
  inputsOf(path: string): AnalysisInputs | undefined {
    return this.inputFiles.inputsOf(path);
  }

  /** True once the first read of the folders has finished (tests and the bench wait for it). */
  ready = false;

  /**
   * Reads every file of the folders from disk (except open ones) in the background and links them; on a
   * later call (folders or settings changed) reads again what changed. Resolves when done.
   */
  scan(progress?: ScanProgress): Promise<void> {
    const run = (this.scanning ?? Promise.resolve()).then(() => this.readFolders(progress));
    this.scanning = run.catch((err: unknown) => this.host.log(`Kafka Lint: reading the workspace failed: ${describe(err)}`));
    return this.scanning;
  }

  private async readFolders(progress: ScanProgress | undefined): Promise<void> {
    const folders = this.host.folders().filter((f) => f.uri.startsWith('file:'));
    await this.readOptions(folders);
    // By real path: a file reached through a linked folder and directly, or from two folders, is one file.
    const found = new Map<string, string>();
    for (const folder of folders) {
      for (const file of collectFiles([uriToPath(folder.uri)]).files) {
        const path = canonicalPath(file.absolute);
        if (!found.has(path)) found.set(path, file.absolute);
      }
    }
    const { locale } = this.options;
    progress?.begin(found.size, locale);
    let done = 0;
    for (const [path, reached] of found) {
      if (!this.open.has(path)) await this.readFromDisk(path, reached);
      done++;
      if (done % 50 === 0) progress?.report(done, found.size, locale);
      // One file at a time, letting keystrokes and the open file's diagnostics through in between.
      await new Promise<void>((r) => setImmediate(r));
    }
    for (const path of [...this.files.keys()]) {
      if (!found.has(path) && !this.open.has(path)) {
        this.files.delete(path);
        this.dirty = true;
      }
    }
    progress?.done();
    this.ready = true;
    this.relink();
  }

  /**
   * Reads, analyses and extracts one file from disk (unless unchanged since last time); frees its syntax tree.
   * `path` is the real path; `reached`, the path it was found by (else the one known, else the real path).
   */
  private async readFromDisk(path: string, reached?: string): Promise<void> {
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      if (this.files.delete(path)) this.dirty = true;
      return;
    }
    const known = this.files.get(path);
    const shown = reached ?? known?.reached ?? path;
    if (known?.stamp === stamp && known.reached === shown) return;
    const read = readTextFile(path);
    if (!read.ok) {
      if (this.files.delete(path)) this.dirty = true;
      return;
    }
    try {
      const inputs = this.inputsOf(path);
      const document = await analyze(path, read.text, undefined, inputs);
      // A document opened meanwhile keeps the editor's text.
      if (this.open.has(path)) return;
      const uri = known && known.reached === shown ? known.uri : pathToFileURL(shown).href;
      this.put({ path, reached: shown, uri, extract: this.extractOf(document, path, shown), stamp, digest: digestOf(read.text), ...composeTextOf(document), ...(inputs ? { inputs } : {}) });
    } catch (err) {
      this.host.log(`Kafka Lint: could not analyze ${path} for the workspace model: ${describe(err)}`);
    } finally {
      releaseDocument(path);
    }
  }

  private extractOf(document: Parameters<typeof extractDeployment>[0], path: string, reached: string): DeploymentFile {
    const extract = extractDeployment(document, path);
    return { ...extract, label: this.labelOf(reached) ?? this.labelOf(path) ?? basename(reached), ...projectOf(path) };
  }

  private put(file: Omit<IndexedFile, 'key'>): void {
    const key = JSON.stringify(file.extract);
    const known = this.files.get(file.path);
    this.files.set(file.path, { ...file, key });
    if (known?.key !== key) this.dirty = true;
  }

  /**
   * What {@link WorkspaceIndex.update} computes from an analysis before it changes the model (the deployment
   * extract and its key), done and thrown away: the warm-up replays it (lsp/warm-up.ts) so that the first
   * keystroke in a file finds that code compiled.
   */
  rehearse(analysis: Analysis): void {
    const path = uriToPath(analysis.uri);
    JSON.stringify(this.extractOf(analysis.document, path, path));
  }

  /**
   * An open document's analysis: its extract replaces the disk copy, and the model is relinked at once when
   * it changed what the model reads (so that this document's cross-file findings are of this version).
   */
  update(analysis: Analysis): void {
    if (!analysis.uri.startsWith('file:')) return;
    const reached = uriToPath(analysis.uri);
    const path = this.realPathOf(analysis.uri);
    this.realOfOpen.set(analysis.uri, path);
    this.open.add(path);
    const known = this.files.get(path);
    if (known?.version === analysis.version && known.uri === analysis.uri && known.inputs === analysis.inputs) return;
    this.put({ path, reached, uri: analysis.uri, extract: this.extractOf(analysis.document, path, reached), version: analysis.version, ...composeTextOf(analysis.document), ...(analysis.inputs ? { inputs: analysis.inputs } : {}) });
    this.relink();
  }

  /** A document was closed: the file is what the disk holds again. */
  async closed(uri: string): Promise<void> {
    const reached = uriToPath(uri);
    const path = canonicalPath(reached);
    if (!this.open.delete(path)) return;
    const known = this.files.get(path);
    if (known) this.files.set(path, { ...known, version: undefined, stamp: undefined });
    if (this.inFolders(reached) || this.inFolders(path)) await this.readFromDisk(path);
    else if (this.files.delete(path)) this.dirty = true;
    this.relink();
  }

  /** Files created, changed or deleted on disk (`workspace/didChangeWatchedFiles`); open documents keep the editor's text. */
  async watched(changes: readonly { readonly uri: string; readonly deleted: boolean }[]): Promise<void> {
    // A link or folder may have been replaced: open documents' real paths are found again.
    this.realOfOpen.clear();
    const seen = new Set<string>();
    // Deletions in a row are taken out in one pass over the files (a clean build or `rm -rf node_modules`
    // can be tens of thousands of per-file events from some clients); a creation in between goes after them.
    let deletions: Deletion[] = [];
    const inputs: string[] = [];
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      // The same change from both watchers (the files' glob and the one for folders) is handled once.
      if (seen.has(`${change.deleted}:${change.uri}`)) continue;
      seen.add(`${change.deleted}:${change.uri}`);
      const reached = uriToPath(change.uri);
      const path = canonicalPath(reached);
      if (basename(reached) === DOT_ENV) {
        await this.dotEnvChanged(reached);
        continue;
      }
      // A build file (or a folder that held one): the versions of the files under it, after the other events.
      if (this.inputFiles.forget(reached)) {
        inputs.push(reached);
        if (isBuildFileName(basename(reached)) && !isLintedName(basename(reached))) continue;
      }
      if (this.open.has(path) || !(this.inFolders(reached) || this.inFolders(path))) continue;
      if (change.deleted) {
        deletions.push({ reached, path });
        continue;
      }
      if (deletions.length > 0) {
        await this.deleted(deletions);
        deletions = [];
      }
      if (isLintedName(basename(reached))) {
        if (!isWalked(reached, this.host.folders())) continue;
        // The client says it changed: read it again even if size and time look the same (coarse clocks).
        const known = this.files.get(path);
        if (known) this.files.set(path, { ...known, stamp: undefined });
        await this.readFromDisk(path, known ? undefined : reached);
      } else if (!SKIPPED_FOLDERS.has(basename(reached)) && isWalked(reached, this.host.folders()) && isFolder(reached)) {
        // A folder created or moved in is one event for the folder: read the files the walk finds in it.
        for (const file of collectFiles([reached]).files) {
          const real = canonicalPath(file.absolute);
          if (!this.open.has(real) && !this.files.has(real)) await this.readFromDisk(real, file.absolute);
        }
      }
    }
    if (deletions.length > 0) await this.deleted(deletions);
    for (const at of inputs) await this.buildFileChanged(at);
    this.relink();
  }

  /**
   * A `.env` file was created, changed or deleted (`at`: its path): the compose files beside it are read
   * with it (files/inputs.ts).
   */
  private async dotEnvChanged(at: string): Promise<void> {
    const folders = new Set([dirname(at), dirname(canonicalPath(at))]);
    await this.readAgain((file) => file.composeText !== undefined && (folders.has(dirname(file.path)) || folders.has(dirname(file.reached))));
  }

  /**
   * A build file was created, changed or deleted (`at`: its path), or a folder that held one: the files under
   * its folder (a version catalog, `gradle/libs.versions.toml`: under the project above its folder), or under
   * the folder, may take other library versions (files/inputs.ts).
   */
  private async buildFileChanged(at: string): Promise<void> {
    const name = basename(at);
    const folder = name === 'libs.versions.toml' ? dirname(dirname(at)) : isBuildFileName(name) ? dirname(at) : at;
    await this.readAgain((file) => (isInside(folder, file.reached) || isInside(folder, file.path)) && (file.inputs !== undefined || this.inputsOf(file.path) !== undefined));
  }

  /**
   * What the files that `matches` are read with changed: those not open are read again from disk; every one is
   * told changed at the next relink (an open one's analysis asks for its inputs anew, lsp/analysis-cache.ts).
   */
  private async readAgain(matches: (file: IndexedFile) => boolean): Promise<void> {
    for (const file of [...this.files.values()]) {
      if (!matches(file)) continue;
      this.touched.add(file.path);
      this.dirty = true;
      if (this.open.has(file.path)) continue;
      this.files.set(file.path, { ...file, stamp: undefined });
      await this.readFromDisk(file.path);
    }
  }

  /**
   * Files or folders were deleted (`reached`: the path of each event, `path`: its real path). A deleted
   * folder is one event, none per file: every file under it goes. A file reached only by a path through a
   * deleted link stays when its real path is still in a folder (read again by that path), else goes. Open
   * documents keep the editor's text. One pass over the files whatever the number of events: each file's
   * path and its folders are looked up in the deleted paths.
   */
  private async deleted(deletions: readonly Deletion[]): Promise<void> {
    const paths = new Set(deletions.map((d) => withoutTrailingSep(d.path)));
    const reached = new Set(deletions.map((d) => withoutTrailingSep(d.reached)));
    for (const file of [...this.files.values()]) {
      if (this.open.has(file.path)) continue;
      if (isUnderAny(paths, file.path)) {
        this.files.delete(file.path);
        this.dirty = true;
      } else if (isUnderAny(reached, file.reached)) {
        if (exists(file.path) && this.inFolders(file.path) && isWalked(file.path, this.host.folders())) {
          // Reached directly now: its label and URI become the real path's.
          await this.readFromDisk(file.path, file.path);
        } else {
          this.files.delete(file.path);
          this.dirty = true;
        }
      }
    }
  }

  private async readOptions(folders: readonly WorkspaceFolder[]): Promise<void> {
    // Folders with the same options share one options object: the cross-file pass runs once per object.
    const byKey = new Map<string, LintOptions>();
    const shared = (options: LintOptions): LintOptions => {
      const key = JSON.stringify(options);
      return byKey.get(key) ?? byKey.set(key, options).get(key)!;
    };
    const all = await Promise.all(folders.map(async (f) => ({ roots: rootsOf(f), options: await this.host.optionsFor(f.uri) })));
    for (const folder of all) folder.options = shared(folder.options);
    this.options = all[0]?.options ?? DEFAULT_OPTIONS;
    this.folderOptions = all.sort((a, b) => b.roots[0].length - a.roots[0].length);
  }

  /** The options of a file (by real path, or the path it was reached by): its innermost folder's. */
  private optionsOf(path: string): LintOptions {
    const reached = this.files.get(path)?.reached ?? path;
    const inside = (p: string) => this.folderOptions.find((f) => f.roots.some((root) => isInside(root, p)));
    return (inside(reached) ?? inside(path))?.options ?? this.options;
  }

  /** Settings changed: the options of the cross-file pass may have. */
  async settingsChanged(): Promise<void> {
    await this.readOptions(this.host.folders().filter((f) => f.uri.startsWith('file:')));
    this.dirty = true;
    this.relink();
  }

  /** Joins every extract into the deployment model and runs the cross-file rules; tells the host what changed. */
  relink(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.generation++;
    // The compose pairs of the files the model holds, once per relink.
    const pairs = composePairs(this.files.keys());
    this.remerge(pairs);
    const deployment = buildDeployment([...this.files.values()].map((f) => f.extract));
    // One model; each file's cross-file findings graded with its own folder's options (multi-root: each
    // folder's .kafkalint.json and settings). One pass per distinct options, usually one.
    const cross = lintDeploymentPerFile(deployment, [this.options, ...this.folderOptions.map((f) => f.options)], (path) => this.optionsOf(path));
    for (const failure of cross.failures) this.host.log(`Kafka Lint: ${failure}`);
    const revisions = new Map<string, string>();
    for (const [path, findings] of cross.byFile) revisions.set(path, JSON.stringify(findings));
    const changed: string[] = [];
    for (const path of new Set([...revisions.keys(), ...this.revisions.keys()])) if (revisions.get(path) !== this.revisions.get(path)) changed.push(path);
    // A Strimzi Kafka or KafkaTopic file whose cluster's node pools (in any file) changed: its own findings may.
    // Counted again only when some file's size facts changed (ClusterSizeIndex), not on every keystroke.
    for (const path of this.clusterSizes.update([...this.files.values()].map((f) => ({ file: f.path, groups: f.extract.groups })))) {
      if (!changed.includes(path)) changed.push(path);
    }
    // A compose file whose base or override changed what it says of its services: its own findings may change.
    for (const path of this.updatePairs(pairs)) if (!changed.includes(path)) changed.push(path);
    // And one whose `.env` file changed.
    for (const path of this.touched) if (!changed.includes(path)) changed.push(path);
    this.touched.clear();
    for (const path of changed) this.changedAt.set(path, this.generation);
    this.revisions = revisions;
    this.byFile = cross.byFile;
    if (changed.length > 0) this.host.changed(changed.sort());
  }

  /**
   * Takes again, merged with the other file of its pair, the extract of each compose file whose pair or
   * partner's services changed, so that the model links clients to the settings the broker runs with (the
   * base's value of a variable the override sets again is not one). A file's own services do not depend on
   * the merge, so one pass suffices.
   */
  private remerge(pairs: ReadonlyMap<string, ComposePairing>): void {
    for (const file of [...this.files.values()]) {
      if (file.composeText === undefined) continue;
      const pairing = pairs.get(file.path);
      const services = pairing ? this.files.get(pairing.partner)?.extract.compose : undefined;
      const mergedWith = pairing && services ? JSON.stringify(services) : undefined;
      if (mergedWith === file.mergedWith) continue;
      try {
        const own = analyzeConfig(file.path, file.composeText, undefined, file.inputs);
        const document = pairing && services ? withComposePartner(own, pairing, services) : own;
        const extract = this.extractOf(document, file.path, file.reached);
        this.files.set(file.path, { ...file, extract, key: JSON.stringify(extract), mergedWith });
      } catch (err) {
        this.host.log(`Kafka Lint: could not merge ${file.path} with its compose pair: ${describe(err)}`);
      }
    }
  }

  /** Pairs the model's compose files again; returns the files whose partner's services changed (or that were paired or unpaired). */
  private updatePairs(pairs: ReadonlyMap<string, ComposePairing>): string[] {
    const keys = new Map<string, string>();
    for (const [path, pairing] of pairs) keys.set(path, JSON.stringify(this.files.get(pairing.partner)?.extract.compose ?? null));
    const changed = [...new Set([...keys.keys(), ...this.pairKeys.keys()])].filter((path) => keys.get(path) !== this.pairKeys.get(path));
    this.pairs = pairs;
    this.pairKeys = keys;
    return changed;
  }

  /** A revision of a file's cross-file findings (the relink that last changed them): part of a pull report's result id. */
  revisionOf(uri: string): number {
    return this.changedAt.get(this.realPathOf(uri)) ?? 0;
  }

  /** An open document's real path as {@link update} found it, else asked of the file system now. */
  private realPathOf(uri: string): string {
    return this.realOfOpen.get(uri) ?? canonicalPath(uriToPath(uri));
  }

  /**
   * The analysis of an open document with its cross-file findings added (see `combineFindings`), and the
   * means to name other files' URIs and versions for related locations and fixes. Call {@link update} first.
   */
  combine(analysis: Analysis): Analysis {
    const path = this.realPathOf(analysis.uri);
    const cross = this.byFile.get(path);
    const known = this.combined.get(analysis.uri);
    if (known && known.base === analysis && known.generation === this.generation) return known.analysis;
    const file = this.files.get(path);
    const own = this.paired(this.sized(analysis, path), path);
    // Cross-file findings are spans of the text the extract was read from: only that version may show them.
    const usable = cross && cross.length > 0 && file?.version === analysis.version;
    const workspace: Analysis['workspace'] = {
      uriOf: (p) => this.files.get(p)?.uri ?? pathToFileURL(p).href,
      versionOf: (p) => (this.open.has(p) ? (this.files.get(p)?.version ?? null) : null),
      isCurrent: (p) => this.isCurrent(p),
    };
    // Findings linted with node pools of other files point at them (related locations): they need the URIs too.
    const combined: Analysis = usable ? { ...own, findings: combineFindings(own.findings, cross), workspace } : own === analysis ? own : { ...own, workspace };
    this.combined.set(analysis.uri, { base: analysis, generation: this.generation, analysis: combined });
    return combined;
  }

  /**
   * An analysis linted again when its Strimzi clusters' broker counts over every file (node pools in other
   * files) differ from what the file says alone; else the analysis itself.
   */
  private sized(analysis: Analysis, path: string): Analysis {
    const document = withClusterSizes(analysis.document, path, this.clusterSizes.sizes);
    if (document === analysis.document) return analysis;
    try {
      return { ...analysis, findings: lint(document, analysis.options) };
    } catch (err) {
      this.host.log(`Kafka Lint: could not lint ${analysis.uri}: ${describe(err)}`);
      return analysis;
    }
  }

  /**
   * An analysis read again as Compose merges it with the other file of its base/override pair, and linted
   * again; else the analysis itself.
   */
  private paired(analysis: Analysis, path: string): Analysis {
    const pairing = this.pairs.get(path);
    if (!pairing) return analysis;
    const document = withComposePartner(analysis.document, pairing, this.files.get(pairing.partner)?.extract.compose);
    if (document === analysis.document) return analysis;
    try {
      return { ...analysis, document, findings: lint(document, analysis.options) };
    } catch (err) {
      this.host.log(`Kafka Lint: could not lint ${analysis.uri}: ${describe(err)}`);
      return analysis;
    }
  }

  /**
   * A document of a file that is not open (the workspace report reads it from disk), as its diagnostics would
   * judge it: with the Strimzi cluster sizes of every file ({@link sized}) and merged with the other file of
   * its compose pair ({@link paired}).
   */
  inWorkspace(document: AnalyzedDocument, path: string): AnalyzedDocument {
    const real = canonicalPath(path);
    const sized = withClusterSizes(document, real, this.clusterSizes.sizes);
    const pairing = this.pairs.get(real);
    return pairing ? withComposePartner(sized, pairing, this.files.get(pairing.partner)?.extract.compose) : sized;
  }

  /** The relink generation that last changed what {@link inWorkspace} or the cross-file findings give a file (by path). */
  revisionOfPath(path: string): number {
    return this.changedAt.get(canonicalPath(path)) ?? 0;
  }

  /**
   * True when the positions the model holds for a file are those of its current text: an open document (its
   * edits carry the version), or a file whose disk text is still the one last read. A file changed on disk
   * without a watched-file event (before the event comes, or in a client without watchers) is read again in
   * the background, and its dependents re-published; meanwhile its fixes are not offered.
   */
  isCurrent(path: string): boolean {
    if (this.open.has(path)) return true;
    const known = this.files.get(path);
    if (!known?.digest) return false;
    const read = readTextFile(path);
    if (read.ok && digestOf(read.text) === known.digest) return true;
    this.files.set(path, { ...known, stamp: undefined });
    void this.readFromDisk(path)
      .then(() => this.relink())
      .catch((err: unknown) => this.host.log(`Kafka Lint: could not re-read ${path}: ${describe(err)}`));
    return false;
  }

  /** Forgets what was combined for a closed document. */
  forget(uri: string): void {
    this.combined.delete(uri);
    this.realOfOpen.delete(uri);
  }

  /** Every analysed file of the workspace with its cross-file findings, in path order (for the workspace report). */
  allFiles(): WorkspaceFileFindings[] {
    return [...this.files.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, uri: f.uri, label: f.extract.label ?? f.path, crossFindings: this.byFile.get(f.path) ?? [] }));
  }

  /** How many files the model holds. */
  get size(): number {
    return this.files.size;
  }

  private inFolders(path: string): boolean {
    return this.host.folders().some((f) => f.uri.startsWith('file:') && rootsOf(f).some((root) => isInside(root, path)));
  }

  /** The path inside the workspace folder (with the folder's name first when there are several), if inside one. */
  private labelOf(path: string): string | undefined {
    const folders = this.host.folders().filter((f) => f.uri.startsWith('file:'));
    for (const folder of folders) {
      for (const root of rootsOf(folder)) {
        if (!isInside(root, path)) continue;
        const shown = relative(root, path).split(sep).join('/');
        return folders.length > 1 ? `${folder.name}/${shown}` : shown;
      }
    }
    return undefined;
  }
}

/** What {@link IndexedFile} keeps of a compose document's text. */
/** The name of the file Docker Compose reads variables from (core/compose/dotenv.ts). */
const DOT_ENV = '.env';

function composeTextOf(document: AnalyzedDocument): { composeText?: string } {
  return document.kind === 'compose' ? { composeText: document.text } : {};
}

function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A workspace folder's path, and its real path when that differs (a folder opened through a link). */
function rootsOf(folder: WorkspaceFolder): string[] {
  const root = uriToPath(folder.uri);
  const real = canonicalPath(root);
  return real === root ? [root] : [root, real];
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A deleted file or folder: the path of the event, and its real path. */
interface Deletion {
  readonly reached: string;
  readonly path: string;
}

/** True when `path` or one of its folders is in `roots` (paths without a trailing separator, but the root). */
function isUnderAny(roots: ReadonlySet<string>, path: string): boolean {
  for (let at = path; ; ) {
    if (roots.has(at)) return true;
    const up = dirname(at);
    if (up === at) return false;
    at = up;
  }
}

/** `/a/b/` as `/a/b` (as `dirname` spells folders), `/` and `C:\` as they are. */
function withoutTrailingSep(path: string): string {
  return path.length > 1 && path.endsWith(sep) && dirname(path) !== path ? path.slice(0, -1) : path;
}

/** True when `path` is inside the folder `root` (not the folder itself). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

/** True when the folder walk would reach the file: no skipped folder (node_modules, .git) on the way. */
export function isWalked(path: string, folders: readonly WorkspaceFolder[]): boolean {
  for (const folder of folders) {
    for (const root of rootsOf(folder)) {
      if (!isInside(root, path)) continue;
      const parts = relative(root, path).split(sep);
      parts.pop();
      if (!parts.some((p) => SKIPPED_FOLDERS.has(p))) return true;
    }
  }
  return false;
}
