/**
 * A docker-compose base file and its override, as the compose-pair tests (unit, CLI, LSP) share them: one
 * apache/kafka broker, combined KRaft node, `min.insync.replicas=1`; the override raises it to 2.
 */
export const COMPOSE_BASE = [
  'services:',
  '  kafka:',
  '    image: apache/kafka:3.9.0',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_PROCESS_ROLES: broker,controller',
  '      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093',
  '      KAFKA_MIN_INSYNC_REPLICAS: 1',
  '',
].join('\n');

export const COMPOSE_OVERRIDE = ['services:', '  kafka:', '    environment:', '      KAFKA_MIN_INSYNC_REPLICAS: 2', ''].join('\n');
