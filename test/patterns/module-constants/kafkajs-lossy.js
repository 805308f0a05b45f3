const { Kafka } = require('kafkajs');

const ACKS = 1;
const kafka = new Kafka({ clientId: 'orders', brokers: ['localhost:9092'] });

async function publish(messages) {
  const producer = kafka.producer();
  await producer.connect();
  // expect: producer/acks-leader-only ACKS
  await producer.send({ topic: 'orders', acks: ACKS, messages });
}

module.exports = { publish };
