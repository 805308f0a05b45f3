import type { COMMON } from '../en/common';
import type { Translation } from '../placeholders';

/** 多条规则共用的简体中文文本。English: ../en/common.ts. */
export const COMMON_ZH_CN = {
  'stage.producer': '生产者阶段',
  'stage.broker': 'Broker 阶段',
  'stage.consumer': '消费者阶段',
  'stage.config': '配置',

  'default.source.version': '{name} {version}',
  'default.source.file': '{name} {version}（{file} 中固定的版本）',
  'default.source.spring': '{name} {version}（{file} 中的 spring-kafka {via} 所需的版本）',
  'default.source.since': '{name} {since} 及更高版本',
  'default.phrase': '未设置 {key}，{source} 默认使用 {key}={value}',
  'default.phrase.before': '未设置 {key}，{library} {since} 之前的版本默认使用 {key}={value}（无法得知已安装的版本）',
  'default.phrase.someVersions': '未设置 {key}，{library} 的某些版本默认使用 {key}={value}（无法得知已安装的版本）',

  'list.and': '、',

  'fix.set': '设置 {key}={value}',
  'fix.add': '添加 {key}={value}',
  'fix.setBoth': '设置 {key}={value} 和 {key2}={value2}',
  'fix.remove': '删除 {key}={value}',
  'fix.removeUseDefault': '删除 {key}={value}（改用默认值 {default}）',

  'lint.branch': '当 `{condition}` 为{when}时：{message}',
  'lint.branch.true': '真',
  'lint.branch.false': '假',
  'lint.ruleFailed': 'Kafka Lint：规则 {id} 处理此文件时出错（{error}），请报告这个问题。',
} as const satisfies Translation<typeof COMMON>;
