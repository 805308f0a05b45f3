// Order-events consumer (kafkajs). kafkajs commits a message's offset once the eachMessage handler's
// promise settles, so any work the handler starts but does not await is committed before it is done:
// if that work fails, or the process stops first, the order is never processed and never read again.
import { Kafka } from 'kafkajs';
import type { EachMessagePayload } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka-1:9092', 'kafka-2:9092', 'kafka-3:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });

async function chargeCustomer(order: { id: string; totalCents: number }): Promise<void> {
  await fetch('https://payments.internal/charge', { method: 'POST', body: JSON.stringify(order) });
}

async function handleOrder({ message }: EachMessagePayload): Promise<void> {
  const order = JSON.parse(message.value?.toString() ?? '{}');
  // Not awaited: the handler returns at once and kafkajs commits the offset while the charge is running.
  chargeCustomer(order);
}

export async function run(): Promise<void> {
  await consumer.connect();
  // Without fromBeginning a new consumer group starts at the end of the topic and skips the backlog.
  await consumer.subscribe({ topics: ['orders'] });
  await consumer.run({
    eachMessage: handleOrder,
  });
}

export async function runBatches(): Promise<void> {
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset }) => {
      // forEach does not wait for async callbacks: the batch is resolved before any charge completes.
      batch.messages.forEach(async (message) => {
        await chargeCustomer(JSON.parse(message.value?.toString() ?? '{}'));
      });
      resolveOffset(batch.lastOffset());
    },
  });
}
