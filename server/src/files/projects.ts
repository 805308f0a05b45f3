import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * The project a file belongs to: the nearest folder above it that holds a build file. The deployment model
 * links a client to a cluster by folder only within reach of the client's project (core/deployment/model.ts):
 * in a repository of sample projects side by side (spring-kafka's `samples/sample-01`, `sample-05`, …), one
 * sample's application is not a client of another sample's test broker.
 */

/** Build files that make a folder a project of its own: Maven, Gradle, sbt, npm, Go, Python. */
const MARKERS: ReadonlySet<string> = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts', 'build.sbt', 'package.json', 'go.mod', 'pyproject.toml', 'setup.py']);

/**
 * Whether each folder holds a build file, by absolute path. Kept for the life of the process (the CLI's run,
 * the server's session): a build file added or removed while the server runs counts from the next start.
 */
const HOLDS_MARKER = new Map<string, boolean>();

function holdsMarker(folder: string): boolean {
  let known = HOLDS_MARKER.get(folder);
  if (known === undefined) {
    try {
      known = readdirSync(folder).some((name) => MARKERS.has(name));
    } catch {
      known = false;
    }
    if (HOLDS_MARKER.size > 100000) HOLDS_MARKER.clear();
    HOLDS_MARKER.set(folder, known);
  }
  return known;
}

/** Records what a folder walk read of a folder's entries, so that asking about it costs no second read. */
export function noteFolderEntries(folder: string, names: readonly string[]): void {
  HOLDS_MARKER.set(folder, names.some((name) => MARKERS.has(name)));
}

/** The absolute path of the nearest folder at or above `absoluteFile`'s folder that holds a build file; undefined when none does. */
export function projectRootOf(absoluteFile: string): string | undefined {
  let folder = dirname(absoluteFile);
  for (;;) {
    if (holdsMarker(folder)) return folder;
    const up = dirname(folder);
    if (up === folder) return undefined;
    folder = up;
  }
}

/** `{ project }` for a deployment extract (core/deployment/extract.ts), or nothing when the file is in no project. */
export function projectOf(file: string): { project?: string } {
  const project = projectRootOf(isAbsolute(file) ? file : resolve(file));
  return project === undefined ? {} : { project };
}
