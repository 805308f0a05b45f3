from confluent_kafka import Producer


def delivery_report(err, msg):
    if err is not None:
        print(f"Delivery failed for {msg.key()}: {err}")


def publish(conf, events):
    # Producer.__exit__ flushes the queue and closes the producer.
    with Producer(conf) as producer:
        for event in events:
            producer.produce("events", value=event, callback=delivery_report)


def publish_flushed(conf, events):
    flushed = Producer(conf)
    for event in events:
        flushed.produce("events", value=event, callback=delivery_report)
    flushed.flush()
    flushed.close()


def publish_in_transaction(events):
    tx = Producer({"bootstrap.servers": "localhost:9092", "transactional.id": "orders-tx"})
    tx.init_transactions()
    tx.begin_transaction()
    for event in events:
        tx.produce("orders", value=event)
    # Flushes first, and raises KafkaException when a queued record failed.
    tx.commit_transaction()
