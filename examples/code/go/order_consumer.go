// Order-events consumer (segmentio/kafka-go) for the billing service. It reads every order once... until
// a deploy or a crash, when some orders are skipped for good. Run `kafka-lint examples/code/go`.
package orders

import (
	"context"
	"encoding/json"
	"log"

	"github.com/segmentio/kafka-go"
)

// Bill charges one order; it can fail or take seconds (a payment API call).
func Bill(ctx context.Context, o Order) error { return nil }

// ConsumeOrders runs the billing loop.
func ConsumeOrders(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: []string{"kafka-1:9092", "kafka-2:9092", "kafka-3:9092"},
		GroupID: "billing",
		Topic:   "orders",
		// A new group (or one whose offsets expired) starts at the end of the log and never bills
		// the orders already waiting in the topic.
		StartOffset: kafka.LastOffset,
	})
	defer r.Close()

	for {
		// With a GroupID, ReadMessage commits the offset as it returns the message: if Bill fails or
		// the pod is killed while billing, the order is already marked as done.
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		var o Order
		if err := json.Unmarshal(m.Value, &o); err != nil {
			log.Printf("skip malformed order at offset %d: %v", m.Offset, err)
			continue
		}
		if err := Bill(ctx, o); err != nil {
			log.Printf("bill order %s: %v", o.ID, err)
		}
	}
}
