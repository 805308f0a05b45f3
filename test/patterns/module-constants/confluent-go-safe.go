package orders

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

const acks = "all"

// Set by flags at start-up: not a constant, so not read.
var autoCommit = "true"

func init() {
	autoCommit = "false"
}

func NewConsumer() (*kafka.Consumer, error) {
	return kafka.NewConsumer(&kafka.ConfigMap{
		"bootstrap.servers":  "localhost:9092",
		"group.id":           "orders",
		"enable.auto.commit": autoCommit,
	})
}

func NewProducer() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "acks": acks})
}
