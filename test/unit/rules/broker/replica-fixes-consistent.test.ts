import * as assert from 'node:assert/strict';
import { analyzeConfig } from '../../../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../../../server/src/core/fixes';
import { lint } from '../../../../server/src/core/lint';
import type { Finding } from '../../../../server/src/core/model';
import { DEFAULT_OPTIONS } from '../../../../server/src/core/options';

/**
 * One root cause, one finding, and fixes that agree: over many generated broker and topic files with every
 * mix of replication factors and minimum in-sync replicas (set or unset, below, equal to and above each
 * other), the fixes offered never set one key to two different values, and applying fix-all (as an editor's
 * "Fix all" does, again while it still changes something) leaves none of the replication and min-ISR findings.
 */

const RULES = new Set([
  'broker/replication-factor-too-low',
  'broker/min-insync-replicas-too-low',
  'broker/replication-factor-not-above-min-insync',
  'broker/replication-factor-above-broker-count',
]);

/** A small deterministic generator, so that a failure names a file that can be read again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const RF_VALUES = [undefined, '1', '2', '3', '4'];
const ISR_VALUES = [undefined, '1', '2', '3'];

/** Broker files: the pairs a broker sets, in a random order, with the lines a real server.properties has around them. */
function brokerFiles(count: number): string[] {
  const next = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = ['process.roles=broker,controller', 'node.id=1', 'log.dirs=/var/lib/kafka/data'];
    const settings: [string, string | undefined][] = [
      ['default.replication.factor', pick(RF_VALUES)],
      ['min.insync.replicas', pick(ISR_VALUES)],
      ['offsets.topic.replication.factor', pick(RF_VALUES)],
      ['transaction.state.log.replication.factor', pick(RF_VALUES)],
      ['transaction.state.log.min.isr', pick(ISR_VALUES)],
      ['share.coordinator.state.topic.replication.factor', pick(RF_VALUES)],
      ['share.coordinator.state.topic.min.isr', pick(ISR_VALUES)],
    ];
    for (const [key, value] of settings) if (value !== undefined) lines.splice(Math.floor(next() * (lines.length + 1)), 0, `${key}=${value}`);
    files.push(`# Broker ${i}\n${lines.join('\n')}\n`);
  }
  return files;
}

/** Topic files: every replication.factor and min.insync.replicas, set or not. */
function topicFiles(): string[] {
  const files: string[] = [];
  for (const rf of RF_VALUES) {
    for (const isr of ISR_VALUES) {
      const lines = ['retention.ms=604800000'];
      if (rf) lines.push(`replication.factor=${rf}`);
      if (isr) lines.unshift(`min.insync.replicas=${isr}`);
      files.push(`${lines.join('\n')}\n`);
    }
  }
  return files;
}

function findingsOf(path: string, text: string): Finding[] {
  return lint(analyzeConfig(path, text), DEFAULT_OPTIONS);
}

/** Every key a fix of these findings sets, with the values the fixes set it to. */
function valuesSet(text: string, findings: readonly Finding[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, value: string): void => {
    out.set(key, (out.get(key) ?? new Set()).add(value));
  };
  const lineOf = (offset: number): string => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    return text.slice(start, end < 0 ? text.length : end);
  };
  for (const f of findings) {
    if (!RULES.has(f.ruleId)) continue;
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        if (e.range.start === e.range.end) {
          // An added line: `key=value`.
          for (const line of e.newText.split('\n')) {
            const m = /^([^=#\s]+)=(.*)$/.exec(line.trim());
            if (m) add(m[1], m[2]);
          }
        } else {
          // A value replaced in place: the key is the one on the edited line.
          const key = /^\s*([^=\s]+)\s*=/.exec(lineOf(e.range.start))?.[1];
          assert.ok(key, `edit ${JSON.stringify(e)} in ${JSON.stringify(text)}`);
          add(key, e.newText);
        }
      }
    }
  }
  return out;
}

function check(path: string, text: string): void {
  const findings = findingsOf(path, text);
  for (const [key, values] of valuesSet(text, findings)) {
    assert.equal(values.size, 1, `${path}: fixes set ${key} to ${[...values].join(' and ')} in\n${text}`);
  }
  let fixed = text;
  for (let round = 0; round < 8; round++) {
    const edits = fixAllEdits(findingsOf(path, fixed));
    if (edits.length === 0) break;
    fixed = applyEdits(fixed, edits);
  }
  const left = findingsOf(path, fixed).filter((f) => RULES.has(f.ruleId));
  assert.deepEqual(
    left.map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `${path}: fix-all of\n${text}\ngave\n${fixed}`,
  );
}

describe('rules: replication and min-ISR fixes are consistent (fix-all property)', () => {
  it('400 generated broker files: no key set two ways, none of the findings left after fix-all', () => {
    for (const text of brokerFiles(400)) check('server.properties', text);
  });

  it('every topic file of replication.factor and min.insync.replicas: the same', () => {
    for (const text of topicFiles()) check('topic-orders.properties', text);
  });
});
