// Package server is sitrep's HTTP JSON API over a store.Store, the one
// `sitrep serve` and `sitrep demo` expose. New returns the handler;
// ListenAndServe runs it with timeouts and a graceful shutdown.
//
// Endpoints (all GET; the embedded OpenAPI 3.1 document at
// /api/openapi.json describes them field by field):
//
//	/api/events          one page of merged events, newest first
//	/api/events/{id}     a merged event with every mention and its evidence
//	/api/articles/{id}   an article's record, body and dedup facts
//	/api/stats           counts by day and by type
//	/api/export          every selected event as gdelt, plover, acled, geojson or csv
//	/api/openapi.json    the OpenAPI document
//	/healthz             {"status": "ok"} while the store answers
//
// Events, stats and export take the same filters: actor (CAMEO actor code
// prefix), country (ISO alpha-3), root (CAMEO root) or cameo (CAMEO code
// prefix), plover (PLOVER type), from and to (YYYY-MM-DD, inclusive), bbox
// (minLon,minLat,maxLon,maxLat) and q (words that must all occur in the
// article; "quoted phrases" and prefix* allowed, nothing else is syntax).
// Events also takes limit (1 to 1000, default 100) and cursor.
//
// What the API promises:
//
//   - Each event has the shape of a `sitrep code` event, plus "article"
//     (the article's metadata) and num_mentions, num_sources and
//     num_articles (how often the merged event was reported).
//   - Pages chain by cursor: follow "next" until it is null. A page never
//     repeats or skips an event that existed when the first was read.
//   - Errors are {"error": message}. A bad parameter gives 400 and the
//     message names it ("bad parameter \"from\": want YYYY-MM-DD").
//     Unknown parameters, and a parameter given twice, are rejected, so a
//     misspelt filter is never silently ignored; an empty value counts as
//     absent. Unknown IDs give 404, unknown paths under /api/ 404 and
//     methods other than GET and HEAD 405. Internal errors give 500 with
//     the message "internal error"; their detail goes to Options.Logger.
//   - Every request is logged (method, URL, status, bytes, duration), and a
//     panicking handler answers 500 rather than killing the server.
//   - Exports stream through package export's writers (Options.Export
//     tunes them), with trailers Sitrep-Written and Sitrep-Skipped; an
//     error after the first bytes cuts the connection rather than end a
//     short file cleanly.
//   - Everything outside /api/ and /healthz goes to Options.UI, the web
//     page, when one is given.
package server
