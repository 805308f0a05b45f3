import type { CLI } from '../en/cli';
import type { Translation } from '../placeholders';

/** 命令行的简体中文文本：--help 各行、用法错误和 stderr 上的提示。English: ../en/cli.ts. */
export const CLI_ZH_CN = {
  'cli.help.markdown': '同时读取 .md 文件中的围栏代码块（`go`、`java`、`python`、`js`、`ts`、`properties`、`yaml`）',
  'cli.help.cache': '复用未改动文件的问题（选项和构建相同时）',
  'cli.help.cacheLocation': '缓存文件或其所在文件夹（默认 ./.kafkalintcache）',
  'cli.help.concurrency': '工作线程数（默认 `auto`：文件多时每个核心一个）',
  'cli.usage.concurrency': "`--concurrency` 只能是线程数、`auto` 或 `off`，实际为 '{got}'",
  'cli.usage.cacheLocation': '`--cache-location` 需要一个文件名或文件夹名',
  'cli.cache.unreadable': '无法读取缓存 {path}（{code}），将检查所有文件',
  'cli.cache.notCache': '忽略缓存 {path}：它不是 Kafka Lint 的缓存（{reason}），将检查所有文件',
  'cli.cache.damagedOne': '忽略缓存 {path} 中 {count} 个损坏的条目，该文件将重新检查',
  'cli.cache.damagedMany': '忽略缓存 {path} 中 {count} 个损坏的条目，这些文件将重新检查',
  'cli.cache.unwritable': '无法写入缓存 {path}（{code}）',
} as const satisfies Translation<typeof CLI>;
