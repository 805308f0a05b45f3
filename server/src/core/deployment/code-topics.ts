import type { DocumentKind, TopicRef } from '../model';

/**
 * Topic names client code writes as string literals where it sends or subscribes, for the deployment model
 * (a producer that sends to "payments" is linked to the topic file of payments, not to whichever topic is
 * nearest):
 *
 * - Java: `new ProducerRecord<>("orders", …)`, `kafkaTemplate.send("orders", …)`, `subscribe(List.of("a", "b"))`
 *   (`Arrays.asList`, `Set.of`, `Collections.singletonList`, `Pattern` excluded), `@KafkaListener(topics = …)`;
 * - JavaScript/TypeScript (kafkajs, confluent-kafka-javascript): `send({ topic: 'orders', … })`,
 *   `sendBatch({ topicMessages: [{ topic: … }] })`, `subscribe({ topic: 'a' })` / `subscribe({ topics: ['a'] })`;
 * - Python: `producer.send('orders', …)` / `producer.produce('orders', …)`, `consumer.subscribe(['a'])`,
 *   `KafkaConsumer('a', 'b', …)`;
 * - Go: `kafka.Message{Topic: "orders"}` (segmentio), `sarama.ProducerMessage{Topic: …}`, `kgo.Record{Topic: …}`,
 *   `kgo.DefaultProduceTopic("…")`, `kafka.Writer{Topic: …}`; consumers `kgo.ConsumeTopics("a", …)`,
 *   `kafka.ReaderConfig{Topic: …}`, `SubscribeTopics([]string{…})`, `ConsumePartition("…", …)`,
 *   `Consume(ctx, []string{…}, …)`.
 *
 * Only literals count (a variable or a `${}` template names no topic here, but is recorded in `unnamed`, so that
 * the model does not take the folder's only topic for the one such a client writes to). Comments are blanked first, so a
 * commented-out send names nothing. The ranges are those of the name inside its quotes. Pure.
 */
export function codeTopics(kind: DocumentKind, text: string): CodeTopics {
  const patterns = PATTERNS[kind];
  if (!patterns) return { produces: [], consumes: [], unnamed: [] };
  const code = blankComments(text, kind === 'python' ? 'hash' : 'slash');
  const found: Record<'produces' | 'consumes', TopicRef[]> = { produces: [], consumes: [] };
  const unnamed = new Set<'produces' | 'consumes'>();
  const seen = new Set<string>();
  for (const { use, pattern, unnamed: other, after } of patterns) {
    if (!unnamed.has(use) && !matches(code, other, after).next().done) unnamed.add(use);
    for (const m of matches(code, pattern, after)) {
      const list = m.groups?.list;
      if (list === undefined) continue;
      const at = m.index + m[0].length - list.length - (m.groups?.tail?.length ?? 0);
      for (const literal of stringLiterals(list)) {
        const start = at + literal.start;
        const key = `${use}\u0000${start}`;
        if (/\$\{|%[sd]/.test(literal.value)) unnamed.add(use);
        if (seen.has(key) || literal.value === '' || /\$\{|%[sd]/.test(literal.value)) continue;
        seen.add(key);
        found[use].push({ name: literal.value, use, range: { start, end: start + literal.value.length } });
      }
    }
  }
  for (const list of Object.values(found)) list.sort((a, b) => a.range.start - b.range.start);
  return { ...found, unnamed: [...unnamed].sort() };
}

export interface CodeTopics {
  readonly produces: readonly TopicRef[];
  readonly consumes: readonly TopicRef[];
  /**
   * The uses for which the code also sends or subscribes with a topic that is not a literal (a variable,
   * `process.env.TOPIC`, a `${}` template): such a client names a topic this reading cannot see, so the model
   * must not guess one from the folder.
   */
  readonly unnamed: readonly ('produces' | 'consumes')[];
}

/** A quoted string: "…", '…' or `…` (no escapes inside a topic name worth reading). */
const STRING = String.raw`(?:"[^"\\\n]*"|'[^'\\\n]*'|` + '`[^`\\\\]*`' + ')';
/**
 * What may stand between `{` and a key: anything but braces, or one level of nested braces (`Brokers: []string{…}`).
 * It never crosses the object's closing brace, so a call without the key costs only its own object, not the
 * rest of the file (an unbounded `[^]*?` here made a file of 16,000 `sendBatch({ acks })` calls take 20 s).
 */
const INSIDE = String.raw`(?:[^{}]|\{[^{}]*\})*?`;
/** One or more strings separated by commas. */
const STRINGS = String.raw`${STRING}(?:\s*,\s*${STRING})*`;

interface TopicPattern {
  readonly use: 'produces' | 'consumes';
  /** Named group `list` holds the literals; `tail` (optional) what the match has after them. */
  readonly pattern: RegExp;
  /** The same call with an expression instead of the literals (an identifier, a member chain, a call). */
  readonly unnamed: RegExp;
  /** What must come just before a match (see {@link Before}); nothing when the pattern says it all. */
  readonly after?: Before;
}

/**
 * What a pattern needs just before it, checked by hand instead of in the regular expression: `.` (a method
 * call: `\.\s*send…`) or the keyword `new` (`\bnew\s+ProducerRecord…`). A pattern that starts with a
 * distinctive word (`send`, `subscribe`, `ProducerRecord`) is found by V8 with a fast literal search, where
 * one that starts with `\.` is tried at every dot of the file: on each keystroke in a 1,400-line Java
 * file that was 0.1 ms per pattern, 0.6 ms for the topics of one file. The matches are the same.
 */
type Before = 'member' | 'new';

/**
 * The matches of a global `pattern` in `code`, in order, that have `after` just before them (all matches
 * without one): the same matches as the pattern with `\.\s*` or `\bnew\s+` written in front. A match
 * without it is skipped and the search goes on from its next character, as the longer pattern would.
 */
function* matches(code: string, pattern: RegExp, after: Before | undefined): Generator<RegExpExecArray> {
  let from = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(code); m; m = pattern.exec(code)) {
    if (after === undefined || startOfBefore(code, m.index, after) >= from) {
      from = pattern.lastIndex;
      yield m;
    } else pattern.lastIndex = m.index + 1;
  }
}

/** Where `after` starts when it ends (with any whitespace) just before `at`, else -1. */
function startOfBefore(code: string, at: number, after: Before): number {
  let i = at;
  while (i > 0 && WHITESPACE.test(code[i - 1])) i--;
  if (after === 'member') return i > 0 && code[i - 1] === '.' ? i - 1 : -1;
  const start = i - 3;
  return i < at && start >= 0 && code.startsWith('new', start) && (start === 0 || !WORD.test(code[start - 1])) ? start : -1;
}

const WHITESPACE = /\s/;
const WORD = /\w/;

/** Where a pattern has its literals, an expression that is not one: `topic`, `process.env.TOPIC`, `topic()`. */
const EXPRESSION = String.raw`(?<list>[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*(?:\s*\([^()]*\))?)(?![\w$])(?!\s*=(?!=))`;

const p = (use: TopicPattern['use'], written: string): TopicPattern => {
  // `\.\s*` and `\bnew\s+` in front are checked by hand (see Before), the rest is the regular expression.
  const after: Before | undefined = written.startsWith(MEMBER) ? 'member' : written.startsWith(NEW) ? 'new' : undefined;
  const source = after === 'member' ? written.slice(MEMBER.length) : after === 'new' ? written.slice(NEW.length) : written;
  return {
    use,
    pattern: new RegExp(source, 'g'),
    unnamed: new RegExp(source.replace(`(?<list>${STRINGS})`, () => EXPRESSION).replace(`(?<list>${STRING})`, () => EXPRESSION), 'g'),
    after,
  };
};
const MEMBER = String.raw`\.\s*`;
const NEW = String.raw`\bnew\s+`;

const JAVA: readonly TopicPattern[] = [
  p('produces', String.raw`\bnew\s+ProducerRecord\s*(?:<[^()]*?>)?\s*\(\s*(?<list>${STRING})`),
  p('produces', String.raw`\.\s*send(?:Default)?\s*\(\s*(?<list>${STRING})(?<tail>\s*,)`),
  p('consumes', String.raw`\.\s*subscribe\s*\(\s*(?:List\s*\.\s*of|Set\s*\.\s*of|Arrays\s*\.\s*asList|Collections\s*\.\s*singletonList|Collections\s*\.\s*singleton)\s*\(\s*(?<list>${STRINGS})`),
  p('consumes', String.raw`@KafkaListener\s*\([^)]*?\btopics\s*=\s*\{?\s*(?<list>${STRINGS})`),
];

const JAVASCRIPT: readonly TopicPattern[] = [
  p('produces', String.raw`\.\s*send\s*\(\s*\{${INSIDE}\btopic\s*:\s*(?<list>${STRING})`),
  p('produces', String.raw`\.\s*sendBatch\s*\(\s*\{${INSIDE}\btopicMessages\s*:\s*\[\s*\{[^{}]*?\btopic\s*:\s*(?<list>${STRING})`),
  p('consumes', String.raw`\.\s*subscribe\s*\(\s*\{${INSIDE}\btopics?\s*:\s*\[?\s*(?<list>${STRINGS})`),
];

const PYTHON: readonly TopicPattern[] = [
  p('produces', String.raw`\.\s*(?:send|produce)\s*\(\s*(?:topic\s*=\s*)?(?<list>${STRING})`),
  p('consumes', String.raw`\.\s*subscribe\s*\(\s*(?:topics\s*=\s*)?[\[(]\s*(?<list>${STRINGS})`),
  p('consumes', String.raw`\bKafkaConsumer\s*\(\s*(?<list>${STRINGS})`),
];

const GO: readonly TopicPattern[] = [
  p('produces', String.raw`\b(?:kafka\s*\.\s*Message|sarama\s*\.\s*ProducerMessage|kgo\s*\.\s*Record|kafka\s*\.\s*Writer)\s*\{${INSIDE}\bTopic\s*:\s*(?<list>${STRING})`),
  p('produces', String.raw`\bkgo\s*\.\s*DefaultProduceTopic\s*\(\s*(?<list>${STRING})`),
  p('consumes', String.raw`\bkgo\s*\.\s*ConsumeTopics\s*\(\s*(?<list>${STRINGS})`),
  p('consumes', String.raw`\bkafka\s*\.\s*ReaderConfig\s*\{${INSIDE}\b(?:Topic\s*:\s*|GroupTopics\s*:\s*\[\]string\s*\{\s*)(?<list>${STRINGS})`),
  p('consumes', String.raw`\.\s*SubscribeTopics\s*\(\s*\[\]string\s*\{\s*(?<list>${STRINGS})`),
  p('consumes', String.raw`\.\s*ConsumePartition\s*\(\s*(?<list>${STRING})`),
  p('consumes', String.raw`\.\s*Consume\s*\(\s*[\w.]+\s*,\s*\[\]string\s*\{\s*(?<list>${STRINGS})`),
];

const PATTERNS: Partial<Record<DocumentKind, readonly TopicPattern[]>> = {
  java: JAVA,
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
  python: PYTHON,
  go: GO,
};

/** The string literals of a comma-separated list, with their content's offset in the list and value. */
function stringLiterals(list: string): { start: number; value: string }[] {
  const out: { start: number; value: string }[] = [];
  const re = new RegExp(STRING, 'g');
  for (let m = re.exec(list); m; m = re.exec(list)) out.push({ start: m.index + 1, value: m[0].slice(1, -1) });
  return out;
}

/**
 * The text with every comment replaced by spaces (line breaks kept, so offsets stay), strings left as they
 * are: `//` and `/* … *\/` comments (Java, JavaScript, TypeScript, Go) or `#` comments (Python).
 *
 * Runs on every keystroke in an open client-code file (the deployment extract reads its topics), so it jumps
 * from one quote or comment start to the next with a regular expression and copies the text between them in
 * slices; a text without comments is returned as it is.
 */
export function blankComments(text: string, style: 'slash' | 'hash'): string {
  const next = style === 'hash' ? /["'`#]/g : /["'`/]/g;
  const parts: string[] = [];
  let copied = 0;
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(copied, from), text.slice(from, to).replace(/[^\n\r]/g, ' '));
    copied = to;
  };
  let i = 0;
  while (i < text.length) {
    next.lastIndex = i;
    const found = next.exec(text);
    if (!found) break;
    i = found.index;
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      // Python's triple-quoted strings, then ordinary ones (a line break ends all but backquoted and triple ones).
      const triple = style === 'hash' && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n' && !triple && c !== '`') break;
        j++;
      }
      i = j + close.length;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    i++;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
