package events

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

// NewLeaderProducer lowers acks in an option slice and keeps the default idempotent writes:
// kgo.NewClient returns an error and nothing is ever sent.
func NewLeaderProducer(seeds []string) (*kgo.Client, error) {
	opts := []kgo.Opt{
		kgo.SeedBrokers(seeds...),
		kgo.DefaultProduceTopic("orders"),
	}
	// expect: producer/acks-leader-only kgo.LeaderAck()
	// expect: producer/idempotence-disabled kgo.LeaderAck()
	// expect-message: kgo.NewClient` returns `idempotency requires acks=all`
	opts = append(opts, kgo.RequiredAcks(kgo.LeaderAck()))
	return kgo.NewClient(opts...)
}

// FireAndForget holds the acks level in a variable and opts out of idempotence: it starts, and loses.
func FireAndForget(ctx context.Context, seeds []string, r *kgo.Record) error {
	// expect: producer/acks-zero kgo.NoAck()
	acks := kgo.NoAck()
	// expect: producer/idempotence-disabled kgo.DisableIdempotentWrite()
	cl, err := kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.RequiredAcks(acks), kgo.DisableIdempotentWrite())
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, r).FirstErr()
}

// WithAckOption passes an option held by a variable.
func WithAckOption(ctx context.Context, seeds []string, r *kgo.Record) error {
	// expect: producer/acks-leader-only kgo.LeaderAck()
	// expect: producer/idempotence-disabled kgo.LeaderAck()
	ackOpt := kgo.RequiredAcks(kgo.LeaderAck())
	cl, err := kgo.NewClient(kgo.SeedBrokers(seeds...), ackOpt)
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, r).FirstErr()
}

// Transactional opts out of idempotence, which franz-go refuses for a transactional ID.
func Transactional(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(
		kgo.SeedBrokers(seeds...),
		kgo.TransactionalID("orders-tx"),
		// expect: producer/idempotence-disabled kgo.DisableIdempotentWrite()
		// expect-message: cannot both disable idempotent writes and use transactional IDs
		kgo.DisableIdempotentWrite(),
	)
}
