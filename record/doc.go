// Package record is sitrep's output contract: the record of one coded
// article, as the CLI prints it and as the store, the API and the exports
// will keep and serve it.
//
// What goes in: an article, its body annotated by package nlp (sentences
// and tokens of [article.Article.Body]), the events package event coded in
// it, and the ontology that describes their codes. What comes out: an
// [Article] whose JSON form is
//
//	{"article":   {"id", "title", "date", "source", "url"},
//	 "sentences": [{"index", "start", "end", "text"}],
//	 "events":    [{"id", "sentence", "evidence": {"start", "end", "text"},
//	                "source": {"code", "text", "country", "role", "start", "end"} | null,
//	                "target": {...} | null,
//	                "verb": {"start", "end", "text"},
//	                "cameo", "root", "plover", "quad_class", "goldstein",
//	                "date", "date_precision", "date_text", "location": {...} | null,
//	                "negated", "mode", "confidence", "rule"}],
//	 "quotes":    [{"sentence", "start", "end", "text", "direct",
//	               "speaker": {actor} | null, "verb": {span} | null}],
//	 "counts":    [{"sentence", "start", "end", "text", "type", "number",
//	               "qualifier", "approx", "object", "location", "event"}],
//	 "places":    [{"sentence", "start", "end", "text", "role",
//	               "location": {...} | null, "confidence"}]}
//
// where a location is {"name", "geonames_id", "country", "admin1", "lat",
// "lon", "feature", "text", "start", "end", "precision", "how"}.
//
// Guarantees:
//
//   - Every start and end is a half-open byte offset into the article's
//     body, and every text is body[start:end]: an annotation can always be
//     found in, and highlighted on, the text it came from.
//   - Events are in text order (by sentence, then by the verb's offset).
//   - Arrays are [] when empty, never null; a value that is unknown is null
//     (an undated article's date, an actor slot no one fills) or "" for a
//     string with nothing in it (an event without a PLOVER mode).
//   - CAMEO codes are strings ("190", "0233"), never numbers.
//   - An actor's country is an ISO 3166-1 alpha-3 code or null: actors led
//     by a region (AFR), an organization type (IGO, NGO), a historic state
//     (SUN) or nothing (an incomplete "REB") have none.
//   - An event's ID is stable: the same event coded in the same article
//     gets the same ID in every run (see [EventID]).
//
// New builds the record of the events alone: each dated by the article's
// date (precision "publication"), without location, and with no places,
// counts or quotes. NewEnriched adds what an enrich.Scene found: each
// event's location (with how it was chosen and how precise it is) and its
// date from the text (with its words in date_text), and the article's
// place mentions, casualty and displacement counts (linked to their event
// where the grammar shows it) and quotes with their speakers.
package record
