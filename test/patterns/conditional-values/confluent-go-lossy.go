package orders

import (
	"os"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// NewConsumer reads orders; DEV=1 turns auto-commit on for quick local runs.
func NewConsumer(brokers string) (*kafka.Consumer, error) {
	autoCommit := "false"
	if os.Getenv("DEV") == "1" {
		// expect: consumer/auto-commit-enabled "true"
		// expect-message: When `os.Getenv("DEV") == "1"` is true:
		autoCommit = "true"
	}
	return kafka.NewConsumer(&kafka.ConfigMap{
		"bootstrap.servers":  brokers,
		"group.id":           "orders",
		"enable.auto.commit": autoCommit,
	})
}

// NewProducer trades durability for latency when fast is set.
func NewProducer(brokers string, fast bool) (*kafka.Producer, error) {
	var acks string
	if fast {
		// expect: producer/acks-leader-only "1"
		// expect-message: When `fast` is true:
		acks = "1"
	} else {
		acks = "all"
	}
	return kafka.NewProducer(&kafka.ConfigMap{
		"bootstrap.servers": brokers,
		"acks":              acks,
	})
}
