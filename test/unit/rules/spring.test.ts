import * as assert from 'node:assert/strict';
import { codeDocument, lintDocument, of } from './helpers';

/** Spring Boot's merge order decides which value Kafka sees, whatever the order of the lines. */
describe('rules: Spring precedence', () => {
  it('lets spring.kafka.producer.properties.acks override the typed acks written after it', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['producer'],
      entries: [
        ['acks', '0', 'spring.kafka.producer.properties.acks', 'producer'],
        ['acks', 'all', 'spring.kafka.producer.acks', 'producer'],
      ],
    });
    const [f, ...rest] = of(lintDocument(doc), 'producer/acks-zero');
    assert.equal(rest.length, 0);
    assert.equal(doc.text.slice(f.range.start, f.range.end), '0');
  });

  it('lets the typed acks override the shared spring.kafka.properties.acks written after it', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['producer'],
      entries: [
        ['acks', 'all', 'spring.kafka.producer.acks', 'producer'],
        ['acks', '0', 'spring.kafka.properties.acks'],
      ],
    });
    assert.deepEqual(of(lintDocument(doc), 'producer/acks-zero'), []);
  });

  it('ignores a consumer-scoped value when judging the producer', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['producer', 'consumer'],
      entries: [
        ['acks', '0', 'spring.kafka.producer.acks', 'producer'],
        ['acks', 'all', 'spring.kafka.consumer.properties.acks', 'consumer'],
      ],
    });
    assert.equal(of(lintDocument(doc), 'producer/acks-zero').length, 1);
  });

  it('accepts Spring boolean spellings in typed properties but not in pass-through maps', () => {
    const typed = codeDocument({ library: 'spring', roles: ['consumer'], entries: [['enable.auto.commit', 'no', 'spring.kafka.consumer.enable-auto-commit', 'consumer']] });
    assert.deepEqual(of(lintDocument(typed), 'config/invalid-value'), []);
    const raw = codeDocument({ library: 'spring', roles: ['consumer'], entries: [['enable.auto.commit', 'no', 'spring.kafka.consumer.properties.enable.auto.commit', 'consumer']] });
    const [f] = of(lintDocument(raw), 'config/invalid-value');
    assert.match(f.message, /^Consumer stage: Kafka rejects enable\.auto\.commit=no \(it must be true or false\)/);
  });

  it('accepts durations and sizes in typed properties, and a relaxed enum spelling', () => {
    const doc = codeDocument({
      library: 'spring',
      roles: ['consumer', 'producer'],
      entries: [
        ['auto.commit.interval.ms', '5s', 'spring.kafka.consumer.auto-commit-interval', 'consumer'],
        ['batch.size', '16KB', 'spring.kafka.producer.batch-size', 'producer'],
        ['isolation.level', 'read-committed', 'spring.kafka.consumer.isolation-level', 'consumer'],
      ],
    });
    assert.deepEqual(of(lintDocument(doc), 'config/invalid-value'), []);
  });
});
