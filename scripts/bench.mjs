// `npm run bench` (builds first): how long the server takes to analyze and lint a file, and how long the
// language server takes from spawn to its first diagnostics. Prints the median of many runs per case next
// to its target. Code-scanner cases (Java, TS, Python, Go) are added to CASES the same way.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(join(root, 'out/server/src/core/analyze.js'));
const { lint } = require(join(root, 'out/server/src/core/lint.js'));

/** A realistic producer config of 50 lines: comments, blank lines and the keys a real service sets. */
const PRODUCER_50 = `# Order events producer
# Owned by the checkout team; changes need a review from #kafka-platform.

bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092
client.id=order-events
key.serializer=org.apache.kafka.common.serialization.StringSerializer
value.serializer=org.apache.kafka.common.serialization.StringSerializer

# Durability
acks=0
retries=0
enable.idempotence=false
max.in.flight.requests.per.connection=5
delivery.timeout.ms=120000
request.timeout.ms=30000

# Throughput
linger.ms=50
batch.size=65536
compression.type=lz4
buffer.memory=33554432
max.block.ms=60000
max.request.size=1048576

# Security
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
ssl.endpoint.identification.algorithm=https
ssl.truststore.location=/etc/kafka/truststore.jks
ssl.truststore.type=JKS

# Metadata
metadata.max.age.ms=300000
reconnect.backoff.ms=50
reconnect.backoff.max.ms=1000
retry.backoff.ms=100
connections.max.idle.ms=540000
send.buffer.bytes=131072
receive.buffer.bytes=32768

# Partitioning
partitioner.ignore.keys=false

# Monitoring
metrics.num.samples=2
metrics.sample.window.ms=30000
metrics.recording.level=INFO

# Interceptors
interceptor.classes=
transaction.timeout.ms=60000
`;

/**
 * A 50,000-line file: the realistic 50 lines, then generated per-topic settings (keys Kafka does not know,
 * as tools that template configs produce) with a comment every tenth line.
 */
function largeText(lines) {
  const out = PRODUCER_50.trimEnd().split('\n');
  for (let i = out.length; i < lines; i++) out.push(i % 10 === 0 ? `# topic group ${i / 10}` : `app.topic.orders-${i}.retention=${i}`);
  return `${out.join('\n')}\n`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Each case stops after this long (but after at least one timed run), so that a slow build still gets a figure. */
const BUDGET_MS = 15000;

/**
 * Times analyze()+lint() in process: a few warm-up runs (the JIT, lazy grammars), then up to `iterations`
 * timed runs within the time budget.
 */
function inProcess(path, text, iterations) {
  return async () => {
    const started = performance.now();
    for (let i = 0; i < Math.min(20, iterations) && performance.now() - started < BUDGET_MS / 4; i++) lint(await analyze(path, text));
    const times = [];
    const timed = performance.now();
    for (let i = 0; i < iterations && (times.length < 1 || performance.now() - timed < BUDGET_MS); i++) {
      const t0 = performance.now();
      lint(await analyze(path, text));
      times.push(performance.now() - t0);
    }
    return times;
  };
}

/** One JSON-RPC message with the LSP base-protocol header. */
function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/**
 * Spawns `node dist/server.js --stdio` as a client that only takes pushed diagnostics would, and measures
 * spawn → first `textDocument/publishDiagnostics` for the opened file.
 */
function coldStartOnce(text) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const uri = pathToFileURL(join(root, 'examples', 'producer.properties')).href;
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no diagnostics within 10 s'));
    }, 10000);
    const send = (m) => child.stdin.write(frame(m));
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1 && 'result' in message) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'properties', version: 1, text } } });
        } else if (message.method === 'workspace/configuration') {
          send({ id: message.id, result: message.params.items.map(() => null) });
        } else if (message.id !== undefined && message.method) {
          send({ id: message.id, result: null });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
          const elapsed = performance.now() - t0;
          clearTimeout(timer);
          send({ id: 2, method: 'shutdown' });
          send({ method: 'exit' });
          setTimeout(() => child.kill(), 500).unref();
          resolve(elapsed);
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
  });
}

function coldStart(text, runs) {
  return async () => {
    const times = [];
    const started = performance.now();
    for (let i = 0; i < runs && (times.length < 3 || performance.now() - started < BUDGET_MS); i++) times.push(await coldStartOnce(text));
    return times;
  };
}

const small = PRODUCER_50;
const large = largeText(50000);

/** A Java service of about `lines` lines: ordinary business methods, with a Kafka producer, sends and a consumer loop among them. */
function javaServiceText(lines) {
  const out = [
    'package com.example.orders;',
    'import java.time.Duration;',
    'import java.util.*;',
    'import java.util.stream.Collectors;',
    'import org.apache.kafka.clients.consumer.*;',
    'import org.apache.kafka.clients.producer.*;',
    'public class OrderService {',
    '    private final KafkaProducer<String, String> producer;',
    '    private final Map<String, String> cache = new HashMap<>();',
    '    public OrderService(String servers) {',
    '        Properties props = new Properties();',
    '        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);',
    '        props.put(ProducerConfig.ACKS_CONFIG, "1");',
    '        producer = new KafkaProducer<>(props);',
    '    }',
    '    void consume(KafkaConsumer<String, String> consumer) {',
    '        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));',
    '        consumer.commitSync();',
    '        for (ConsumerRecord<String, String> r : records) cache.put(r.key(), r.value());',
    '    }',
  ];
  for (let i = 0; out.length < lines - 2; i++) {
    out.push(
      `    public List<String> summarize${i}(List<String> orders, String region) {`,
      '        List<String> result = new ArrayList<>();',
      '        for (String order : orders) {',
      '            if (order == null || !order.startsWith(region)) continue;',
      '            result.add(String.format("%s:%d", order, order.length()).toUpperCase(Locale.ROOT));',
      '            cache.put(order, region);',
      '        }',
      '        return result.stream().sorted().distinct().collect(Collectors.toList());',
      '    }',
    );
    if (i % 10 === 0) out.push(`    public void publish${i}(String order) {`, '        producer.send(new ProducerRecord<>("orders", order));', '    }');
  }
  out.push('}', '');
  return out.join('\n');
}

/** Re-diagnosis after a one-character edit (alternately typed and deleted inside a string), as the editor does on each keystroke. */
function afterOneCharEdit(path, text, iterations) {
  return async () => {
    const at = text.indexOf('"orders"') + 1;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    for (let i = 0; i < 20; i++) lint(await analyze(path, i % 2 ? text : edited));
    const times = [];
    const started = performance.now();
    for (let i = 0; i < iterations && (times.length < 1 || performance.now() - started < BUDGET_MS); i++) {
      const t0 = performance.now();
      lint(await analyze(path, i % 2 ? text : edited));
      times.push(performance.now() - t0);
    }
    return times;
  };
}

/** The first diagnosis in a fresh worker: loads the tree-sitter runtime and grammar, parses and lints. */
function firstDiagnosis(path, text) {
  return async () => {
    const t0 = performance.now();
    lint(await analyze(path, text));
    return [performance.now() - t0];
  };
}

const java = javaServiceText(1400);

/** Every benchmark: a name, its target in milliseconds, and a function returning the measured times. */
const CASES = [
  { name: 'analyze+lint, 50-line .properties', target: 2, run: inProcess('producer.properties', small, 2000) },
  { name: 'analyze+lint, 50,000-line .properties', target: 35, run: inProcess('producer.properties', large, 30) },
  { name: 'server cold start to first diagnostics', target: 300, run: coldStart(small, 7) },
  { name: 'Java 1,400 lines: first diagnosis', target: 150, run: firstDiagnosis('OrderService.java', java) },
  { name: 'Java 1,400 lines: after a 1-char edit', target: 10, run: afterOneCharEdit('OrderService.java', java, 200) },
];

/** A case that has not finished after this long is stopped and reported as such. */
const CASE_TIMEOUT_MS = 90000;

/**
 * Runs one case in a worker thread of this process, so that a case stuck in synchronous work can be
 * stopped; resolves with its times, or undefined when it ran out of time.
 */
function runInWorker(index) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { index } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, CASE_TIMEOUT_MS);
    worker.once('message', (times) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(times);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

if (!isMainThread) {
  parentPort.postMessage(await CASES[workerData.index].run());
} else {
  let failed = 0;
  console.log(`${'case'.padEnd(44)}${'median'.padStart(12)}${'target'.padStart(12)}  runs`);
  for (const [i, c] of CASES.entries()) {
    const times = await runInWorker(i);
    if (times === undefined) {
      failed++;
      console.log(`${c.name.padEnd(44)}${`> ${CASE_TIMEOUT_MS / 1000} s`.padStart(12)}${`< ${c.target} ms`.padStart(12)}     -  TIMED OUT`);
      continue;
    }
    const m = median(times);
    const ok = m < c.target;
    if (!ok) failed++;
    console.log(`${c.name.padEnd(44)}${`${m.toFixed(m < 10 ? 3 : 1)} ms`.padStart(12)}${`< ${c.target} ms`.padStart(12)}  ${String(times.length).padStart(4)}  ${ok ? 'ok' : 'OVER'}`);
  }
  console.log(failed === 0 ? 'All figures within their targets.' : `${failed} figure(s) over target.`);
}
