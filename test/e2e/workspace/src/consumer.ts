import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'audit', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'audit' });

async function archive(value: string): Promise<void> {
  console.log(value);
}

export async function start(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      archive(String(message.value));
    },
  });
}
