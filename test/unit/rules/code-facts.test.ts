import * as assert from 'node:assert/strict';
import type { AnalyzedDocument, CodeFact } from '../../../server/src/core/model';
import { lintDocument, of } from './helpers';
import { localize, msg } from '../../../server/src/core/i18n/index';

/** The three code rules only translate scanner facts; these tests pin that translation. */
describe('rules: code facts', () => {
  const text = 'producer.send(record);\nconsumer.commitSync();\nclient.Close()\n';
  function documentWith(facts: CodeFact[]): AnalyzedDocument {
    return { path: 'App.java', text, kind: 'java', isKafka: true, groups: [], facts, problems: [], commentPrefix: '//' };
  }
  const fix = { title: msg('scanner.java.fix.addCallback'), edits: [{ range: { start: 20, end: 20 }, newText: ', cb' }] };
  const detail = msg('scanner.python.neverFlushed');

  const cases: [string, CodeFact['kind'], string, { start: number; end: number }][] = [
    ['producer/unhandled-send', 'unhandled-send', 'Producer stage', { start: 0, end: 21 }],
    ['consumer/commit-before-processing', 'commit-before-processing', 'Consumer stage', { start: 23, end: 44 }],
    ['producer/close-without-flush', 'close-without-flush', 'Producer stage', { start: 46, end: 60 }],
  ];
  for (const [id, kind, stage, range] of cases) {
    it(`${id} reports a ${kind} fact at its range with the stage, detail, severity and fixes`, () => {
      const doc = documentWith([{ kind, library: 'java', range, detail, severity: 'info', fixes: [fix] }]);
      const [f, ...rest] = of(lintDocument(doc), id);
      assert.equal(rest.length, 0);
      assert.deepEqual(f.range, range);
      assert.equal(f.message, `${stage}: ${localize('en', detail)}`);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.fixes, [{ ...fix, title: 'Add a callback that handles a failed send' }]);
    });

    it(`${id} ignores facts of other kinds`, () => {
      const others = cases.filter((c) => c[1] !== kind).map((c): CodeFact => ({ kind: c[1], library: 'java', range: c[3], detail }));
      assert.deepEqual(of(lintDocument(documentWith(others)), id), []);
    });
  }
});
