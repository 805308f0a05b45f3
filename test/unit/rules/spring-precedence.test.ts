import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../../server/src/core/analyze';
import { effectiveEntry } from '../../../server/src/core/rules/support';

/** Which Spring spelling wins, as Spring Boot's KafkaProperties merges them, whatever the order in the file. */
describe('rules: Spring precedence', () => {
  const winner = (yaml: string, key: string) => {
    const doc = analyzeConfig('application.yml', yaml);
    const group = doc.groups.find((g) => g.entries.some((e) => e.key === key));
    return group && effectiveEntry(group, [key])?.rawKey;
  };

  it('spring.kafka.properties.* overrides a common typed key', () => {
    assert.equal(
      winner('spring:\n  kafka:\n    properties:\n      bootstrap.servers: b:2\n    bootstrap-servers: a:1\n    producer:\n      acks: all\n', 'bootstrap.servers'),
      'spring.kafka.properties.bootstrap.servers',
    );
  });

  it('a client typed key overrides spring.kafka.properties.*', () => {
    assert.equal(winner('spring:\n  kafka:\n    producer:\n      acks: all\n    properties:\n      acks: 0\n', 'acks'), 'spring.kafka.producer.acks');
  });

  it("the client's own properties map overrides its typed key", () => {
    assert.equal(
      winner('spring:\n  kafka:\n    producer:\n      properties:\n        acks: 0\n      acks: all\n', 'acks'),
      'spring.kafka.producer.properties.acks',
    );
  });
});
