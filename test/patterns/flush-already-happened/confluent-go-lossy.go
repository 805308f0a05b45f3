package orders

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

// PublishInTransaction throws the commit's error away, and with it the failed deliveries.
func PublishInTransaction(values [][]byte) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "transactional.id": "orders-tx"})
	defer p.Close()
	_ = p.InitTransactions(nil)
	_ = p.BeginTransaction()
	topic := "orders"
	for _, v := range values {
		// expect: producer/unhandled-send p.Produce
		p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil)
	}
	p.CommitTransaction(nil)
}
