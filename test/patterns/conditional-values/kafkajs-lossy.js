const { Kafka } = require('kafkajs');

const kafka = new Kafka({ clientId: 'orders', brokers: ['localhost:9092'] });
const fast = process.env.FAST === '1';

async function publish(messages) {
  const producer = kafka.producer();
  await producer.connect();
  // expect: producer/acks-leader-only 1
  // expect-message: When `fast` is true:
  await producer.send({ topic: 'orders', acks: fast ? 1 : -1, messages });
}

module.exports = { publish };
