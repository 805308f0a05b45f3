// Order-events publisher (kafkajs), the way many services start out: it looks fine in a demo and loses
// orders in production. Run `kafka-lint examples/code/typescript` to see each problem, with a quick fix.
import { Kafka, logLevel } from 'kafkajs';
import type { Producer } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'order-service',
  brokers: ['kafka-1:9092', 'kafka-2:9092', 'kafka-3:9092'],
  logLevel: logLevel.WARN,
});

// retries: 0 gives up on the first leader change or timeout: the send fails and the order is gone
// unless the caller handles the rejection (and the caller below does not).
const producer: Producer = kafka.producer({
  allowAutoTopicCreation: false,
  retry: { retries: 0 },
});

export interface Order {
  readonly id: string;
  readonly customerId: string;
  readonly totalCents: number;
}

export async function start(): Promise<void> {
  await producer.connect();
}

/** Publishes an order. "Fire and forget" for latency: the promise is dropped, so failures vanish. */
export async function publishOrder(order: Order): Promise<void> {
  producer.send({
    topic: 'orders',
    // acks: 1 confirms once the leader has the record; if that leader dies before a follower copies it,
    // the order is lost although the send "succeeded". kafkajs defaults to -1 (all replicas): keep it.
    acks: 1,
    messages: [{ key: order.id, value: JSON.stringify(order) }],
  });
}

/** A safe variant for comparison: awaited, so a failed send rejects into the caller's error handling. */
export async function publishOrderSafely(order: Order): Promise<void> {
  await producer.send({
    topic: 'orders',
    messages: [{ key: order.id, value: JSON.stringify(order) }],
  });
}

export async function stop(): Promise<void> {
  await producer.disconnect();
}
