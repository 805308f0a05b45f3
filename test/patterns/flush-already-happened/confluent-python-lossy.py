from confluent_kafka import Producer

# expect: producer/close-without-flush Producer
producer = Producer({"bootstrap.servers": "localhost:9092", "transactional.id": "orders-tx"})
producer.init_transactions()


def queue(event):
    # The commit happens elsewhere, maybe never: nobody hears about this record.
    # expect: producer/unhandled-send producer.produce
    producer.produce("orders", value=event)


def publish(events):
    producer.begin_transaction()
    for event in events:
        queue(event)
    producer.abort_transaction()


def fire(event):
    # expect: producer/close-without-flush Producer
    p = Producer({"bootstrap.servers": "localhost:9092"})
    # expect: producer/unhandled-send p.produce
    p.produce("events", value=event)
