import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { lint } from '../../server/src/core/lint';
import type { LintOptions } from '../../server/src/core/options';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';

/**
 * Files that are not Kafka configuration or Kafka client code get no finding at all, whatever Kafka-looking
 * words they contain. Each row names the lines that make the file a trap, so that editing a fixture cannot
 * silently remove what the row is about. (The corpus suite also runs their mutations.)
 */

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'robustness', 'non-kafka');

/** Old defaults (acks=1, retries=0) make more rules fire on a file taken for Kafka: check under both. */
const OPTIONS: readonly LintOptions[] = [DEFAULT_OPTIONS, { kafkaVersion: '2.0', rules: {}, locale: 'en' }];

const TABLE: readonly { readonly file: string; readonly traps: readonly string[] }[] = [
  { file: 'messages.properties', traps: ['retries=0', 'acks=1', 'batch.size=', 'linger.ms='] },
  { file: 'docker-compose.yml', traps: ['retries: 0', 'ACKS: "1"', 'ENABLE_AUTO_COMMIT: "true"'] },
  { file: 'MailService.java', traps: ['mailSender.send(msg)', 'connection.commit()', 'connection.close()'] },
  { file: 'server.ts', traps: ['ws.send(data)', 'res.send()', 'producer.send(req.body)'] },
  { file: 'db.py', traps: ['session.commit()', 'sock.send(b"saved")', 'producer.send("orders", b"x")'] },
  { file: 'store.go', traps: ['tx.Commit()', 'f.Close()', 'stream.Send()'] },
];

describe('robustness: non-Kafka files get no findings', () => {
  for (const { file, traps } of TABLE) {
    it(`${file} (${traps.join(', ')})`, async () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      for (const trap of traps) assert.ok(text.includes(trap), `fixture ${file} no longer contains ${trap}`);
      const doc = await analyze(file, text);
      for (const options of OPTIONS) {
        const findings = lint(doc, options);
        assert.deepEqual(
          findings.map((f) => `${f.ruleId} at ${f.range.start}: ${f.message}`),
          [],
          `Kafka ${options.kafkaVersion}`,
        );
      }
    });
  }
});
