import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintOptions } from '../core/options';
import { DEFAULT_OPTIONS, normalizeOptions } from '../core/options';
import { ruleById } from '../core/rules/index';

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
export function loadOptions(configFile: string | undefined, kafkaVersion: string | undefined, cwd: string = process.cwd(), markdown = false): LoadedOptions {
  const warnings: string[] = [];
  let options: LintOptions = DEFAULT_OPTIONS;
  const explicit = configFile !== undefined;
  const file = configFile ?? DEFAULT_OPTIONS_FILE;
  const path = explicit ? file : join(cwd, file);

  if (explicit || existsSync(path)) {
    let raw: string | undefined;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (err) {
      const message = `cannot read options file ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
      if (explicit) return { options, warnings, fatal: message };
      warnings.push(`${message}; using defaults`);
    }
    if (raw !== undefined) {
      let input: unknown;
      let parsed = false;
      try {
        input = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
        parsed = true;
      } catch (err) {
        const message = `${file} is not valid JSON (${err instanceof Error ? err.message : String(err)})`;
        if (explicit) return { options, warnings, fatal: message };
        warnings.push(`${message}; using defaults`);
      }
      if (parsed) {
        if (input === null || typeof input !== 'object' || Array.isArray(input)) {
          const message = `${file} must hold a JSON object like {"kafkaVersion": "3.9", "rules": {}}`;
          if (explicit) return { options, warnings, fatal: message };
          warnings.push(`${message}; using defaults`);
        } else {
          const normalized = normalizeOptions(input, options);
          options = normalized.options;
          for (const p of normalized.problems) warnings.push(`${file}: ${p.message}`);
          const rules = (input as { rules?: unknown }).rules;
          if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
            for (const id of Object.keys(rules)) {
              if (!ruleById(id)) warnings.push(`${file}: unknown rule '${id}'`);
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
