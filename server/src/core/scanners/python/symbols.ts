import { BindingTable } from '../common/binding-table';
import type { Node } from '../common/tree-sitter';
import { namedChildren } from '../common/syntax';

/**
 * What a Python expression is, as far as Kafka is concerned: a Kafka module, a client class, or a
 * producer/consumer instance made in this file (with the call that made it). Values are followed through
 * imports (with aliases and `*`), assignments to names and `self.x`, and type hints, within one file.
 */

export type PyLibrary = 'librdkafka' | 'kafka-python' | 'aiokafka';

export type PySym =
  | { readonly t: 'module'; readonly lib: PyLibrary }
  | { readonly t: 'class'; readonly lib: PyLibrary; readonly role: 'producer' | 'consumer' }
  | { readonly t: 'producer' | 'consumer'; readonly lib: PyLibrary; readonly site?: Node };

/** The Kafka library a module path belongs to: `confluent_kafka`, `confluent_kafka.avro`, `kafka`, `kafka.producer`, `aiokafka`. */
export function kafkaModule(path: string): PyLibrary | undefined {
  const root = path.split('.')[0];
  if (root === 'confluent_kafka') return 'librdkafka';
  if (root === 'kafka') return 'kafka-python';
  if (root === 'aiokafka') return 'aiokafka';
  return undefined;
}

const CLASSES: Readonly<Record<PyLibrary, Readonly<Record<string, 'producer' | 'consumer'>>>> = {
  librdkafka: {
    Producer: 'producer',
    SerializingProducer: 'producer',
    AvroProducer: 'producer',
    Consumer: 'consumer',
    DeserializingConsumer: 'consumer',
    AvroConsumer: 'consumer',
  },
  'kafka-python': { KafkaProducer: 'producer', KafkaConsumer: 'consumer' },
  // aiokafka/__init__.py exports both; `aiokafka.producer` and `aiokafka.consumer` re-export them.
  aiokafka: { AIOKafkaProducer: 'producer', AIOKafkaConsumer: 'consumer' },
};

/** A client class exported by a Kafka module, or the module itself for a sub-module (`confluent_kafka.avro`). */
function memberOf(sym: PySym, name: string): PySym | undefined {
  if (sym.t !== 'module') return undefined;
  const role = CLASSES[sym.lib][name];
  if (role) return { t: 'class', lib: sym.lib, role };
  // `confluent_kafka.avro.AvroProducer`, `kafka.producer.KafkaProducer`: sub-modules re-export the classes.
  if (/^[a-z_]+$/.test(name)) return sym;
  return undefined;
}

interface Binding {
  readonly name: string;
  readonly value?: Node;
  readonly type?: Node;
  /** Already known (imports). */
  readonly sym?: PySym;
  /** A typed parameter: its value comes from the caller, unlike a class-level annotation's. */
  readonly isParameter?: boolean;
}

/**
 * Names bound to Kafka values in one Python file, resolved to a fixed point. `importsKafka` turns true once
 * an import of a Kafka library has been seen.
 */
export class PySymbolTable extends BindingTable<PySym, Binding> {
  /** Records the bindings a node introduces; called for every node of the tree. */
  collect(node: Node): void {
    switch (node.type) {
      case 'import_statement':
        for (const part of namedChildren(node)) {
          const dotted = part.type === 'aliased_import' ? part.childForFieldName('name') : part;
          const alias = part.type === 'aliased_import' ? part.childForFieldName('alias') : undefined;
          if (!dotted || dotted.type !== 'dotted_name') continue;
          const lib = kafkaModule(dotted.text);
          if (!lib) continue;
          this.importsKafka = true;
          // `import kafka.producer` binds `kafka`; `import confluent_kafka as ck` binds `ck`.
          this.bindings.push({ name: alias ? alias.text : dotted.text.split('.')[0], sym: { t: 'module', lib } });
        }
        break;
      case 'import_from_statement': {
        const module = node.childForFieldName('module_name');
        const lib = module ? kafkaModule(module.text) : undefined;
        if (!lib) break;
        this.importsKafka = true;
        if (namedChildren(node).some((c) => c.type === 'wildcard_import')) {
          for (const [name, role] of Object.entries(CLASSES[lib])) this.bindings.push({ name, sym: { t: 'class', lib, role } });
        }
        for (const part of node.childrenForFieldName('name')) {
          if (!part) continue;
          const dotted = part.type === 'aliased_import' ? part.childForFieldName('name') : part;
          const alias = part.type === 'aliased_import' ? part.childForFieldName('alias') : dotted;
          if (!dotted || !alias || dotted.type !== 'dotted_name') continue;
          const sym = memberOf({ t: 'module', lib }, dotted.text);
          if (sym) this.bindings.push({ name: alias.text, sym });
        }
        break;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        const name = left ? targetName(left) : undefined;
        const value = node.childForFieldName('right') ?? undefined;
        const type = node.childForFieldName('type') ?? undefined;
        if (name) this.bindings.push({ name, value, type });
        // A class-level annotation or default (`producer: KafkaProducer`) describes `self.producer` too.
        if (left?.type === 'identifier' && node.parent?.parent?.parent?.type === 'class_definition') this.bindings.push({ name: `self.${left.text}`, value, type });
        break;
      }
      case 'typed_parameter':
      case 'typed_default_parameter': {
        const id = node.childForFieldName('name') ?? namedChildren(node).find((c) => c.type === 'identifier');
        const type = node.childForFieldName('type');
        if (id && type) this.bindings.push({ name: id.text, type, isParameter: true });
        break;
      }
      case 'with_item': {
        // `with KafkaConsumer(...) as consumer:`
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          const target = value.childForFieldName('alias') ?? namedChildren(value)[1];
          const expr = namedChildren(value)[0];
          const name = target ? targetName(namedChildren(target)[0] ?? target) : undefined;
          if (name && expr) this.bindings.push({ name, value: expr });
        }
        break;
      }
    }
  }

  protected valueOf(b: Binding): PySym | undefined {
    return b.sym ?? (b.value ? this.resolve(b.value) : undefined) ?? (b.type ? this.resolveType(b.type) : undefined);
  }

  /**
   * A client keeps its `site` (the constructor whose options rules read) only when that is the one value the
   * name is ever given. A class-level annotation is no value: with `producer: Producer` in the class body,
   * `self.producer` is the `Producer({...})` that `__init__` assigns. Another client, a typed parameter, or
   * (for a name annotated with a Kafka type) a value this file cannot follow may carry options not seen
   * here: the name is still that client, with unknown options. `None` is no value.
   */
  protected override refine(name: string, sym: PySym): PySym {
    if (sym.t !== 'producer' && sym.t !== 'consumer') return sym;
    const own = this.bindings.filter((b) => b.name === name);
    const declared = own.some((b) => !b.value && b.type && this.resolveType(b.type));
    let sole: Extract<PySym, { t: 'producer' | 'consumer' }> | undefined;
    for (const b of own) {
      if (b.value?.type === 'none') continue;
      if (!b.value && !b.isParameter) continue;
      const v = this.valueOf(b);
      if (!v && !declared) continue;
      if ((v?.t !== 'producer' && v?.t !== 'consumer') || v.t !== sym.t || !v.site || (sole && sole.site?.id !== v.site.id)) return { t: sym.t, lib: sym.lib };
      sole = v;
    }
    return sole ?? sym;
  }

  /**
   * A name that is also bound to an instance of some other class (`producer = MailProducer()` in another
   * function) is ambiguous without scopes: it is dropped, so that no call on it is taken for Kafka.
   */
  protected contradicts(b: Binding): boolean {
    if (b.sym) return false;
    const callee = b.value?.type === 'call' ? b.value.childForFieldName('function') : undefined;
    const className = callee?.type === 'identifier' ? callee.text : callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const foreignCall = !!className && /^[A-Z]/.test(className) && !this.resolve(b.value as Node);
    const hint = b.type ? namedChildren(b.type)[0] ?? b.type : undefined;
    const foreignType = !b.value && !!hint && (hint.type === 'identifier' || hint.type === 'attribute') && /^[A-Z]/.test(hint.text.split('.').pop() ?? '') && !this.resolveType(b.type as Node);
    return foreignCall || foreignType;
  }

  protected compute(n: Node): PySym | undefined {
    switch (n.type) {
      case 'parenthesized_expression': {
        const inner = namedChildren(n)[0];
        return inner ? this.resolve(inner) : undefined;
      }
      case 'identifier':
        return this.lookup(n.text);
      case 'attribute': {
        const object = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute')?.text;
        if (!object || !attr) return undefined;
        if (object.type === 'identifier' && (object.text === 'self' || object.text === 'cls')) return this.lookup(`self.${attr}`);
        const base = this.resolve(object);
        return base ? memberOf(base, attr) : undefined;
      }
      case 'call': {
        const callee = n.childForFieldName('function');
        const cls = callee ? this.resolve(callee) : undefined;
        return cls?.t === 'class' ? { t: cls.role, lib: cls.lib, site: n } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The instance a type hint promises: `Producer`, `ck.Consumer`, `Optional[KafkaProducer]`, `KafkaProducer | None`. */
  resolveType(node: Node): PySym | undefined {
    return this.guarded(() => {
      if (node.type === 'identifier' || node.type === 'attribute') {
        const cls = this.resolve(node);
        return cls?.t === 'class' ? { t: cls.role, lib: cls.lib } : undefined;
      }
      if (node.type === 'string') return undefined;
      for (const c of namedChildren(node)) {
        const sym = this.resolveType(c);
        if (sym) return sym;
      }
      return undefined;
    });
  }
}

/** The name an assignment target binds: `x` or `self.x`. */
export function targetName(left: Node): string | undefined {
  if (left.type === 'identifier') return left.text;
  if (left.type === 'attribute') {
    const object = left.childForFieldName('object');
    const attr = left.childForFieldName('attribute');
    if (object?.type === 'identifier' && object.text === 'self' && attr) return `self.${attr.text}`;
  }
  return undefined;
}
