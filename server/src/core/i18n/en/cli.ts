/** English texts of the command line: --help lines, usage errors and notes on stderr. Twin: ../zh-cn/cli.ts. */
export const CLI = {
  'cli.help.markdown': 'also read the fenced code blocks of .md files (go, java, python, js, ts, properties, yaml)',
  'cli.help.cache': 'reuse the findings of unchanged files (same options, same build)',
  'cli.help.cacheLocation': 'cache file, or a folder for it (default: ./.kafkalintcache)',
  'cli.help.concurrency': 'worker threads (default: auto, one per core for many files)',
  'cli.usage.concurrency': "--concurrency must be a number of threads, auto or off; got '{got}'",
  'cli.usage.cacheLocation': '--cache-location needs a file or folder name',
  'cli.cache.unreadable': 'cannot read cache {path} ({code}); linting every file',
  'cli.cache.notCache': 'ignoring cache {path}: it is not a Kafka Lint cache ({reason}); linting every file',
  'cli.cache.damagedOne': 'ignoring {count} damaged entry in cache {path}; that file is linted again',
  'cli.cache.damagedMany': 'ignoring {count} damaged entries in cache {path}; those files are linted again',
  'cli.cache.unwritable': 'cannot write cache {path} ({code})',
} as const;
