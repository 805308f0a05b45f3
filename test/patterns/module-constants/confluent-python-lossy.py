from confluent_kafka import Producer
from kafka import KafkaConsumer

BOOTSTRAP = "localhost:9092"
ACKS = "1"
AUTO_COMMIT = True

producer = Producer({
    "bootstrap.servers": BOOTSTRAP,
    # expect: producer/acks-leader-only ACKS
    # expect-message: with acks=1
    "acks": ACKS,
})

consumer = KafkaConsumer(
    "orders",
    bootstrap_servers=BOOTSTRAP,
    group_id="orders",
    # expect: consumer/auto-commit-enabled AUTO_COMMIT
    enable_auto_commit=AUTO_COMMIT,
)
