import type { Node } from '../common/tree-sitter';
import { CONFIG_CLASS_PACKAGES, KEY_CONSTANTS, PREFIX_CONSTANTS, PREFIX_METHODS, VALUE_CONSTANTS } from './keys';

/**
 * The Java scanner's per-file symbol table and expression evaluator.
 *
 * It answers two questions for the rest of the scanner: "what is this name?" (a KafkaProducer, a
 * KafkaConsumer, a KafkaTemplate, a config map, the records of a poll, or something else) and "what
 * constant value does this expression have?" (`"all"`, `(short) 1`, `Boolean.FALSE`, `Integer.MAX_VALUE`).
 * Names are resolved lexically: the innermost declaration whose scope contains the use wins.
 */

/** What a variable, field or parameter holds, as far as message loss is concerned. */
export type JavaKind =
  | 'producer'
  | 'consumer'
  | 'template'
  | 'config'
  | 'records'
  | 'producer-factory'
  | 'consumer-factory'
  | 'container-factory'
  | 'other';

/** One declared name: a local variable, field, parameter, resource or loop variable. */
export interface Decl {
  readonly name: string;
  /** Declared type's simple name without generics (`KafkaProducer`, `Properties`, `var`). */
  readonly typeName: string | undefined;
  kind: JavaKind;
  /** Where the name is visible: from the declaration to the end of its block (the whole class for fields). */
  readonly scopeStart: number;
  readonly scopeEnd: number;
  /** The declarator / parameter node. */
  readonly node: Node;
  /** The enclosing `local_variable_declaration` statement, for inserting statements after it. */
  readonly statement: Node | undefined;
  /** The initializer expression, if any. */
  readonly init: Node | undefined;
  readonly isFinal: boolean;
  /** True for a field (visible in every member of its class). */
  readonly isField?: boolean;
  /** True when the name is assigned again after its declaration. */
  reassigned?: boolean;
  /** Config variables: the assignments (`assignment_expression` nodes) that assign it again, in source order. */
  reassignments?: Node[];
}

/** How a value was written, so that a replacement can be written the same way. */
export type ValueStyle = 'string' | 'int' | 'long' | 'short' | 'bool' | 'boolObj' | 'other';

/** A constant value read from an expression. */
export interface JavaValue {
  readonly value: string;
  readonly style: ValueStyle;
}

/** Simple type names that are Kafka's whatever the imports say. */
const KAFKA_SPECIFIC_TYPES: Readonly<Record<string, JavaKind>> = {
  KafkaProducer: 'producer',
  KafkaConsumer: 'consumer',
  KafkaTemplate: 'template',
  KafkaOperations: 'template',
  ReplyingKafkaTemplate: 'template',
  RoutingKafkaTemplate: 'template',
  ConsumerRecords: 'records',
  DefaultKafkaProducerFactory: 'producer-factory',
  DefaultKafkaConsumerFactory: 'consumer-factory',
  ConcurrentKafkaListenerContainerFactory: 'container-factory',
};

/** Generic simple names that are Kafka's only when imported from these packages. */
const KAFKA_GENERIC_TYPES: Readonly<Record<string, { kind: JavaKind; pkg: string }>> = {
  Producer: { kind: 'producer', pkg: 'org.apache.kafka.clients.producer' },
  Consumer: { kind: 'consumer', pkg: 'org.apache.kafka.clients.consumer' },
  ProducerFactory: { kind: 'producer-factory', pkg: 'org.springframework.kafka.core' },
  ConsumerFactory: { kind: 'consumer-factory', pkg: 'org.springframework.kafka.core' },
};

/** Types that hold a client configuration when they carry Kafka keys. */
const CONFIG_TYPES: ReadonlySet<string> = new Set(['Properties', 'Map', 'HashMap', 'LinkedHashMap', 'TreeMap', 'ConcurrentHashMap', 'Hashtable']);

/** Node types that declare names (collected by the scanner's single pass). */
export const DECLARATION_TYPES = [
  'local_variable_declaration',
  'field_declaration',
  'formal_parameter',
  'resource',
  'enhanced_for_statement',
  'lambda_expression',
  'catch_formal_parameter',
] as const;

/** The simple name of a type node (`Map<String, Object>` → `Map`, `a.b.KafkaProducer<K,V>` → `KafkaProducer`). */
export function simpleTypeName(type: Node | null): string | undefined {
  if (!type) return undefined;
  switch (type.type) {
    case 'type_identifier':
      return type.text;
    case 'generic_type':
    case 'scoped_type_identifier': {
      const last = type.type === 'generic_type' ? type.namedChild(0) : type.lastNamedChild;
      return simpleTypeName(last);
    }
    case 'integral_type':
    case 'boolean_type':
    case 'floating_point_type':
      return type.text;
    default:
      return undefined;
  }
}

/** The last segment of a (possibly qualified) name: `org.apache.kafka.clients.producer.ProducerConfig` → `ProducerConfig`. */
function lastSegment(text: string): string {
  const i = text.lastIndexOf('.');
  return i < 0 ? text : text.slice(i + 1);
}

/** Decodes the body of a Java string literal; undefined for text blocks and malformed escapes. */
export function decodeJavaString(literal: string): string | undefined {
  if (literal.startsWith('"""') || literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) return undefined;
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\' };
    if (n !== undefined && n in simple) out += simple[n];
    else if (n === 'u') {
      let j = i;
      while (body[j] === 'u') j++;
      const hex = body.slice(j, j + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i = j + 3;
    } else if (n !== undefined && /[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length - 1;
    } else return undefined;
  }
  return out;
}

/** Writes `value` as a Java string literal. */
export function javaString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** Reads an integer literal (`2_000`, `5L`, `0x10`); undefined for floats and overflow. */
function integerLiteral(text: string): { value: bigint; long: boolean } | undefined {
  let t = text.replace(/_/g, '');
  const long = /[lL]$/.test(t);
  if (long) t = t.slice(0, -1);
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[bB][01]+$/.test(t)) return { value: BigInt(t), long };
    if (/^0[0-7]+$/.test(t)) return { value: BigInt(`0o${t.slice(1)}`), long };
    if (/^\d+$/.test(t)) return { value: BigInt(t), long };
  } catch {
    return undefined;
  }
  return undefined;
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

/** The per-file symbol table: imports, declarations, and what each name holds. */
export class JavaSymbols {
  /** Imported simple name → full package (`KafkaProducer` → `org.apache.kafka.clients.producer`). */
  private readonly imports = new Map<string, string>();
  /** Packages imported with `.*`. */
  private readonly wildcardImports = new Set<string>();
  /** Statically imported constant name → class (`ACKS_CONFIG` → `ProducerConfig`), and `.*` static imports. */
  private readonly staticImports = new Map<string, string>();
  private readonly staticWildcards: string[] = [];
  private readonly byName = new Map<string, Decl[]>();
  /** True when the file imports kafka-clients or Spring for Apache Kafka. */
  importsKafka = false;

  /** Reads one `import_declaration` node. */
  addImport(node: Node): void {
    const text = node.text.replace(/\s+/g, '');
    const m = /^import(static)?([\w.]+?)(\.\*)?;?$/.exec(text);
    if (!m) return;
    const isStatic = m[1] !== undefined;
    const path = m[2];
    const wildcard = m[3] !== undefined;
    if (/^org\.apache\.kafka\.|^org\.springframework\.kafka\./.test(`${path}.`)) this.importsKafka = true;
    if (isStatic) {
      if (wildcard) this.staticWildcards.push(lastSegment(path));
      else {
        const cls = path.slice(0, path.lastIndexOf('.'));
        this.staticImports.set(lastSegment(path), lastSegment(cls));
      }
    } else if (wildcard) this.wildcardImports.add(path);
    else this.imports.set(lastSegment(path), path.slice(0, Math.max(0, path.lastIndexOf('.'))));
  }

  /** True when the simple name `name` refers to the class of that name in `pkg`. */
  private importedFrom(name: string, pkg: string): boolean {
    const explicit = this.imports.get(name);
    if (explicit !== undefined) return explicit === pkg;
    return this.wildcardImports.has(pkg);
  }

  /** The config class a simple class name refers to, when it is one of kafka-clients' config classes. */
  configClass(name: string): string | undefined {
    if (!(name in KEY_CONSTANTS) && !(name in VALUE_CONSTANTS)) return undefined;
    const explicit = this.imports.get(name);
    // A class of the same simple name imported from elsewhere is not Kafka's.
    const pkg = CONFIG_CLASS_PACKAGES[name];
    if (explicit !== undefined && pkg !== undefined && explicit !== pkg) return undefined;
    return name;
  }

  /** The config class a statically imported constant comes from (`ACKS_CONFIG` → `ProducerConfig`). */
  staticConstantClass(constant: string): string | undefined {
    const direct = this.staticImports.get(constant);
    if (direct) return direct;
    for (const cls of this.staticWildcards) if (KEY_CONSTANTS[cls]?.[constant] !== undefined) return cls;
    return undefined;
  }

  /** True when `import static …<cls>.*;` makes every constant of `cls` usable by its bare name. */
  hasStaticWildcard(cls: string): boolean {
    return this.staticWildcards.includes(cls);
  }

  /** What a declared type makes a name hold. */
  kindOfType(typeName: string | undefined): JavaKind {
    if (!typeName) return 'other';
    const specific = KAFKA_SPECIFIC_TYPES[typeName];
    if (specific) return specific;
    const generic = KAFKA_GENERIC_TYPES[typeName];
    if (generic && this.importedFrom(typeName, generic.pkg)) return generic.kind;
    if (CONFIG_TYPES.has(typeName)) return 'config';
    return 'other';
  }

  /** Records a declaration. */
  add(decl: Decl): void {
    let list = this.byName.get(decl.name);
    if (!list) this.byName.set(decl.name, (list = []));
    list.push(decl);
  }

  /** Every declared name. */
  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** Every declaration, in no particular order. */
  *all(): IterableIterator<Decl> {
    for (const list of this.byName.values()) yield* list;
  }

  /** The declaration `name` refers to at `offset`: the innermost visible one. */
  lookup(name: string, offset: number): Decl | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let best: Decl | undefined;
    for (const d of list) {
      if (offset < d.scopeStart || offset >= d.scopeEnd) continue;
      if (!best || d.scopeEnd - d.scopeStart < best.scopeEnd - best.scopeStart) best = d;
    }
    return best;
  }

  /**
   * False when {@link JavaSymbols.evaluateKey} of the name `name` at `offset` is sure to give nothing: it
   * names a declaration that is not a final one with an initializer, or nothing declared or statically imported.
   */
  mayNameKey(name: string, offset: number): boolean {
    const decl = this.lookup(name, offset);
    if (decl) return decl.isFinal && decl.init !== undefined;
    return this.staticConstantClass(name) !== undefined;
  }

  /** The declaration an expression names: `producer`, `this.producer`; undefined for anything else. */
  resolve(expr: Node | null): Decl | undefined {
    if (!expr) return undefined;
    const type = expr.type;
    if (type === 'identifier') return this.lookup(expr.text, expr.startIndex);
    if (type === 'field_access' && expr.childForFieldName('object')?.type === 'this') {
      const field = expr.childForFieldName('field');
      if (!field) return undefined;
      // `this.x` skips locals and parameters: pick the widest visible declaration (the field).
      const list = this.byName.get(field.text) ?? [];
      let best: Decl | undefined;
      for (const d of list) {
        if (expr.startIndex < d.scopeStart || expr.startIndex >= d.scopeEnd) continue;
        if (!best || d.scopeEnd - d.scopeStart > best.scopeEnd - best.scopeStart) best = d;
      }
      return best;
    }
    if (type === 'parenthesized_expression') return this.resolve(expr.namedChild(0));
    return undefined;
  }

  /** What an expression holds (a name's kind, or what a constructor creates). */
  kindOf(expr: Node | null): JavaKind {
    if (!expr) return 'other';
    if (expr.type === 'object_creation_expression') return this.kindOfType(simpleTypeName(expr.childForFieldName('type')));
    return this.resolve(expr)?.kind ?? 'other';
  }

  /**
   * The constant value of an expression, or undefined when it is not a constant this scanner can read
   * (a method call, a variable assigned elsewhere, string concatenation with a variable).
   */
  evaluate(expr: Node | null, depth = 0): JavaValue | undefined {
    if (!expr || depth > 8) return undefined;
    switch (expr.type) {
      case 'string_literal': {
        const v = decodeJavaString(expr.text);
        return v === undefined ? undefined : { value: v, style: 'string' };
      }
      case 'decimal_integer_literal':
      case 'hex_integer_literal':
      case 'octal_integer_literal':
      case 'binary_integer_literal': {
        const n = integerLiteral(expr.text);
        if (!n) return undefined;
        if (!n.long && n.value > INT_MAX) return undefined;
        return { value: n.value.toString(), style: n.long ? 'long' : 'int' };
      }
      case 'true':
      case 'false':
        return { value: expr.type, style: 'bool' };
      case 'parenthesized_expression':
        return this.evaluate(expr.namedChild(0), depth + 1);
      case 'unary_expression': {
        const op = expr.childForFieldName('operator')?.text ?? expr.child(0)?.text;
        const inner = this.evaluate(expr.childForFieldName('operand'), depth + 1);
        if (!inner || !/^-?\d+$/.test(inner.value)) return undefined;
        if (op === '+') return inner;
        if (op === '-') return { value: (-BigInt(inner.value)).toString(), style: inner.style };
        return undefined;
      }
      case 'cast_expression': {
        const type = expr.childForFieldName('type')?.text;
        const inner = this.evaluate(expr.childForFieldName('value'), depth + 1);
        if (!inner || !/^-?\d+$/.test(inner.value)) return undefined;
        if (type === 'short') return { value: inner.value, style: 'short' };
        if (type === 'int') return { value: inner.value, style: 'int' };
        if (type === 'long') return { value: inner.value, style: 'long' };
        return undefined;
      }
      case 'binary_expression':
        return this.evaluateArithmetic(expr, depth);
      case 'field_access': {
        const object = expr.childForFieldName('object');
        const field = expr.childForFieldName('field')?.text;
        if (!object || !field) return undefined;
        const cls = this.configClass(lastSegment(object.text));
        const v = cls ? VALUE_CONSTANTS[cls]?.[field] : undefined;
        if (v === undefined) return undefined;
        const style: ValueStyle = cls === 'Boolean' ? 'boolObj' : cls === 'Integer' ? 'int' : cls === 'Long' ? 'long' : cls === 'Short' ? 'short' : 'other';
        return { value: v, style };
      }
      case 'identifier': {
        const decl = this.lookup(expr.text, expr.startIndex);
        if (decl && decl.isFinal && decl.init) {
          const v = this.evaluate(decl.init, depth + 1);
          return v ? { value: v.value, style: v.style } : undefined;
        }
        return undefined;
      }
      case 'method_invocation':
        return this.evaluateCall(expr, depth);
      case 'class_literal':
        return { value: lastSegment(expr.text.replace(/\.class$/, '')), style: 'other' };
      default:
        return undefined;
    }
  }

  /** `5 * 60 * 1000`, `Integer.MAX_VALUE - 1`: integer arithmetic on constants. */
  private evaluateArithmetic(expr: Node, depth: number): JavaValue | undefined {
    const op = expr.childForFieldName('operator')?.text;
    const left = this.evaluate(expr.childForFieldName('left'), depth + 1);
    const right = this.evaluate(expr.childForFieldName('right'), depth + 1);
    if (!left || !right || !op) return undefined;
    if (op === '+' && (left.style === 'string' || right.style === 'string')) return { value: left.value + right.value, style: 'string' };
    if (!/^-?\d+$/.test(left.value) || !/^-?\d+$/.test(right.value)) return undefined;
    const a = BigInt(left.value);
    const b = BigInt(right.value);
    let r: bigint;
    if (op === '+') r = a + b;
    else if (op === '-') r = a - b;
    else if (op === '*') r = a * b;
    else return undefined;
    const long = left.style === 'long' || right.style === 'long';
    // Java int arithmetic wraps around; a value that overflows is not what the user meant to write.
    if (!long && (r > INT_MAX || r < INT_MIN)) return undefined;
    return { value: r.toString(), style: long ? 'long' : 'int' };
  }

  /** `String.valueOf(0)`, `Boolean.toString(false)`, `OffsetResetStrategy.EARLIEST.toString()`, `X.class.getName()`. */
  private evaluateCall(expr: Node, depth: number): JavaValue | undefined {
    const object = expr.childForFieldName('object');
    const name = expr.childForFieldName('name')?.text;
    const args = expr.childForFieldName('arguments');
    const argCount = args?.namedChildCount ?? 0;
    if (!object || !name) return undefined;
    const objectName = object.text;
    if (argCount === 1 && ['String', 'Integer', 'Long', 'Short', 'Boolean'].includes(objectName) && ['valueOf', 'toString', 'parseInt', 'parseLong', 'parseShort', 'parseBoolean'].includes(name)) {
      const inner = this.evaluate(args!.namedChild(0), depth + 1);
      if (!inner) return undefined;
      // The call returns a String or a boxed value; a plain literal of the same meaning replaces it safely.
      return { value: inner.value, style: 'other' };
    }
    if (argCount === 0 && (name === 'toString' || name === 'getName' || name === 'name' || name === 'toLowerCase')) {
      if (object.type === 'class_literal' && name === 'getName') return { value: lastSegment(object.text.replace(/\.class$/, '')), style: 'other' };
      // Kafka's OffsetResetStrategy / AutoOffsetResetStrategy enum constants print in lower case.
      const chain = expr.text.replace(/\s+/g, '');
      const m = /^(?:[\w.]*\.)?(?:OffsetResetStrategy|AutoOffsetResetStrategy)\.(EARLIEST|LATEST|NONE)\.(?:toString\(\)|name\(\)\.toLowerCase\(\))$/.exec(chain);
      if (m) return { value: m[1].toLowerCase(), style: 'other' };
    }
    return undefined;
  }

  /**
   * The Kafka key an expression names: a string literal, a config constant (`ProducerConfig.ACKS_CONFIG`,
   * a statically imported `ACKS_CONFIG`), or a final variable holding one of those.
   */
  evaluateKey(expr: Node | null, depth = 0): string | undefined {
    if (!expr || depth > 8) return undefined;
    // Each `type` read is a call into WebAssembly: read it once.
    const type = expr.type;
    if (type === 'string_literal') return decodeJavaString(expr.text);
    if (type === 'field_access') {
      const object = expr.childForFieldName('object');
      const field = expr.childForFieldName('field')?.text;
      if (!object || !field) return undefined;
      const cls = this.configClass(lastSegment(object.text));
      return cls ? KEY_CONSTANTS[cls]?.[field] : undefined;
    }
    if (type === 'identifier') {
      const name = expr.text;
      const decl = this.lookup(name, expr.startIndex);
      if (decl) return decl.isFinal && decl.init ? this.evaluateKey(decl.init, depth + 1) : undefined;
      const cls = this.staticConstantClass(name);
      return cls ? KEY_CONSTANTS[cls]?.[name] : undefined;
    }
    if (type === 'parenthesized_expression') return this.evaluateKey(expr.namedChild(0), depth + 1);
    // Kafka Streams' client prefixes: `StreamsConfig.producerPrefix(ACKS_CONFIG)`, `StreamsConfig.PRODUCER_PREFIX + ACKS_CONFIG`.
    if (type === 'method_invocation') return this.prefixedKey(expr, depth);
    if (type === 'binary_expression' && expr.childForFieldName('operator')?.text === '+') {
      const left = expr.childForFieldName('left');
      const prefix = this.prefixOf(left) ?? (left?.type === 'string_literal' ? decodeJavaString(left.text) : undefined);
      const rest = prefix === undefined ? undefined : this.evaluateKey(expr.childForFieldName('right'), depth + 1);
      return prefix === undefined || rest === undefined ? undefined : prefix + rest;
    }
    return undefined;
  }

  /** The prefix a `StreamsConfig` prefix constant holds (`StreamsConfig.PRODUCER_PREFIX`, a static import of it), or undefined. */
  private prefixOf(expr: Node | null): string | undefined {
    if (!expr) return undefined;
    if (expr.type === 'field_access') {
      const object = expr.childForFieldName('object');
      const field = expr.childForFieldName('field')?.text;
      const cls = object ? this.configClass(lastSegment(object.text)) : undefined;
      return cls && field ? PREFIX_CONSTANTS[cls]?.[field] : undefined;
    }
    if (expr.type === 'identifier' && !this.lookup(expr.text, expr.startIndex)) return this.staticMember(PREFIX_CONSTANTS, expr.text);
    return undefined;
  }

  /** `StreamsConfig.producerPrefix(key)` (or a static import of `producerPrefix`): the prefix and the key it is given. */
  private prefixedKey(expr: Node, depth: number): string | undefined {
    const name = expr.childForFieldName('name')?.text;
    const args = expr.childForFieldName('arguments');
    if (!name || args?.namedChildCount !== 1) return undefined;
    const object = expr.childForFieldName('object');
    const cls = object ? this.configClass(lastSegment(object.text)) : undefined;
    const prefix = object ? (cls ? PREFIX_METHODS[cls]?.[name] : undefined) : this.staticMember(PREFIX_METHODS, name);
    if (prefix === undefined) return undefined;
    const key = this.evaluateKey(args.namedChild(0), depth + 1);
    return key === undefined ? undefined : prefix + key;
  }

  /** What a statically imported member `name` of one of `table`'s classes holds (explicit or wildcard import). */
  private staticMember(table: Readonly<Record<string, Readonly<Record<string, string>>>>, name: string): string | undefined {
    const direct = this.staticImports.get(name);
    if (direct) return table[direct]?.[name];
    for (const cls of this.staticWildcards) if (table[cls]?.[name] !== undefined) return table[cls][name];
    return undefined;
  }
}

/**
 * Writes `value` in the style the original expression used, so that a quick fix keeps the code compiling:
 * `"all"` for strings, `3` for ints, `(short) 3` for a short, `false` / `Boolean.FALSE` for booleans.
 * Non-numeric values where a number was written become a string literal (Kafka parses strings for every
 * type); a short that must become a word has no safe text.
 */
export function renderJavaValue(style: ValueStyle, value: string): string | undefined {
  const numeric = /^-?\d+$/.test(value);
  switch (style) {
    case 'int':
      return numeric ? (value === '2147483647' ? 'Integer.MAX_VALUE' : value) : javaString(value);
    case 'long':
      return numeric ? `${value}L` : javaString(value);
    case 'short':
      return numeric ? `(short) ${value}` : undefined;
    case 'bool':
      return value === 'true' || value === 'false' ? value : javaString(value);
    case 'boolObj':
      return value === 'true' ? 'Boolean.TRUE' : value === 'false' ? 'Boolean.FALSE' : javaString(value);
    default:
      return javaString(value);
  }
}
