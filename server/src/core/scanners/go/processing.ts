import type { Node } from '../common/tree-sitter';

/**
 * What counts as processing a message in Go: using it anywhere but in a logging, printing or metrics call.
 */

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
/** `fmt.Fprintf(os.Stderr, ...)`: printing to the terminal's streams, as confluent-kafka-go's examples report a failed offset store. */
const FMT_FPRINT = /^Fprint(f|ln)?$/;
const TERMINAL_STREAMS = new Set(['os.Stderr', 'os.Stdout']);
/** Receiver names of metric instruments (`metrics.Processed.Inc()`, `lagGauge.Set(...)`, `counter.Add(ctx, 1, ...)`). */
const METRIC_NAME = /^(metrics?|stats|statsd|prom|telemetry|counters?|gauges?|histograms?|meters?)$|[a-z0-9](Metrics?|Stats|Counters?|Gauges?|Histograms?|Meters?)$|_(metrics?|counters?|gauges?|histograms?)$/;
/** Methods only metric instruments have, and the label lookups that lead to one (`m.WithLabelValues(msg.Topic).Inc()`). */
const METRIC_METHODS = new Set(['Inc', 'Dec', 'Observe']);
const METRIC_LABELS = new Set(['WithLabelValues', 'With', 'WithLabels', 'GetMetricWithLabelValues', 'CurryWith']);
const METRIC_UPDATES = new Set(['Inc', 'Dec', 'Add', 'Sub', 'Set', 'Observe']);

/**
 * True when a call only logs, prints or counts: `log.Printf(...)`, `fmt.Println(...)`, `fmt.Fprintf(os.Stderr, ...)`, `slog.Info(...)`,
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
  if (receiver === 'fmt') {
    if (methods.length !== 1) return false;
    if (FMT_PRINT.test(methods[0])) return true;
    const stream = call.childForFieldName('arguments')?.namedChildren[0];
    return FMT_FPRINT.test(methods[0]) && !!stream && TERMINAL_STREAMS.has(stream.text.replace(/\s+/g, ''));
  }
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
    if (empties(n, name)) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/**
 * True for `name = name[:0]` or `name = nil`: a batch emptied for the next round after its commit, which
 * does not use what it held.
 */
function empties(n: Node, name: string): boolean {
  if (n.type !== 'assignment_statement' || n.childForFieldName('operator')?.text !== '=') return false;
  const left = n.childForFieldName('left')?.namedChildren ?? [];
  const right = n.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || left[0]?.text !== name) return false;
  const value = right[0];
  if (value?.type === 'nil') return true;
  return value?.type === 'slice_expression' && value.childForFieldName('operand')?.text === name
    && value.childForFieldName('start') === null && value.childForFieldName('end')?.text === '0';
}
