import type { SETTINGS } from '../en/settings';
import type { Translation } from '../placeholders';

/** 选项与设置相关的简体中文文本。English: ../en/settings.ts. */
export const SETTINGS_ZH_CN = {
  'options.locale': 'locale 只能是 auto、en 或 zh-cn，实际为 {got}',
  'options.kafkaVersion': 'kafkaVersion 应形如 "3.9" 或 "2.8.1"，实际为 {got}',
  'options.ruleLevel': 'rules.{id} 只能是 {levels} 之一，实际为 {got}',
  'options.markdown': 'markdown 只能是 `true` 或 `false`，实际为 {got}',
  'options.rules': 'rules 必须是从规则 ID 到级别的对象',

  'server.fixAll': '修复所有可自动修复的 Kafka Lint 问题',
  'server.projectFileInvalid': 'Kafka Lint：{path} 不是有效的 JSON（{reason}），修正之前将忽略它。',
  'server.truncated': 'Kafka Lint 只显示此文件 {total} 个问题中的 {shown} 个（编辑器每个文件最多显示 1,000 个）；对该文件运行 `kafka-lint` 可查看全部问题。',
} as const satisfies Translation<typeof SETTINGS>;
