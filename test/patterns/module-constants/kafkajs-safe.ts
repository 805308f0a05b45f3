import { Kafka } from 'kafkajs';

const ACKS = -1;
const LEADER_ACKS = 1;
let FAST_ACKS = 1;
FAST_ACKS = -1;

const kafka = new Kafka({ clientId: 'orders', brokers: ['localhost:9092'] });
const producer = kafka.producer();

export async function publish(topic: string, messages: { value: string }[]): Promise<void> {
  await producer.send({ topic, acks: ACKS, messages });
  // Assigned twice: not a constant, so not read.
  await producer.send({ topic, acks: FAST_ACKS, messages });
}

export function withAcks(LEADER_ACKS: number) {
  // The parameter shadows the module constant of the same name: not read.
  return producer.send({ topic: 'orders', acks: LEADER_ACKS, messages: [] });
}
