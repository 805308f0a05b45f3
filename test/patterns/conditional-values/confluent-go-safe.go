package orders

import (
	"os"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// Every branch is safe: acks is all (or -1, its numeric spelling), auto-commit stays off.
func NewProducer(brokers string, strict bool) (*kafka.Producer, error) {
	acks := "all"
	if strict {
		acks = "-1"
	}
	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": brokers, "acks": acks})
}

func NewConsumer(brokers string) (*kafka.Consumer, error) {
	autoCommit := "false"
	if os.Getenv("REPLAY") == "1" {
		autoCommit = "false"
	}
	return kafka.NewConsumer(&kafka.ConfigMap{
		"bootstrap.servers":  brokers,
		"group.id":           "orders",
		"enable.auto.commit": autoCommit,
	})
}

// A value passed in, or chosen by a switch, is not read: the scanner cannot tell which one applies.
func NewFromFlags(brokers, commit string, env string) (*kafka.Consumer, error) {
	offsets := "earliest"
	switch env {
	case "dev":
		offsets = "latest"
	}
	return kafka.NewConsumer(&kafka.ConfigMap{
		"bootstrap.servers":  brokers,
		"group.id":           "orders",
		"enable.auto.commit": commit,
		"auto.offset.reset":  offsets,
	})
}
