package com.example.orders;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Order-events reader with two common mistakes: the offsets are committed before the records are
 * processed, and a new consumer group starts at the end of the topic.
 *
 * Run `kafka-lint examples/code/java` to see each problem with its quick fix.
 */
public class OrderConsumer {
    public void run(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "billing");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // latest: a group without a committed offset (new, or its offsets expired) skips every
        // record already in the topic.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("orders"));
            while (true) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                // Committing here marks the whole batch as done before any record is processed:
                // a crash inside the loop below skips the rest of the batch for good.
                consumer.commitSync();
                for (ConsumerRecord<String, String> record : records) {
                    bill(record.value());
                }
            }
        }
    }

    private void bill(String orderJson) {
        // charge the customer
    }
}
