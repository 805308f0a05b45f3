import { BindingTable } from '../common/binding-table';
import type { Node } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';
import { callArguments, stringValue, unwrap } from './syntax';

/**
 * What a JS/TS expression is, as far as Kafka is concerned: the kafkajs module, a `Kafka` client, a
 * producer made by `kafka.producer()`, a consumer, … Values are followed through imports, `require`,
 * destructuring, variables, `this.x` fields and type annotations within one file. Anything else resolves
 * to undefined, so a `send()` on a mail transport or a socket is never taken for a Kafka send.
 */

/** The client flavours the JS/TS scanner knows. `librdkafka` is the node-rdkafka style API of confluent-js. */
export type JsLibrary = 'kafkajs' | 'confluent-js' | 'librdkafka';

export type Sym =
  | { readonly t: 'module'; readonly pkg: 'kafkajs' | 'confluent' }
  /** `require('@confluentinc/kafka-javascript').KafkaJS` */
  | { readonly t: 'kafkajs-namespace' }
  | { readonly t: 'kafka-class'; readonly lib: 'kafkajs' | 'confluent-js' }
  /** node-rdkafka style classes: `Producer`, `HighLevelProducer`, `KafkaConsumer`. */
  | { readonly t: 'rdkafka-class'; readonly role: 'producer' | 'consumer' }
  /** A type name imported from a Kafka package, used in annotations. */
  | { readonly t: 'type'; readonly of: 'kafka' | 'producer' | 'consumer' | 'transaction'; readonly lib: JsLibrary }
  /** A `Kafka` client; `site` is the `new Kafka({...})` that made it, when this file did. */
  | { readonly t: 'kafka'; readonly lib: 'kafkajs' | 'confluent-js'; readonly site?: Node }
  /** `client` is the `new Kafka({...})` of the client that made the producer, when this file made both. */
  | { readonly t: 'producer'; readonly lib: JsLibrary; readonly site?: Node; readonly client?: Node }
  | { readonly t: 'consumer'; readonly lib: JsLibrary; readonly site?: Node }
  | { readonly t: 'transaction'; readonly lib: JsLibrary };

/** The package a module specifier names, if it is a Kafka client. */
export function kafkaPackage(specifier: string): 'kafkajs' | 'confluent' | undefined {
  if (specifier === 'kafkajs') return 'kafkajs';
  if (specifier === '@confluentinc/kafka-javascript' || specifier === 'node-rdkafka') return 'confluent';
  return undefined;
}

/** A property of a resolved value: `kafkajs.Kafka`, `KafkaJS.Kafka`, `Kafka.Producer`. */
export function memberOf(sym: Sym, prop: string): Sym | undefined {
  if (sym.t === 'module' && sym.pkg === 'kafkajs') {
    if (prop === 'Kafka') return { t: 'kafka-class', lib: 'kafkajs' };
    if (prop === 'Producer') return { t: 'type', of: 'producer', lib: 'kafkajs' };
    if (prop === 'Consumer') return { t: 'type', of: 'consumer', lib: 'kafkajs' };
    if (prop === 'Transaction') return { t: 'type', of: 'transaction', lib: 'kafkajs' };
    return undefined;
  }
  if (sym.t === 'module') {
    if (prop === 'KafkaJS') return { t: 'kafkajs-namespace' };
    if (prop === 'Producer' || prop === 'HighLevelProducer') return { t: 'rdkafka-class', role: 'producer' };
    if (prop === 'KafkaConsumer') return { t: 'rdkafka-class', role: 'consumer' };
    return undefined;
  }
  if (sym.t === 'kafkajs-namespace') {
    if (prop === 'Kafka') return { t: 'kafka-class', lib: 'confluent-js' };
    if (prop === 'Producer') return { t: 'type', of: 'producer', lib: 'confluent-js' };
    if (prop === 'Consumer') return { t: 'type', of: 'consumer', lib: 'confluent-js' };
    if (prop === 'Transaction') return { t: 'type', of: 'transaction', lib: 'confluent-js' };
  }
  return undefined;
}

/** One place a name gets its value: `const x = …`, `this.x = …`, an import, a typed parameter or field. */
interface Binding {
  readonly name: string;
  /** The value expression, or the import's module for an import binding. */
  readonly value?: Node;
  /** For destructuring and named imports: the property taken from `value`. */
  readonly prop?: string;
  readonly type?: Node;
  /** An import: `value` is the module specifier string. */
  readonly isImport?: boolean;
  /** A parameter: its value comes from the caller, unlike a field's declared type. */
  readonly isParameter?: boolean;
}

/**
 * Names bound to Kafka values in one file, resolved to a fixed point (declaration order does not matter).
 * `importsKafka` turns true once an import, `require()` or `import()` of a Kafka package has been seen.
 */
export class SymbolTable extends BindingTable<Sym, Binding> {
  /** Records the bindings a node introduces; called for every node of the tree. */
  collect(node: Node): void {
    switch (node.type) {
      case 'import_statement':
        this.collectImport(node);
        break;
      case 'call_expression': {
        const callee = node.childForFieldName('function');
        if (callee && (callee.type === 'import' || callee.type === 'identifier' && callee.text === 'require')) {
          const spec = callArguments(node)[0];
          if (spec && kafkaPackage(stringValue(spec) ?? '')) this.importsKafka = true;
        }
        break;
      }
      case 'variable_declarator': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value') ?? undefined;
        const type = node.childForFieldName('type') ?? undefined;
        if (name?.type === 'identifier') this.bindings.push({ name: name.text, value, type });
        else if (name?.type === 'object_pattern' && value) this.collectPattern(name, value);
        break;
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const name = left ? targetName(left) : undefined;
        if (name && right) this.bindings.push({ name, value: right });
        else if (left?.type === 'object_pattern' && right) this.collectPattern(left, right);
        break;
      }
      case 'public_field_definition':
      case 'field_definition': {
        const name = node.childForFieldName('name') ?? node.childForFieldName('property');
        if (name) this.bindings.push({ name: `this.${name.text}`, value: node.childForFieldName('value') ?? undefined, type: node.childForFieldName('type') ?? undefined });
        break;
      }
      case 'required_parameter':
      case 'optional_parameter': {
        const pattern = node.childForFieldName('pattern');
        const type = node.childForFieldName('type') ?? undefined;
        if (pattern?.type !== 'identifier' || !type) break;
        this.bindings.push({ name: pattern.text, type, isParameter: true });
        // `constructor(private producer: Producer)` also declares `this.producer`.
        if (node.children.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'readonly')) this.bindings.push({ name: `this.${pattern.text}`, type, isParameter: true });
        break;
      }
    }
  }

  private collectImport(node: Node): void {
    const source = node.childForFieldName('source');
    const spec = source ? stringValue(source) : undefined;
    if (!source || !spec || !kafkaPackage(spec)) return;
    this.importsKafka = true;
    const clause = namedChildren(node).find((c) => c.type === 'import_clause');
    if (!clause) return;
    for (const part of namedChildren(clause)) {
      if (part.type === 'identifier' || part.type === 'namespace_import') {
        const id = part.type === 'identifier' ? part : namedChildren(part).find((c) => c.type === 'identifier');
        if (id) this.bindings.push({ name: id.text, value: source, isImport: true });
      } else if (part.type === 'named_imports') {
        for (const s of namedChildren(part)) {
          if (s.type !== 'import_specifier') continue;
          const imported = s.childForFieldName('name');
          const alias = s.childForFieldName('alias') ?? imported;
          if (imported && alias) this.bindings.push({ name: alias.text, value: source, prop: stringValue(imported) ?? imported.text, isImport: true });
        }
      }
    }
  }

  private collectPattern(pattern: Node, value: Node): void {
    for (const p of namedChildren(pattern)) {
      if (p.type === 'shorthand_property_identifier_pattern') this.bindings.push({ name: p.text, value, prop: p.text });
      else if (p.type === 'pair_pattern') {
        const key = p.childForFieldName('key');
        const target = p.childForFieldName('value');
        if (key && target?.type === 'identifier') this.bindings.push({ name: target.text, value, prop: stringValue(key) ?? key.text });
      }
    }
  }

  /**
   * A name that is also bound to an instance of some other class (`const client = new SmtpClient()` in
   * another function) is ambiguous without scopes: it is dropped, so that no call on it is taken for Kafka.
   */
  protected contradicts(b: Binding): boolean {
    if (b.isImport) return false;
    const value = b.value ? unwrap(b.value) : undefined;
    const foreignNew = value?.type === 'new_expression' && !this.resolve(value);
    const typeNode = b.type?.type === 'type_annotation' ? b.type.namedChildren.find((c) => c !== null) : b.type;
    const foreignType = !b.value && typeNode && (typeNode.type === 'type_identifier' || typeNode.type === 'nested_type_identifier' || typeNode.type === 'generic_type') && !this.resolveType(b.type as Node);
    return !!(foreignNew || foreignType);
  }

  /**
   * A client keeps its `site` (the constructor whose options rules read) only when that is the one value the
   * name is ever given. A declared type is no value: with `private producer: Kafka.Producer;` the producer
   * is the `new Kafka.Producer({...})` assigned in the constructor. Another client, a parameter, or (for a
   * name declared with a Kafka type, so whatever it is given is a client) a value this file cannot follow
   * may carry options not seen here: the name is still that client, with unknown options. In untyped code an
   * unknown value may be no client at all, so it is left out, as before.
   */
  protected override refine(name: string, sym: Sym): Sym {
    if (sym.t !== 'producer' && sym.t !== 'consumer') return sym;
    const own = this.bindings.filter((b) => b.name === name);
    const declared = own.some((b) => b.type && this.resolveType(b.type));
    let sole: Extract<Sym, { t: 'producer' | 'consumer' }> | undefined;
    for (const b of own) {
      const value = b.value ? unwrap(b.value) : undefined;
      // `private producer: Kafka.Producer | null = null`, `this.producer = undefined` after a disconnect.
      if (value && (value.type === 'null' || value.text === 'undefined')) continue;
      if (!value && !b.isParameter) continue;
      const v = this.valueOf(b);
      if (!v && !declared) continue;
      if ((v?.t !== 'producer' && v?.t !== 'consumer') || v.t !== sym.t || !v.site || (sole && sole.site?.id !== v.site.id)) return { t: sym.t, lib: sym.lib };
      sole = v;
    }
    return sole ?? sym;
  }

  protected valueOf(b: Binding): Sym | undefined {
    let sym: Sym | undefined;
    if (b.isImport && b.value) {
      const pkg = kafkaPackage(stringValue(b.value) ?? '');
      sym = pkg ? { t: 'module', pkg } : undefined;
    } else if (b.value) {
      sym = this.resolve(b.value);
    }
    if (sym && b.prop !== undefined) sym = memberOf(sym, b.prop);
    if (!sym && b.type) sym = this.resolveType(b.type);
    return sym;
  }

  protected compute(node: Node): Sym | undefined {
    const n = unwrap(node);
    switch (n.type) {
      case 'identifier':
        return this.lookup(n.text);
      case 'member_expression': {
        const object = n.childForFieldName('object');
        const prop = n.childForFieldName('property')?.text;
        if (!object || !prop) return undefined;
        if (object.type === 'this') return this.lookup(`this.${prop}`);
        const base = this.resolve(object);
        return base ? memberOf(base, prop) : undefined;
      }
      case 'await_expression': {
        const inner = n.namedChildren.find((c) => c !== null);
        return inner ? this.resolve(inner) : undefined;
      }
      case 'new_expression': {
        const ctor = n.childForFieldName('constructor');
        const cls = ctor ? this.resolve(ctor) : undefined;
        if (cls?.t === 'kafka-class') return { t: 'kafka', lib: cls.lib, site: n };
        if (cls?.t === 'rdkafka-class') return { t: cls.role, lib: 'librdkafka', site: n };
        return undefined;
      }
      case 'call_expression':
        return this.computeCall(n);
      default:
        return undefined;
    }
  }

  private computeCall(n: Node): Sym | undefined {
    const callee = n.childForFieldName('function');
    if (!callee) return undefined;
    if (callee.type === 'identifier' && callee.text === 'require' || callee.type === 'import') {
      const spec = callArguments(n)[0];
      const pkg = spec ? kafkaPackage(stringValue(spec) ?? '') : undefined;
      return pkg ? { t: 'module', pkg } : undefined;
    }
    if (callee.type !== 'member_expression') return undefined;
    const object = callee.childForFieldName('object');
    const prop = callee.childForFieldName('property')?.text;
    const base = object ? this.resolve(object) : undefined;
    if (!base || !prop) return undefined;
    if (base.t === 'kafka' && prop === 'producer') return { t: prop, lib: base.lib, site: n, client: base.site };
    if (base.t === 'kafka' && prop === 'consumer') return { t: prop, lib: base.lib, site: n };
    if (base.t === 'producer' && prop === 'transaction') return { t: 'transaction', lib: base.lib };
    if (base.t === 'rdkafka-class' && base.role === 'producer' && prop === 'createWriteStream') return { t: 'producer', lib: 'librdkafka', site: n };
    if (base.t === 'rdkafka-class' && base.role === 'consumer' && prop === 'createReadStream') return { t: 'consumer', lib: 'librdkafka', site: n };
    return undefined;
  }

  /** The value a type annotation promises: `Producer`, `KafkaJS.Consumer`, `Producer | undefined`. */
  resolveType(node: Node): Sym | undefined {
    const t = node.type === 'type_annotation' ? node.namedChildren.find((c) => c !== null) : node;
    if (!t) return undefined;
    let sym: Sym | undefined;
    if (t.type === 'type_identifier') sym = this.lookup(t.text);
    else if (t.type === 'nested_type_identifier') {
      const parts = t.text.split('.').map((p) => p.trim());
      sym = this.lookup(parts[0]);
      for (const p of parts.slice(1)) sym = sym ? memberOf(sym, p) : undefined;
    } else if (t.type === 'union_type' || t.type === 'parenthesized_type') {
      for (const c of namedChildren(t)) {
        sym = this.resolveType(c);
        if (sym) break;
      }
      return sym;
    }
    if (sym?.t === 'type') return sym.of === 'kafka' ? { t: 'kafka', lib: sym.lib === 'kafkajs' ? 'kafkajs' : 'confluent-js' } : { t: sym.of, lib: sym.lib };
    if (sym?.t === 'kafka-class') return { t: 'kafka', lib: sym.lib };
    // node-rdkafka's classes are their instances' types too: `private producer: Kafka.Producer`.
    if (sym?.t === 'rdkafka-class') return { t: sym.role, lib: 'librdkafka' };
    return undefined;
  }
}

/** The name an assignment target binds: `x` or `this.x`. */
function targetName(left: Node): string | undefined {
  const n = unwrap(left);
  if (n.type === 'identifier') return n.text;
  if (n.type === 'member_expression' && n.childForFieldName('object')?.type === 'this') {
    const prop = n.childForFieldName('property');
    return prop ? `this.${prop.text}` : undefined;
  }
  return undefined;
}
