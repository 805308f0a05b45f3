"""Billing consumer with confluent-kafka: offsets run ahead of the work, so crashes skip orders.

Run `kafka-lint examples/code/python` to see each problem with its quick fix.
"""
import json

from confluent_kafka import Consumer
from kafka import KafkaConsumer

# enable.auto.commit is not set, and librdkafka defaults it to true: offsets are committed every five
# seconds from a background thread, whether or not the polled orders were charged.
consumer = Consumer({
    "bootstrap.servers": "kafka-1:9092,kafka-2:9092,kafka-3:9092",
    "group.id": "billing",
    "auto.offset.reset": "earliest",
})
consumer.subscribe(["orders"])


def charge_customer(order: dict) -> None:
    print("charging", order["id"])


def run() -> None:
    while True:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        # Committed before the charge: if charge_customer raises or the process dies, the order is
        # never read again. The quick fix moves the commit below the processing.
        consumer.commit(message=msg, asynchronous=False)
        order = json.loads(msg.value())
        charge_customer(order)


def run_legacy() -> None:
    # kafka-python, auto-commit switched on explicitly.
    legacy = KafkaConsumer("orders", group_id="billing-legacy", enable_auto_commit=True)
    for record in legacy:
        charge_customer(json.loads(record.value))
