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
  'default.source.file': '{name} {version} (as {file} pins it)',
  'default.source.spring': '{name} {version} (which spring-kafka {via} in {file} requires)',
  'default.source.since': '{name} {since} and later',
  /** Opens every message about a key the configuration leaves unset. */
  'default.phrase': '{key} is unset, and {source} defaults it to {value}',
  'default.phrase.before': '{key} is unset, and {library} before {since} defaults it to {value} (the installed version is not known)',
  'default.phrase.someVersions': '{key} is unset, and some versions of {library} default it to {value} (the installed version is not known)',

  'list.and': ' and ',

  'fix.set': 'Set {key}={value}',
  'fix.add': 'Add {key}={value}',
  'fix.setBoth': 'Set {key}={value} and {key2}={value2}',
  'fix.remove': 'Remove {key}={value}',
  'fix.removeUseDefault': 'Remove {key}={value} (use the default, {default})',

  'lint.branch': 'When `{condition}` is {when}: {message}',
  'lint.branch.true': 'true',
  'lint.branch.false': 'false',
  'lint.ruleFailed': 'Kafka Lint: rule {id} failed on this file ({error}). Please report this.',
} as const;
