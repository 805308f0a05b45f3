import os

from confluent_kafka import Consumer

consumer = Consumer({
    "bootstrap.servers": "localhost:9092",
    "group.id": "orders",
    # expect: consumer/auto-commit-enabled "true"
    # expect-message: When `os.getenv("DEV")` is true:
    "enable.auto.commit": "true" if os.getenv("DEV") else "false",
})
