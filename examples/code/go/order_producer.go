// Order-events publisher (Sarama), the way many Go services start out: it compiles, it is fast, and it
// loses orders in production. Run `kafka-lint examples/code/go` to see each problem, with a quick fix.
package orders

import (
	"encoding/json"
	"log"

	"github.com/IBM/sarama"
)

// Order is the event this service publishes.
type Order struct {
	ID         string `json:"id"`
	CustomerID string `json:"customerId"`
	TotalCents int64  `json:"totalCents"`
}

// Publisher sends order events without waiting for them.
type Publisher struct {
	producer sarama.AsyncProducer
	topic    string
}

// NewPublisher builds the producer. Sarama's NewConfig() waits only for the partition leader
// (WaitForLocal): if that broker dies before a follower copies the record, the order is gone.
func NewPublisher(brokers []string) (*Publisher, error) {
	config := sarama.NewConfig()
	config.ClientID = "order-service"
	// "Retries only add latency": a single leader election now fails the send for good.
	config.Producer.Retry.Max = 0

	// Nothing below ever reads producer.Errors(): each failed send is dropped, and once the error
	// channel fills up the producer stops accepting messages altogether.
	producer, err := sarama.NewAsyncProducer(brokers, config)
	if err != nil {
		return nil, err
	}
	return &Publisher{producer: producer, topic: "orders"}, nil
}

// Publish queues an order and returns at once.
func (p *Publisher) Publish(order Order) {
	value, err := json.Marshal(order)
	if err != nil {
		log.Printf("encode order %s: %v", order.ID, err)
		return
	}
	p.producer.Input() <- &sarama.ProducerMessage{
		Topic: p.topic,
		Key:   sarama.StringEncoder(order.CustomerID),
		Value: sarama.ByteEncoder(value),
	}
}

// Close flushes what is buffered (Sarama's AsyncProducer.Close waits for it).
func (p *Publisher) Close() error {
	return p.producer.Close()
}
