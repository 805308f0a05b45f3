import type { SCANNERS } from '../en/scanners';
import type { Translation } from '../placeholders';

/** 代码扫描器给出的说明和修复标题的简体中文文本。English: ../en/scanners.ts. */
export const SCANNERS_ZH_CN = {
  'scanner.fix.moveAfterProcessing': '把 {statement} 移到处理之后',
  'scanner.fix.flushBeforeClose': '在关闭之前调用 {object}.flush()',

  'scanner.go.fix.flushBeforeClose': '在 {name}.Close() 之前调用 {name}.Flush',
  'scanner.go.segmentio.fix.sync': '把 Async 设为 false（这样 WriteMessages 会返回每一个错误）',
  'scanner.go.segmentio.asyncNoCompletion':
    '在 Async: true 且没有 Completion 回调时，WriteMessages 会立即返回，写入器会忽略所有写入错误，因此失败的消息被静默丢弃；请设置一个处理错误的 Completion 回调，或让 Async 保持 false。',
  'scanner.go.segmentio.ignoredError': '{call}(...) 返回的错误被丢弃了，因此（所有尝试之后）仍无法写入的消息会悄无声息地丢失；请检查这个错误。',
  'scanner.go.segmentio.commitEarly': '{call}(...) 在其后的代码处理 {message} 之前就提交了它，中间一旦崩溃，这条消息就会被跳过；请在处理之后再提交。',
  'scanner.go.segmentio.readMessage':
    '在设置了 GroupID 的读取器上，{call}() 一返回消息就提交位移，此时其后的代码还没有处理它，中间一旦崩溃，这条消息就会被跳过；请改用 FetchMessage，并在处理之后调用 CommitMessages。',
  'scanner.go.segmentio.fix.fetchThenCommit': '改用 FetchMessage，并在处理之后调用 {commit}',
  'scanner.go.franz.ignoredResults': '{call}(...) 的结果被丢弃了，因此发送失败的消息会悄无声息地丢失；请检查结果的 FirstErr()。',
  'scanner.go.franz.commitEarly': '{call}(...) 在其后的代码处理这些消息之前就提交了 {message} 的位移，中间一旦崩溃，这些消息就会被跳过；请在处理之后再提交。',
  'scanner.go.franz.closeWithoutFlush':
    '{receiver}.Close() 之前没有调用 Flush()，仍缓存在客户端中的消息会以 ErrClientClosed 失败，而不会被写入；请在关闭之前调用 {receiver}.Flush(ctx)。',
  'scanner.go.franz.noPromise': '{call}(...) 没有传入回调函数，而 franz-go 只通过它报告发送失败的消息，因此失败被静默丢弃；请传入一个处理错误的回调函数。',
  'scanner.go.franz.promiseIgnoresError': '这个回调函数从不检查它的错误，而 franz-go 只通过它报告发送失败的消息，因此失败被静默丢弃；请在回调函数中处理错误。',
  'scanner.go.sarama.ignoredResult': '{call}(...) 的结果被丢弃了，因此被 Broker 拒绝、或在所有重试之后仍然失败的消息会悄无声息地丢失；请检查返回的错误。',
  'scanner.go.sarama.markEarly':
    '{call}({message}, ...) 在其后的代码处理这条消息之前就把它标记为已消费，而自动提交（默认每秒一次）可能先提交这个位移，中间一旦崩溃，这条消息就会被跳过；请在处理之后再标记。',
  'scanner.go.sarama.markCommitEarly':
    '{call}({message}, ...) 和其后的 {session}.Commit() 在下面的代码处理这条消息之前就提交了位移，中间一旦崩溃，这条消息就会被跳过；请在处理之后再标记并提交。',
  'scanner.go.sarama.returnErrorsOff':
    'Producer.Return.Errors = false 会让 AsyncProducer 不通知任何人就丢弃每一次失败的发送，这些消息就此静默消失；请让它保持 true，并读取 Errors() 通道。',
  'scanner.go.sarama.errorsUnread':
    '这个文件中没有代码读取这个 AsyncProducer 的 Errors() 通道，因此失败的发送无人察觉（而且通道一旦填满，生产者就会停止）；请在一个 goroutine 中读取 Errors() 并处理每一个错误。',
  'scanner.go.confluent.commitEarly':
    '{call}(...) 在其后的代码处理这条消息之前，就提交了（或存储以待下次提交）{message} 的位移，中间一旦崩溃，这条消息就会被跳过；请在处理之后再提交。',
  'scanner.go.confluent.closeWithoutFlush':
    '{receiver}.Close() 之前没有调用 Flush()，而 Close 不会等待排队中的消息，本地队列里剩下的消息都会被丢弃；请先调用 {receiver}.Flush(timeoutMs)，并检查它返回 0。',
  'scanner.go.confluent.reportsOff':
    '在 go.delivery.reports=false 的生产者上，{call}(msg, nil) 根本收不到投递报告，因此投递失败的消息会悄无声息地丢失；请重新开启投递报告，并传入一个投递通道。',
  'scanner.go.confluent.noChannel':
    '{call}(msg, nil) 没有传入投递通道，而这个文件中也没有代码读取 {receiver}.Events()，因此投递失败的消息不会报告给任何人；请传入一个投递通道，或读取 Events() 并检查每条消息的 TopicPartition.Error。',

  'scanner.java.methodReferenceSend':
    '{reference} 发送每条消息时都不带回调，并丢弃了返回的 Future，因此发送失败的消息会悄无声息地丢失；请使用一个处理异常的回调来发送。',
  'scanner.java.fix.handleException': '在回调中处理异常',
  'scanner.java.callbackIgnoresException':
    '{object}.send(..) 的回调从不检查它的异常，Future 也被丢弃了，因此发送失败的消息会在无人察觉的情况下丢失；请在回调中检查 {exception} != null 并处理失败。',
  'scanner.java.fix.addCallback': '添加一个处理发送失败的回调',
  'scanner.java.noCallback':
    '{object}.send(..) 没有回调，它的 Future 也被丢弃了，因此发送失败的消息（超时、消息过大、重试之后仍有 Broker 错误）会在无人察觉的情况下丢失；请传入一个处理异常的回调，或检查 Future。',
  'scanner.java.fix.whenComplete': '用 whenComplete 处理发送结果（Spring for Apache Kafka 3.0+）',
  'scanner.java.futureIgnored':
    '{object}.{method}(..) 是异步的，它返回的 Future 的失败无人检查，因此发送失败（超时、Broker 错误、消息过大）永远不会被发现，消息就丢失了；请用 whenComplete 处理异常，或等待结果。',
  'scanner.java.commitBeforeProcessing':
    '{object}.{method}() 在上一次 poll() 返回的消息被处理之前就提交了它们的位移，中间一旦崩溃，重启后这些消息就会被跳过；请在处理之后再提交。',
  'scanner.java.commitWhileProcessing':
    '{object}.{method}() 在消息仍在另一个线程中处理时就提交了拉取到的位移，这项工作完成之前一旦崩溃，这些消息就会被跳过；请等工作完成之后再提交。',
  'scanner.java.commitInLoop':
    '{object}.{method}() 位于遍历拉取到的消息的循环之中，会在部分消息尚未处理时就提交整批的位移，中途一旦崩溃，这些消息就会被跳过；请在循环结束后提交一次，或为每条消息提交它自己的位移 + 1。',
  'scanner.java.swallowedThenCommitted':
    '{catch} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），循环继续，之后 {object}.{method}() 提交整批消息的位移，其中包括失败的那条消息，这条消息因此不会再被投递，就此丢失；请重新抛出异常，让这批消息被重新投递（这时处理必须是幂等的），或在提交之前把这条消息发送到死信主题。',
  'scanner.java.swallowedThenCommittedInLoop':
    '{catch} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），之后同一循环中的 {object}.{method}() 提交拉取到的位移，其中包括失败的那条消息，这条消息因此不会再被投递，就此丢失；请重新抛出异常，让这批消息被重新投递（这时处理必须是幂等的），或在提交之前把这条消息发送到死信主题。',
  'scanner.java.fix.commitAfterLoop': '把提交移到循环之后',
  'scanner.java.fix.commitAfterProcessing': '把提交移到消息处理之后',
  'scanner.java.acknowledgeEarly':
    '{object}.acknowledge() 在下面的代码处理消息之前就把它标记为已消费，如果处理失败或应用在中间停止，这条消息就再也不会被投递；请在处理之后再确认。',
  'scanner.java.fix.acknowledgeAfterProcessing': '把确认移到消息处理之后',
  'scanner.java.closeWithoutWaiting':
    '{call} 完全不等待，仍缓存在生产者中或正在发送途中的消息都会失败并丢失；请先调用 flush()，或使用足够长的超时来关闭，让它们发送完毕。',

  'scanner.python.futureDropped':
    '{call}() 返回的 Future 被丢弃了，因此发送失败（Broker 错误、重试用尽、投递超时）永远不会被看到，消息静默丢失；请对它调用 .get(timeout=...)，或挂上 .add_errback(...) 来处理失败。',
  'scanner.python.successCallbackOnly':
    '{call}() 返回的 Future 只挂了 add_callback(...)，它只在发送成功时运行；发送失败（Broker 错误、重试用尽、投递超时）交给失败回调，而这里一个也没有，因此消息静默丢失；请再挂上 .add_errback(...)，或调用 .get(timeout=...)。',
  'scanner.python.awaitedFutureDropped':
    '等待 {call}() 只是把消息放进生产者的缓冲区，并返回一个表示投递结果的 Future，而这个 Future 被丢弃了，因此发送失败（Broker 错误、request_timeout_ms 用尽）永远不会被看到，消息静默丢失；请同样等待返回的 Future，或改为调用 {object}.send_and_wait(...)。',
  'scanner.python.notAwaited':
    '{call}() 是一个协程，却从未被等待，因此它根本不会运行，消息也根本没有发送（Python 只会警告这个协程从未被等待）；请等待它：用 send_and_wait(...)，或等待 send(...) 返回的 Future，这样投递失败才会被看到。',
  'scanner.python.noDeliveryCallback':
    '{call}() 只是把消息放入队列，而这里和生产者配置中都没有 on_delivery 回调，重试之后仍投递失败的消息不会报告给任何人，因此消息静默丢失；请传入 on_delivery=...，并调用 poll() 或 flush() 让回调得以执行。',
  'scanner.python.storeEarly':
    '{call} 在这次拉取到的消息被处理之前，就存储了供下次自动提交使用的位移，后台提交可能先执行，随后一旦失败或崩溃，这条消息就会被跳过；请在处理之后再存储位移。',
  'scanner.python.swallowedThenCommitted':
    '{except} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），之后同一次循环中的 {commit} 提交了它的位移：失败的消息不会再被投递，就此丢失；请重新抛出异常，让它不被提交（这时处理必须是幂等的，因为它会再运行一次），或在提交之前把这条消息发送到死信主题。',
  'scanner.python.swallowedInBatchThenCommitted':
    '{except} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），遍历拉取到的消息的循环继续，之后 {commit} 提交了所有这些消息的位移：失败的消息不会再被投递，就此丢失；请重新抛出异常，让它不被提交（这时处理必须是幂等的，因为它会再运行一次），或在提交之前把这条消息发送到死信主题。',
  'scanner.python.commitEarly':
    '{call} 在这次拉取到的消息被处理之前就执行了，如果处理失败或进程退出，位移已经提交，这条消息再也不会被读取；请在处理之后再提交。',
  'scanner.python.closeWithoutWaiting':
    '{call} 不会等待，仍在缓存中或正在发送途中的消息都会失败并丢失；请先调用 {object}.flush()，或使用足够长的超时来关闭，让它们发送完毕。',
  'scanner.python.neverFlushed':
    '这个生产者用 produce() 把消息放入队列，但这个文件中从未调用过 flush()，进程退出时仍在本地队列里的消息会被丢弃，且不报任何错误；请在退出之前调用 flush()，并检查它报告有多少消息未能投递。',

  'scanner.js.fix.await': '对 {call} 使用 await',
  'scanner.js.forEachDropsPromise':
    'forEach() 丢弃了 {call} 返回的 Promise，重试之后仍失败的发送被拒绝却无人处理，消息在没有任何错误的情况下丢失；请改用配合 await 的 for...of，或对 map() 的结果执行 await Promise.all。',
  'scanner.js.combinatorDropped':
    '{call} 的 Promise 被传给了 {combinator}，而后者的结果被丢弃，重试之后仍失败的发送被拒绝却无人处理，消息在没有任何错误的情况下丢失；{advice}。',
  'scanner.js.advice.awaitCombinator': '请对 {combinator} 使用 await',
  'scanner.js.advice.awaitAll': '请对它使用 await Promise.all()',
  'scanner.js.thenWithoutRejection':
    '{call} 的 Promise 只挂了没有拒绝处理函数的 .then()，失败的发送被传给一个无人持有的 Promise，消息在没有任何错误的情况下丢失；请加上 .catch()（或给 .then() 传第二个处理函数），或 await 整个链。',
  'scanner.js.catchSwallows':
    '{call} 的 Promise 挂了一个什么也不做的 .catch() 处理函数，重试之后仍失败的发送在那里被捕获并丢弃，消息在没有任何错误的情况下丢失；请在其中处理失败（记录、重试或重新抛出），或去掉它并 await 这次发送。',
  'scanner.js.notAwaited':
    '{call} 的 Promise 既没有被 await，也没有挂上 .catch()，重试之后仍失败的发送被拒绝却无人处理，消息在没有任何错误的情况下丢失；请 await 它（或处理这个拒绝）。',
  'scanner.js.highLevelNoCallback':
    'HighLevelProducer 上的 {call} 只把投递报告交给最后一个参数中的回调，而这里没有传入回调，因此重试之后仍投递失败的消息得不到处理；请传入一个处理 err 的回调 (err, offset) => { ... }。',
  'scanner.js.deliveryReportIgnoresError':
    "这个 'delivery-report' 处理函数从不查看它的错误参数，而投递失败只在这里报告，因此消息静默丢失；请在处理函数中处理 err（记录日志、重试或停止）。",
  'scanner.js.noDeliveryReport':
    "{call} 只是把消息放入队列，而生产者配置中既没有 dr_cb 也没有 dr_msg_cb，重试之后仍投递失败的消息不会报告给任何人，因此消息静默丢失；请设置 dr_cb: true，并处理 'delivery-report' 事件。",
  'scanner.js.unfinishedWork': '{handler} 在这项工作完成之前就返回了，位移会在消息仍在处理时被提交，随后一旦失败或崩溃，这条消息就丢失了',
  'scanner.js.deferred': '{call} 推迟了处理：{after}；请在处理函数内部处理消息并 await 它。',
  'scanner.js.asyncForEach': 'forEach() 不会等待它的 async 回调：{after}；请改用配合 await 的 for...of（或对 map() 的结果执行 await Promise.all）。',
  'scanner.js.notAwaitedWork': '{call} 启动了没有被 await 的异步工作：{after}；请 await 它。',
  'scanner.js.commitEarly': '{call} 在下面的代码处理消息之前就提交了位移，如果处理失败或进程退出，这条消息再也不会被读取；请在处理之后再提交。',
  'scanner.js.storeEarly':
    '{call} 在下面的代码处理消息之前，就存储了供下次自动提交使用的位移，后台提交可能先执行，随后一旦失败或崩溃，这条消息就会被跳过；请在处理之后再存储位移。',
  'scanner.js.resolveEarly':
    '{call} 在下面的代码处理消息之前就把它标记为已处理，它的位移可能先被提交，随后一旦失败或崩溃，这条消息就会被跳过；请在处理之后再标记位移。',
  'scanner.js.swallowedInEachMessage':
    '{catch} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），于是 {handler} 处理函数正常返回，kafkajs 把这条消息的位移当作已处理完而提交：失败的消息不会再被投递，就此丢失；请重新抛出异常，让 kafkajs 重新投递它（这时处理必须是幂等的），或在处理函数返回之前把这条消息发送到死信主题。',
  'scanner.js.swallowedInEachBatch':
    '{catch} 吞掉了处理 {record} 时的失败（只记录日志，或什么也不做），{handler} 处理函数中遍历这批消息的循环继续，于是 kafkajs 解析并提交越过失败消息的位移：失败的消息不会再被投递，就此丢失；请重新抛出异常，让 kafkajs 重新投递它（这时处理必须是幂等的），或在处理函数返回之前把这条消息发送到死信主题。',
} as const satisfies Translation<typeof SCANNERS>;
