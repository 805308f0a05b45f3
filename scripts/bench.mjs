// `npm run bench` (builds first): how long the server takes to analyze and lint a file, and how long the
// language server takes from spawn to its first diagnostics. Prints the median of many runs per case next
// to its target. Code-scanner cases (Java, TS, Python, Go) are added to CASES the same way.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(join(root, 'out/server/src/core/analyze.js'));
const { lint } = require(join(root, 'out/server/src/core/lint.js'));

/** A realistic producer config of `lines` lines: comments, common keys, a few lossy values, then filler keys. */
function propertiesText(lines) {
  const head = [
    '# Order events producer',
    'bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092',
    'client.id=order-events',
    'key.serializer=org.apache.kafka.common.serialization.StringSerializer',
    'value.serializer=org.apache.kafka.common.serialization.StringSerializer',
    'acks=0',
    'retries=0',
    'linger.ms=50',
    'batch.size=65536',
    'compression.type=lz4',
  ];
  const out = head.slice(0, lines);
  for (let i = out.length; i < lines; i++) out.push(i % 10 === 0 ? `# section ${i / 10}` : `custom.setting.${i}=value-${i}`);
  return `${out.join('\n')}\n`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Times analyze()+lint() in process: a few warm-up runs (the JIT, lazy grammars), then `iterations` timed runs. */
function inProcess(path, text, iterations) {
  return async () => {
    for (let i = 0; i < Math.min(20, iterations); i++) lint(await analyze(path, text));
    const times = [];
    for (let i = 0; i < iterations; i++) {
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
    for (let i = 0; i < runs; i++) times.push(await coldStartOnce(text));
    return times;
  };
}

const small = propertiesText(50);
const large = propertiesText(50000);

/** Every benchmark: a name, its target in milliseconds, and a function returning the measured times. */
const CASES = [
  { name: 'analyze+lint, 50-line .properties', target: 2, run: inProcess('producer.properties', small, 2000) },
  { name: 'analyze+lint, 50,000-line .properties', target: 35, run: inProcess('producer.properties', large, 30) },
  { name: 'server cold start to first diagnostics', target: 300, run: coldStart(small, 7) },
];

let failed = 0;
console.log(`${'case'.padEnd(44)}${'median'.padStart(12)}${'target'.padStart(12)}  runs`);
for (const c of CASES) {
  const times = await c.run();
  const m = median(times);
  const ok = m < c.target;
  if (!ok) failed++;
  console.log(`${c.name.padEnd(44)}${`${m.toFixed(m < 10 ? 3 : 1)} ms`.padStart(12)}${`< ${c.target} ms`.padStart(12)}  ${String(times.length).padStart(4)}  ${ok ? 'ok' : 'OVER'}`);
}
console.log(failed === 0 ? 'All figures within their targets.' : `${failed} figure(s) over target.`);
