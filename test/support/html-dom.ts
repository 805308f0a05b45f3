import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

/**
 * HTML as a browser parses it (parse5 follows the WHATWG parsing algorithm), for tests that assert the
 * structure of a page rather than its text: `parseHtml` also collects parse errors, and `select` takes the
 * small part of CSS selectors the tests need (`tag#id.class[attr=value]`, descendants separated by spaces).
 */

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface ParsedHtml {
  readonly document: ParentNode;
  /** Parse errors by code (`eof-in-tag`, `unexpected-character-in-attribute-name`, …). */
  readonly errors: readonly string[];
}

export function parseHtml(html: string): ParsedHtml {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}:${e.startCol}`) });
  return { document, errors };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  const children = 'childNodes' in node ? [...node.childNodes] : [];
  // A <template>'s content is a fragment of its own.
  if (isElement(node) && node.tagName === 'template' && 'content' in node) children.push(...(node as unknown as { content: ParentNode }).content.childNodes);
  return children;
}

/** Every element under `root`, in document order. */
export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    for (const c of childrenOf(n)) {
      if (isElement(c)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The value of an attribute, or undefined. */
export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The classes of an element. */
export function classes(el: Element): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter((c) => c !== '');
}

/** The text content, with runs of white space collapsed (as a reader sees it). */
export function text(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    for (const c of childrenOf(n)) walk(c);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

interface Compound {
  readonly tag?: string;
  readonly id?: string;
  readonly classes: readonly string[];
  readonly attrs: readonly { name: string; value?: string }[];
}

function parseCompound(source: string): Compound {
  const m = /^([a-z][a-z0-9-]*)?((?:[#.][\w-]+|\[[\w-]+(?:=(?:"[^"]*"|[^\]]*))?\])*)$/i.exec(source);
  if (!m) throw new Error(`unsupported selector: ${source}`);
  const classes: string[] = [];
  const attrs: { name: string; value?: string }[] = [];
  let id: string | undefined;
  for (const part of m[2].match(/[#.][\w-]+|\[[^\]]+\]/g) ?? []) {
    if (part[0] === '#') id = part.slice(1);
    else if (part[0] === '.') classes.push(part.slice(1));
    else {
      const [name, value] = part.slice(1, -1).split(/=(.*)/s);
      attrs.push({ name, value: value === undefined ? undefined : value.replace(/^"(.*)"$/s, '$1') });
    }
  }
  return { tag: m[1]?.toLowerCase(), id, classes, attrs };
}

function matches(el: Element, c: Compound): boolean {
  if (c.tag && el.tagName !== c.tag) return false;
  if (c.id && attr(el, 'id') !== c.id) return false;
  const own = classes(el);
  if (!c.classes.every((k) => own.includes(k))) return false;
  return c.attrs.every((a) => {
    const v = attr(el, a.name);
    return v !== undefined && (a.value === undefined || v === a.value);
  });
}

/** Elements under `root` matching a selector of compounds joined by the descendant combinator. */
export function select(root: Node, selector: string): Element[] {
  const chain = selector.trim().split(/\s+/).map(parseCompound);
  let scope: Node[] = [root];
  for (const compound of chain) {
    const found = new Set<Element>();
    for (const s of scope) for (const el of elements(s)) if (matches(el, compound)) found.add(el);
    scope = [...found];
  }
  return scope as Element[];
}

/** The one element matching `selector`; fails when there is none or more than one. */
export function selectOne(root: Node, selector: string): Element {
  const found = select(root, selector);
  if (found.length !== 1) throw new Error(`expected one element for '${selector}', found ${found.length}`);
  return found[0];
}
