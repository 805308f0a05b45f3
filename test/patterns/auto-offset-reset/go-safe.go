package billing

import (
	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

// franz-go and kafka-go start at the earliest offset by default; Sarama is told to.
func NewClients(brokers []string) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.ConsumerGroup("billing"), kgo.ConsumeTopics("orders"))
	_ = cl
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, GroupID: "billing", Topic: "orders"})
	_ = r
	cfg := sarama.NewConfig()
	cfg.Consumer.Offsets.AutoCommit.Enable = false
	cfg.Consumer.Offsets.Initial = sarama.OffsetOldest
	g, _ := sarama.NewConsumerGroup(brokers, "billing", cfg)
	_ = g
}
