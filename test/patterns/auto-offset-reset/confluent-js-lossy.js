const { KafkaJS } = require('@confluentinc/kafka-javascript');

const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['localhost:9092'] } });
// expect: consumer/auto-offset-reset-latest false
const consumer = kafka.consumer({ kafkaJS: { groupId: 'billing', fromBeginning: false } });

module.exports = { consumer };
