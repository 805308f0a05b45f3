// Audit-log producer (franz-go) for the same service. franz-go's defaults are safe (acks=all, idempotent
// writes); this code opts out of them and drops what is still buffered at shutdown.
package orders

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

// AuditLog writes audit records to Kafka.
type AuditLog struct {
	client *kgo.Client
}

// NewAuditLog connects the client. LeaderAck() trades durability for latency: a leader failure right
// after the acknowledgement loses the record.
func NewAuditLog(seeds []string) (*AuditLog, error) {
	client, err := kgo.NewClient(
		kgo.SeedBrokers(seeds...),
		kgo.DefaultProduceTopic("audit"),
		kgo.RequiredAcks(kgo.LeaderAck()),
		kgo.DisableIdempotentWrite(),
	)
	if err != nil {
		return nil, err
	}
	return &AuditLog{client: client}, nil
}

// Record queues an audit record; errors arrive in the promise.
func (a *AuditLog) Record(ctx context.Context, line string) {
	a.client.Produce(ctx, &kgo.Record{Value: []byte(line)}, func(_ *kgo.Record, err error) {
		if err != nil {
			panic(err)
		}
	})
}

// Shutdown closes the client. Without a Flush first, records still in the buffer fail with
// ErrClientClosed and never reach Kafka.
func (a *AuditLog) Shutdown() {
	a.client.Close()
}
