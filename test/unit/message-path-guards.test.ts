import * as assert from 'node:assert/strict';
import { OwnDiagnostics, reportedHrefs } from '../../client/src/message-path-guards';
import type { DiagnosticLike } from '../../client/src/message-path-guards';

const at = (line: number, message: string, source = 'kafka-lint'): DiagnosticLike => ({
  source,
  message,
  severity: 0,
  code: { value: 'producer/acks-zero' },
  range: { start: { line, character: 5 }, end: { line, character: 6 } },
});

describe('message-path panel guards', () => {
  it('a click may open only the documents the report links: findings, related locations, settings', () => {
    const report = {
      stages: [
        {
          findings: [{ href: 'file:///w/producer.properties', related: [{ locations: [{ href: 'file:///w/server.properties' }] }] }],
          settings: [{ href: 'file:///w/topic-orders.properties' }],
        },
      ],
      files: [{ href: 'untitled:Untitled-1', nested: { href: 42 } }],
    };
    assert.deepEqual(
      [...reportedHrefs(report)].sort(),
      ['file:///w/producer.properties', 'file:///w/server.properties', 'file:///w/topic-orders.properties', 'untitled:Untitled-1'],
    );
    assert.equal(reportedHrefs(report).has('file:///etc/passwd'), false);
    assert.deepEqual([...reportedHrefs(null)], []);
  });

  it('reads a report with shared objects once (no endless walk)', () => {
    const shared: Record<string, unknown> = { href: 'file:///w/a.properties' };
    shared.self = shared;
    assert.deepEqual([...reportedHrefs({ a: shared, b: [shared, shared] })], ['file:///w/a.properties']);
  });

  it('only a change of Kafka Lint\'s own diagnostics counts: other sources never do; appearing, changing and going away do', () => {
    const own = new OwnDiagnostics('kafka-lint');
    let current: DiagnosticLike[] = [at(4, 'acks=0', 'ts')];
    const of = (): readonly DiagnosticLike[] => current;
    assert.equal(own.changed(['file:///w/app.ts'], of), false, 'another extension\'s diagnostics');
    current = [at(4, 'acks=0', 'ts'), at(2, 'other', 'eslint')];
    assert.equal(own.changed(['file:///w/app.ts'], of), false);
    current = [at(4, 'acks=0')];
    assert.equal(own.changed(['file:///w/p.properties'], of), true, 'ours appeared');
    assert.equal(own.changed(['file:///w/p.properties'], of), false, 'unchanged');
    current = [at(5, 'acks=0')];
    assert.equal(own.changed(['file:///w/p.properties'], of), true, 'moved a line');
    current = [at(5, 'acks=0'), at(1, 'x', 'ts')];
    assert.equal(own.changed(['file:///w/p.properties'], of), false, 'only another source changed');
    current = [];
    assert.equal(own.changed(['file:///w/p.properties'], of), true, 'ours went away');
    assert.equal(own.changed(['file:///w/p.properties'], of), false);
  });
});
