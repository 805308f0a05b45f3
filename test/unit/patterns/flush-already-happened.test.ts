import { describeFixtures } from './fixtures';

/**
 * Issue #10: a flush that already happened. confluent-kafka's `with Producer(...)` (its `__exit__` flushes),
 * `flush()` before `close()`, and `commit_transaction()` / `CommitTransaction()` (librdkafka delivers every
 * queued message before committing and fails the commit when one failed): no close-without-flush, and the
 * produces of a committed transaction whose failure is seen are not unhandled sends.
 */
describeFixtures('flush-already-happened');
