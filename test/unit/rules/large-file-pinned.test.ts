import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyzeConfig } from '../../../server/src/core/analyze';
import { lint } from '../../../server/src/core/lint';

/**
 * Pins the exact findings (ids, severities, messages, ranges, related locations, fixes, order) of mid-size
 * generated files, so that work on the speed of the readers, the rules and lint cannot change what they
 * report. The digests were taken before that work; a deliberate change to a message or a rule updates them.
 */

/** About `lines` lines: real keys (some set twice or with unsafe values), typos, generated unknown keys, comments, suppressions. */
function producerText(lines: number): string {
  const out = [
    '# generated producer config',
    'bootstrap.servers=kafka-1:9092',
    'acks=1',
    'retries=0',
    'max.in.flight.requests.per.connection=10',
    'ackss=all',
    'enable.idempotance=true',
    'compression.type=gzipp',
    'linger.ms=${LINGER:5}',
  ];
  for (let i = 0; out.length < lines; i++) {
    if (i % 10 === 0) out.push(`# group ${i / 10}`);
    else if (i % 97 === 0) out.push('acks=0');
    else if (i % 89 === 0) out.push(`retries=${i}`);
    else if (i % 83 === 0) out.push('# kafka-lint-disable-next-line config/unknown-key -- generated', `app.suppressed.${i}=x`);
    else if (i % 71 === 0) out.push(`batch.size=abc${i}`);
    else if (i % 61 === 0) out.push(`  app.indented.${i} : value\\`, '    continued');
    else if (i % 53 === 0) out.push(`linger.mss=${i}`);
    else out.push(`app.topic.orders-${i}.retention=${i}`);
  }
  return `${out.join('\n')}\n`;
}

/** A broker file: replication factors and min ISR below, equal to and above each other, set and reset. */
function brokerText(lines: number): string {
  const out = ['process.roles=broker,controller', 'node.id=1', 'log.dirs=/tmp/kraft-logs', 'unclean.leader.election.enable=true'];
  for (let i = 0; out.length < lines; i++) {
    if (i % 50 === 0) out.push(`default.replication.factor=${(i / 50) % 4}`);
    else if (i % 45 === 0) out.push(`min.insync.replicas=${(i / 45) % 3}`);
    else if (i % 40 === 0) out.push(`offsets.topic.replication.factor=${(i / 40) % 3}`);
    else if (i % 35 === 0) out.push(`transaction.state.log.min.isr=${(i / 35) % 2}`);
    else if (i % 30 === 0) out.push(`listener.name.internal.ssl.keystore.location=/k${i}`);
    else if (i % 25 === 0) out.push(`log.retention.hours=${i}`);
    else out.push(`broker.custom.setting.${i}=${i}`);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** A Spring Boot file: typed keys, the shared map and the client's own map, with later spellings winning or not. */
function springText(lines: number): string {
  const out = ['spring.kafka.bootstrap-servers=localhost:9092'];
  for (let i = 0; out.length < lines; i++) {
    if (i % 7 === 0) out.push(`spring.kafka.producer.properties.acks=${i % 3}`);
    else if (i % 5 === 0) out.push(`spring.kafka.properties.acks=${i % 2}`);
    else if (i % 3 === 0) out.push(`spring.kafka.producer.acks=${i % 2 ? 'all' : '1'}`);
    else if (i % 11 === 0) out.push(`spring.kafka.consumer.enable-auto-commit=${i % 2 ? 'yes' : 'true'}`);
    else out.push(`app.feature.${i}.enabled=true`);
  }
  return `${out.join('\n')}\n`;
}

function digest(path: string, text: string): { count: number; sha: string } {
  const findings = lint(analyzeConfig(path, text));
  return { count: findings.length, sha: createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 16) };
}

describe('lint: pinned findings of mid-size generated files', () => {
  it('a 3,000-line producer file', () => {
    assert.deepEqual(digest('producer.properties', producerText(3000)), { count: 2682, sha: '9e8a4198efe75247' });
  });

  it('a 3,000-line broker file with CRLF line breaks', () => {
    assert.deepEqual(digest('server.properties', brokerText(3000)), { count: 3050, sha: '30d8001fdc94b2eb' });
  });

  it('a 1,000-line Spring Boot file', () => {
    assert.deepEqual(digest('application.properties', springText(1000)), { count: 629, sha: '609b9d722412abd8' });
  });
});
