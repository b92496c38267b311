// Package queue spreads articles over worker processes with NATS
// JetStream: a producer publishes each article, with what deduplication
// found for it, to a work-queue stream; workers take batches of them,
// code and store them, and acknowledge each message only after the store
// has committed it.
//
// What goes in: a Message (the article as read, and its Dedup facts from
// the producer's dedup.Index, which must see the articles in input order
// since "earlier" is what decides a copy). What comes out: Jobs handed to
// a Handler, one batch at a time, and a Status for operators.
//
// Streams (created when absent, file storage, Options.Replicas copies):
//
//   - SITREP_ARTICLES (subject sitrep.articles), a work queue: a message
//     leaves it when acknowledged. Its message ID is the article ID, so
//     an article published twice within Options.Duplicates is stored
//     once; a later copy is skipped by the worker, which finds the
//     article stored.
//   - SITREP_DEAD (sitrep.dead): the messages no worker could process,
//     with the error, the deliveries and the worker in headers.
//   - SITREP_INDEX (sitrep.index): the producer's journal, each published
//     article's dedup record, read back to restore its dedup.Index.
//
// and the key-value bucket SITREP_WORKERS, where workers write heartbeats.
//
// # Guarantees
//
// Nothing is dropped silently. A message is acknowledged only after its
// batch was committed; a worker that dies leaves its messages to be
// delivered again after ConsumerOptions.AckWait, and a store that keys
// every write on the article ID makes the second delivery harmless. A
// message that does not decode (ErrMalformed) goes to SITREP_DEAD at once;
// one whose processing fails is delivered again after a doubling backoff
// and goes to SITREP_DEAD at its MaxDeliver-th failure, as does one that
// reached MaxDeliver workers that died on it. A commit that fails (the
// database is down) is retried with backoff, the messages kept in
// progress, without counting against the articles. A server that cannot
// be reached is retried with backoff and reported (ErrUnreachable);
// publishes the server did not acknowledge are sent again.
//
// Back-pressure: a worker holds at most ConsumerOptions.Batch messages,
// and the server delivers at most MaxAckPending over all workers.
//
// Limits: a message must fit the server's max_payload (1 MiB by default;
// ErrTooLarge otherwise, reported for that article).
package queue
