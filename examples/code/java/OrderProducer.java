package com.example.orders;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Order-events publisher written the way many quick-start guides show it.
 *
 * Run `kafka-lint examples/code/java` to see each problem with its quick fix.
 */
public class OrderProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public OrderProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // acks=1: the leader confirms the record before any follower has it. If that broker dies
        // before a follower copies the record, it is gone although the send "succeeded".
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        // retries=0: the first leader change or request timeout fails the record for good.
        props.put(ProducerConfig.RETRIES_CONFIG, 0);
        producer = new KafkaProducer<>(props);
    }

    public void publish(List<String> orderJson) {
        for (String order : orderJson) {
            // No callback and the Future is dropped: a send that fails after its retries (or a
            // record too large for the broker) is reported to nobody.
            producer.send(new ProducerRecord<>("orders", order));
        }
    }

    @Override
    public void close() {
        // Duration.ZERO does not wait: whatever is still in the producer's buffer is failed.
        producer.close(Duration.ZERO);
    }
}
