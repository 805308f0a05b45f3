import type { CodeFact, ConfigEntry, ConfigGroup, Edit, LibraryId, Range, Role, Severity, Fix } from '../../model';
import { eolOf } from '../../text';
import type { Node } from '../common/tree-sitter';
import { nodeRange } from '../common/tree-sitter';

/**
 * What the Go scanner's per-library passes share: the file's Kafka imports, the variables that hold Kafka
 * objects (a name bound in a function, or a struct field used across the file), Go literal values, line
 * arithmetic for safe edits, and the groups and facts being built.
 */

/** The Go client libraries we read, by the library id their defaults are filed under. */
export type GoLibrary = Extract<LibraryId, 'sarama' | 'franz-go' | 'librdkafka' | 'kafka-go'>;

/** Import paths of the supported clients, with the package name Go gives them when no alias is written. */
const IMPORTS: readonly { readonly path: RegExp; readonly library: GoLibrary; readonly name: string }[] = [
  { path: /^github\.com\/(IBM|Shopify)\/sarama$/, library: 'sarama', name: 'sarama' },
  { path: /^github\.com\/twmb\/franz-go\/pkg\/kgo$/, library: 'franz-go', name: 'kgo' },
  { path: /^github\.com\/confluentinc\/confluent-kafka-go(\/v\d+)?\/kafka$/, library: 'librdkafka', name: 'kafka' },
  { path: /^github\.com\/segmentio\/kafka-go$/, library: 'kafka-go', name: 'kafka' },
];

/** What a variable holds, as far as the scanner cares. */
export type BindingKind =
  | 'sarama-config'
  | 'sarama-client'
  | 'sarama-async'
  | 'sarama-sync'
  | 'sarama-session'
  | 'kgo-client'
  | 'ck-config'
  | 'ck-producer'
  | 'ck-consumer'
  | 'kg-writer'
  | 'kg-reader'
  | 'kg-reader-config'
  | 'kg-writer-config';

/**
 * A name that holds a Kafka object. A plain identifier is only visible in the function that binds it (or
 * everywhere when bound at package level); a struct field (`s.producer`) is matched by field name across
 * the file, since its methods are usually spread over several functions.
 */
export interface Binding {
  readonly kind: BindingKind;
  readonly name: string;
  readonly field: boolean;
  /** Start offset of the function that binds it, or -1 for the package level and for fields. */
  readonly scope: number;
  /** The constructor call or literal the value comes from; undefined for a declared type only. */
  readonly origin?: Node;
  /** The group built from the origin, when there is one. */
  group?: GroupBuilder;
  /** The left-hand expression that names it, when bound by an assignment. */
  readonly target?: Node;
}

/** A config group under construction; exposed to rules as a plain {@link ConfigGroup}. */
export interface GroupBuilder extends ConfigGroup {
  readonly roles: Role[];
  readonly entries: ConfigEntry[];
  /** Set when a sarama config is handed to a SyncProducer (which refuses `Return.Errors = false`). */
  usedBySync?: boolean;
}

/** Everything an entry needs; identity is added by the context. */
export interface EntrySpec {
  readonly key: string;
  readonly value: string;
  readonly rawKey: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
  readonly removeRange?: Range;
  readonly role?: Role;
  readonly renderValue?: (value: string) => string | undefined;
  /**
   * True when the setting is written inside a branch or loop (`if dev { cfg.X = ... }`): such writes are
   * alternatives, not repeats, so each gets an identity of its own and never counts as a duplicate.
   */
  readonly conditional?: boolean;
}

/** The scan of one Go file: its tree, its imports and what has been found so far. */
export class GoContext {
  /** Package alias → library, for the aliases the file imports. */
  readonly aliases = new Map<string, GoLibrary>();
  readonly groups: GroupBuilder[] = [];
  readonly facts: CodeFact[] = [];
  readonly bindings: Binding[] = [];
  private readonly byType = new Map<string, Node[]>();
  /** Names declared in each function (by its start offset), to tell a local variable from a package alias. */
  private readonly localNames = new Map<number, Set<string>>();
  private localNamesRead = false;
  /** The file's functions and methods, sorted by position: the scopes of local names. */
  private readonly functions: Node[];
  private identifierIndex?: Map<string, { readonly node: Node; readonly scope: number }[]>;
  private readonly bindingsByName = new Map<string, Binding[]>();
  private selectorIndex?: Map<string, Node[]>;
  private callIndex?: Map<string, CallSite[]>;
  private fieldTypes?: Map<string, Set<string>>;
  /** The expressions each local function returns, by function name (see {@link resolveValue}). */
  private readonly returnCache = new Map<string, Node[]>();

  constructor(
    readonly text: string,
    readonly root: Node,
  ) {
    this.collect();
    this.functions = this.nodes('function_declaration')
      .concat(this.nodes('method_declaration'))
      .sort((a, b) => a.startIndex - b.startIndex);
    for (const spec of this.nodes('import_spec')) {
      const path = stringContent(spec.childForFieldName('path'));
      const lib = path === undefined ? undefined : IMPORTS.find((i) => i.path.test(path));
      if (!lib) continue;
      const name = spec.childForFieldName('name');
      // A blank (`_`) or dot import gives no qualifier to match on; the file still counts as Kafka code.
      const alias = name ? name.text : lib.name;
      this.aliases.set(alias, lib.library);
    }
  }

  /** True when the file imports at least one supported Kafka client. */
  get isKafka(): boolean {
    return this.aliases.size > 0;
  }

  /** True when the file imports `library`. */
  imports(library: GoLibrary): boolean {
    for (const lib of this.aliases.values()) if (lib === library) return true;
    return false;
  }

  /** The alias the file uses for `library` (the first one imported), for rendering new source text. */
  aliasOf(library: GoLibrary): string | undefined {
    for (const [alias, lib] of this.aliases) if (lib === library && alias !== '_' && alias !== '.') return alias;
    return undefined;
  }

  /** Nodes of the given type anywhere in the file, in source order. */
  nodes(type: string): Node[] {
    let list = this.byType.get(type);
    if (!list) {
      // The collected types come from one walk; any other type is looked up on its own.
      list = COLLECTED.has(type) ? [] : this.root.descendantsOfType(type).filter((n): n is Node => n !== null);
      this.byType.set(type, list);
    }
    return list;
  }

  /** One cursor walk over the tree that keeps the nodes of every {@link COLLECTED} type. */
  private collect(): void {
    for (const type of COLLECTED) this.byType.set(type, []);
    const cursor = this.root.walk();
    try {
      for (;;) {
        const list = this.byType.get(cursor.nodeType);
        if (list) list.push(cursor.currentNode);
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /** The function or method containing an offset, or undefined at package level. */
  functionAt(offset: number): Node | undefined {
    let lo = 0;
    let hi = this.functions.length - 1;
    let found: Node | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.functions[mid].startIndex <= offset) {
        found = this.functions[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found && offset < found.endIndex ? found : undefined;
  }

  /** The scope key of a node: its function's start offset, or -1 at package level. */
  scopeOf(node: Node): number {
    return this.functionAt(node.startIndex)?.startIndex ?? -1;
  }

  /** Identifiers of the file with a given name. */
  identifiersNamed(name: string, scope?: number): Node[] {
    if (!this.identifierIndex) {
      this.identifierIndex = groupBy(
        this.nodes('identifier').map((node) => ({ node, scope: this.scopeOf(node) })),
        (i) => i.node.text,
      );
    }
    const all = this.identifierIndex.get(name) ?? [];
    return (scope === undefined ? all : all.filter((i) => i.scope === scope)).map((i) => i.node);
  }

  /** Selector expressions of the file whose field has a given name (`x.producer` for `producer`). */
  selectorsNamed(field: string): Node[] {
    if (!this.selectorIndex) this.selectorIndex = groupBy(this.nodes('selector_expression'), (n) => n.childForFieldName('field')?.text ?? '');
    return this.selectorIndex.get(field) ?? [];
  }

  /** Method-style calls `<receiver>.<method>(...)` of the file, for one or more method names, in source order. */
  callsTo(method: string | readonly string[]): CallSite[] {
    if (!this.callIndex) {
      const sites: CallSite[] = [];
      for (const call of this.nodes('call_expression')) {
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'selector_expression') continue;
        const receiver = fn.childForFieldName('operand');
        const name = fn.childForFieldName('field');
        if (receiver && name) sites.push({ call, fn, receiver, method: name.text });
      }
      this.callIndex = groupBy(sites, (c) => c.method);
    }
    const names = typeof method === 'string' ? [method] : method;
    return names.flatMap((m) => this.callIndex?.get(m) ?? []).sort((a, b) => a.call.startIndex - b.call.startIndex);
  }

  /**
   * The library and member a qualified name refers to: `sarama.NewConfig` → sarama / NewConfig, for a
   * selector on an imported package alias or a qualified type (`kafka.Writer`).
   */
  qualified(node: Node | null | undefined): { readonly library: GoLibrary; readonly alias: string; readonly name: string } | undefined {
    if (!node) return undefined;
    if (node.type === 'selector_expression') {
      const operand = node.childForFieldName('operand');
      const field = node.childForFieldName('field');
      if (operand?.type !== 'identifier' || !field) return undefined;
      const library = this.aliases.get(operand.text);
      // A local variable that shadows the package name is not the package.
      if (!library || this.isShadowed(operand)) return undefined;
      return { library, alias: operand.text, name: field.text };
    }
    if (node.type === 'qualified_type') {
      const pkg = node.childForFieldName('package');
      const name = node.childForFieldName('name');
      const library = pkg ? this.aliases.get(pkg.text) : undefined;
      if (!library || !name || !pkg) return undefined;
      return { library, alias: pkg.text, name: name.text };
    }
    if (node.type === 'pointer_type' || node.type === 'parenthesized_type') return this.qualified(node.namedChildren[0]);
    if (node.type === 'generic_type') return this.qualified(node.childForFieldName('type'));
    return undefined;
  }

  /** The qualified callee of a call expression (`sarama.NewConfig()` → NewConfig). */
  callee(call: Node): { readonly library: GoLibrary; readonly alias: string; readonly name: string } | undefined {
    return call.type === 'call_expression' ? this.qualified(call.childForFieldName('function')) : undefined;
  }

  /** True when an identifier named like a package alias is a local variable or parameter in its function. */
  private isShadowed(ident: Node): boolean {
    const scope = this.scopeOf(ident);
    if (scope === -1) return false;
    if (!this.localNamesRead) {
      this.localNamesRead = true;
      // Names declared in each function, gathered once for the whole file.
      for (const decl of this.nodes('short_var_declaration').concat(this.nodes('parameter_declaration'), this.nodes('var_spec'))) {
        const declared = decl.type === 'short_var_declaration' ? decl.childForFieldName('left')?.namedChildren ?? [] : decl.childrenForFieldName('name');
        const key = this.scopeOf(decl);
        let names = this.localNames.get(key);
        if (!names) this.localNames.set(key, (names = new Set()));
        for (const n of declared) if (n) names.add(n.text);
      }
    }
    return this.localNames.get(scope)?.has(ident.text) ?? false;
  }

  /** Starts a group; roles are added as evidence turns up. */
  addGroup(library: GoLibrary, anchor: Range, insertEntry?: (group: GroupBuilder, key: string, value: string) => Edit | undefined): GroupBuilder {
    const group: GroupBuilder = {
      roles: [],
      library,
      entries: [],
      anchor,
      insertEntry: insertEntry ? (key, value) => safely(() => insertEntry(group, key, value)) : undefined,
    };
    this.groups.push(group);
    return group;
  }

  /** Adds an entry to a group, with an identity unique to the group and key. */
  addEntry(group: GroupBuilder, spec: EntrySpec): ConfigEntry {
    const index = this.groups.indexOf(group);
    const { renderValue: render, conditional, ...rest } = spec;
    const entry: ConfigEntry = {
      ...rest,
      identity: conditional ? `${index}:${spec.key}@${spec.keyRange.start}` : `${index}:${spec.key}`,
      renderValue: render ? (value) => safely(() => render(value)) : undefined,
    };
    group.entries.push(entry);
    if (spec.role) addRole(group, spec.role);
    return entry;
  }

  /** Records a code fact. */
  addFact(kind: CodeFact['kind'], library: GoLibrary, range: Range, detail: string, options: { severity?: Severity; fixes?: Fix[] } = {}): void {
    this.facts.push({ kind, library, range, detail, ...(options.severity ? { severity: options.severity } : {}), ...(options.fixes?.length ? { fixes: options.fixes } : {}) });
  }

  /**
   * Records that `value` (a constructor call or literal) is held by the variable it is assigned to. A value
   * that is not assigned (returned, passed on) gets a nameless binding, which no name resolves to but which
   * {@link resolveValue} finds when a local function returns it.
   */
  bind(kind: BindingKind, value: Node, group?: GroupBuilder): Binding | undefined {
    const target = assignedTo(value);
    if (target) return this.bindTarget(kind, target, value, group);
    const binding: Binding = { kind, name: '', field: false, scope: -2, origin: value, group };
    this.bindings.push(binding);
    return binding;
  }

  /** Records a binding for an explicit left-hand expression. */
  bindTarget(kind: BindingKind, target: Node, origin: Node | undefined, group?: GroupBuilder): Binding | undefined {
    let binding: Binding | undefined;
    if (target.type === 'identifier' && target.text !== '_') {
      binding = { kind, name: target.text, field: false, scope: this.scopeOf(target), origin, group, target };
    } else if (target.type === 'selector_expression') {
      const field = target.childForFieldName('field');
      if (field) binding = { kind, name: field.text, field: true, scope: -1, origin, group, target };
    }
    if (binding) this.addBinding(binding);
    return binding;
  }

  /**
   * Records the names declared with a Kafka type: parameters (`sess sarama.ConsumerGroupSession`), struct
   * fields (`producer *kafka.Producer`) and typed `var` declarations.
   */
  bindDeclaredTypes(types: Readonly<Partial<Record<string, BindingKind>>>, library: GoLibrary): void {
    for (const decl of this.nodes('parameter_declaration').concat(this.nodes('field_declaration'), this.nodes('var_spec'))) {
      const q = this.qualified(decl.childForFieldName('type'));
      if (!q || q.library !== library) continue;
      const kind = types[q.name];
      if (!kind) continue;
      for (const name of decl.childrenForFieldName('name')) {
        if (!name || name.text === '_') continue;
        const isField = decl.type === 'field_declaration';
        this.addBinding({ kind, name: name.text, field: isField, scope: isField ? -1 : this.scopeOf(name) });
      }
    }
  }

  /**
   * True when structs in this file declare a field of this name with different types (`client *kgo.Client`
   * here, `client *http.Client` there): matching such a field by name could mistake one for the other.
   */
  ambiguousField(name: string): boolean {
    if (!this.fieldTypes) {
      this.fieldTypes = new Map();
      for (const decl of this.nodes('field_declaration')) {
        const type = decl.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '';
        for (const n of decl.childrenForFieldName('name')) {
          if (!n) continue;
          let types = this.fieldTypes.get(n.text);
          if (!types) this.fieldTypes.set(n.text, (types = new Set()));
          types.add(type);
        }
      }
    }
    return (this.fieldTypes.get(name)?.size ?? 0) > 1;
  }

  /** Records a binding and indexes it by name. */
  private addBinding(binding: Binding): void {
    this.bindings.push(binding);
    const list = this.bindingsByName.get(binding.name);
    if (list) list.push(binding);
    else this.bindingsByName.set(binding.name, [binding]);
  }

  /**
   * The bindings an expression may refer to: an identifier resolves to bindings of that name in its own
   * function or at package level, a selector (`s.producer`) to field bindings of that field name.
   */
  resolve(expr: Node | null | undefined, kinds: readonly BindingKind[]): Binding[] {
    if (!expr) return [];
    const e = unwrap(expr);
    if (e.type === 'identifier') {
      const named = (this.bindingsByName.get(e.text) ?? []).filter((b) => kinds.includes(b.kind) && !b.field);
      if (named.length === 0) return [];
      const scope = this.scopeOf(e);
      const local = named.filter((b) => b.scope === scope);
      return local.length > 0 ? local : named.filter((b) => b.scope === -1);
    }
    if (e.type === 'selector_expression') {
      const field = e.childForFieldName('field');
      const operand = e.childForFieldName('operand');
      // `pkg.Name` is a package member, not a struct field.
      if (operand?.type === 'identifier' && this.aliases.has(operand.text)) return [];
      if (!field || this.ambiguousField(field.text)) return [];
      return (this.bindingsByName.get(field.text) ?? []).filter((b) => kinds.includes(b.kind) && b.field);
    }
    return [];
  }

  /**
   * The bindings an argument stands for: the variable it names, or, for a call to a function declared in
   * this file (`newConfig()`), the variables that function returns.
   */
  resolveValue(expr: Node | null | undefined, kinds: readonly BindingKind[]): Binding[] {
    if (!expr) return [];
    const e = unwrap(expr);
    if (e.type !== 'call_expression') return this.resolve(e, kinds);
    const callee = e.childForFieldName('function');
    if (callee?.type !== 'identifier') return [];
    let values = this.returnCache.get(callee.text);
    if (!values) {
      // The syntax is fixed, so the returned expressions are read once per function; bindings may still grow.
      const fn = this.nodes('function_declaration').find((f) => f.childForFieldName('name')?.text === callee.text);
      values = [];
      for (const ret of fn?.descendantsOfType('return_statement') ?? []) {
        const first = namedArgs(ret ? namedArgs(ret)[0] : undefined)[0];
        if (first) values.push(unwrap(first));
      }
      this.returnCache.set(callee.text, values);
    }
    const out: Binding[] = [];
    for (const value of values) {
      if (value.type === 'identifier' || value.type === 'selector_expression') out.push(...this.resolve(value, kinds));
      // `return &kafka.ConfigMap{...}`: the value built right there.
      else out.push(...this.bindings.filter((b) => kinds.includes(b.kind) && b.origin?.startIndex === value.startIndex && b.origin.endIndex === value.endIndex));
    }
    return out;
  }

  /**
   * True when an expression names a binding: an identifier resolving to it, or a selector on a struct
   * field of the binding's name (fields are matched by name across the file).
   */
  refersTo(expr: Node | null | undefined, binding: Binding): boolean {
    if (!expr) return false;
    const e = unwrap(expr);
    if (e.type === 'identifier') return !binding.field && this.resolve(e, [binding.kind]).includes(binding);
    if (e.type !== 'selector_expression' || !binding.field) return false;
    const operand = e.childForFieldName('operand');
    if (operand?.type === 'identifier' && this.aliases.has(operand.text)) return false;
    return e.childForFieldName('field')?.text === binding.name && !this.ambiguousField(binding.name);
  }

  /**
   * Method calls `<expr>.<method>(...)` anywhere in the file whose receiver resolves to a binding among
   * `targets`, in source order.
   */
  methodCalls(method: string | readonly string[], targets: readonly Binding[]): Node[] {
    return this.callsTo(method)
      .filter((site) => targets.some((t) => this.refersTo(site.receiver, t)))
      .map((site) => site.call);
  }

  /**
   * Where a binding's value goes. Stored in a struct field (`&Publisher{producer: p}`, `s.producer = p`) it
   * is followed under that field name across the file; passed to a function, returned, sent on a channel
   * or stored anywhere else it escapes, and reads of it elsewhere are then possible.
   */
  follow(binding: Binding): { readonly bindings: Binding[]; readonly escapes: boolean } {
    const out: Binding[] = [binding];
    const seenFields = new Set<string>();
    for (let i = 0; i < out.length; i++) {
      const b = out[i];
      for (const use of this.usesOf(b)) {
        if (use === 'escapes') return { bindings: out, escapes: true };
        if (seenFields.has(use)) continue;
        seenFields.add(use);
        out.push({ kind: b.kind, name: use, field: true, scope: -1, origin: b.origin, group: b.group });
      }
    }
    return { bindings: out, escapes: false };
  }

  /** For each place a binding's value is handed on: the struct field it is stored in, or `escapes`. */
  private usesOf(binding: Binding): (string | 'escapes')[] {
    const out: (string | 'escapes')[] = [];
    const candidates = binding.field
      ? this.selectorsNamed(binding.name)
      : this.identifiersNamed(binding.name, binding.scope === -1 ? undefined : binding.scope);
    for (const ident of candidates) {
      if (binding.target && ident.startIndex === binding.target.startIndex && ident.endIndex === binding.target.endIndex) continue;
      if (!this.refersTo(ident, binding)) continue;
      let use: Node = ident;
      while (use.parent && (use.parent.type === 'parenthesized_expression' || (use.parent.type === 'unary_expression' && use.parent.text.startsWith('&')))) use = use.parent;
      const parent = use.parent;
      if (!parent) continue;
      // `x.Method()` or `x.Field` keeps the value where it is.
      if (parent.type === 'selector_expression' && parent.childForFieldName('operand')?.startIndex === use.startIndex) continue;
      const stmt = parent.parent;
      if (parent.type === 'expression_list' && stmt && isAssignment(stmt)) {
        const left = namedArgs(stmt.childForFieldName('left'));
        // The left side re-binds the name; it does not hand the value out.
        if (stmt.childForFieldName('left')?.startIndex === parent.startIndex) continue;
        const right = namedArgs(parent);
        const target = left[right.findIndex((n) => n.startIndex === use.startIndex)];
        const field = target?.type === 'selector_expression' ? target.childForFieldName('field')?.text : undefined;
        out.push(field ?? 'escapes');
        continue;
      }
      // `Publisher{producer: p}`: the value lives on in that field.
      if (parent.type === 'literal_element' && parent.parent?.type === 'keyed_element' && namedArgs(parent.parent)[1]?.startIndex === parent.startIndex) {
        const key = namedArgs(parent.parent)[0]?.namedChildren[0];
        out.push(key && (key.type === 'identifier' || key.type === 'field_identifier') ? key.text : 'escapes');
        continue;
      }
      // The key of a keyed element is a field name that happens to be spelled like the variable.
      if (parent.type === 'literal_element' && parent.parent?.type === 'keyed_element') continue;
      if (parent.type === 'binary_expression' || parent.type === 'var_spec' || parent.type === 'parameter_declaration') continue;
      if (parent.type === 'defer_statement' || parent.type === 'expression_statement') continue;
      out.push('escapes');
    }
    return out;
  }

  /** Line-based helpers over this file's text. */
  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  /** Offset of the line break that ends the line containing `offset` (or the end of the text). */
  lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }

  /** The whitespace that starts the line containing `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    let i = start;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text.slice(start, i);
  }

  /** True when only spaces and tabs precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** True when only spaces, tabs or a `//` comment follow `offset` on its line. */
  endsLine(offset: number): boolean {
    return /^[ \t]*(\/\/.*)?$/.test(this.text.slice(offset, this.lineEnd(offset)));
  }

  /**
   * The range that deletes the line(s) holding `node` (indentation and line break included), when nothing
   * else shares those lines; otherwise undefined.
   */
  wholeLines(node: Node, extraEnd = node.endIndex): Range | undefined {
    if (!this.startsLine(node.startIndex) || !this.endsLine(extraEnd)) return undefined;
    let end = this.lineEnd(extraEnd);
    if (this.text[end] === '\r' && this.text[end + 1] === '\n') end += 2;
    else if (end < this.text.length) end += 1;
    return { start: this.lineStart(node.startIndex), end };
  }

  /** The line break the file uses (the first one found), for inserted lines. */
  get eol(): string {
    return eolOf(this.text);
  }

  /**
   * A function that adds a line (without indentation) as a new statement after `statement`, at the same
   * indentation; undefined when something else shares the statement's lines. The returned function holds
   * only offsets and text, never syntax nodes, so it stays valid after the tree is re-parsed or freed.
   */
  lineAfter(statement: Node): ((line: string) => Edit) | undefined {
    if (!this.endsLine(statement.endIndex) || !this.startsLine(statement.startIndex)) return undefined;
    const at = this.lineEnd(statement.endIndex);
    const prefix = `${this.eol}${this.indentAt(statement.startIndex)}`;
    return (line) => ({ range: { start: at, end: at }, newText: `${prefix}${line}` });
  }

  /** Like {@link lineAfter}, applied at once. */
  insertLineAfter(statement: Node, line: string): Edit | undefined {
    return this.lineAfter(statement)?.(line);
  }

  /**
   * An edit that adds `line` as a new statement before `statement`, at the same indentation; undefined when
   * the statement does not start its line.
   */
  insertLineBefore(statement: Node, line: string): Edit | undefined {
    if (!this.startsLine(statement.startIndex)) return undefined;
    const at = this.lineStart(statement.startIndex);
    return { range: { start: at, end: at }, newText: `${this.indentAt(statement.startIndex)}${line}${this.eol}` };
  }

  /**
   * A function that adds an element (e.g. `RequiredAcks: kafka.RequireAll`) to a composite literal's body:
   * on a line of its own before the closing brace when the literal spans lines, else inline before the
   * brace. Like {@link lineAfter}, the function keeps only offsets and text.
   */
  elementInserter(body: Node): ((element: string) => Edit) | undefined {
    if (body.type !== 'literal_value' || body.hasError) return undefined;
    const close = body.lastChild;
    if (!close || close.type !== '}') return undefined;
    const elements = body.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
    const at = close.startIndex;
    const multiLine = this.text.slice(body.startIndex, at).includes('\n');
    if (multiLine) {
      if (!this.startsLine(at)) return undefined;
      const indent = elements.length > 0 ? this.indentAt(elements[elements.length - 1].startIndex) : `${this.indentAt(at)}\t`;
      const lineStart = this.lineStart(at);
      const eol = this.eol;
      return (element) => ({ range: { start: lineStart, end: lineStart }, newText: `${indent}${element},${eol}` });
    }
    const separator = elements.length === 0 ? '' : close.previousSibling?.type === ',' ? ' ' : ', ';
    return (element) => ({ range: { start: at, end: at }, newText: `${separator}${element}` });
  }

  /**
   * The range that removes one element of a comma-separated list (a call argument, a literal element):
   * its whole line when it stands alone on one, else the element and one adjacent comma.
   */
  listElementRemoval(element: Node): Range | undefined {
    const next = element.nextSibling;
    const afterComma = next?.type === ',' ? next.endIndex : element.endIndex;
    const lines = this.wholeLines(element, afterComma);
    if (lines) return lines;
    if (next?.type === ',') {
      let end = next.endIndex;
      while (this.text[end] === ' ' || this.text[end] === '\t') end++;
      return { start: element.startIndex, end };
    }
    const prev = element.previousSibling;
    if (prev?.type === ',') return { start: prev.startIndex, end: element.endIndex };
    return { start: element.startIndex, end: element.endIndex };
  }
}

/** The node types the scanner reads, collected in a single walk of the tree. */
const COLLECTED: ReadonlySet<string> = new Set([
  'import_spec',
  'function_declaration',
  'method_declaration',
  'call_expression',
  'assignment_statement',
  'short_var_declaration',
  'parameter_declaration',
  'field_declaration',
  'var_spec',
  'composite_literal',
  'identifier',
  'selector_expression',
]);

/** A call written as `<receiver>.<method>(...)`. */
export interface CallSite {
  readonly call: Node;
  /** The `receiver.method` selector. */
  readonly fn: Node;
  readonly receiver: Node;
  readonly method: string;
}

/** Groups items by a key, keeping source order within each group. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Adds a role once. */
export function addRole(group: GroupBuilder, role: Role): void {
  if (!group.roles.includes(role)) group.roles.push(role);
}

/** Calls `fn`, turning an exception into undefined: a rendering bug must never break linting. */
function safely<T>(fn: () => T | undefined): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** True for the statements that assign or declare with `=`/`:=`. */
function isAssignment(node: Node): boolean {
  return node.type === 'short_var_declaration' || node.type === 'assignment_statement';
}

const BRANCHES = new Set([
  'if_statement',
  'for_statement',
  'expression_switch_statement',
  'type_switch_statement',
  'select_statement',
  'expression_case',
  'default_case',
  'communication_case',
  'type_case',
]);

/** True when a node sits inside a branch or loop of its function rather than on the function's straight path. */
export function inBranch(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (BRANCHES.has(n.type)) return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal') return false;
  }
  return false;
}

/** Strips parentheses and `&` from an expression. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
    else if (n.type === 'unary_expression' && n.childForFieldName('operator')?.text === '&' && n.childForFieldName('operand')) n = n.childForFieldName('operand') as Node;
    else return n;
  }
}

/**
 * The expression a value is assigned to: `x := v`, `x = v`, `var x = v`, `s.f = v`, `a, err := v`.
 * Parentheses and `&` around the value are looked through.
 */
export function assignedTo(value: Node): Node | undefined {
  let v = value;
  while (v.parent && (v.parent.type === 'parenthesized_expression' || (v.parent.type === 'unary_expression' && v.parent.childForFieldName('operator')?.text === '&'))) v = v.parent;
  const list = v.parent;
  if (list?.type !== 'expression_list') return undefined;
  const stmt = list.parent;
  if (!stmt) return undefined;
  const values = list.namedChildren.filter((n): n is Node => n !== null);
  const index = values.findIndex((n) => n.startIndex === v.startIndex && n.endIndex === v.endIndex);
  let targets: Node[] = [];
  if (isAssignment(stmt) && stmt.childForFieldName('right')?.startIndex === list.startIndex) {
    targets = stmt.childForFieldName('left')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  } else if (stmt.type === 'var_spec' && stmt.childForFieldName('value')?.startIndex === list.startIndex) {
    targets = stmt.childrenForFieldName('name').filter((n): n is Node => n !== null);
  }
  if (targets.length === 0 || index < 0) return undefined;
  // `p, err := NewX()`: one call, several results; the Kafka object is the first.
  return values.length === 1 ? targets[0] : targets[index];
}

/** The statement (direct child of a statement list) that contains a node. */
export function statementOf(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.parent?.type === 'statement_list' || n.parent?.type === 'source_file') return n;
  }
  return undefined;
}

/** The text inside a Go string literal, with the common escapes decoded; undefined for anything else. */
export function stringContent(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return undefined;
  const inner = node.text.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'" };
  return inner.replace(/\\(.)/g, (m, c: string) => simple[c] ?? m);
}

/** Quotes a value as a Go interpreted string literal. */
export function goString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A Go value as Kafka would read it: string literals unquoted, numbers and booleans as written. Anything
 * computed at run time (a variable, a call) becomes `${expr}`, the placeholder form rules leave alone.
 */
export function literalValue(node: Node): string {
  const s = stringContent(node);
  if (s !== undefined) return s;
  if (node.type === 'int_literal' || node.type === 'float_literal') return node.text.replace(/_/g, '');
  if (node.type === 'true' || node.type === 'false') return node.type;
  if (node.type === 'unary_expression' && node.childForFieldName('operator')?.text === '-') {
    const operand = node.childForFieldName('operand');
    if (operand?.type === 'int_literal') return `-${operand.text.replace(/_/g, '')}`;
  }
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return literalValue(node.namedChildren[0]);
  return placeholder(node);
}

/** The placeholder for a value known only at run time. */
export function placeholder(node: Node): string {
  return `\${${node.text.replace(/\s+/g, ' ')}}`;
}

/** The number of milliseconds a simple Go duration expression stands for (`5 * time.Second`), else undefined. */
export function durationMillis(node: Node): number | undefined {
  const units: Record<string, number> = { Millisecond: 1, Second: 1000, Minute: 60000, Hour: 3600000 };
  const unit = (n: Node | null): number | undefined => {
    if (n?.type !== 'selector_expression' || n.childForFieldName('operand')?.text !== 'time') return undefined;
    return units[n.childForFieldName('field')?.text ?? ''];
  };
  const direct = unit(node);
  if (direct !== undefined) return direct;
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '*') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const [num, u] = left?.type === 'int_literal' ? [left, unit(right)] : [right, unit(left)];
  if (num?.type !== 'int_literal' || u === undefined) return undefined;
  return Number(num.text.replace(/_/g, '')) * u;
}

/** The named children of a node, without nulls and comments. */
export function namedArgs(node: Node | null | undefined): Node[] {
  return (node?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'comment');
}

/** True when an identifier named `name` occurs inside `node`. */
export function mentions(node: Node, name: string): boolean {
  if (node.type === 'identifier' && node.text === name) return true;
  return node.descendantsOfType('identifier').some((n) => n?.text === name);
}

/**
 * Receivers whose calls only report on a message: the `log`, `slog` and `fmt` packages and loggers held
 * under the usual names (`log`, `logger`, `l`, `zap`, `s.logger`, ...). The Go counterpart of the Python
 * scanner's REPORTING and the JS scanner's BOOKKEEPING lists.
 */
const LOGGER_NAMES = new Set(['log', 'logger', 'l', 'lg', 'zap', 'slog', 'logrus', 'klog', 'glog', 'zlog', 'zerolog', 'sugar', 'logr', 'Log', 'Logger', 'LOG']);
/** Methods of `log`, `slog`, zap, logrus, zerolog and klog that write a log line (or start one, in a chain). */
const LOG_METHODS = /^(Print|Fatal|Panic|Debug|Info|Warn|Warning|Error|Trace|DPanic|V|Log|LogAttrs)(f|ln|w|Context|Attrs|S|Depth)?$/;
/** `fmt` functions that print to the terminal (Sprintf builds a value, Fprintf may write the processed output). */
const FMT_PRINT = /^Print(f|ln)?$/;
/** Receiver names of metric instruments (`metrics.Processed.Inc()`, `lagGauge.Set(...)`, `counter.Add(ctx, 1, ...)`). */
const METRIC_NAME = /^(metrics?|stats|statsd|prom|telemetry|counters?|gauges?|histograms?|meters?)$|[a-z0-9](Metrics?|Stats|Counters?|Gauges?|Histograms?|Meters?)$|_(metrics?|counters?|gauges?|histograms?)$/;
/** Methods only metric instruments have, and the label lookups that lead to one (`m.WithLabelValues(msg.Topic).Inc()`). */
const METRIC_METHODS = new Set(['Inc', 'Dec', 'Observe']);
const METRIC_LABELS = new Set(['WithLabelValues', 'With', 'WithLabels', 'GetMetricWithLabelValues', 'CurryWith']);
const METRIC_UPDATES = new Set(['Inc', 'Dec', 'Add', 'Sub', 'Set', 'Observe']);

/**
 * True when a call only logs, prints or counts: `log.Printf(...)`, `fmt.Println(...)`, `slog.Info(...)`,
 * `h.logger.Info(...)`, `log.Info().Int64("offset", m.Offset).Msg("...")`, `logger.With(...).Debug(...)`,
 * `metrics.Consumed.Inc()`, `lag.WithLabelValues(m.Topic).Set(...)`. A message used only there is not processed.
 */
export function isReportingCall(call: Node): boolean {
  if (call.type !== 'call_expression') return false;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === 'print' || fn.text === 'println';
  // The methods of a call chain, outermost first, down to the receiver it starts from.
  const methods: string[] = [];
  let n: Node | null | undefined = fn;
  while (n?.type === 'selector_expression') {
    methods.push(n.childForFieldName('field')?.text ?? '');
    const operand: Node | null = n.childForFieldName('operand');
    n = operand?.type === 'call_expression' ? operand.childForFieldName('function') : operand;
    if (operand?.type !== 'call_expression') break;
  }
  // `log`, `h.logger`, `s.metrics.Consumed`: the name the chain starts from (the last field for a selector).
  let receiver = n?.type === 'selector_expression' ? n.childForFieldName('field')?.text : n?.type === 'identifier' ? n.text : undefined;
  const root = n?.type === 'selector_expression' ? n.childForFieldName('operand') : undefined;
  if (receiver === undefined || methods.length === 0) return false;
  if (receiver === 'fmt') return methods.length === 1 && FMT_PRINT.test(methods[0]);
  if (LOGGER_NAMES.has(receiver)) return methods.some((m) => LOG_METHODS.test(m));
  // `metrics.Consumed.Inc()`: the instrument is a field of a metrics holder.
  if (!METRIC_NAME.test(receiver) && root?.type === 'identifier' && METRIC_NAME.test(root.text)) receiver = root.text;
  if (METRIC_NAME.test(receiver)) return true;
  const last = methods[0];
  return METRIC_METHODS.has(last) || (METRIC_UPDATES.has(last) && methods.slice(1).some((m) => METRIC_LABELS.has(m)));
}

/**
 * True when `node` uses the variable `name` to process something: an identifier named `name` occurs in it
 * outside logging, printing and metrics calls ({@link isReportingCall}).
 */
export function processes(node: Node, name: string): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'identifier' && n.text === name) return true;
    if (n.type === 'call_expression' && isReportingCall(n)) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

export { nodeRange };

/** True when a call's results are thrown away: a bare statement, `go`/`defer`, or assigned only to `_`. */
export function resultIgnored(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === 'expression_statement' || parent.type === 'go_statement' || parent.type === 'defer_statement') return true;
  const stmt = parent.parent;
  if (parent.type === 'expression_list' && stmt && isAssignment(stmt) && stmt.childForFieldName('right')?.startIndex === parent.startIndex) {
    return namedArgs(stmt.childForFieldName('left')).every((n) => n.text === '_');
  }
  return false;
}

/**
 * Reports calls of `methods` on the given bindings whose results (and so their error) are thrown away.
 * `chained` names methods that read the result (`ProduceSync(...).FirstErr()`): then the chained call counts.
 */
export function ignoredSends(ctx: GoContext, library: GoLibrary, methods: readonly string[], targets: readonly Binding[], detail: (call: string) => string, chained: readonly string[] = []): void {
  for (const site of ctx.callsTo(methods)) {
    if (!targets.some((t) => ctx.refersTo(site.receiver, t))) continue;
    let result: Node = site.call;
    const outer = result.parent?.type === 'selector_expression' ? result.parent.parent : null;
    if (outer?.type === 'call_expression' && chained.includes(result.parent?.childForFieldName('field')?.text ?? '')) result = outer;
    if (!resultIgnored(result)) continue;
    ctx.addFact('unhandled-send', library, nodeRange(site.fn), detail(site.fn.text));
  }
}

/**
 * The fix that moves a one-line statement to just after `after` in the same block (or just before it when
 * `after` is a return, continue, break or goto, after which nothing runs). Empty when it cannot be done safely.
 */
export function moveStatementAfter(ctx: GoContext, statement: Node, after: Node, what: string): Fix[] {
  const remove = ctx.wholeLines(statement);
  const terminator = ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'].includes(after.type);
  const insert = terminator ? ctx.insertLineBefore(after, statement.text) : ctx.insertLineAfter(after, statement.text);
  if (!remove || !insert || statement.text.includes('\n')) return [];
  return [{ title: `Move ${statement.text} after ${what}`, preferred: true, edits: [{ range: remove, newText: '' }, insert] }];
}

/** How to find a commit call that runs before the message it commits is processed. */
export interface EarlyCommitCheck {
  readonly library: GoLibrary;
  readonly kinds: readonly BindingKind[];
  /**
   * Commit methods, with the index of the argument naming the message, or `poll` when the method takes
   * none and commits what the last poll in the same block returned.
   */
  readonly commits: Readonly<Record<string, number | 'poll'>>;
  /** Methods whose result holds the polled message(s). */
  readonly polls: readonly string[];
  readonly detail: (call: string, message: string) => string;
}

/**
 * A commit followed, in the same block, by statements that still use the message it commits (outside
 * logging and metrics calls, see {@link processes}): the offset
 * is stored before the processing, and a crash in between skips the message. The fix moves the commit to
 * the end of the block.
 */
export function commitBeforeProcessing(ctx: GoContext, check: EarlyCommitCheck): void {
  const targets = ctx.bindings.filter((b) => check.kinds.includes(b.kind));
  for (const site of ctx.callsTo(Object.keys(check.commits))) {
    if (!targets.some((t) => ctx.refersTo(site.receiver, t))) continue;
    const statement = statementOf(site.call);
    const list = statement?.parent;
    if (!statement || list?.type !== 'statement_list') continue;
    const siblings = namedArgs(list);
    const how = check.commits[site.method];
    let message: string | undefined;
    if (how === 'poll') {
      const receiver = site.receiver.text;
      const poll = siblings
        .filter((s) => s.endIndex <= statement.startIndex && isAssignment(s))
        .reverse()
        .find((s) => namedArgs(s.childForFieldName('right')).some((r) => {
          const fn = r.type === 'call_expression' ? r.childForFieldName('function') : null;
          return fn?.type === 'selector_expression' && fn.childForFieldName('operand')?.text === receiver && check.polls.includes(fn.childForFieldName('field')?.text ?? '');
        }));
      const first = poll ? namedArgs(poll.childForFieldName('left'))[0] : undefined;
      message = first?.type === 'identifier' && first.text !== '_' ? first.text : undefined;
    } else {
      message = rootIdentifier(namedArgs(site.call.childForFieldName('arguments'))[how]);
    }
    if (!message) continue;
    const name = message;
    const later = siblings.filter((s) => s.startIndex > statement.endIndex);
    // Logging the offset after committing it is not processing the message.
    if (!later.some((s) => processes(s, name))) continue;
    // The fix commits at the end of the block: values derived from the message are processed up to there.
    ctx.addFact('commit-before-processing', check.library, nodeRange(site.call), check.detail(site.fn.text, name), {
      fixes: moveStatementAfter(ctx, statement, later[later.length - 1], 'the processing'),
    });
  }
}

/** The variable an expression starts from: `fetches` for `fetches.Records()...`, `m` for `m`. */
function rootIdentifier(node: Node | undefined | null): string | undefined {
  let n = node;
  while (n && n.type !== 'identifier') {
    if (n.type === 'selector_expression' || n.type === 'index_expression') n = n.childForFieldName('operand');
    else if (n.type === 'call_expression') n = n.childForFieldName('function');
    else if (n.type === 'variadic_argument' || n.type === 'parenthesized_expression' || n.type === 'unary_expression') n = n.namedChildren[n.namedChildren.length - 1];
    else return undefined;
  }
  return n && n.text !== '_' ? n.text : undefined;
}

/** True when a call runs deferred: `defer x.Close()` or inside a deferred function literal. */
export function isDeferred(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'defer_statement') return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration') return false;
  }
  return false;
}

/** What the close-without-flush check needs to know about one library. */
export interface CloseCheck {
  readonly library: GoLibrary;
  readonly kinds: readonly BindingKind[];
  /** True when the object behind these bindings sends records (a consumer-only client buffers nothing). */
  readonly produces: (bindings: readonly Binding[]) => boolean;
  /** The Flush call to add for a receiver, or undefined when none can be written safely in that function. */
  readonly flushCall: (receiver: string, fn: Node | null) => string | undefined;
  readonly detail: (receiver: string) => string;
}

/**
 * `x.Close()` on a producer with no `x.Flush(...)` before it in the same function (for a deferred Close,
 * anywhere in the function): the records still buffered are dropped. The fix adds the Flush.
 */
export function closeWithoutFlush(ctx: GoContext, check: CloseCheck): void {
  for (const { call, receiver } of ctx.callsTo('Close')) {
    if (namedArgs(call.childForFieldName('arguments')).length > 0) continue;
    const bindings = ctx.resolve(receiver, check.kinds);
    if (bindings.length === 0 || !check.produces(bindings)) continue;
    const scope = ctx.functionAt(call.startIndex) ?? null;
    const deferred = isDeferred(call);
    const name = receiver.text.replace(/\s+/g, '');
    const flushed = ctx.callsTo('Flush').some((site) => {
      if (site.receiver.text.replace(/\s+/g, '') !== name) return false;
      if ((ctx.functionAt(site.call.startIndex) ?? null)?.startIndex !== scope?.startIndex) return false;
      return deferred || site.call.startIndex < call.startIndex;
    });
    if (flushed) continue;
    const flush = check.flushCall(name, scope);
    const fixes: Fix[] = [];
    if (flush !== undefined) {
      const statement = call.parent;
      let edit: Edit | undefined;
      if (statement?.type === 'defer_statement') {
        edit = { range: nodeRange(call), newText: `func() { ${flush}; ${call.text} }()` };
      } else if (statement?.type === 'expression_statement' && statement.parent?.type === 'statement_list') {
        edit = ctx.insertLineBefore(statement, flush);
      }
      if (edit) fixes.push({ title: `Call ${name}.Flush before ${name}.Close()`, preferred: true, edits: [edit] });
    }
    ctx.addFact('close-without-flush', check.library, nodeRange(call), check.detail(name), { fixes });
  }
}

/** The name of a `context.Context` parameter of a function, if it has one. */
export function contextParameter(fn: Node | null): string | undefined {
  const params = fn?.childForFieldName('parameters');
  for (const p of namedArgs(params)) {
    if (p.type !== 'parameter_declaration' || p.childForFieldName('type')?.text !== 'context.Context') continue;
    const name = p.childrenForFieldName('name')[0];
    if (name) return name.text;
  }
  return undefined;
}

/** True when the file imports a standard-library package by its plain name (`context`, `time`). */
export function importsPlain(root: Node, path: string): boolean {
  return root.descendantsOfType('import_spec').some((s) => s !== null && !s.childForFieldName('name') && stringContent(s.childForFieldName('path')) === path);
}
