import type { CodeFact, CodeFix, ConfigEntry, ConfigGroup, Edit, Range, Role, Severity, ValueBranch } from '../../model';
import type { Node } from '../common/tree-sitter';
import { entryIdentity } from '../common/syntax';
import type { GoLibrary } from './file';
import { GoFile } from './file';
import { assignedTo, isAssignment, keyedField, namedArgs, unwrap } from './syntax';
import type { Message } from '../../i18n/index';

/**
 * The scan of one Go file: on top of the indexed syntax ({@link GoFile}), the variables that hold Kafka
 * objects (a name bound in a function, or a struct field used across the file) and where their values go,
 * and the config groups and code facts the per-library passes build.
 */

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
  /** The literals the value can take, one per `if` arm (go/values.ts); `value` is then a placeholder. */
  readonly branches?: readonly ValueBranch[];
}

/** The scan of one Go file: its tree, its imports and what has been found so far. */
export class GoContext extends GoFile {
  readonly groups: GroupBuilder[] = [];
  readonly facts: CodeFact[] = [];
  readonly bindings: Binding[] = [];
  private readonly bindingsByName = new Map<string, Binding[]>();
  private fieldTypes?: Map<string, Set<string>>;
  /** The expressions each local function returns, by function name (see {@link resolveValue}). */
  private readonly returnCache = new Map<string, Node[]>();

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
      identity: entryIdentity(index, spec.key, conditional === true, spec.keyRange.start),
      renderValue: render ? (value) => safely(() => render(value)) : undefined,
    };
    group.entries.push(entry);
    if (spec.role) addRole(group, spec.role);
    return entry;
  }

  /** Records a code fact. */
  addFact(kind: CodeFact['kind'], library: GoLibrary, range: Range, detail: Message, options: { severity?: Severity; fixes?: CodeFix[] } = {}): void {
    this.facts.push({ kind, library, range, detail, ...(options.severity ? { severity: options.severity } : {}), ...(options.fixes?.length ? { fixes: options.fixes } : {}) });
  }

  /**
   * Records that `value` (a constructor call or literal) is held by the variable it is assigned to, or by
   * the struct field it is the value of in a literal (`&Client{reader: kafka.NewReader(...)}`): that field is
   * then matched by name across the file, as if assigned with `c.reader = ...`. A value that is neither
   * (returned, passed on) gets a nameless binding, which no name resolves to but which {@link resolveValue}
   * finds when a local function returns it.
   */
  bind(kind: BindingKind, value: Node, group?: GroupBuilder): Binding | undefined {
    const target = assignedTo(value);
    if (target) return this.bindTarget(kind, target, value, group);
    const field = keyedField(value);
    if (field) {
      const binding: Binding = { kind, name: field.text, field: true, scope: -1, origin: value, group };
      this.addBinding(binding);
      return binding;
    }
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
      if (local.length > 1) {
        const seen = reachingAssignment(local, e);
        if (seen) return [seen];
      }
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

/**
 * Of several bindings of one name in one function, the one a use sees when the code shows it: the last
 * assignment before the use whose statement's block also holds the use, so that it ran on every path to it
 * (`config = sarama.NewConfig()` starts a new config: the settings written after it are that one's).
 * Undefined when it cannot be told: no assignment before the use, the last one in a branch the use is not
 * in, or the use in a loop that also assigns the name later. The caller then takes every binding.
 */
function reachingAssignment(bindings: readonly Binding[], use: Node): Binding | undefined {
  const assigned = bindings.filter((b) => b.target !== undefined).sort((a, b) => a.target!.startIndex - b.target!.startIndex);
  if (assigned.length < 2) return undefined;
  const before = assigned.filter((b) => b.target!.endIndex <= use.startIndex);
  const last = before[before.length - 1];
  if (!last) return undefined;
  const block = blockOf(last.target!);
  if (!block || block.startIndex > use.startIndex || use.endIndex > block.endIndex) return undefined;
  // A later assignment in a loop around the use may run before it on the next turn.
  for (const later of assigned) {
    if (later.target!.startIndex < use.startIndex) continue;
    for (let n = use.parent; n && n.type !== 'function_declaration' && n.type !== 'method_declaration' && n.type !== 'func_literal'; n = n.parent) {
      if (n.type === 'for_statement' && n.startIndex <= later.target!.startIndex && later.target!.endIndex <= n.endIndex) return undefined;
    }
  }
  return last;
}

/** The block whose statement holds `node` (the statement's own parent). */
function blockOf(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent && n.parent.type !== 'block' && n.parent.type !== 'statement_list' && n.parent.type !== 'source_file') n = n.parent;
  return n?.parent ?? undefined;
}
