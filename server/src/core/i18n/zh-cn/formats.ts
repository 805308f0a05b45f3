import type { FORMATS } from '../en/formats';
import type { Translation } from '../placeholders';

/** 部署格式读取器（YAML 合并键、docker-compose、Strimzi、Kafka Connect）的简体中文文本。English: ../en/formats.ts. */
export const FORMATS_ZH_CN = {
  'formats.default.dialect': '运行 Kafka {version} 的 {name}',
  'formats.hover.dialectDefault': '**默认值**（未设置时由 {name} 设定）：{value}',
  'formats.hover.kafkaDefault': 'Kafka 自身的默认值（Kafka {version}）：{value}',
  'formats.compose.default': '本文件没有设置 `{variable}`：除非运行 Docker Compose 的环境或 `.env` 文件设置了 `{variable}`，否则使用其默认值 {value}。',
  'formats.compose.fromEnvFile': 'Docker Compose 从本文件旁的 `{file}` 文件中的 `{variable}={value}` 取得此值（除非运行它的环境导出了 `{variable}`）：请在那里修改。',
  'formats.compose.variable.escaped': '{image} 镜像由 `{name}` 设定 `{key}`：去掉 `{prefix}`，把 `___` 读作 `-`、`__` 读作 `_`、`_` 读作 `.`，其余转为小写。',
  'formats.compose.variable.dots': '{image} 镜像由 `{name}` 设定 `{key}`：去掉 `{prefix}`，把每个 `_` 读作 `.`，其余转为小写。',
  'formats.compose.variable.renamed': '{image} 镜像由 `{name}` 设定 `{key}`。',
  'formats.compose.legacy': '{image} 镜像把旧名称 `{name}` 复制到 `{current}`，由它设定 `{key}`；两者都设置时以旧名称为准。',
  'formats.connect.worker.producer': 'Kafka Connect 用 `{rawKey}` 为此工作进程运行的每个 `SourceTask` 的生产者（以及 `SinkTask` 的死信队列生产者）设置 `{key}`；连接器的 `producer.override.{key}` 优先于它。',
  'formats.connect.worker.consumer': 'Kafka Connect 用 `{rawKey}` 为此工作进程运行的每个 `SinkTask` 的消费者设置 `{key}`；连接器的 `consumer.override.{key}` 优先于它。',
  'formats.connect.worker.admin': 'Kafka Connect 用 `{rawKey}` 为此工作进程运行的每个任务的 `Admin` 客户端设置 `{key}`；连接器的 `admin.override.{key}` 优先于它。',
  'formats.connect.override.producer': 'Kafka Connect 用 `{rawKey}` 只为这个连接器的生产者设置 `{key}`，前提是工作进程的 `connector.client.config.override.policy` 允许：`All`（自 Kafka 3.0 起的默认值）允许；`None`（此前的默认值）会使连接器无法启动。',
  'formats.connect.override.consumer': 'Kafka Connect 用 `{rawKey}` 只为这个连接器的消费者设置 `{key}`，前提是工作进程的 `connector.client.config.override.policy` 允许：`All`（自 Kafka 3.0 起的默认值）允许；`None`（此前的默认值）会使连接器无法启动。',
  'formats.connect.override.admin': 'Kafka Connect 用 `{rawKey}` 只为这个连接器的 `Admin` 客户端设置 `{key}`，前提是工作进程的 `connector.client.config.override.policy` 允许：`All`（自 Kafka 3.0 起的默认值）允许；`None`（此前的默认值）会使连接器无法启动。',
  'formats.strimzi.topicReplicas': 'Strimzi 以 `spec.replicas` 个副本创建该主题，即它的 `replication.factor`；未写时使用 Broker 的 `default.replication.factor`。',
  'formats.strimzi.poolCounted': '`KafkaNodePool` `{name}` 计入集群 `{cluster}` 的 Broker 数：`spec.replicas: {replicas}`。',
  'formats.strimzi.poolCountedUnnamed': '一个没有名称的 `KafkaNodePool` 计入集群 `{cluster}` 的 Broker 数：`spec.replicas: {replicas}`。',
  'formats.fix.scoped': '{title}（{scope}）',
  'formats.yaml.anchorScope': '位于 &{anchor}：会同时修改它的每个别名',
  'formats.yaml.merged': '由锚点 &{anchor} 合并到 {path}（`<<`）；在此处直接写出的键优先于合并进来的键。',
  'formats.yaml.mergedInline': '由一个映射合并到 {path}（`<<`）；在此处直接写出的键优先于合并进来的键。',
} as const satisfies Translation<typeof FORMATS>;
