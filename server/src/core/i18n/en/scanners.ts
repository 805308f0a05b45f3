/**
 * English texts the code scanners attach to what they find (`CodeFact.detail`, the titles of their fixes).
 * Scanners run before the locale is known, so they keep `msg(key, params)`; the rule formats it.
 * Twin: ../zh-cn/scanners.ts.
 */
export const SCANNERS = {
  'scanner.fix.moveAfterProcessing': 'Move {statement} after the processing',
  'scanner.fix.flushBeforeClose': 'Call {object}.flush() before closing',

  'scanner.go.fix.flushBeforeClose': 'Call {name}.Flush before {name}.Close()',
  'scanner.go.segmentio.fix.sync': 'Set Async to false (WriteMessages then returns each error)',
  'scanner.go.segmentio.asyncNoCompletion':
    'with Async: true and no Completion callback WriteMessages returns at once and the writer ignores every write error, so failed messages are dropped silently; set a Completion callback that handles errors, or leave Async false.',
  'scanner.go.segmentio.ignoredError':
    'the error {call}(...) returns is thrown away, so messages that could not be written (after every attempt) are lost without a trace; check it.',
  'scanner.go.segmentio.commitEarly': '{call}(...) commits {message} before the code after it processes it, so a crash in between skips the message; commit after processing.',
  'scanner.go.segmentio.readMessage':
    '{call}() on a reader with a GroupID commits the offset as soon as it returns the message, before the code after it has processed it, so a crash in between skips the message; use FetchMessage and call CommitMessages after processing.',
  'scanner.go.segmentio.fix.fetchThenCommit': 'Use FetchMessage and call {commit} after the processing',
  'scanner.go.franz.ignoredResults': 'the results of {call}(...) are thrown away, so a record that fails is lost without a trace; check FirstErr() of the results.',
  'scanner.go.franz.commitEarly':
    '{call}(...) commits the offsets of {message} before the code after it processes the records, so a crash in between skips them; commit after processing.',
  'scanner.go.franz.closeWithoutFlush':
    '{receiver}.Close() runs with no Flush() before it, so records still buffered in the client are failed with ErrClientClosed instead of being written; call {receiver}.Flush(ctx) before closing.',
  'scanner.go.franz.noPromise':
    '{call}(...) passes no promise, and franz-go reports a failed record only through it, so the failure is dropped silently; pass a promise that handles the error.',
  'scanner.go.franz.promiseIgnoresError':
    'this promise never looks at its error, and franz-go reports a failed record only through it, so the failure is dropped silently; handle the error in the promise.',
  'scanner.go.sarama.ignoredResult':
    'the result of {call}(...) is thrown away, so a message the brokers reject or that fails after every retry is lost without a trace; check the returned error.',
  'scanner.go.sarama.markEarly':
    '{call}({message}, ...) marks the message as consumed before the code after it processes it, and auto-commit (every second by default) can commit that offset first, so a crash in between skips the message; mark it after processing.',
  'scanner.go.sarama.markCommitEarly':
    '{call}({message}, ...) and the {session}.Commit() after it commit the offset before the code below processes the message, so a crash in between skips it; mark and commit after processing.',
  'scanner.go.sarama.returnErrorsOff':
    'Producer.Return.Errors = false makes the AsyncProducer throw away every failed send without telling anyone, so those messages vanish silently; leave it true and read the Errors() channel.',
  'scanner.go.sarama.errorsUnread':
    "nothing in this file reads this AsyncProducer's Errors() channel, so failed sends go unnoticed (and once the channel fills up the producer stops); read Errors() in a goroutine and handle each error.",
  'scanner.go.confluent.commitEarly':
    '{call}(...) commits (or stores for the next commit) the offset of {message} before the code after it processes the message, so a crash in between skips it; commit after processing.',
  'scanner.go.confluent.closeWithoutFlush':
    '{receiver}.Close() runs with no Flush() before it, and Close does not wait for queued messages, so whatever is still in the local queue is dropped; call {receiver}.Flush(timeoutMs) first and check that it returns 0.',
  'scanner.go.confluent.reportsOff':
    '{call}(msg, nil) on a producer with go.delivery.reports=false gets no delivery report at all, so a message that fails delivery is lost without a trace; turn the reports back on and pass a delivery channel.',
  'scanner.go.confluent.noChannel':
    "{call}(msg, nil) passes no delivery channel and nothing in this file reads {receiver}.Events(), so a message that fails delivery is reported to no one; pass a delivery channel or read Events() and check each message's TopicPartition.Error.",

  'scanner.java.methodReferenceSend':
    '{reference} sends each record without a callback and drops the Future it returns, so a send that fails is lost without a trace; send with a callback that handles the exception.',
  'scanner.java.fix.handleException': 'Handle the exception in the callback',
  'scanner.java.callbackIgnoresException':
    'the callback of {object}.send(..) never looks at its exception and the Future is dropped, so a send that fails is lost without anyone noticing; check {exception} != null in the callback and handle the failure.',
  'scanner.java.fix.addCallback': 'Add a callback that handles a failed send',
  'scanner.java.noCallback':
    '{object}.send(..) has no callback and its Future is dropped, so a send that fails (a timeout, a record too large, a broker error after the retries) is lost without anyone noticing; pass a callback that handles the exception, or check the Future.',
  'scanner.java.fix.whenComplete': 'Handle the send result with whenComplete (Spring for Apache Kafka 3.0+)',
  'scanner.java.futureIgnored':
    '{object}.{method}(..) is asynchronous and nothing looks at the failure of the future it returns, so a send that fails (a timeout, a broker error, a record too large) is never noticed and the record is lost; handle the exception with whenComplete or wait for the result.',
  'scanner.java.commitBeforeProcessing':
    '{object}.{method}() commits the offsets of everything the last poll() returned before those records are processed, so a crash in between skips them on restart; commit after processing.',
  'scanner.java.commitWhileProcessing':
    '{object}.{method}() commits the polled offsets while the records are still being processed on another thread, so a crash before that work finishes skips them; wait for the work to finish before committing.',
  'scanner.java.commitInLoop':
    "{object}.{method}() inside the loop over the polled records commits the offsets of the whole batch while some records are not processed yet, so a crash part-way skips them; commit once after the loop, or commit each record's own offset + 1.",
  'scanner.java.swallowedThenCommitted':
    "{catch} swallows a failure to process {record} (it only logs it, or does nothing) and the loop goes on, then {object}.{method}() commits the offsets of the whole batch, the failed record's included, so that record is never delivered again and is lost; rethrow so that the batch is redelivered (processing must then be idempotent), or send the record to a dead-letter topic before committing.",
  'scanner.java.swallowedThenCommittedInLoop':
    "{catch} swallows a failure to process {record} (it only logs it, or does nothing), then {object}.{method}() in the same loop commits the polled offsets, the failed record's included, so that record is never delivered again and is lost; rethrow so that the batch is redelivered (processing must then be idempotent), or send the record to a dead-letter topic before committing.",
  'scanner.java.fix.commitAfterLoop': 'Move the commit after the loop',
  'scanner.java.fix.commitAfterProcessing': 'Move the commit after the records are processed',
  'scanner.java.acknowledgeEarly':
    '{object}.acknowledge() marks the record as consumed before the code below processes it, so if processing fails or the application stops in between, the record is never delivered again; acknowledge after processing.',
  'scanner.java.fix.acknowledgeAfterProcessing': 'Move the acknowledgement after the record is processed',
  'scanner.java.closeWithoutWaiting':
    '{call} does not wait at all, so records still buffered in the producer or in flight are failed and lost; call flush() first, or close with a timeout long enough to drain them.',

  'scanner.python.futureDropped':
    'the future returned by {call}() is dropped, so a send that fails (broker error, retries used up, delivery timeout) is never seen and the record is lost silently; call .get(timeout=...) on it or attach .add_errback(...) to handle the failure.',
  'scanner.python.successCallbackOnly':
    'the future returned by {call}() only gets add_callback(...), which runs when the send succeeds; a send that fails (broker error, retries used up, delivery timeout) goes to errbacks, and there are none, so the record is lost silently; attach .add_errback(...) as well, or call .get(timeout=...).',
  'scanner.python.awaitedFutureDropped':
    'awaiting {call}() only puts the record in the producer\'s buffer and returns a future of its delivery, and that future is dropped, so a send that fails (broker error, request_timeout_ms used up) is never seen and the record is lost silently; await the returned future as well, or call {object}.send_and_wait(...) instead.',
  'scanner.python.notAwaited':
    '{call}() is a coroutine and it is never awaited, so it never runs and the record is not even sent (Python only warns that the coroutine was never awaited); await it, with send_and_wait(...) or by awaiting the future send(...) returns, so a failed delivery is seen.',
  'scanner.python.noDeliveryCallback':
    '{call}() only queues the record, and with no on_delivery callback here or in the producer config a delivery that fails after its retries is reported to nobody, so the record is lost silently; pass on_delivery=... and call poll() or flush() so it runs.',
  'scanner.python.storeEarly':
    '{call} stores the offset for the next auto-commit before the message from this poll is processed, so the background commit can run first and a failure or crash then skips the message; store offsets after processing.',
  'scanner.python.swallowedThenCommitted':
    '{except} swallows a failure to process {record} (it only logs it, or does nothing), then {commit} in the same loop iteration commits its offset: the failed message is never delivered again and is lost; re-raise so that it is not committed (processing must then be idempotent, since it runs again), or send the message to a dead-letter topic before committing.',
  'scanner.python.swallowedInBatchThenCommitted':
    '{except} swallows a failure to process {record} (it only logs it, or does nothing) and the loop over the polled messages goes on, then {commit} commits the offsets of all of them: the failed message is never delivered again and is lost; re-raise so that it is not committed (processing must then be idempotent, since it runs again), or send the message to a dead-letter topic before committing.',
  'scanner.python.commitEarly':
    '{call} runs before the message from this poll is processed, so if processing fails or the process dies the offset is already committed and the message is never read again; commit after processing.',
  'scanner.python.closeWithoutWaiting':
    '{call} does not wait, so records still buffered or in flight are failed and lost; call {object}.flush() first, or close with a timeout long enough to drain them.',
  'scanner.python.neverFlushed':
    'this producer queues records with produce() but is never flushed in this file, so records still in its local queue when the process exits are dropped without an error; call flush() before exiting and check how many records it reports as undelivered.',

  'scanner.js.fix.await': 'Await {call}',
  'scanner.js.forEachDropsPromise':
    'forEach() throws away the promise {call} returns, so a send that fails after its retries rejects unobserved and the record is lost without any error; use for...of with await, or await Promise.all over map().',
  'scanner.js.combinatorDropped':
    'the promise of {call} goes into {combinator}, whose result is dropped, so a send that fails after its retries rejects unobserved and the record is lost without any error; {advice}.',
  'scanner.js.advice.awaitCombinator': 'await {combinator}',
  'scanner.js.advice.awaitAll': 'await Promise.all() over it',
  'scanner.js.thenWithoutRejection':
    'the promise of {call} gets .then() with no rejection handler, which passes a failed send on to a promise nobody holds, so the record is lost without any error; add .catch() (or a second handler to then), or await the chain.',
  'scanner.js.catchSwallows':
    'the promise of {call} is given a .catch() handler that does nothing, so a send that fails after its retries is caught and dropped there and the record is lost without any error; handle the failure in it (log it, retry, or rethrow), or remove it and await the send.',
  'scanner.js.notAwaited':
    'the promise of {call} is neither awaited nor given a .catch(), so a send that fails after its retries rejects unobserved and the record is lost without any error; await it (or handle the rejection).',
  'scanner.js.highLevelNoCallback':
    '{call} on a HighLevelProducer hands the delivery report only to the callback in its last argument, and none is passed here, so a delivery that fails after its retries is not handled; pass a callback (err, offset) => { ... } that deals with err.',
  'scanner.js.deliveryReportIgnoresError':
    "this 'delivery-report' handler never looks at its error argument, and a failed delivery is reported only there, so the record is lost silently; handle err (log it, retry or stop) in the handler.",
  'scanner.js.noDeliveryReport':
    "{call} only queues the record, and with neither dr_cb nor dr_msg_cb in the producer config a delivery that fails after its retries is reported to nobody, so the record is lost silently; set dr_cb: true and handle the 'delivery-report' event.",
  'scanner.js.unfinishedWork':
    '{handler} returns before that work finishes and the offset is committed while the message is still being processed, so a failure or crash then loses it',
  'scanner.js.deferred': '{call} defers the processing: {after}; process the message inside the handler and await it.',
  'scanner.js.asyncForEach': 'forEach() does not wait for its async callback: {after}; use for...of with await (or await Promise.all over map()).',
  'scanner.js.notAwaitedWork': '{call} starts async work that is not awaited: {after}; await it.',
  'scanner.js.commitEarly':
    '{call} commits the offset before the code below it processes the message, so if that processing fails or the process dies the message is never read again; commit after processing.',
  'scanner.js.storeEarly':
    '{call} stores the offset for the next auto-commit before the code below it processes the message, so the background commit can run first and a failure or crash then skips the message; store the offset after processing.',
  'scanner.js.resolveEarly':
    '{call} marks the message as processed before the code below it processes it, so its offset can be committed first and a failure or crash then skips the message; resolve the offset after processing.',
  'scanner.js.swallowedInEachMessage':
    '{catch} swallows a failure to process {record} (it only logs it, or does nothing), so the {handler} handler resolves and kafkajs commits the offset of the message as if it had been processed: the failed message is never delivered again and is lost; rethrow so that kafkajs delivers it again (processing must then be idempotent), or send the message to a dead-letter topic before the handler returns.',
  'scanner.js.swallowedInEachBatch':
    "{catch} swallows a failure to process {record} (it only logs it, or does nothing) and the {handler} handler's loop over the batch goes on, so kafkajs resolves and commits offsets past the message that failed: the failed message is never delivered again and is lost; rethrow so that kafkajs delivers it again (processing must then be idempotent), or send the message to a dead-letter topic before the handler returns.",
} as const;
