import type { Node } from './tree-sitter';

/**
 * The binding tracker the JavaScript/TypeScript and Python scanners share: the names a file binds (imports,
 * assignments, fields, typed parameters), each resolved to what it holds as far as Kafka is concerned, to a
 * fixed point so that declaration order does not matter.
 *
 * The table is file-wide, without scopes: a name bound to a Kafka value in one function and to an instance
 * of some other class in another is ambiguous, so it is dropped (a `send()` on it is then never taken for a
 * Kafka send). Each language supplies the grammar: which nodes bind names (`collect`), what an expression
 * evaluates to (`compute`), what one binding holds (`valueOf`) and which bindings contradict a Kafka value
 * (`contradicts`).
 */
export abstract class BindingTable<S, B extends { readonly name: string }> {
  protected readonly bindings: B[] = [];
  private readonly env = new Map<string, S>();
  private readonly memo = new Map<number, S | null>();
  private depth = 0;
  /** True once an import of a Kafka package has been seen. */
  importsKafka = false;

  /** Records the bindings a node introduces; called for every node the scanner's walk visits. */
  abstract collect(node: Node): void;

  /** What one binding holds, from what the table knows so far. */
  protected abstract valueOf(binding: B): S | undefined;

  /** What an expression evaluates to (the memo and the depth guard are the table's). */
  protected abstract compute(node: Node): S | undefined;

  /** True when a binding of a name that resolved to a Kafka value holds something else: the name is dropped. */
  protected abstract contradicts(binding: B): boolean;

  /**
   * What a settled name holds once every binding is resolved: the first binding that resolved gave `sym`,
   * and a language may weigh the name's other bindings against it. By default `sym` stands.
   */
  protected refine(_name: string, sym: S): S {
    return sym;
  }

  /** Resolves every binding until nothing changes (a few rounds at most: each round can only add names). */
  settle(): void {
    for (let round = 0; round < 6; round++) {
      let changed = false;
      for (const b of this.bindings) {
        if (this.env.has(b.name)) continue;
        const sym = this.valueOf(b);
        if (sym) {
          this.env.set(b.name, sym);
          changed = true;
        }
      }
      this.memo.clear();
      if (!changed) break;
    }
    for (const b of this.bindings) if (this.env.has(b.name) && this.contradicts(b)) this.env.delete(b.name);
    this.memo.clear();
    // Every name is weighed against the same settled table, then all are updated: the order of names does not matter.
    const refined = [...this.env].map(([name, sym]) => [name, this.refine(name, sym)] as const);
    for (const [name, sym] of refined) this.env.set(name, sym);
    this.memo.clear();
  }

  /** The Kafka value a name (`producer`, `this.producer`, `self.producer`) holds, if any. */
  lookup(name: string): S | undefined {
    return this.env.get(name);
  }

  /** What an expression evaluates to, or undefined when it is not (known to be) a Kafka value. */
  resolve(node: Node): S | undefined {
    const cached = this.memo.get(node.id);
    if (cached !== undefined) return cached ?? undefined;
    return this.guarded(() => {
      const sym = this.compute(node);
      this.memo.set(node.id, sym ?? null);
      return sym;
    });
  }

  /**
   * Runs a step of resolution under the depth guard: past 40 nested steps (a cycle through assignments, or
   * absurdly deep input) the answer is undefined.
   */
  protected guarded<T>(step: () => T | undefined): T | undefined {
    if (this.depth > 40) return undefined;
    this.depth++;
    try {
      return step();
    } finally {
      this.depth--;
    }
  }
}
