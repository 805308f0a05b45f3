import os

from confluent_kafka import Producer

ACKS = "all"
# Assigned twice: which value reaches the producer depends on the run, so it is not read.
RETRIES = 0
if os.getenv("RETRY"):
    RETRIES = 5

producer = Producer({"bootstrap.servers": "localhost:9092", "acks": ACKS, "retries": RETRIES})
