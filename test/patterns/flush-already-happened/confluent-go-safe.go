package orders

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

// PublishInTransaction commits what it produced: CommitTransaction delivers every queued
// message first and returns an error when one of them failed.
func PublishInTransaction(values [][]byte) error {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "transactional.id": "orders-tx"})
	if err != nil {
		return err
	}
	defer p.Close()
	if err := p.InitTransactions(nil); err != nil {
		return err
	}
	if err := p.BeginTransaction(); err != nil {
		return err
	}
	topic := "orders"
	for _, v := range values {
		if err := p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil); err != nil {
			return err
		}
	}
	return p.CommitTransaction(nil)
}
