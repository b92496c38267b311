// Command sitrep turns conflict news into event data. So far it holds the
// NLP core: it splits, tags, lemmatizes and parses English text, scores the
// model on a Universal Dependencies treebank, retrains it, and measures its
// speed; and it looks up, checks and imports the actor, place and event
// dictionaries.
//
// Usage:
//
//	sitrep parse [--input text|conllu] [--format conllu|json] [--model FILE] FILE|-
//	sitrep eval ud [--model FILE] [--json] TREEBANK.conllu
//	sitrep train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--seed N] [--workers N]
//	sitrep bench [nlp] [--corpus FILE] [--model FILE] [--json] [--cpuprofile FILE]
//	sitrep dict lookup [--date YYYY-MM-DD] [--focus ISO3] [--json] TEXT...
//	sitrep dict check [--defaults] [DIR]
//	sitrep dict import-petrarch [--out FILE] FILE|-
//	sitrep version
//	sitrep help [COMMAND]
//
// main.go dispatches on the first argument; each subcommand lives in a file
// of its own (parse.go, eval.go, train.go, bench.go, dict.go, dictcheck.go,
// dictimport.go, version.go) as a type with its flag set, synopsis, help
// text and run method. Everything runs through
// run(ctx, args, stdin, stdout, stderr), which returns the exit status (0
// success, 1 failure, 2 a wrong command line), so that the tests drive the
// whole CLI in-process and compare its output with the golden files under
// testdata/golden (go test ./cmd/sitrep -update rewrites them).
//
// Errors are one line on standard error, "sitrep: COMMAND: ..." with the
// path of the input at fault; progress is logged with log/slog on standard
// error. SIGINT and SIGTERM cancel the running command.
package main
