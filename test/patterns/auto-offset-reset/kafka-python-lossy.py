from kafka import KafkaConsumer

# expect: consumer/auto-offset-reset-latest 'latest'
consumer = KafkaConsumer("orders", group_id="billing", enable_auto_commit=False, auto_offset_reset='latest')
