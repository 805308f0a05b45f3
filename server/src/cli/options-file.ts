import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { DeploymentFile } from '../core/deployment/extract';
import { lintDeploymentPerFile } from '../core/deployment/lint';
import { buildDeployment } from '../core/deployment/model';
import type { Finding } from '../core/model';
import type { LintOptions } from '../core/options';
import { DEFAULT_OPTIONS, normalizeOptions } from '../core/options';
import { ruleById } from '../core/rules/index';
import { t } from '../core/i18n/index';
import type { Locale } from '../core/i18n/index';
import { withoutLocale } from '../protocol/settings';

/** The options file read from the current folder when `--config` is not given. */
export const DEFAULT_OPTIONS_FILE = '.kafkalint.json';

export interface LoadedOptions {
  readonly options: LintOptions;
  /** Problems worth a line on stderr; the run continues. */
  readonly warnings: string[];
  /** A problem that stops the run with exit code 2 (only for an explicit `--config`). */
  readonly fatal?: string;
}

/**
 * Loads lint options the way the editor settings are read: from `--config FILE`, else from
 * `./.kafkalint.json` when present, normalized by core `normalizeOptions`; `--kafka-version` wins over both, and `--markdown` turns Markdown on whatever they say.
 *
 * An explicit file that is missing or not JSON is fatal; the implicit one only warns, so a broken file in
 * some folder never blocks a run that did not ask for it.
 */
export function loadOptions(
  configFile: string | undefined,
  kafkaVersion: string | undefined,
  cwd: string = process.cwd(),
  markdown = false,
  locale: Locale = DEFAULT_OPTIONS.locale,
  shownAs: string = DEFAULT_OPTIONS_FILE,
): LoadedOptions {
  const warnings: string[] = [];
  let options: LintOptions = { ...DEFAULT_OPTIONS, locale };
  const usingDefaults = (message: string): string => t(locale, 'cli.options.usingDefaults', { message });
  const explicit = configFile !== undefined;
  const file = configFile ?? shownAs;
  const path = explicit ? file : join(cwd, DEFAULT_OPTIONS_FILE);

  if (explicit || existsSync(path)) {
    let raw: string | undefined;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (err) {
      const message = t(locale, 'cli.options.cannotRead', { file, code: (err as NodeJS.ErrnoException).code ?? String(err) });
      if (explicit) return { options, warnings, fatal: message };
      warnings.push(usingDefaults(message));
    }
    if (raw !== undefined) {
      let input: unknown;
      let parsed = false;
      try {
        input = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
        parsed = true;
      } catch (err) {
        const message = t(locale, 'cli.options.notJson', { file, reason: err instanceof Error ? err.message : String(err) });
        if (explicit) return { options, warnings, fatal: message };
        warnings.push(usingDefaults(message));
      }
      if (parsed) {
        if (input === null || typeof input !== 'object' || Array.isArray(input)) {
          const message = t(locale, 'cli.options.notObject', { file, example: '{"kafkaVersion": "3.9", "rules": {}}' });
          if (explicit) return { options, warnings, fatal: message };
          warnings.push(usingDefaults(message));
        } else {
          // The language follows the user (--locale, the environment), not a file the team shares.
          if ('locale' in input) warnings.push(t(locale, 'cli.options.localeIgnored', { file }));
          const normalized = normalizeOptions(withoutLocale(input), options);
          options = normalized.options;
          for (const p of normalized.problems) warnings.push(`${file}: ${p.message}`);
          const rules = (input as { rules?: unknown }).rules;
          if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
            for (const id of Object.keys(rules)) {
              if (!ruleById(id)) warnings.push(t(locale, 'cli.options.unknownRule', { file, id }));
            }
          }
        }
      }
    }
  }

  if (kafkaVersion !== undefined) options = { ...options, kafkaVersion };
  if (markdown) options = { ...options, markdown };
  return { options, warnings };
}

/** The options of a run: those of the current folder (or `--config`), and of each folder argument with its own file. */
export interface OptionScopes {
  /** `--config`, else `./.kafkalint.json`: files under no folder argument that has its own options file. */
  readonly base: LintOptions;
  /** Folder arguments holding a `.kafkalint.json`, innermost first (absolute paths, as the walk resolves them). */
  readonly folders: readonly { readonly root: string; readonly options: LintOptions }[];
}

/**
 * The options of each folder given on the command line that holds its own `.kafkalint.json`, as the server
 * treats workspace folders: a file is graded with the options of the innermost folder argument holding it
 * that has one, else with `base`. An explicit `--config` applies to every file, so no folder is read then;
 * the current folder is `base` already. `--kafka-version` and `--markdown` win over every file.
 */
export function loadOptionScopes(
  base: LintOptions,
  paths: readonly string[],
  configFile: string | undefined,
  kafkaVersion: string | undefined,
  cwd: string,
  markdown: boolean,
  locale: Locale,
): { scopes: OptionScopes; warnings: string[] } {
  const warnings: string[] = [];
  const folders: { root: string; options: LintOptions }[] = [];
  if (configFile === undefined) {
    const seen = new Set<string>([resolve(cwd)]);
    for (const given of paths) {
      // As the walk resolves them (files/walk.ts), so that roots and file paths compare.
      const root = resolve(given);
      if (seen.has(root) || !existsSync(join(root, DEFAULT_OPTIONS_FILE))) continue;
      seen.add(root);
      const shown = join(given, DEFAULT_OPTIONS_FILE);
      const loaded = loadOptions(undefined, kafkaVersion, root, markdown, locale, shown);
      warnings.push(...loaded.warnings);
      folders.push({ root, options: loaded.options });
    }
    folders.sort((a, b) => b.root.length - a.root.length);
  }
  return { scopes: { base, folders }, warnings };
}

/** The option sets of a run, indexed as {@link scopeOfFile} numbers them: 0 the base options, then each folder's. */
export function optionSets(scopes: OptionScopes): readonly LintOptions[] {
  return [scopes.base, ...scopes.folders.map((f) => f.options)];
}

/**
 * Which of the run's {@link optionSets} grades a file (by the absolute path the walk gave it): the innermost
 * folder argument holding it that has its own options file, else 0, the base options.
 */
export function scopeOfFile(scopes: OptionScopes, absolute: string): number {
  const i = scopes.folders.findIndex((f) => absolute.startsWith(f.root.endsWith(sep) ? f.root : f.root + sep));
  return i + 1;
}

/** The options a file (by the absolute path the walk gave it) is graded with. */
export function optionsOfFile(scopes: OptionScopes, absolute: string): LintOptions {
  return optionSets(scopes)[scopeOfFile(scopes, absolute)];
}

/**
 * The cross-file pass of a run over several option scopes: one deployment model of every file given, graded
 * once per option set some file uses (`scopes[i]` is the index of file i's set in `sets`), so that each file
 * takes the cross-file findings of its own options, as the server grades each workspace folder's files.
 * Returns each file's findings by its display name (`extracts[i].file`); rule failures go to `note`.
 */
export function crossFindingsByScope(
  extracts: readonly DeploymentFile[],
  scopes: readonly number[],
  sets: readonly LintOptions[],
  note: (s: string) => void,
): ReadonlyMap<string, readonly Finding[]> {
  const scopeOf = new Map(extracts.map((extract, i) => [extract.file, scopes[i]]));
  const used = [...new Set(scopes)].sort((a, b) => a - b).map((scope) => sets[scope]);
  const cross = lintDeploymentPerFile(buildDeployment(extracts), used, (file) => sets[scopeOf.get(file) ?? 0]);
  for (const failure of cross.failures) note(failure);
  return cross.byFile;
}
