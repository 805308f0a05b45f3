package billing

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

func NewConsumer() (*kafka.Consumer, error) {
	cm := kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "group.id": "billing", "enable.auto.commit": false}
	// expect: consumer/auto-offset-reset-latest "end"
	_ = cm.SetKey("auto.offset.reset", "end")
	return kafka.NewConsumer(&cm)
}
