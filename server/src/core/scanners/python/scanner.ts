import type { AnalyzedDocument, CodeFact, ConfigGroup } from '../../model';
import type { Scanner } from '../types';
import type { Node, Tree } from '../common/tree-sitter';
import { parseDocument } from '../common/tree-sitter';
import { namedChildren, walkTree } from '../common/syntax';
import type { Addition, DictSource, PyGroup } from './config';
import { buildPythonGroup } from './config';
import { aiokafkaSendFact, commitBeforeProcessingFact, droppedFutureFact, enclosingScope, neverFlushedFact, produceWithoutCallbackFact, zeroTimeoutCloseFact } from './facts';
import { PySymbolTable, targetName } from './symbols';
import { swallowedErrorFact } from './swallowed-errors';

/**
 * The Python scanner: confluent-kafka (librdkafka), kafka-python and aiokafka client code → config groups and
 * code facts. A file counts only when it imports one of the three libraries, and a call counts only when its
 * receiver is a client the file made or typed.
 */

/** Dict literals assigned to names, and what was added to them afterwards, for following `Producer(conf)`. */
class Dicts implements DictSource {
  private readonly assigned = new Map<string, Node[]>();
  private readonly added = new Map<string, { at: number; addition: Addition }[]>();

  collect(node: Node): void {
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return;
      const name = targetName(left);
      if (name && right.type === 'dictionary') push(this.assigned, name, right);
      if (left.type === 'subscript') {
        const target = left.childForFieldName('value');
        const key = left.childForFieldName('subscript');
        const statement = node.parent;
        const tname = target ? targetName(target) : undefined;
        if (tname && key && statement) push(this.added, tname, { at: node.startIndex, addition: { kind: 'subscript', key, value: right, statement } });
      }
    } else if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'update') return;
      const object = fn.childForFieldName('object');
      const name = object ? targetName(object) : undefined;
      const args = node.childForFieldName('arguments');
      const arg = args ? namedChildren(args)[0] : undefined;
      if (!name) return;
      // `conf.update(other)` with anything but a literal makes the config unknowable from here.
      const addition: Addition = arg?.type === 'dictionary' ? { kind: 'update', dict: arg } : { kind: 'unknown' };
      push(this.added, name, { at: node.startIndex, addition });
    }
  }

  dictAt(name: string, before: number): Node | undefined {
    let best: Node | undefined;
    for (const d of this.assigned.get(name) ?? []) if (d.endIndex <= before) best = d;
    return best;
  }

  additions(name: string, from: number, to: number): readonly Addition[] {
    return (this.added.get(name) ?? []).filter((a) => a.at >= from && a.at < to).map((a) => a.addition);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The node types the collecting walk looks at (imports, bindings, calls). */
const VISITED: ReadonlySet<string> = new Set(['import_statement', 'import_from_statement', 'assignment', 'typed_parameter', 'typed_default_parameter', 'with_item', 'call']);

/** Scans one Python document. Never throws on half-typed code: what tree-sitter could not parse is skipped. */
async function scanPython(path: string, text: string): Promise<AnalyzedDocument> {
  const empty: AnalyzedDocument = { path, text, kind: 'python', isKafka: false, groups: [], facts: [], problems: [], commentPrefix: '#' };
  // Cheap gate: a file that never names one of the libraries cannot import it.
  if (!/\bkafka\b|confluent_kafka|\baiokafka\b/.test(text)) return empty;
  const tree = await parseDocument('python', path, text);
  try {
    return analyzePython(path, text, tree, empty);
  } catch {
    // A scanner bug on unusual input must not take the editor's other diagnostics down: report nothing.
    return empty;
  }
}

/** Reads a parsed Python tree into the model (synchronous: the grammar is loaded by now). */
function analyzePython(path: string, text: string, tree: Tree, empty: AnalyzedDocument): AnalyzedDocument {
  const symbols = new PySymbolTable();
  const dicts = new Dicts();
  const calls: Node[] = [];
  walkTree(tree, VISITED, (node) => {
    symbols.collect(node);
    dicts.collect(node);
    if (node.type === 'call') calls.push(node);
  });
  if (!symbols.importsKafka) return empty;
  symbols.settle();

  const groups: ConfigGroup[] = [];
  const bySite = new Map<number, PyGroup>();
  for (const call of calls) {
    const sym = symbols.resolve(call);
    if (!sym || (sym.t !== 'producer' && sym.t !== 'consumer') || sym.site?.id !== call.id) continue;
    const built = buildPythonGroup(text, groups.length, { call, lib: sym.lib, role: sym.t }, dicts);
    bySite.set(call.id, built);
    groups.push(built.group);
  }

  const ctx = {
    isConsumer: (node: Node): boolean => symbols.resolve(node)?.t === 'consumer',
  };
  const facts: CodeFact[] = [];
  // Per producer made in this file: does it produce(), and where is it flushed or closed?
  const produced = new Set<number>();
  const flushes = new Map<string, Node[]>();
  // confluent-kafka's commit_transaction() flushes first and raises if any queued record failed.
  const commits = new Map<string, Node[]>();
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    const method = callee?.childForFieldName('attribute')?.text;
    const sym = object ? symbols.resolve(object) : undefined;
    if (sym?.t !== 'producer' || !sym.site) continue;
    if (method === 'produce') produced.add(sym.site.id);
    const librdkafka = sym.lib === 'librdkafka';
    if (method === 'flush' || (librdkafka && (method === 'close' || method === 'commit_transaction'))) push(flushes, String(sym.site.id), call);
    if (librdkafka && method === 'commit_transaction') push(commits, String(sym.site.id), call);
  }
  // `with Producer(conf) as p:`: confluent-kafka's Producer.__exit__ flushes and closes it.
  for (const call of calls) {
    const item = call.parent?.type === 'as_pattern' ? call.parent.parent : call.parent;
    if (item?.type === 'with_item' && bySite.get(call.id)?.group.library === 'librdkafka') push(flushes, String(call.id), call);
  }
  /** A produce() in the function that commits the producer's transaction: a failed record fails the commit. */
  const inCommittedTransaction = (call: Node, site: number): boolean => {
    const scope = enclosingScope(call);
    return (commits.get(String(site)) ?? []).some((c) => c.startIndex > call.startIndex && scope !== undefined && enclosingScope(c)?.equals(scope));
  };
  for (const call of calls) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const object = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text;
    const sym = object ? symbols.resolve(object) : undefined;
    if (!sym || !method) continue;
    let fact: CodeFact | undefined;
    if (sym.t === 'producer' && sym.lib === 'kafka-python' && method === 'send') {
      fact = droppedFutureFact(call, callee);
    } else if (sym.t === 'producer' && sym.lib === 'aiokafka' && (method === 'send' || method === 'send_and_wait')) {
      fact = aiokafkaSendFact(call, callee, method);
    } else if (sym.t === 'producer' && sym.lib === 'librdkafka' && method === 'produce') {
      // Only when the producer's whole configuration is known: a config from elsewhere may register on_delivery.
      const config = sym.site ? bySite.get(sym.site.id) : undefined;
      if (config && config.complete && !config.hasDeliveryCallback && !(sym.site && inCommittedTransaction(call, sym.site.id))) fact = produceWithoutCallbackFact(call, callee);
    } else if (sym.t === 'producer' && sym.lib === 'kafka-python' && method === 'close') {
      fact = zeroTimeoutCloseFact(call, callee, text, sym.site ? flushes.get(String(sym.site.id)) ?? [] : []);
    } else if (sym.t === 'consumer' && (method === 'commit' || method === 'store_offsets' && sym.lib === 'librdkafka')) {
      fact = commitBeforeProcessingFact(call, callee, sym.lib, text, ctx);
    }
    if (fact) facts.push(fact);
    if (sym.t === 'consumer' && method === 'commit') {
      const swallowed = swallowedErrorFact(call, sym.lib, ctx);
      if (swallowed) facts.push(swallowed);
    }
  }
  for (const call of calls) {
    const built = bySite.get(call.id);
    if (built && built.group.library === 'librdkafka' && produced.has(call.id) && !flushes.has(String(call.id))) {
      facts.push(neverFlushedFact(call.childForFieldName('function') ?? call));
    }
  }
  facts.sort((a, b) => a.range.start - b.range.start);
  return { path, text, kind: 'python', isKafka: true, groups, facts, problems: [], commentPrefix: '#' };
}

/** Scanner for `.py` files. */
export const pythonScanner: Scanner = { scan: scanPython };
