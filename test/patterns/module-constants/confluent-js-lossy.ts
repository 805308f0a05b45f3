import { KafkaJS } from '@confluentinc/kafka-javascript';

export const ACKS = 0 as const;

const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: ['localhost:9092'] } });

export const producer = kafka.producer({
  // expect: producer/acks-zero ACKS
  kafkaJS: { acks: ACKS },
});
