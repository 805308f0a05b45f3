package orders

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

const (
	bootstrap = "localhost:9092"
	acks      = "0"
)

func NewProducer() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{
		"bootstrap.servers": bootstrap,
		// expect: producer/acks-zero acks
		// expect-message: with acks=0
		"acks": acks,
	})
}
