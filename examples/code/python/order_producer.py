"""Order-events publisher with confluent-kafka and kafka-python, as often copied from quick-start guides.

Run `kafka-lint examples/code/python` to see each problem with its quick fix.
"""
import json

from confluent_kafka import Producer
from kafka import KafkaProducer

# acks=1 confirms a record once the partition leader has written it: if that broker dies before a
# follower copies the record, it is gone although the producer was told it succeeded.
conf = {
    "bootstrap.servers": "kafka-1:9092,kafka-2:9092,kafka-3:9092",
    "client.id": "order-service",
    "acks": "1",
}
producer = Producer(conf)


def publish_order(order: dict) -> None:
    # No on_delivery callback here or in the config: a record that fails after its retries is
    # reported to nobody.
    producer.produce("orders", key=order["id"], value=json.dumps(order))
    producer.poll(0)


# kafka-python: acks defaults to 1 before 3.0, and retries=0 fails a record on the first leader change.
audit = KafkaProducer(
    bootstrap_servers="kafka-1:9092",
    retries=0,
    value_serializer=lambda v: json.dumps(v).encode(),
)


def audit_order(order: dict) -> None:
    # The future is dropped: neither .get() nor an errback ever sees a failure.
    audit.send("order-audit", order)


def shutdown() -> None:
    producer.flush(10)
    audit.flush()
