import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fixes';
import type { Role } from '../../server/src/core/model';
import { classifySpringName, springValue } from '../../server/src/core/spring/spring-keys';

/**
 * Edits never damage a Spring YAML file: over variants of indentation, line breaks, quoting and comments,
 * setting a value, removing an entry and inserting one change exactly that setting, and the result is
 * still valid YAML.
 */

/** rawKey → value of every entry, for comparison (document problems must stay empty). */
function settings(text: string): Map<string, string> {
  const doc = analyzeConfig('application.yml', text);
  assert.deepEqual(doc.problems, [], `YAML broken: ${JSON.stringify(text)}`);
  const m = new Map<string, string>();
  for (const g of doc.groups) for (const e of g.entries) m.set(`${e.rawKey}@${e.identity}`, e.value);
  return m;
}

function variants(): string[] {
  const out: string[] = [];
  for (const step of ['  ', '    ']) {
    for (const eol of ['\n', '\r\n']) {
      for (const finalBreak of [true, false]) {
        for (const style of ['plain', 'single', 'double']) {
          const q = (v: string) => (style === 'single' ? `'${v}'` : style === 'double' ? `"${v}"` : v);
          const i = (n: number) => step.repeat(n);
          const lines = [
            '# application settings',
            'server:',
            `${i(1)}port: 8080`,
            'spring:',
            `${i(1)}application:`,
            `${i(2)}name: orders`,
            `${i(1)}kafka:`,
            `${i(2)}bootstrap-servers: ${q('localhost:9092')}`,
            `${i(2)}producer:`,
            `${i(3)}acks: ${q('1')}   # leader only`,
            '',
            `${i(3)}retries: 0`,
            `${i(3)}properties:`,
            `${i(4)}linger.ms: ${q('5')}`,
            `${i(2)}consumer:`,
            `${i(3)}group-id: ${q('orders')}`,
            `${i(3)}enable-auto-commit: true`,
            `${i(3)}auto-offset-reset:`,
            '# trailing comment',
            'logging:',
            `${i(1)}level: INFO`,
          ];
          out.push(lines.join(eol) + (finalBreak ? eol : ''));
        }
      }
    }
  }
  return out;
}

const VALUES = ['all', '0', 'yes', 'it\'s', 'a: b', '#x', '', 'é', 'multi\nline'];

describe('spring-yaml-edits: variants', () => {
  const texts = variants();
  it('renderValue changes only that value', () => {
    let checked = 0;
    texts.forEach((text, n) => {
      const doc = analyzeConfig('application.yml', text);
      const before = settings(text);
      for (const g of doc.groups) {
        g.entries.forEach((e, i) => {
          const v = VALUES[(n + i) % VALUES.length];
          const rendered = e.renderValue?.(v);
          assert.ok(rendered !== undefined, `${e.rawKey} not renderable`);
          const out = applyEdits(text, [{ range: e.valueRange, newText: rendered }]);
          const expected = new Map(before);
          // Typed properties go through Spring's conversions (`0` for a boolean is false).
          expected.set(`${e.rawKey}@${e.identity}`, springValue(classifySpringName(e.rawKey)!, v));
          assert.deepEqual(settings(out), expected, `set ${e.rawKey}=${JSON.stringify(v)} → ${JSON.stringify(out)}`);
          checked++;
        });
      }
    });
    assert.ok(checked >= texts.length * 7);
  });
  it('removeRange removes only that setting', () => {
    texts.forEach((text) => {
      const doc = analyzeConfig('application.yml', text);
      const before = settings(text);
      for (const g of doc.groups) {
        for (const e of g.entries) {
          assert.ok(e.removeRange, `${e.rawKey} not removable`);
          const out = applyEdits(text, [{ range: e.removeRange, newText: '' }]);
          const expected = new Map(before);
          expected.delete(`${e.rawKey}@${e.identity}`);
          assert.deepEqual(settings(out), expected, `remove ${e.rawKey} → ${JSON.stringify(out)}`);
          assert.ok(out.includes('server:') && out.includes('logging:'), 'other sections stay');
        }
      }
    });
  });
  it('insertEntry adds only that setting, in the file style', () => {
    const cases: Array<[Role, string, string, string]> = [
      ['producer', 'enable.idempotence', 'true', 'spring.kafka.producer.properties.enable.idempotence'],
      ['producer', 'compression.type', 'zstd', 'spring.kafka.producer.compression-type'],
      ['consumer', 'isolation.level', 'read_committed', 'spring.kafka.consumer.isolation-level'],
      ['consumer', 'max.partition.fetch.bytes', '1048576', 'spring.kafka.consumer.properties.max.partition.fetch.bytes'],
    ];
    texts.forEach((text) => {
      const doc = analyzeConfig('application.yml', text);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      for (const [role, key, value, rawKey] of cases) {
        const g = doc.groups.find((x) => x.roles.includes(role))!;
        const edit = g.insertEntry!(key, value)!;
        const out = applyEdits(text, [edit]);
        const expected = new Map(settings(text));
        expected.set(`${rawKey}@${rawKey}`, value);
        assert.deepEqual(settings(out), expected, `insert ${key} → ${JSON.stringify(out)}`);
        assert.ok(!edit.newText.replace(/\r\n/g, '').includes('\n') || eol === '\n', 'keeps CRLF');
      }
    });
  });
});
