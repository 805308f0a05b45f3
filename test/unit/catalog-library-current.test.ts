import * as assert from 'node:assert/strict';
import { libraryDefault } from '../../server/src/core/catalog/defaults';

describe('catalog: librdkafka bundled in its bindings', () => {
  it('treats an unknown librdkafka version as current: acks=all, not "depends on the installed version"', () => {
    const d = libraryDefault('acks', 'librdkafka', '4.1');
    assert.equal(d?.value, 'all');
    assert.equal(d?.versionDependent, false);
  });

  it('still honours an explicit old librdkafka version', () => {
    assert.equal(libraryDefault('acks', 'librdkafka', '4.1', '0.11.6')?.value, '1');
  });

  it('keeps kafka-python version-dependent when its version is unknown', () => {
    assert.equal(libraryDefault('acks', 'kafka-python', '4.1')?.versionDependent, true);
  });
});
