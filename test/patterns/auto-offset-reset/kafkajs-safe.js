const { Kafka } = require('kafkajs');

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });

async function run() {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
}

module.exports = { run };
