import { describeFixtures } from './fixtures';

/**
 * Issue #10: `auto.offset.reset` = latest in client code fires as it does in `.properties`, in each library's
 * spelling (librdkafka's `largest`/`end`, kafkajs `fromBeginning: false`, Sarama `OffsetNewest`); the
 * defaults of franz-go and kafka-go (earliest) and explicit earliest stay silent.
 */
describeFixtures('auto-offset-reset');
