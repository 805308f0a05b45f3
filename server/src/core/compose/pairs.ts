import type { AnalyzedDocument, ComposeServiceFacts } from '../model';
import type { ComposePartner } from './analyze-compose';
import { analyzeCompose } from './analyze-compose';
import { BASE_NAMES, OVERRIDE_NAMES, splitPath } from './names';

/**
 * Which compose files Compose merges. Run without `-f`, `docker compose` reads the first of
 * {@link BASE_NAMES} in the folder and, when one exists next to it, the first of {@link OVERRIDE_NAMES}
 * (compose-go's DefaultFileNames and DefaultOverrideFileNames, in their order): the override's values win.
 * Other compose files (`docker-compose.prod.yml`) are merged only when named with `-f`, so each is judged
 * alone. Pure: the callers give the paths they know (the CLI's files, the server's workspace model).
 */

/** Every name {@link composePairs} pairs: the names to look for beside a compose file. */
export const PAIRED_NAMES: readonly string[] = [...BASE_NAMES, ...OVERRIDE_NAMES];

/** The other file of a path's pair, and which of the two it is. */
export interface ComposePairing {
  readonly partner: string;
  readonly is: 'base' | 'override';
}

/** True when the name is one Compose merges by default (a base or an override). */
export function isPairedName(path: string): boolean {
  const { name } = splitPath(path);
  return BASE_NAMES.includes(name) || OVERRIDE_NAMES.includes(name);
}

/**
 * For each path of a base/override pair among `paths`, its partner. A folder with a base and no override (or
 * the other way round) pairs nothing.
 */
export function composePairs(paths: Iterable<string>): Map<string, ComposePairing> {
  const byFolder = new Map<string, Map<string, string>>();
  for (const path of paths) {
    if (!isPairedName(path)) continue;
    const { folder, name } = splitPath(path);
    let names = byFolder.get(folder);
    if (!names) byFolder.set(folder, (names = new Map()));
    names.set(name, path);
  }
  const out = new Map<string, ComposePairing>();
  for (const names of byFolder.values()) {
    const base = BASE_NAMES.map((n) => names.get(n)).find((p) => p !== undefined);
    const override = OVERRIDE_NAMES.map((n) => names.get(n)).find((p) => p !== undefined);
    if (base === undefined || override === undefined) continue;
    out.set(base, { partner: override, is: 'override' });
    out.set(override, { partner: base, is: 'base' });
  }
  return out;
}

/**
 * A compose document read again as Compose merges it with the other file of its pair (whose services are
 * `services`, from that file's analysis or extract); the document itself when there is nothing to merge.
 */
export function withComposePartner(document: AnalyzedDocument, pairing: ComposePairing, services: readonly ComposeServiceFacts[] | undefined): AnalyzedDocument {
  if (document.kind !== 'compose' || !services || services.length === 0) return document;
  const partner: ComposePartner = { is: pairing.is, services };
  return analyzeCompose(document.path, document.text, document.kind, partner, document.dotEnv);
}
