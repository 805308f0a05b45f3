import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';
import { localize } from '../../server/src/core/i18n/index';
import { lint } from '../../server/src/core/lint';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { applyFix, fixTitled, lintConfig, of } from './rules/helpers';

/**
 * YAML 1.1 merge keys in Spring `application.yml`: `<<: *anchor` and `<<: [*a, *b]` are expanded as SnakeYAML
 * does (keys written in place win; of several merged mappings the earlier wins), findings sit on the anchored
 * value, fixes edit it and say that every alias changes, and suppression comments work where the value is.
 */
describe('spring-yaml: merge keys', () => {
  const path = 'src/main/resources/application.yml';

  it('reads a merged setting at the anchored value, with a fix that says it changes every alias', () => {
    const r = lintConfig(
      path,
      ['kafka-defaults: &defaults', '  acks: [|0|]', 'spring:', '  kafka:', '    producer:', '      <<: *defaults', '      client-id: orders', ''].join('\n'),
    );
    const [f, ...rest] = of(r.findings, 'producer/acks-zero');
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r.ranges[0]);
    const fix = fixTitled(f, 'Set acks=all (in &defaults: changes every alias of it)');
    assert.equal(applyFix(r.text, fix), r.text.replace('acks: 0', 'acks: all'));
    const acks = r.document.groups[0].entries.find((e) => e.key === 'acks');
    assert.equal(acks?.rawKey, 'spring.kafka.producer.acks');
    // Removing it would remove it from every alias: not offered.
    assert.equal(acks?.removeRange, undefined);
  });

  it('lets a key written in place win over the merged one', () => {
    const r = lintConfig(path, ['x: &defaults', '  acks: 0', 'spring:', '  kafka:', '    producer:', '      <<: *defaults', '      acks: all', ''].join('\n'));
    assert.deepEqual(of(r.findings, 'producer/acks-zero'), []);
    assert.deepEqual(of(r.findings, 'config/duplicate-key'), []);
    assert.deepEqual(r.document.groups[0].entries.map((e) => [e.key, e.value]), [['acks', 'all']]);
  });

  it('merges a list of anchors with the earlier one winning', () => {
    const text = ['a: &a', '  acks: 1', 'b: &b', '  acks: 0', '  retries: 0', 'spring:', '  kafka:', '    producer:', '      <<: [*a, *b]', ''].join('\n');
    const r = lintConfig(path, text);
    assert.deepEqual(of(r.findings, 'producer/acks-zero'), []);
    assert.equal(of(r.findings, 'producer/acks-leader-only').length, 1);
    assert.equal(r.text.slice(of(r.findings, 'producer/acks-leader-only')[0].range.start).split('\n')[0], '1');
    const retries = of(r.findings, 'producer/retries-disabled');
    assert.equal(retries.length, 1);
    assert.equal(r.text.slice(retries[0].range.start, retries[0].range.end), '0');
    assert.equal(r.text.lastIndexOf('retries: 0') + 'retries: '.length, retries[0].range.start);
  });

  it('follows a merged mapping that merges another, and an alias of a whole mapping', () => {
    const text = [
      'base: &base',
      '  enable-auto-commit: true',
      'consumer-defaults: &consumer',
      '  <<: *base',
      '  group-id: orders',
      'producer-defaults: &producer',
      '  acks: 0',
      'spring:',
      '  kafka:',
      '    consumer:',
      '      <<: *consumer',
      '    producer: *producer',
      '',
    ].join('\n');
    const doc = analyzeConfig(path, text);
    const consumer = doc.groups.find((g) => g.roles.includes('consumer'));
    assert.deepEqual(
      consumer?.entries.map((e) => [e.rawKey, e.value, e.editScope && localize('en', e.editScope)]),
      [
        ['spring.kafka.consumer.enable-auto-commit', 'true', 'in &base: changes every alias of it'],
        ['spring.kafka.consumer.group-id', 'orders', 'in &consumer: changes every alias of it'],
      ],
    );
    const producer = doc.groups.find((g) => g.roles.includes('producer'));
    assert.deepEqual(producer?.entries.map((e) => [e.rawKey, e.value, e.editScope && localize('en', e.editScope)]), [['spring.kafka.producer.acks', '0', 'in &producer: changes every alias of it']]);
    const findings = lint(doc, DEFAULT_OPTIONS);
    assert.equal(of(findings, 'producer/acks-zero').length, 1);
    assert.equal(of(findings, 'consumer/auto-commit-enabled').length, 1);
    assert.equal(text.slice(of(findings, 'consumer/auto-commit-enabled')[0].range.start).split('\n')[0], 'true');
  });

  it('treats a quoted "<<" as an ordinary key', () => {
    const doc = analyzeConfig(path, ['x: &x', '  acks: 0', 'spring:', '  kafka:', '    producer:', '      "<<": *x', ''].join('\n'));
    assert.deepEqual(
      doc.groups.flatMap((g) => g.entries.map((e) => e.rawKey)),
      ['spring.kafka.producer.<<.acks'],
    );
    assert.deepEqual(of(lint(doc, DEFAULT_OPTIONS), 'producer/acks-zero'), []);
  });

  it('is silenced by a suppression comment on the anchored line', () => {
    const r = lintConfig(
      path,
      ['x: &defaults', '  # kafka-lint-disable-next-line producer/acks-zero -- metrics only', '  acks: 0', 'spring:', '  kafka:', '    producer:', '      <<: *defaults', ''].join('\n'),
    );
    assert.deepEqual(of(r.findings, 'producer/acks-zero'), []);
  });

  it('says it in Chinese too', () => {
    const r = lintConfig(path, ['kafka-defaults: &defaults', '  acks: 0', 'spring:', '  kafka:', '    producer:', '      <<: *defaults', ''].join('\n'), { ...DEFAULT_OPTIONS, locale: 'zh-cn' });
    const [f] = of(r.findings, 'producer/acks-zero');
    assert.deepEqual(f.fixes?.map((x) => x.title), ['设置 acks=all（位于 &defaults：会同时修改它的每个别名）']);
  });

  it('explains the merge in the hover of the anchored key', () => {
    const text = ['x: &defaults', '  acks: 1', 'spring:', '  kafka:', '    producer:', '      <<: *defaults', ''].join('\n');
    const doc = analyzeConfig(path, text);
    const hover = hoverAt(doc, [], text.indexOf('acks') + 1, DEFAULT_OPTIONS);
    assert.ok(hover?.markdown.includes('Merged into spring.kafka.producer.acks from the anchor &defaults (`<<`); keys written in place win over merged ones.'), hover?.markdown);
  });

  it('survives a merge cycle and a merge of a non-mapping', () => {
    const text = ['a: &a', '  b: &b', '    c: 1', 'spring:', '  kafka:', '    producer:', '      <<: [*a, 3, *b]', '      <<: *a', ''].join('\n');
    const doc = analyzeConfig(path, text);
    assert.equal(doc.isKafka, true);
  });
});
