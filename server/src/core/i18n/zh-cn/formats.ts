import type { FORMATS } from '../en/formats';
import type { Translation } from '../placeholders';

/** 部署格式读取器（YAML 合并键、docker-compose、Strimzi、Kafka Connect）的简体中文文本。English: ../en/formats.ts. */
export const FORMATS_ZH_CN = {
  'formats.fix.scoped': '{title}（{scope}）',
  'formats.yaml.anchorScope': '位于 &{anchor}：会同时修改它的每个别名',
  'formats.yaml.merged': '由锚点 &{anchor} 合并到 {path}（`<<`）；在此处直接写出的键优先于合并进来的键。',
  'formats.yaml.mergedInline': '由一个映射合并到 {path}（`<<`）；在此处直接写出的键优先于合并进来的键。',
} as const satisfies Translation<typeof FORMATS>;
