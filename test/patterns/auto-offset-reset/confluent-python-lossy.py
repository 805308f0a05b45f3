from confluent_kafka import Consumer

consumer = Consumer({
    "bootstrap.servers": "localhost:9092",
    "group.id": "billing",
    "enable.auto.commit": False,
    # expect: consumer/auto-offset-reset-latest 'latest'
    "auto.offset.reset": 'latest',
})

conf = {"bootstrap.servers": "localhost:9092", "group.id": "audit", "enable.auto.commit": False}
# expect: consumer/auto-offset-reset-latest "largest"
conf["auto.offset.reset"] = "largest"
audit = Consumer(conf)
