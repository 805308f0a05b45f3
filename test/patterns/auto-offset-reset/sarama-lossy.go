package billing

import "github.com/IBM/sarama"

func NewGroup(brokers []string) (sarama.ConsumerGroup, error) {
	cfg := sarama.NewConfig()
	cfg.Consumer.Offsets.AutoCommit.Enable = false
	// expect: consumer/auto-offset-reset-latest sarama.OffsetNewest
	cfg.Consumer.Offsets.Initial = sarama.OffsetNewest
	return sarama.NewConsumerGroup(brokers, "billing", cfg)
}
