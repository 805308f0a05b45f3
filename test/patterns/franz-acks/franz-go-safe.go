package events

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

// NewProducer keeps franz-go's defaults: acks=all with idempotent writes.
func NewProducer(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.DefaultProduceTopic("orders"))
}

// NewExplicitProducer writes acks=all out, through an option slice and a variable.
func NewExplicitProducer(ctx context.Context, seeds []string, r *kgo.Record) error {
	acks := kgo.AllISRAcks()
	opts := []kgo.Opt{kgo.SeedBrokers(seeds...)}
	opts = append(opts, kgo.RequiredAcks(acks))
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, r).FirstErr()
}

// NewTransactional keeps idempotence on, as transactions need.
func NewTransactional(seeds []string) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(seeds...), kgo.TransactionalID("orders-tx"), kgo.RequiredAcks(kgo.AllISRAcks()))
}
