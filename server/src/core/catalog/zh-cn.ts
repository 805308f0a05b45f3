/**
 * The key catalog in Simplified Chinese: the hover and completion texts of every key (summary, loss, safe
 * value, value docs), the notes of the default histories, and the summaries of the Spring-only properties.
 *
 * Written with the glossary of ../i18n/README.md; the meaning matches the English of keys/*.ts, defaults.ts
 * and spring.ts exactly, with the same keys, values, numbers and ids. When an English text changes, change
 * its translation in the same commit: test/unit/i18n/key-docs-zh.test.ts fails on a missing or extra
 * translation, a field present in one language only, and English left in a Chinese text.
 */

/** The translated fields of a KeyDoc: present exactly when the English has them. */
export interface KeyDocTranslation {
  readonly summary: string;
  readonly loss?: string;
  readonly safe?: string;
  /** By the same values as the English valueDocs. */
  readonly valueDocs?: Readonly<Record<string, string>>;
}

/** Every key of the catalog (KeyDoc.key), translated. */
export const KEY_DOCS_ZH_CN: Readonly<Record<string, KeyDocTranslation>> = {
  acks: {
    summary: 'Broker 确认一次发送之前，必须有多少个副本已写入该消息。',
    loss: '0 从不等待 Broker；1 只等待领导者副本，因此追随者副本尚未复制的消息会在领导者副本宕机时丢失。',
    safe: 'all（并在主题上设置 min.insync.replicas=2）',
    valueDocs: {
      all: '等待每个同步副本都写入该消息',
      '-1': '与 all 相同',
      '1': '只等待分区的领导者副本',
      '0': '完全不等待：发后即焚',
    },
  },
  retries: {
    summary: '遇到可重试错误（领导者副本变更、副本不足、超时）后，生产者重发一个批次的次数。',
    loss: '设为 0 时，第一次瞬时错误就会使消息失败；除非应用检查发送结果，否则消息就此丢失。它还会关闭默认开启的幂等性。',
    safe: '不设置，并用 delivery.timeout.ms 限定重试时间',
  },
  'delivery.timeout.ms': {
    summary: '一条消息从 send() 起到被报告为投递成功或失败为止可用的总时间，包括重试。',
    loss: '时间用尽时，即使还剩重试次数，消息也会失败（仍在缓冲区中等待的消息同样会过期）；无人检查的失败就是一条丢失的消息。',
    safe: '默认值（2 分钟）或更长；绝不低于 linger.ms + request.timeout.ms',
  },
  'request.timeout.ms': {
    summary: '客户端等待一次请求的响应多久，之后重试该请求或放弃。',
    loss: '低于 Broker 的 replica.lag.time.max.ms 会导致不必要的重试；若重试次数少或投递超时短，消息会失败。',
    safe: '默认值（30 秒）',
  },
  'linger.ms': {
    summary: '生产者在发送一个批次之前，为凑满该批次而等待的时间。',
    loss: '等待成批的消息只存在于客户端内存中：进程崩溃，或退出前没有调用 flush() 或 close()，这些消息就会丢失。',
    safe: '较小的值（0-20 毫秒），并在停机时始终刷新或关闭生产者',
  },
  'enable.idempotence': {
    summary: '让重试变得安全：Broker 丢弃重复的批次，并保持每个分区内的顺序。',
    loss: '没有它，重试可能写入重复消息，且在有多个在途请求时打乱消息顺序；按位移或序列号丢弃“重复”消息的代码随后可能跳过真实的消息。',
    safe: 'true（需要 acks=all、retries > 0、max.in.flight.requests.per.connection <= 5）',
  },
  'max.in.flight.requests.per.connection': {
    summary: '生产者对一个 Broker 最多可以同时保持多少个未确认的请求。',
    loss: '超过 5 时，默认的幂等性会被悄悄关闭（3.0.1 至 3.9），或生产者无法启动（4.0）；没有幂等性，重试可能打乱消息顺序。',
    safe: '5 或更少',
  },
  'max.request.size': {
    summary: '生产者会发送的最大请求，也就是最大的单条消息（在压缩之前检查）。',
    loss: '更大的消息会以 RecordTooLargeException 失败，这个错误只通过 send() 的 Future 或回调报告，从不抛出。',
    safe: '至少为最大的消息大小，且不超过 Broker 的 message.max.bytes / 主题的 max.message.bytes',
  },
  'buffer.memory': {
    summary: '生产者用于保存尚未发送的消息的内存。',
    loss: '内存写满时，send() 最多阻塞 max.block.ms，然后通过 Future 或回调使消息失败。',
    safe: '足以容纳峰值积压',
  },
  'max.block.ms': {
    summary: 'send()（以及事务相关调用）在等待元数据或缓冲区空间时最多可以阻塞多久。',
    loss: '超时后消息通过 Future 或回调失败；关闭了自动创建时，不存在的主题通常就表现在这里。',
    safe: '默认值（60 秒）',
  },
  'batch.size': {
    summary: '一个分区的一个消息批次的大小上限（字节）；0 表示关闭批处理。',
    loss: '批次越大，进程崩溃时内存中未发送的消息就越多。',
    safe: '默认值（16 KiB）',
  },
  'compression.type': {
    summary: '压缩编解码器。在生产者上：none、gzip、snappy、lz4 或 zstd（默认 none）。在 Broker 或主题上：同样的取值，或 producer 表示保留生产者发送时的压缩方式（默认值），或 uncompressed。',
    valueDocs: {
      producer: '仅限 Broker/主题：保留生产者所用的编解码器',
      none: '生产者：不压缩',
      uncompressed: '仅限 Broker/主题：以不压缩的形式存储',
      zstd: '两端都需要 Kafka 2.1 或更新版本',
    },
  },
  'transactional.id': {
    summary: '事务型生产者的身份标识；启用跨分区的原子写入，并隐含幂等性。',
    loss: '消费者必须以 isolation.level=read_committed 读取，否则也会看到已中止事务的消息。',
    safe: '需要精确一次时，每个生产者实例使用一个稳定的 ID',
  },
  'transaction.timeout.ms': {
    summary: '一个事务在协调者将其中止之前最多可以保持打开多久。',
    loss: '被中止的事务会对 read_committed 消费者丢弃其中的消息。',
    safe: '长于最长的事务，且不超过 Broker 的 transaction.max.timeout.ms',
  },
  'key.serializer': {
    summary: '把消息键转换为字节的类（org.apache.kafka.common.serialization.Serializer）。',
  },
  'value.serializer': {
    summary: '把消息值转换为字节的类（org.apache.kafka.common.serialization.Serializer）。',
  },
  'partitioner.class': {
    summary: '为消息选择分区的类；不设置时使用内置的粘性/按键哈希分区器。',
  },
  'interceptor.classes': {
    summary: '能看到（并可修改）每一条发送或接收的消息的类。',
  },
  'queue.buffering.max.messages': {
    summary: 'librdkafka：本地生产者队列最多可容纳多少条消息。',
    loss: '队列满时 produce() 会立即失败（Python 中为 BufferError，Go 中为 ErrQueueFull）；随后丢弃该消息的代码就会丢失它。',
    safe: '足以容纳峰值积压，并在队列满时先调用 poll() 再重试',
  },
  'queue.buffering.max.kbytes': {
    summary: 'librdkafka：本地生产者队列最多可容纳多少千字节的数据。',
    loss: '队列满时 produce() 会立即失败；随后丢弃该消息的代码就会丢失它。',
    safe: '足以容纳峰值积压',
  },
  'enable.gapless.guarantee': {
    summary: 'librdkafka（实验性）：启用幂等性时，抛出致命错误，而不是让已生产的序列中出现空缺。',
  },
  'enable.auto.commit': {
    summary: '让客户端定期提交已拉取消息的位置：在 poll() 内部（Java）或由后台线程提交（librdkafka）。',
    loss: '提交涵盖 poll() 已返回的消息，无论是否已处理：交给其他线程或缓冲区的消息在崩溃后会被跳过。',
    safe: 'false，并在处理之后提交（只有每次拉取的消息都在下一次拉取之前完全处理完时才用 true）',
    valueDocs: {
      false: '由应用在处理之后提交',
      true: '客户端按定时器提交已拉取的位置',
    },
  },
  'auto.commit.interval.ms': {
    summary: '开启 enable.auto.commit 时，自动提交多久提交一次。',
  },
  'auto.offset.reset': {
    summary: '当消费者组没有已提交的位移，或已提交的位移已不存在时，从哪里开始读取。',
    loss: 'latest 会跳到日志末尾：新的消费者组、过期的位移或被保留策略删除的数据，都会让消费者跳过该位置之前的每一条消息，包括生产到新增分区的消息。',
    safe: 'earliest（接受重复处理）或 none（明确报错）',
    valueDocs: {
      earliest: '从仍保留的最早消息开始（可能重复处理）',
      none: '报错失败，而不是猜测',
      latest: '从日志末尾开始：更早的消息永远不会被读取',
    },
  },
  'isolation.level': {
    summary: '消费者是否能看到已中止或仍未结束的事务中的消息。',
    loss: 'read_uncommitted 也会返回已中止事务的消息（造成幻读和重复，而不是丢失）；read_committed 会停在第一个未结束的事务处。',
    safe: '生产者使用事务时用 read_committed',
    valueDocs: {
      read_committed: '只读取已提交事务的消息',
      read_uncommitted: '读取每一条消息，包括已中止事务的消息',
    },
  },
  'max.poll.interval.ms': {
    summary: '两次 poll() 调用之间允许的最长时间，超过后消费者会被移出其消费者组。',
    loss: '超时会把分区交给另一个成员，并使下一次提交以 CommitFailedException 失败；消息会被重新处理，只有在别处提交之后又吞掉该异常时才会丢失。',
    safe: '大于处理一次拉取结果的最坏情况耗时',
  },
  'max.poll.records': {
    summary: '一次 poll() 最多返回的消息条数。',
  },
  'session.timeout.ms': {
    summary: '消费者组协调者等待心跳多久，之后宣布该消费者已失效（classic 协议；使用 group.protocol=consumer 时由 Broker 决定）。',
  },
  'heartbeat.interval.ms': {
    summary: '消费者发送心跳的频率；应不超过 session.timeout.ms 的三分之一。',
  },
  'group.protocol': {
    summary: '使用哪种消费者组协议。客户端在 4.x 中默认仍为 classic；Broker 从 4.0 起启用新协议。',
    valueDocs: {
      classic: '原有的、基于加入组与同步组两步的重平衡协议',
      consumer: 'KIP-848 协议：由 Broker 驱动增量重平衡',
    },
  },
  'default.api.timeout.ms': {
    summary: '未指定显式超时的阻塞型消费者调用（例如 commitSync()）的时间上限。',
  },
  'max.partition.fetch.bytes': {
    summary: '每次请求每个分区拉取的字节数。自 0.10.1 起不是硬性上限：更大的第一个批次仍会返回，消费者因此不会卡住。',
  },
  'fetch.max.bytes': {
    summary: '每次请求跨所有分区拉取的字节数；与 max.partition.fetch.bytes 一样，不是硬性上限。',
  },
  'fetch.min.bytes': {
    summary: 'Broker 会挂起一次拉取请求，直到有这么多字节可用（或经过 fetch.max.wait.ms）。',
  },
  'fetch.max.wait.ms': {
    summary: 'Broker 为等待 fetch.min.bytes 而挂起一次拉取请求的最长时间。',
  },
  'allow.auto.create.topics': {
    summary: '订阅一个不存在的主题时，是否请求 Broker 创建它（前提是 Broker 允许自动创建）。',
    loss: '拼错的主题名会被悄悄创建（使用 Broker 默认的副本因子），而不是报错，于是消费者在一个无人写入的主题上等待。',
    safe: 'false',
  },
  'group.id': {
    summary: '该消费者所属的消费者组；subscribe() 和提交位移都需要它。',
  },
  'group.instance.id': {
    summary: '稳定的成员 ID（静态成员）：在 session.timeout.ms 内重启不会触发重平衡。',
  },
  'partition.assignment.strategy': {
    summary: 'classic 协议用来在消费者组成员之间划分分区的分配器类。',
  },
  'key.deserializer': {
    summary: '把消息键的字节还原为对象的类（org.apache.kafka.common.serialization.Deserializer）。',
  },
  'value.deserializer': {
    summary: '把消息值的字节还原为对象的类（org.apache.kafka.common.serialization.Deserializer）。',
  },
  'client.rack': {
    summary: '该消费者所在的机架，使它可以从同一机架中的副本拉取数据（KIP-392）。',
  },
  'enable.auto.offset.store': {
    summary: 'librdkafka：每条消息一交给应用就存储其位移；随后自动提交会提交已存储的位移。',
    loss: '后台的自动提交可能在应用处理完一条消息之前就提交它；此时崩溃就会跳过这条消息。',
    safe: 'false，并在处理之后存储位移（offsets_store / StoreOffsets）',
  },
  'bootstrap.servers': {
    summary: '客户端首先连接以发现整个集群的 host:port 地址对；几个 Broker 就足够了。',
  },
  'client.id': {
    summary: '随每个请求发送的名称，显示在 Broker 日志、指标和配额中。',
  },
  'retry.backoff.ms': {
    summary: '重试失败请求之前的暂停时间。',
  },
  'retry.backoff.max.ms': {
    summary: '两次重试之间指数退避的上限（Kafka 3.7+）。',
  },
  'reconnect.backoff.ms': {
    summary: '重新连接 Broker 之前的暂停时间。',
  },
  'reconnect.backoff.max.ms': {
    summary: '重连指数退避的上限。',
  },
  'metadata.max.age.ms': {
    summary: '即使没有原因，元数据多久刷新一次，以便发现新的分区和 Broker。',
  },
  'connections.max.idle.ms': {
    summary: '空闲连接在此时间后关闭。',
  },
  'receive.buffer.bytes': {
    summary: 'TCP 接收缓冲区（SO_RCVBUF）；-1 表示使用操作系统的默认值。',
  },
  'send.buffer.bytes': {
    summary: 'TCP 发送缓冲区（SO_SNDBUF）；-1 表示使用操作系统的默认值。',
  },
  'client.dns.lookup': {
    summary: '如何解析 bootstrap.servers 中的主机名和 Broker 地址。',
  },
  'security.protocol': {
    summary: '客户端与 Broker 通信的方式：明文或 TLS，带或不带 SASL 认证。',
    valueDocs: {
      SASL_SSL: '已认证且加密',
      SSL: '加密（若设置了密钥库，则为双向 TLS）',
      SASL_PLAINTEXT: '已认证，未加密',
      PLAINTEXT: '既未认证也未加密',
    },
  },
  'sasl.mechanism': {
    summary: '用于认证的 SASL 机制：内置机制，或登录模块提供的任何机制（例如 AWS_MSK_IAM）。',
  },
  'sasl.jaas.config': {
    summary: 'SASL 的 JAAS 登录模块及其选项，写在一行内（例如带用户名和密码的 ScramLoginModule）。',
  },
  'sasl.kerberos.service.name': {
    summary: 'Broker 运行时所用的 Kerberos 主体名。',
  },
  'sasl.client.callback.handler.class': {
    summary: 'SASL 客户端的回调处理器类（获取 OAuth 令牌等）。',
  },
  'sasl.login.callback.handler.class': {
    summary: 'SASL 登录的回调处理器类。',
  },
  'sasl.oauthbearer.token.endpoint.url': {
    summary: 'OAUTHBEARER 登录处理器使用的 OAuth 令牌端点。',
  },
  'ssl.truststore.location': {
    summary: '信任库的路径，其中存放客户端信任的证书。',
  },
  'ssl.truststore.password': {
    summary: '信任库的密码。',
  },
  'ssl.truststore.type': {
    summary: '信任库的格式（JKS、PKCS12、PEM）。',
  },
  'ssl.truststore.certificates': {
    summary: '以 PEM 格式内联写入的受信任证书。',
  },
  'ssl.keystore.location': {
    summary: '密钥库的路径，其中存放本端自己的证书和密钥（双向 TLS）。',
  },
  'ssl.keystore.password': {
    summary: '密钥库的密码。',
  },
  'ssl.keystore.type': {
    summary: '密钥库的格式（JKS、PKCS12、PEM）。',
  },
  'ssl.keystore.key': {
    summary: '以 PEM 格式内联写入的私钥。',
  },
  'ssl.keystore.certificate.chain': {
    summary: '以 PEM 格式内联写入的证书链。',
  },
  'ssl.key.password': {
    summary: '密钥库中私钥的密码。',
  },
  'ssl.protocol': {
    summary: '构建 SSL 上下文所用的 TLS 协议。',
  },
  'ssl.enabled.protocols': {
    summary: '连接上允许使用的 TLS 协议版本。',
  },
  'ssl.cipher.suites': {
    summary: '允许使用的 TLS 密码套件；为空表示 JVM 支持的全部套件。',
  },
  'ssl.client.auth': {
    summary: 'Broker：TLS 客户端是否必须用证书进行认证（双向 TLS）。',
    valueDocs: {
      required: '客户端必须出示证书',
      requested: '客户端可以出示证书；没有证书的连接也会被接受',
      none: '不要求客户端证书',
    },
  },
  'sasl.enabled.mechanisms': {
    summary: 'Broker：Broker 接受的 SASL 机制。',
  },
  'sasl.mechanism.inter.broker.protocol': {
    summary: 'Broker：Broker 之间相互通信所用的 SASL 机制。',
  },
  'sasl.username': {
    summary: 'librdkafka：PLAIN 和 SCRAM 机制的用户名。',
  },
  'sasl.password': {
    summary: 'librdkafka：PLAIN 和 SCRAM 机制的密码。',
  },
  'sasl.mechanisms': {
    summary: 'librdkafka：要使用的 SASL 机制（librdkafka 只接受一种）。',
  },
  'ssl.ca.location': {
    summary: 'librdkafka：用于验证 Broker 的 CA 证书所在的文件或目录。',
  },
  'enable.ssl.certificate.verification': {
    summary: 'librdkafka：验证 Broker 证书；false 表示接受任何证书。',
  },
  'ssl.endpoint.identification.algorithm': {
    summary: '对 Broker 证书的主机名验证；值为空时关闭验证。',
    valueDocs: {
      https: '检查 Broker 证书与其主机名是否匹配',
      '': '不检查主机名',
    },
  },
  'default.replication.factor': {
    summary: '自动创建或未显式指定副本因子而创建的主题所用的副本因子。',
    loss: '设为 1 时，这类主题只有一份副本：失去那个 Broker 或其磁盘，就会失去它们的数据。',
    safe: '3',
  },
  'auto.create.topics.enable': {
    summary: '向不存在的主题生产消息，或获取其元数据时，是否创建该主题。',
    loss: '拼错的主题名会以默认的分区数和副本因子（若未修改则为 1）被悄悄创建，而且没人读取它。',
    safe: '生产环境中为 false',
  },
  'offsets.topic.replication.factor': {
    summary: '__consumer_offsets 的副本因子，消费者组在其中保存已提交的位置。',
    loss: '设为 1 时（与示例 server.properties 相同），失去那个 Broker 就会失去已提交的位移：消费者组会从 auto.offset.reset 重新开始，可能跳过消息。',
    safe: '3',
  },
  'offsets.retention.minutes': {
    summary: '消费者组变空之后，其已提交的位移保留多久（自 2.1 起；此前从每次提交起计算）。',
    loss: '停机更久的消费者组会失去其位移，并从 auto.offset.reset 重新开始；若为 latest，期间生产的所有消息都会被跳过。',
    safe: '长于计划中最长的消费者停机时间',
  },
  'transaction.state.log.replication.factor': {
    summary: '__transaction_state 的副本因子，事务协调者在其中保存自己的状态。',
    loss: '设为 1 时（与示例 server.properties 相同），失去那个 Broker 就会失去事务状态。',
    safe: '3',
  },
  'transaction.state.log.min.isr': {
    summary: '__transaction_state 的 min.insync.replicas。',
    loss: '设为 1 时，只要一个副本写入了事务状态就会确认。',
    safe: '2',
  },
  'share.coordinator.state.topic.replication.factor': {
    summary: '__share_group_state 的副本因子，共享组（KIP-932）在其中保存投递状态。',
    loss: '设为 1 时（与示例 KRaft 配置相同），失去那个 Broker 就会失去共享组状态。',
    safe: '3',
  },
  'share.coordinator.state.topic.min.isr': {
    summary: '__share_group_state 的 min.insync.replicas。',
    loss: '设为 1 时，只要一个副本写入了共享组状态就会确认。',
    safe: '2',
  },
  'log.dirs': {
    summary: 'Broker 存放分区数据的目录（逗号分隔）；覆盖 log.dir。',
    loss: '位于 /tmp 下的目录（示例配置就是如此）常在重启时被清空，Broker 的每个分区也随之消失。',
    safe: '专用的持久化磁盘',
  },
  'log.dir': {
    summary: '单个数据目录，在未设置 log.dirs 时使用。',
    loss: '默认值 /tmp/kafka-logs 常在重启时被清空。',
    safe: '把 log.dirs 设为持久化路径',
  },
  'metadata.log.dir': {
    summary: 'KRaft：集群元数据日志的存放位置；不设置时放在 log.dirs 的第一个条目中。',
    loss: '如果那个目录位于 /tmp 下，元数据日志可能随之消失。',
    safe: '一个显式指定的持久化目录',
  },
  'log.flush.interval.messages': {
    summary: '每个分区每写入这么多条消息就强制执行一次 fsync。Kafka 依靠副本机制保证持久性，因此默认从不强制刷盘。',
    loss: '已确认的消息可能只在页缓存中；如果所有副本同时断电，它们就会丢失。调低此值会大幅降低吞吐量，收益却很小。',
    safe: '默认值，并让副本分布在不同的机架或可用区',
  },
  'log.flush.interval.ms': {
    summary: '当一个分区中未刷盘的数据早于此时长时强制执行 fsync；不设置时退回 log.flush.scheduler.interval.ms（从不）。',
    loss: '与 log.flush.interval.messages 的权衡相同：持久性来自副本，而不是 fsync。',
    safe: '默认值，并让副本分布在不同的机架或可用区',
  },
  'log.flush.scheduler.interval.ms': {
    summary: '刷盘线程多久检查一次是否有日志需要 fsync。',
  },
  'replica.lag.time.max.ms': {
    summary: '追随者副本若在此时间内没有追上，就会被移出同步副本集合。',
    loss: '若 min.insync.replicas=1，领导者副本可能独自留在 ISR 中，并独自确认 acks=all 的写入。',
    safe: '默认值',
  },
  'num.replica.fetchers': {
    summary: '每个源 Broker 上用于把数据复制到本追随者副本的拉取线程数。',
    loss: '在繁忙的 Broker 上线程太少，会让追随者副本落后并掉出 ISR。',
    safe: '在繁忙的 Broker 上调高',
  },
  'replica.fetch.max.bytes': {
    summary: '追随者副本每个分区拉取的字节数；不是硬性上限，更大的第一个批次仍会被拉取。',
  },
  'message.max.bytes': {
    summary: 'Broker 接受的最大消息批次（压缩之后）；主题用 max.message.bytes 覆盖它。librdkafka 客户端也用这个名称表示自己的大小上限。',
    loss: '更大的批次会以 RecordTooLargeException 被拒绝，任何重试都无法解决；除非生产者检查发送结果，否则它就会丢失。',
    safe: '与生产者的 max.request.size 和主题的 max.message.bytes 保持一致',
  },
  'log.retention.hours': {
    summary: '主题保留消息的默认时长，以小时计（log.retention.minutes 和 log.retention.ms 优先）。',
    loss: '早于此时长的日志段会被删除，无论是否有人读过；停机更久的消费者会丢失这些消息。',
    safe: '长于最坏情况下的消费者停机时间',
  },
  'log.retention.minutes': {
    summary: '以分钟计的默认保留时长；优先于 log.retention.hours。',
    loss: '早于此时长的日志段会被删除，无论是否有人读过。',
    safe: '长于最坏情况下的消费者停机时间',
  },
  'log.retention.ms': {
    summary: '以毫秒计的默认保留时长；优先于按分钟和按小时的形式。-1 表示永久保留消息。',
    loss: '早于此时长的日志段会被删除，无论是否有人读过。',
    safe: '长于最坏情况下的消费者停机时间，或对作为事实来源的主题用 -1',
  },
  'log.retention.bytes': {
    summary: '每个分区的默认大小上限；超过时删除最旧的日志段。-1 表示没有上限。',
    loss: '消息按大小被删除，无论是否有人读过。',
    safe: '-1，除非磁盘容量要求设上限',
  },
  'log.cleanup.policy': {
    summary: '主题的默认清理策略：删除旧日志段、按键压实，或两者兼用。',
    loss: 'compact 只保留每个键的最新消息；在事件主题上，键相同的较早事件会消失。',
    safe: '事件流用 delete；只有按键保存的状态才用 compact',
  },
  'log.retention.check.interval.ms': {
    summary: 'Broker 多久查找一次要删除的日志段。',
  },
  'log.segment.bytes': {
    summary: '单个日志段文件的大小；保留策略按整个日志段删除。',
  },
  'log.roll.hours': {
    summary: '经过这么多小时后开始一个新的日志段，即使当前日志段未满。',
  },
  'log.roll.ms': {
    summary: '与 log.roll.hours 相同，以毫秒计；优先生效。',
  },
  'log.message.timestamp.after.max.ms': {
    summary: '消息时间戳最多可以超前于当前时间多少；是主题 message.timestamp.after.max.ms 的默认值。',
    loss: '超前更多的消息会以不可重试的错误被拒绝；除非生产者检查结果，否则就会丢失。',
    safe: '默认值，并保持生产者的时钟同步',
  },
  'log.message.timestamp.before.max.ms': {
    summary: '消息时间戳最多可以落后于当前时间多少（Kafka 3.6+）。',
  },
  'log.message.timestamp.difference.max.ms': {
    summary: '旧的单一消息时间戳界限，在 3.6 中被“之前/之后”这一对界限取代，并在 4.0 中移除。',
  },
  'delete.topic.enable': {
    summary: '是否可以通过管理 API 删除主题。删除主题不可撤销。',
  },
  'num.partitions': {
    summary: '未显式指定分区数而创建的主题的分区数。',
  },
  'unclean.leader.election.interval.ms': {
    summary: 'KRaft：启用 Unclean 领导者选举时，控制器多久检查一次需要进行 Unclean 领导者选举的分区。',
  },
  'num.recovery.threads.per.data.dir': {
    summary: '每个数据目录在启动时恢复日志、在关闭时刷写日志的线程数。',
  },
  'num.network.threads': {
    summary: '从网络接收请求并发送响应的线程数。',
  },
  'num.io.threads': {
    summary: '处理请求（包括磁盘读写）的线程数。',
  },
  'background.threads': {
    summary: '执行后台工作（例如删除文件）的线程数。',
  },
  'socket.send.buffer.bytes': {
    summary: 'Broker 套接字的 SO_SNDBUF；-1 表示使用操作系统的默认值。',
  },
  'socket.receive.buffer.bytes': {
    summary: 'Broker 套接字的 SO_RCVBUF；-1 表示使用操作系统的默认值。',
  },
  'socket.request.max.bytes': {
    summary: 'Broker 从套接字读取的最大请求。',
  },
  'queued.max.requests': {
    summary: '在网络线程停止读取之前，可以排队等待请求处理线程的请求数。',
  },
  'auto.leader.rebalance.enable': {
    summary: '定期把领导权移回首选副本。',
  },
  'group.initial.rebalance.delay.ms': {
    summary: '新消费者组第一次重平衡之前，协调者等待更多成员加入的时间。',
  },
  'offsets.topic.num.partitions': {
    summary: '__consumer_offsets 的分区数；部署之后不要修改。',
  },
  'transaction.max.timeout.ms': {
    summary: '生产者可以申请的最大 transaction.timeout.ms。',
  },
  'broker.id': {
    summary: 'Broker 的数字 ID，在集群中唯一（ZooKeeper 模式；KRaft 使用 node.id）。',
  },
  'node.id': {
    summary: 'KRaft：本节点的数字 ID，在所有 Broker 和控制器中唯一。',
  },
  'process.roles': {
    summary: 'KRaft：本节点是 Broker、控制器，还是两者兼任。KRaft 模式下必须设置。',
    loss: '单个合并节点对数据和集群元数据来说都是单点故障。',
    safe: '生产环境中使用独立的控制器节点（3 或 5 个）',
    valueDocs: {
      broker: '服务客户端并存储分区',
      controller: '元数据仲裁的成员',
      'broker,controller': '合并节点，仅用于开发',
      'controller,broker': '合并节点，仅用于开发',
    },
  },
  'controller.quorum.voters': {
    summary: 'KRaft（静态仲裁）：以 id@host:port 形式列出的控制器投票者；其中多数必须保持存活。',
    loss: '只有一个或两个投票者的仲裁无法承受一个控制器的故障。',
    safe: '3 或 5 个投票者',
  },
  'controller.quorum.bootstrap.servers': {
    summary: 'KRaft（动态仲裁，3.9+）：用于发现控制器仲裁的 host:port 地址对。',
  },
  'controller.listener.names': {
    summary: 'KRaft：控制器所用监听器的名称。',
  },
  listeners: {
    summary: 'Broker 监听的地址，形式为 NAME://host:port。',
  },
  'advertised.listeners': {
    summary: 'Broker 告诉客户端使用的地址，在它们与 listeners 不同时设置。',
  },
  'listener.security.protocol.map': {
    summary: '把每个监听器名称映射到其安全协议（NAME:PROTOCOL）。',
  },
  'inter.broker.listener.name': {
    summary: 'Broker 之间相互通信所用的监听器。',
  },
  'security.inter.broker.protocol': {
    summary: '未设置 inter.broker.listener.name 时，Broker 之间的安全协议。',
  },
  'zookeeper.connect': {
    summary: 'ZooKeeper 模式集群的 ZooKeeper 连接串。Kafka 4.0 只以 KRaft 模式运行。',
  },
  'zookeeper.connection.timeout.ms': {
    summary: 'ZooKeeper 模式：等待 ZooKeeper 连接的时间。',
  },
  'zookeeper.session.timeout.ms': {
    summary: 'ZooKeeper 模式：ZooKeeper 会话超时。',
  },
  'offsets.commit.required.acks': {
    summary: '位移提交被接受之前所需的确认数；在 4.0 中移除（KIP-1041）。',
  },
  'message.format.version': {
    summary: '旧的磁盘消息格式版本；在 4.0 中被忽略并移除。',
  },
  'authorizer.class.name': {
    summary: '检查 ACL 的授权器类；为空表示关闭授权。',
  },
  'super.users': {
    summary: '拥有全部权限的主体，以分号分隔。',
  },
  'allow.everyone.if.no.acl.found': {
    summary: '没有 ACL 的资源是否向所有人开放。',
  },
  'min.insync.replicas': {
    summary: 'acks=all 的写入成功之前，必须有多少个同步副本已写入该消息。对 acks=0 和 acks=1 不起作用。',
    loss: '设为 1 时，一旦 ISR 收缩，acks=all 的写入就只由领导者副本独自确认；如果那个 Broker 随后宕机，消息就会丢失。',
    safe: '副本因子为 3 时设为 2（replication.factor >= min.insync.replicas + 1）',
  },
  'unclean.leader.election.enable': {
    summary: '没有可用的同步副本时，是否允许不同步的副本成为领导者副本。',
    loss: '新的领导者副本缺少它从未收到的消息，这些消息会在每个副本上被截断删除。',
    safe: 'false',
    valueDocs: {
      false: '只有同步副本可以成为领导者副本',
      true: '不同步的副本也可以成为领导者副本',
    },
  },
  'replication.factor': {
    summary: '主题每个分区的副本数（在创建主题时设置）；-1 表示采用 Broker 的 default.replication.factor。',
    loss: '设为 1 时没有其他副本：失去该 Broker 或其磁盘就会失去该分区。副本因子不大于 min.insync.replicas 时，只要有一个副本宕机，acks=all 的写入就会失败。',
    safe: '3（并设置 min.insync.replicas=2）',
  },
  'retention.ms': {
    summary: '主题保留消息的时长；-1 表示永久保留。覆盖 Broker 的 log.retention.* 设置。',
    loss: '早于此时长的日志段会被删除，无论是否有人读过；停机更久的消费者会丢失这些消息，其位移也会退回到 auto.offset.reset。',
    safe: '长于最坏情况下的消费者停机时间，或对作为事实来源的主题用 -1',
  },
  'retention.bytes': {
    summary: '主题每个分区的大小上限；超过时删除最旧的日志段。-1 表示没有上限。',
    loss: '消息按大小被删除，无论是否有人读过；乘以分区数才是整个主题的总量。',
    safe: '-1，除非磁盘容量要求设上限',
  },
  'cleanup.policy': {
    summary: '主题如何清除旧数据：删除旧日志段、按键压实，或两者兼用。',
    loss: 'compact 只保留每个键的最新消息（墓碑消息在 delete.retention.ms 之后删除）；在事件主题上，键相同的较早事件会消失。',
    safe: '事件流用 delete；只有按键保存的状态才用 compact',
    valueDocs: {
      delete: '按时间或大小删除整个日志段',
      compact: '只保留每个键的最新消息',
      'compact,delete': '压实，同时按时间或大小删除',
      'delete,compact': '压实，同时按时间或大小删除',
    },
  },
  'segment.bytes': {
    summary: '主题单个日志段文件的大小；保留策略按整个日志段删除。',
  },
  'segment.ms': {
    summary: '经过此时间后开始一个新的日志段，即使当前日志段未满。',
  },
  'flush.messages': {
    summary: '主题对 log.flush.interval.messages 的覆盖：每写入这么多条消息就强制执行一次 fsync。',
    loss: '已确认的消息可能只在页缓存中；如果所有副本同时断电，它们就会丢失。',
    safe: '默认值，并让副本分布在不同的机架或可用区',
  },
  'flush.ms': {
    summary: '主题对 log.flush.interval.ms 的覆盖：未刷盘的数据早于此时长时强制执行 fsync。',
    loss: '已确认的消息可能只在页缓存中；如果所有副本同时断电，它们就会丢失。',
    safe: '默认值，并让副本分布在不同的机架或可用区',
  },
  'max.message.bytes': {
    summary: '主题接受的最大消息批次（压缩之后）；覆盖 Broker 的 message.max.bytes。',
    loss: '更大的批次会以 RecordTooLargeException 被拒绝，任何重试都无法解决；除非生产者检查发送结果，否则它就会丢失。',
    safe: '至少为生产者的 max.request.size',
  },
  'message.timestamp.after.max.ms': {
    summary: '消息时间戳最多可以超前于当前时间多少，超过后 Broker 拒绝该消息。',
    loss: '超前更多的消息会以不可重试的错误被拒绝；除非生产者检查结果，否则就会丢失。',
    safe: '默认值，并保持生产者的时钟同步',
  },
  'message.timestamp.before.max.ms': {
    summary: '消息时间戳最多可以落后于当前时间多少，超过后 Broker 拒绝该消息。',
  },
  'delete.retention.ms': {
    summary: '在压实主题上，删除标记（墓碑消息）保留多久，以便消费者能看到它们。',
  },
  'min.compaction.lag.ms': {
    summary: '在压实主题上，一条消息可被压实清除之前的最短存在时间。',
  },
  'max.compaction.lag.ms': {
    summary: '在压实主题上，一条消息保持未压实状态的最长时间。',
  },
  'min.cleanable.dirty.ratio': {
    summary: '压实日志中未压实部分需要占多大比例，清理线程才会处理它。',
  },
  'application.id': {
    summary: 'Kafka Streams 应用的身份标识：它的消费者组 ID 及其内部主题的前缀。',
  },
  'processing.guarantee': {
    summary: 'Kafka Streams 应用的处理保证。',
    valueDocs: {
      exactly_once_v2: '事务：每条消息被处理且其结果被提交恰好一次（Kafka 3.0+）',
      at_least_once: '失败后消息可能被再次处理，但绝不会被跳过',
      exactly_once: '较早的精确一次模式，在 3.0 中弃用，在 4.0 中移除',
      exactly_once_beta: 'exactly_once_v2 的旧名称，在 3.0 中弃用，在 4.0 中移除',
    },
  },
  'num.standby.replicas': {
    summary: '每个状态存储在其他实例上保留的热备副本数，用于更快地故障转移。',
  },
  'commit.interval.ms': {
    summary: 'Kafka Streams 多久提交一次进度（位移、状态、事务）。',
  },
  'state.dir': {
    summary: '本地状态存储所在的目录；状态存储丢失时会从其变更日志主题重建。',
  },
  'errors.tolerance': {
    summary: 'Kafka Connect：连接器如何处理转换格式失败或单消息转换失败的消息。',
    loss: '设为 all 且没有 errors.deadletterqueue.topic.name 时，失败的消息会被丢弃，连接器继续运行。',
    safe: 'none，或 all 并配合一个死信队列主题',
    valueDocs: {
      none: '转换格式失败或单消息转换失败的消息会使任务停止',
      all: '这类消息会被跳过，只有配置了死信队列时才会进入死信队列',
    },
  },
  'errors.deadletterqueue.topic.name': {
    summary: 'Kafka Connect（目标端连接器）：接收在 errors.tolerance=all 下被跳过的消息的主题。',
    loss: '为空（默认值）时，设置了 errors.tolerance=all 的目标端连接器不会保留它跳过的消息的任何副本。',
    safe: '一个单独的主题，不能是连接器读取的主题',
  },
  'errors.deadletterqueue.context.headers.enable': {
    summary: 'Kafka Connect（目标端连接器）：为写入死信队列的消息添加 __connect.errors.* 消息头（主题、分区、位移、阶段、异常）。',
    safe: 'true，这样死信队列中的每条消息都能说明它来自哪里、为何失败',
  },
  'errors.log.enable': {
    summary: 'Kafka Connect：把每个被容忍的错误及失败的操作写入 Connect 日志。',
  },
  'errors.log.include.messages': {
    summary: 'Kafka Connect：在 errors.log.enable=true 时，同时记录失败的消息（目标端连接器记录其主题、分区、位移和时间戳）。',
  },
  'errors.deadletterqueue.topic.replication.factor': {
    summary: 'Kafka Connect（目标端连接器）：Connect 创建死信队列主题时使用的副本因子。',
    loss: '小于 3 时，一个 Broker 的丢失就可能丢掉只保存在死信队列中的消息。',
    safe: '3',
  },
  'offset.storage.replication.factor': {
    summary: 'Kafka Connect（分布式工作进程）：保存源连接器位移的主题的副本因子，Connect 创建该主题时使用。',
    loss: '小于 3 时，一个 Broker 的丢失就可能丢掉已提交的源端位移：源连接器随后会重新读取数据源，或跳过数据源已不再保留的数据。',
    safe: '3（-1 表示使用 Broker 的默认值）',
  },
  'config.storage.replication.factor': {
    summary: 'Kafka Connect（分布式工作进程）：保存连接器配置的主题的副本因子，Connect 创建该主题时使用。',
    loss: '小于 3 时，一个 Broker 的丢失就可能丢掉连接器配置，连接器将无法再启动。',
    safe: '3（-1 表示使用 Broker 的默认值）',
  },
  'status.storage.replication.factor': {
    summary: 'Kafka Connect（分布式工作进程）：保存连接器和任务状态的主题的副本因子，Connect 创建该主题时使用。',
    safe: '3（-1 表示使用 Broker 的默认值）',
  },
  'key.converter': {
    summary: 'Kafka Connect：在 Connect 数据与字节之间转换消息键的类。',
  },
  'value.converter': {
    summary: 'Kafka Connect：在 Connect 数据与字节之间转换消息值的类。',
  },
  'connector.class': {
    summary: 'Kafka Connect：要运行的连接器的类（或别名）。',
  },
  'tasks.max': {
    summary: 'Kafka Connect：连接器最多可并行运行的任务数。',
  },
  'group.consumer.session.timeout.ms': {
    summary: 'Broker：使用 group.protocol=consumer（KIP-848）的消费者的会话超时；客户端的设置对它们不起作用。',
  },
  'group.consumer.heartbeat.interval.ms': {
    summary: 'Broker：使用 group.protocol=consumer（KIP-848）的消费者的心跳间隔。',
  },
  'go.delivery.reports': {
    summary: 'confluent-kafka-go：把投递报告发送到投递通道或 Events()。',
    loss: 'false 会隐藏每一个投递错误；设为 true 时，一个无人读取的通道同样会隐藏它们。',
    safe: 'true，并读取这些报告',
  },
};

/** The `note` of each default history entry (defaults.ts, keys/*.ts), by its English text. */
export const DEFAULT_NOTES_ZH_CN: Readonly<Record<string, string>> = {
  'KAFKA-4203 aligned it with max.request.size plus the log overhead in 2.5': 'KAFKA-4203 在 2.5 中把它调整为 max.request.size 加上日志开销',
  'KIP-1030 raised it to 2 in 4.0': 'KIP-1030 在 4.0 中把它提高到 2',
  'KIP-1030 raised the default to 5 ms in 4.0': 'KIP-1030 在 4.0 中把默认值提高到 5 毫秒',
  'KIP-1030 targets 1 hour in 4.0 (taken from the KIP, not yet confirmed in the released code)': 'KIP-1030 计划在 4.0 中设为 1 小时（取自该 KIP，尚未在已发布的代码中确认）',
  'KIP-186 raised it from 1 day to 7 days in 2.0': 'KIP-186 在 2.0 中把它从 1 天提高到 7 天',
  'KIP-537 raised it to 18 s in 2.5': 'KIP-537 在 2.5 中把它提高到 18 秒',
  'KIP-679 made acks=all the producer default in Kafka 3.0': 'KIP-679 在 Kafka 3.0 中把 acks=all 设为生产者的默认值',
  'KIP-735': 'KIP-735',
  'a kafka.Writer built as a struct literal without RequiredAcks sends with RequireNone': '以结构体字面量构建且未设置 RequiredAcks 的 kafka.Writer 会以 RequireNone 发送',
  'follows the broker message.max.bytes default, raised in 2.5 (KAFKA-4203)': '跟随 Broker 的 message.max.bytes 默认值，该默认值在 2.5 中提高（KAFKA-4203）',
  'franz-go 1.20.0 started lingering 10 ms by default': 'franz-go 1.20.0 起默认凑批等待 10 毫秒',
  'host-name verification has been on by default since 2.0': '自 2.0 起默认开启主机名验证',
  'kafka-python 2.2.0 made retries unbounded, bounded by delivery_timeout_ms': 'kafka-python 2.2.0 起重试次数不再设限，改由 delivery_timeout_ms 限定',
  'kafka-python 3.0.0 (June 2026) switched to acks=all with idempotence': 'kafka-python 3.0.0（2026 年六月）改为 acks=all 并启用幂等性',
  'librdkafka 1.0.0 changed the default to all (-1)': 'librdkafka 1.0.0 把默认值改为 all（-1）',
  'librdkafka 1.5.0 raised the default linger to 5 ms': 'librdkafka 1.5.0 把默认的凑批等待时间提高到 5 毫秒',
  'librdkafka 1.5.2 aligned it with the Java client': 'librdkafka 1.5.2 使它与 Java 客户端一致',
  'not applied in 3.0.0 and 3.1.0 because of KAFKA-13598; effective from 3.0.1, 3.1.1 and 3.2.0': '由于 KAFKA-13598，在 3.0.0 和 3.1.0 中未生效；从 3.0.1、3.1.1 和 3.2.0 起生效',
  'since 2.1 retries are unbounded and delivery.timeout.ms (120 s) bounds the retrying instead (KIP-91)': '自 2.1 起重试次数不设限，改由 delivery.timeout.ms（120 秒）限定重试（KIP-91）',
  'topic deletion has been enabled by default since 1.0.0': '自 1.0.0 起默认允许删除主题',
  'unclean election has been off by default since 0.11.0': '自 0.11.0 起默认关闭 Unclean 领导者选举',
};

/** The summary of each Spring-only property (spring.ts), by SpringProperty.name. */
export const SPRING_SUMMARIES_ZH_CN: Readonly<Record<string, string>> = {
  'spring.kafka.listener.ack-mode': '监听器容器何时提交位移。不设置即为 batch：在一次拉取的所有消息都处理完之后提交。手动模式提交监听器已确认的内容。',
  'spring.kafka.listener.ack-count': 'count 和 count_time 模式下两次提交之间的消息条数。',
  'spring.kafka.listener.ack-time': 'time 和 count_time 模式下两次提交之间的时间。',
  'spring.kafka.listener.async-acks': '仅限手动模式：接受乱序的确认，并且只有在更早的消息也都已确认时才提交。',
  'spring.kafka.listener.concurrency': '每个监听器容器的消费者线程数。',
  'spring.kafka.listener.type': '监听器每次接收一条消息还是一次拉取的全部消息。',
  'spring.kafka.listener.poll-timeout': '容器每次 poll() 的超时时间。',
  'spring.kafka.listener.missing-topics-fatal': '被监听的主题不存在时，容器是否拒绝启动。',
  'spring.kafka.listener.immediate-stop': '在当前消息之后停止，而不是在整次拉取的消息处理完之后停止。',
  'spring.kafka.listener.client-id': '监听器消费者的 client.id 前缀。',
  'spring.kafka.listener.auto-startup': '监听器容器是否随应用一同启动。',
  'spring.kafka.template.default-topic': '未指定主题时 KafkaTemplate 发送到的主题。',
  'spring.kafka.template.transaction-id-prefix': '使模板成为事务型模板，覆盖生产者的前缀。',
  'spring.kafka.template.observation-enabled': '针对发送的 Micrometer 观测。',
};
