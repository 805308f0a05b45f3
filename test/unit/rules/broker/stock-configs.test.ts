import * as assert from 'node:assert/strict';
import { lintConfig, options } from '../helpers';

/**
 * Kafka's own sample broker files, as they ship (licence head and comments shortened): a single-node dev
 * cluster. One root cause, one finding per key: each single-copy setting is reported once, where it is set
 * (or, unset, at the start of the file), and broker/replication-factor-not-above-min-insync adds nothing to
 * a replication factor of 1 beside a minimum of 1 that replication-factor-too-low and
 * min-insync-replicas-too-low already report (it used to, with a fix RF=2 that contradicted their RF=3).
 */

/** Kafka 3.9 `config/server.properties` (ZooKeeper mode). */
const ZOOKEEPER_3_9 = "# Licensed to the Apache Software Foundation (ASF) under one or more\n# contributor license agreements.\n\n############################# Server Basics #############################\n\n# The id of the broker. This must be set to a unique integer for each broker.\nbroker.id=0\n\n############################# Socket Server Settings #############################\n\n#listeners=PLAINTEXT://:9092\n#advertised.listeners=PLAINTEXT://your.host.name:9092\nnum.network.threads=3\nnum.io.threads=8\nsocket.send.buffer.bytes=102400\nsocket.receive.buffer.bytes=102400\nsocket.request.max.bytes=104857600\n\n############################# Log Basics #############################\n\nlog.dirs=/tmp/kafka-logs\nnum.partitions=1\nnum.recovery.threads.per.data.dir=1\n\n############################# Internal Topic Settings  #############################\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n\n############################# Log Flush Policy #############################\n#log.flush.interval.messages=10000\n#log.flush.interval.ms=1000\n\n############################# Log Retention Policy #############################\nlog.retention.hours=168\n#log.retention.bytes=1073741824\n#log.segment.bytes=1073741824\nlog.retention.check.interval.ms=300000\n\n############################# Zookeeper #############################\nzookeeper.connect=localhost:2181\nzookeeper.connection.timeout.ms=18000\n\n############################# Group Coordinator Settings #############################\ngroup.initial.rebalance.delay.ms=0\n";
/** Kafka 3.9 `config/kraft/server.properties`. */
const KRAFT_3_9 = "# Licensed to the Apache Software Foundation (ASF) under one or more\n# contributor license agreements.  See the NOTICE file distributed with\n# this work for additional information regarding copyright ownership.\n\n############################# Server Basics #############################\n\n# The role of this server. Setting this puts us in KRaft mode\nprocess.roles=broker,controller\n\n# The node id associated with this instance's roles\nnode.id=1\n\n# List of controller endpoints used connect to the controller cluster\ncontroller.quorum.voters=1@localhost:9093\n\n############################# Socket Server Settings #############################\n\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093\ninter.broker.listener.name=PLAINTEXT\nadvertised.listeners=PLAINTEXT://localhost:9092\ncontroller.listener.names=CONTROLLER\nlistener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL\nnum.network.threads=3\nnum.io.threads=8\nsocket.send.buffer.bytes=102400\nsocket.receive.buffer.bytes=102400\nsocket.request.max.bytes=104857600\n\n############################# Log Basics #############################\n\nlog.dirs=/tmp/kraft-combined-logs\nnum.partitions=1\nnum.recovery.threads.per.data.dir=1\n\n############################# Internal Topic Settings  #############################\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n\n############################# Log Flush Policy #############################\n#log.flush.interval.messages=10000\n#log.flush.interval.ms=1000\n\n############################# Log Retention Policy #############################\nlog.retention.hours=168\n#log.retention.bytes=1073741824\nlog.segment.bytes=1073741824\nlog.retention.check.interval.ms=300000\n";
/** Kafka 4.x `config/server.properties` (KRaft only, with the share-group state topic settings). */
const KRAFT_4 = "# Licensed to the Apache Software Foundation (ASF) under one or more\n# contributor license agreements.  See the NOTICE file distributed with\n# this work for additional information regarding copyright ownership.\n\n############################# Server Basics #############################\n\n# The role of this server. Setting this puts us in KRaft mode\nprocess.roles=broker,controller\n\n# The node id associated with this instance's roles\nnode.id=1\n\n# List of controller endpoints used connect to the controller cluster\ncontroller.quorum.bootstrap.servers=localhost:9093\n\n############################# Socket Server Settings #############################\n\nlisteners=PLAINTEXT://:9092,CONTROLLER://:9093\ninter.broker.listener.name=PLAINTEXT\nadvertised.listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093\ncontroller.listener.names=CONTROLLER\nlistener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL\nnum.network.threads=3\nnum.io.threads=8\nsocket.send.buffer.bytes=102400\nsocket.receive.buffer.bytes=102400\nsocket.request.max.bytes=104857600\n\n############################# Log Basics #############################\n\nlog.dirs=/tmp/kraft-combined-logs\nnum.partitions=1\nnum.recovery.threads.per.data.dir=1\n\n############################# Internal Topic Settings  #############################\noffsets.topic.replication.factor=1\nshare.coordinator.state.topic.replication.factor=1\nshare.coordinator.state.topic.min.isr=1\ntransaction.state.log.replication.factor=1\ntransaction.state.log.min.isr=1\n\n############################# Log Flush Policy #############################\n#log.flush.interval.messages=10000\n#log.flush.interval.ms=1000\n\n############################# Log Retention Policy #############################\nlog.retention.hours=168\n#log.retention.bytes=1073741824\nlog.segment.bytes=1073741824\nlog.retention.check.interval.ms=300000\n";

const UNSET: [string, number, number][] = [
  ['broker/min-insync-replicas-too-low', 1, 1],
  ['broker/replication-factor-too-low', 1, 1],
];

describe('rules: the stock single-node broker files give one finding per key', () => {
  const cases: [string, string, string | undefined, [string, number, number][]][] = [
    ['Kafka 3.9 config/server.properties (ZooKeeper)', ZOOKEEPER_3_9, '3.9', [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 21, 10],
      ['broker/replication-factor-too-low', 26, 34],
      ['broker/replication-factor-too-low', 27, 42],
      ['broker/min-insync-replicas-too-low', 28, 31],
    ]],
    ['Kafka 3.9 config/kraft/server.properties', KRAFT_3_9, '3.9', [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 31, 10],
      ['broker/replication-factor-too-low', 36, 34],
      ['broker/replication-factor-too-low', 37, 42],
      ['broker/min-insync-replicas-too-low', 38, 31],
    ]],
    ['Kafka 4.x config/server.properties', KRAFT_4, undefined, [
      ...UNSET,
      ['broker/log-dirs-in-tmp', 31, 10],
      ['broker/replication-factor-too-low', 36, 34],
      ['broker/replication-factor-too-low', 37, 50],
      ['broker/min-insync-replicas-too-low', 38, 39],
      ['broker/replication-factor-too-low', 39, 42],
      ['broker/min-insync-replicas-too-low', 40, 31],
    ]],
  ];
  for (const [name, text, version, expected] of cases) {
    it(name, () => {
      const r = lintConfig('config/server.properties', text, options(version));
      const lineOf = (offset: number): [number, number] => {
        const before = r.text.slice(0, offset);
        return [before.split('\n').length, offset - before.lastIndexOf('\n')];
      };
      assert.deepEqual(
        r.findings.map((f) => [f.ruleId, ...lineOf(f.range.start)]),
        expected,
      );
      assert.ok(r.findings.every((f) => f.severity === 'warning'));
    });
  }
});
