/**
 * A docker-compose file whose broker settings come from variables, as the `.env` tests (CLI, LSP) share it: one
 * apache/kafka broker publishing 9092, `min.insync.replicas` from `${MIN_ISR:-1}` (line 8) and the default
 * replication factor from `${RF:-3}` (line 9); and a producer on localhost:9092 with acks=all.
 */
export const COMPOSE_WITH_VARIABLES = [
  'services:',
  '  kafka:',
  '    image: apache/kafka:3.9.0',
  '    ports:',
  '      - "9092:9092"',
  '    environment:',
  '      KAFKA_NODE_ID: 1',
  '      KAFKA_MIN_INSYNC_REPLICAS: ${MIN_ISR:-1}',
  '      KAFKA_DEFAULT_REPLICATION_FACTOR: ${RF:-3}',
  '',
].join('\n');

export const LOCAL_PRODUCER = 'bootstrap.servers=localhost:9092\nacks=all\n';
