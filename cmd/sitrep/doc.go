// Command sitrep turns conflict news into event data: it codes articles
// (code), ingests them into a deduplicated SQLite database (ingest),
// exports and serves it (export, serve, demo), measures itself (bench),
// and holds the tools of the NLP core (parse, eval, train) and of the
// dictionaries (dict).
//
// Usage:
//
//	sitrep demo [--addr HOST:PORT] [--db FILE]
//	sitrep code [--date YYYY-MM-DD] [--format json|tsv|table] [--dict DIR] [--no-enrich] FILE...|-
//	sitrep ingest [--db FILE] [--date YYYY-MM-DD] [--source NAME] [--dict DIR] [--watch INTERVAL] [--json] SOURCE...
//	sitrep export [--db FILE] [--format gdelt|plover|acled|geojson|csv] [--out FILE] [filters]
//	sitrep serve [--db FILE] [--addr HOST:PORT]
//	sitrep bench [ingest] [--articles N] [--seed N] [--db FILE] [--json]
//	sitrep parse [--input text|conllu] [--format conllu|json] [--model FILE] FILE|-
//	sitrep eval ud [--model FILE] [--json] TREEBANK.conllu
//	sitrep train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--seed N] [--workers N]
//	sitrep bench nlp [--corpus FILE] [--model FILE] [--json] [--cpuprofile FILE]
//	sitrep dict lookup [--date YYYY-MM-DD] [--focus ISO3] [--json] TEXT...
//	sitrep dict check [--defaults] [DIR]
//	sitrep dict import-petrarch [--out FILE] FILE|-
//	sitrep version
//	sitrep help [COMMAND]
//
// main.go dispatches on the first argument; each subcommand lives in a file
// of its own (code.go, ingestcmd.go, exportcmd.go, serve.go (serve and
// demo), benchingest.go, parse.go, eval.go, train.go, bench.go, dict.go,
// dictcheck.go, dictimport.go, version.go); wire.go runs the coding stages
// on every core and ingest.go adds deduplication and the store as a type with its flag set, synopsis, help
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
