const { Kafka } = require('kafkajs');

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });

async function run() {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  // expect: consumer/auto-offset-reset-latest false
  await consumer.subscribe({ topics: ['orders'], fromBeginning: false });
}

module.exports = { run };
