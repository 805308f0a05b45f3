import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeConfig } from '../core/analyze';
import { composePairs, isPairedName, PAIRED_NAMES } from '../core/compose/pairs';
import type { ComposeServiceFacts } from '../core/model';
import { inputsOf } from '../files/inputs';
import { readTextFile } from '../files/read';
import type { ComposeMerge } from './lint-file';

/**
 * For each compose file of a run that Compose merges with another (its override, or its base: see
 * core/compose/pairs.ts), what to merge it with, by the file's position. The other file is looked for on disk
 * too: `kafka-lint docker-compose.yml`, or a pre-commit hook given only the changed files, judges the base
 * with its override as `docker compose up` runs them. `servicesOf(i)`: the services of the run's file i
 * (from its extract); a file outside the run is read here.
 */
export function composeMerges(files: readonly { readonly absolute: string }[], servicesOf: (i: number) => readonly ComposeServiceFacts[] | undefined): Map<number, ComposeMerge> {
  const out = new Map<number, ComposeMerge>();
  const paired = files.flatMap((f, i) => (isPairedName(f.absolute) ? [i] : []));
  if (paired.length === 0) return out;
  const inRun = new Map(files.map((f, i) => [f.absolute, i]));
  const paths = new Set<string>(inRun.keys());
  const folders = new Set(paired.map((i) => dirname(files[i].absolute)));
  for (const folder of folders) {
    for (const name of PAIRED_NAMES) {
      const path = join(folder, name);
      if (!paths.has(path) && existsSync(path)) paths.add(path);
    }
  }
  const pairs = composePairs(paths);
  for (const i of paired) {
    const pairing = pairs.get(files[i].absolute);
    if (!pairing) continue;
    const j = inRun.get(pairing.partner);
    const services = j !== undefined ? servicesOf(j) : servicesOnDisk(pairing.partner);
    if (services && services.length > 0) out.set(i, { pairing, services });
  }
  return out;
}

/** The services of a compose file the run does not lint, read from disk; undefined when unreadable. */
function servicesOnDisk(path: string): readonly ComposeServiceFacts[] | undefined {
  const read = readTextFile(path);
  return read.ok ? analyzeConfig(path, read.text, undefined, inputsOf(path)).compose : undefined;
}
