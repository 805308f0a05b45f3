import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { LintOptions } from '../../server/src/core/options';
import { collectFiles } from '../../server/src/files/walk';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import { WorkspaceIndex } from '../../server/src/lsp/workspace-index';

const ACKS = 'producer/acks-all-without-min-isr';
const BROKER = 'broker.id=1\nlisteners=PLAINTEXT://kafka-1:9092\nmin.insync.replicas=1\nlog.dirs=/var/lib/kafka\ndefault.replication.factor=3\n';
const PRODUCER = 'bootstrap.servers=kafka-1:9092\nacks=all\n';

/**
 * The server's workspace model on a real folder tree (no server): one file is one file of the model however
 * it is reached (symbolic links, a link cycle, two workspace folders), and a deleted folder takes its files.
 */
describe('workspace index: real paths and deleted folders', () => {
  let root = '';
  beforeEach(() => {
    // The real path: on some systems the temporary folder is itself reached through a link.
    root = realpathSync(mkdtempSync(join(tmpdir(), 'kafka-lint-index-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const put = (name: string, content: string): string => {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  const folder = (name: string): WorkspaceFolder => ({ uri: pathToFileURL(join(root, name)).href, name });

  function indexOf(folders: WorkspaceFolder[], optionsFor: (uri: string) => LintOptions = () => DEFAULT_OPTIONS) {
    const changed: string[][] = [];
    const index = new WorkspaceIndex({ folders: () => folders, optionsFor: async (uri) => optionsFor(uri), log: () => undefined, changed: (paths) => changed.push([...paths]) });
    return { index, changed };
  }
  const crossOf = (index: WorkspaceIndex, path: string) => index.allFiles().find((f) => f.path === path)?.crossFindings.filter((f) => f.ruleId === ACKS) ?? [];
  const cache = new AnalysisCache(async () => DEFAULT_OPTIONS, () => undefined);
  const openDoc = (path: string, text: string) => cache.get(TextDocument.create(pathToFileURL(path).href, 'properties', 1, text));

  it('the folder walk reaches a file through a linked folder once and does not loop on a link cycle', () => {
    const broker = put('ws/real/server.properties', BROKER);
    put('ws/app/producer.properties', PRODUCER);
    symlinkSync('real', join(root, 'ws/cfg'), 'dir');
    symlinkSync('..', join(root, 'ws/real/loop'), 'dir');
    const walked = collectFiles([join(root, 'ws')]).files.map((f) => realpathSync(f.absolute));
    assert.deepEqual(walked.sort(), [join(root, 'ws/app/producer.properties'), broker].sort());
  });

  it('a file reached through a linked folder and directly is one file: the open document replaces the disk copy', async () => {
    const broker = put('ws/real/server.properties', BROKER);
    const producer = put('ws/app/producer.properties', PRODUCER);
    // `cfg` sorts before `real`: the walk reaches the broker first through the link.
    symlinkSync('real', join(root, 'ws/cfg'), 'dir');
    symlinkSync('..', join(root, 'ws/real/loop'), 'dir');
    const { index } = indexOf([folder('ws')]);
    await index.scan();
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer, broker].sort());
    assert.equal(crossOf(index, producer).length, 1);
    // The broker opened by its own path, then through the link: still one broker, one file each time.
    index.update(await openDoc(broker, BROKER));
    assert.equal(index.size, 2);
    index.update(await openDoc(join(root, 'ws/cfg/server.properties'), BROKER.replace('min.insync.replicas=1', 'min.insync.replicas=2')));
    assert.equal(index.size, 2);
    assert.deepEqual(crossOf(index, producer), [], 'the linked copy edited to min ISR 2 is the broker');
    // A change on disk reported for the other path reads the same file.
    await index.watched([{ uri: pathToFileURL(join(root, 'ws/real/server.properties')).href, deleted: false }]);
    assert.equal(index.size, 2);
  });

  it('two workspace folders reaching the same file (one through a link) hold it once', async () => {
    const broker = put('a/config/server.properties', BROKER);
    const producer = put('a/app/producer.properties', PRODUCER);
    mkdirSync(join(root, 'b'));
    symlinkSync(join(root, 'a/config'), join(root, 'b/shared'), 'dir');
    const { index } = indexOf([folder('a'), folder('b')]);
    await index.scan();
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer, broker].sort());
    const [finding] = crossOf(index, producer);
    assert.ok(finding, 'one broker with min ISR 1');
    assert.match(finding.message, /a\/config\/server\.properties sets min\.insync\.replicas=1/);
  });

  it('a deleted folder (one Deleted event for the folder, none per file) takes its files out of the model', async () => {
    put('ws/config/kafka/server.properties', BROKER);
    const producer = put('ws/app/producer.properties', PRODUCER);
    const { index, changed } = indexOf([folder('ws')]);
    await index.scan();
    assert.equal(crossOf(index, producer).length, 1);
    rmSync(join(root, 'ws/config'), { recursive: true, force: true });
    await index.watched([{ uri: pathToFileURL(join(root, 'ws/config')).href, deleted: true }]);
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer]);
    assert.deepEqual(crossOf(index, producer), []);
    assert.deepEqual(changed.at(-1), [producer], 'the producer is re-published');
  });

  it('per-file Deleted events by the thousand (a clean build, some clients) take out exactly the files named, in the order of the events', async () => {
    put('ws/config/server.properties', BROKER);
    const producer = put('ws/app/producer.properties', PRODUCER);
    put('ws/app/consumer.properties', 'bootstrap.servers=kafka-1:9092\ngroup.id=g\nenable.auto.commit=false\n');
    const { index } = indexOf([folder('ws')]);
    await index.scan();
    assert.equal(index.size, 3);
    const noise = Array.from({ length: 5000 }, (_v, i) => ({ uri: pathToFileURL(join(root, `ws/target/classes/C${i}.class`)).href, deleted: true }));
    // The broker file deleted and written again within the batch: the creation comes after the deletion.
    rmSync(join(root, 'ws/app/consumer.properties'));
    await index.watched([
      ...noise.slice(0, 2500),
      { uri: pathToFileURL(join(root, 'ws/config/server.properties')).href, deleted: true },
      { uri: pathToFileURL(join(root, 'ws/app/consumer.properties')).href, deleted: true },
      { uri: pathToFileURL(join(root, 'ws/config/server.properties')).href, deleted: false },
      ...noise.slice(2500),
    ]);
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer, join(root, 'ws/config/server.properties')]);
    assert.equal(crossOf(index, producer).length, 1, 'the broker re-read after its deletion still decides the producer');
    // Deleted a second time, with nothing after it: gone.
    await index.watched([...noise, { uri: pathToFileURL(join(root, 'ws/config/server.properties')).href, deleted: true }]);
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer]);
    assert.deepEqual(crossOf(index, producer), []);
  });

  it('a folder renamed (Deleted for the old folder, Created for the new, no per-file events) keeps its files under the new path', async () => {
    put('ws/config/server.properties', BROKER);
    const producer = put('ws/app/producer.properties', PRODUCER);
    const { index } = indexOf([folder('ws')]);
    await index.scan();
    renameSync(join(root, 'ws/config'), join(root, 'ws/kafka'));
    await index.watched([
      { uri: pathToFileURL(join(root, 'ws/config')).href, deleted: true },
      { uri: pathToFileURL(join(root, 'ws/kafka')).href, deleted: false },
    ]);
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer, join(root, 'ws/kafka/server.properties')]);
    const [finding] = crossOf(index, producer);
    assert.match(finding?.message ?? '', /kafka\/server\.properties sets min\.insync\.replicas=1/);
    // A folder created under node_modules is not read (the walk skips it).
    put('ws/node_modules/pkg/server.properties', BROKER);
    await index.watched([{ uri: pathToFileURL(join(root, 'ws/node_modules/pkg')).href, deleted: false }]);
    assert.equal(index.size, 2);
  });

  it('an open document reached through a link is named by the real path found on its first edit, found again after a watched-file event', async () => {
    const first = put('ws/one/producer.properties', PRODUCER);
    const second = put('ws/two/producer.properties', PRODUCER);
    symlinkSync('one', join(root, 'ws/app'), 'dir');
    const { index } = indexOf([folder('ws')]);
    await index.scan();
    const uri = pathToFileURL(join(root, 'ws/app/producer.properties')).href;
    const edit = async (version: number) => index.update(await cache.get(TextDocument.create(uri, 'properties', version, PRODUCER)));
    /** The file the model holds the open document's text for. */
    const holder = () => index.allFiles().find((f) => f.uri === uri)?.path;
    const uriOf = (path: string) => index.allFiles().find((f) => f.path === path)?.uri;
    await edit(1);
    assert.equal(holder(), first);
    assert.equal(uriOf(second), pathToFileURL(second).href);
    // The link now points elsewhere: until the client says so, the document keeps its real path (no file
    // system call per keystroke); the watched-file event makes the next edit look again.
    rmSync(join(root, 'ws/app'));
    symlinkSync('two', join(root, 'ws/app'), 'dir');
    await edit(2);
    assert.equal(uriOf(second), pathToFileURL(second).href);
    await index.watched([{ uri: pathToFileURL(join(root, 'ws/app')).href, deleted: false }]);
    await edit(3);
    assert.equal(uriOf(second), uri);
    cache.forget(uri);
  });

  it('rehearse (the warm-up replaying an update) leaves the model as it was', async () => {
    const producer = put('ws/app/producer.properties', PRODUCER);
    const { index, changed } = indexOf([folder('ws')]);
    await index.scan();
    const before = JSON.stringify(index.allFiles());
    const uri = pathToFileURL(producer).href;
    const revision = index.revisionOf(uri);
    index.rehearse(await cache.get(TextDocument.create(`kafka-lint-warm-up:${producer}`, 'properties', 1, `${PRODUCER}\nacks=0\n`)));
    index.rehearse(await cache.get(TextDocument.create(uri, 'properties', 7, 'acks=1\n')));
    assert.equal(JSON.stringify(index.allFiles()), before);
    assert.equal(index.revisionOf(uri), revision);
    assert.deepEqual(changed, []);
    cache.forget(uri);
  });

  it('a deleted link to a folder takes the files reached only through it, and keeps those still reached directly', async () => {
    const outside = put('outside/server.properties', BROKER);
    const broker = put('ws/real/server.properties', BROKER.replace('kafka-1', 'kafka-2'));
    const producer = put('ws/app/producer.properties', PRODUCER);
    symlinkSync(join(root, 'outside'), join(root, 'ws/ext'), 'dir');
    symlinkSync('real', join(root, 'ws/cfg'), 'dir');
    const { index } = indexOf([folder('ws')]);
    await index.scan();
    assert.deepEqual(index.allFiles().map((f) => f.path), [outside, producer, broker].sort());
    rmSync(join(root, 'ws/ext'));
    rmSync(join(root, 'ws/cfg'));
    await index.watched([
      { uri: pathToFileURL(join(root, 'ws/ext')).href, deleted: true },
      { uri: pathToFileURL(join(root, 'ws/cfg')).href, deleted: true },
    ]);
    assert.deepEqual(index.allFiles().map((f) => f.path), [producer, broker].sort());
    assert.deepEqual(crossOf(index, producer), []);
  });
});
