/**
 * English texts shared by many rules: stage names, where a default comes from, and the quick-fix titles
 * that set, add or remove a key. The Simplified Chinese twin is ../zh-cn/common.ts.
 */
export const COMMON = {
  'stage.producer': 'Producer stage',
  'stage.broker': 'Broker stage',
  'stage.consumer': 'Consumer stage',
  'stage.config': 'Config',

  /** `Kafka 2.8`: a library name and the version whose default applies. */
  'default.source.version': '{name} {version}',
  'default.source.since': '{name} {since} and later',
  'default.phrase': '{source} defaults {key} to {value} when {key} is not set',
  'default.phrase.before': '{library} before {since} defaults {key} to {value} when {key} is not set, and the installed version is not known',
  'default.phrase.someVersions': '{library} (some versions) defaults {key} to {value} when {key} is not set, and the installed version is not known',

  'fix.set': 'Set {key}={value}',
  'fix.add': 'Add {key}={value}',
  'fix.remove': 'Remove {key}={value}',
  'fix.removeUseDefault': 'Remove {key}={value} (use the default, {default})',

  'lint.ruleFailed': 'Kafka Lint: rule {id} failed on this file ({error}). Please report this.',
} as const;
