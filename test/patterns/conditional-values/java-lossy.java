import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

class OrdersConsumer {
    KafkaConsumer<String, String> create(boolean fastStart) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "orders");
        // expect: consumer/auto-commit-enabled "true"
        // expect-message: When `fastStart` is false:
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, fastStart ? "false" : "true");
        return new KafkaConsumer<>(props);
    }
}
