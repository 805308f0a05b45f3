/**
 * The compose files `docker compose` reads without `-f`, in compose-go's order (`DefaultFileNames`,
 * `DefaultOverrideFileNames`): the first base name present in a folder, and the first override beside it.
 */
export const BASE_NAMES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_NAMES: readonly string[] = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** Folder and base name of a path written with `/` or `\`. */
export function splitPath(path: string): { folder: string; name: string } {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: path.slice(0, at + 1), name: path.slice(at + 1) };
}

/** True when the path names an override file. */
export function isOverrideName(path: string): boolean {
  return OVERRIDE_NAMES.includes(splitPath(path).name);
}
