package orders

import "github.com/IBM/sarama"

// NewSyncProducer waits for every in-sync replica, except in the dev set-up.
func NewSyncProducer(brokers []string, dev bool) (sarama.SyncProducer, error) {
	config := sarama.NewConfig()
	config.Producer.RequiredAcks = sarama.WaitForAll
	config.Producer.Return.Successes = true
	if dev {
		// expect: producer/acks-zero sarama.NoResponse
		// expect-message: When `dev` is true:
		config.Producer.RequiredAcks = sarama.NoResponse
	}
	return sarama.NewSyncProducer(brokers, config)
}
