// Package geo is sitrep's gazetteer: the countries, first-level regions,
// curated areas and populated places an event can happen in, found by name.
//
// What goes in: names ("Daraa", "Deraa province", "Russian Federation") for
// [Gazetteer.Lookup], codes for [Gazetteer.Country] and [Gazetteer.Admin1],
// tokenized text ([nlp.Token]s) for [Gazetteer.Match]. What comes out:
// [Place]s with a GeoNames id, display name, ISO 3166-1 alpha-3 country,
// admin1 code and name, latitude, longitude, radius, feature code,
// population and [Kind]; a parsed [nlp.Doc] for [Resolver.Resolve] and
// [Resolver.ResolveFocus], which find every place mention of a text and
// choose among the candidates (see Resolving places below).
//
// # Data
//
// [Default] decodes the data embedded from geo/data once; [Load] and
// [LoadDir] read replacements for any of its files:
//
//	countries.txt   249 countries and territories: ISO codes, names, centroid, capital (generated)
//	admin1.txt      3,935 first-level regions with every usual English form (generated)
//	places.txt.gz   199,568 populated places of GeoNames cities500 (generated)
//	regions.txt     curated areas (Golan Heights, Donbas, Sinai...) and extra names (by hand)
//	stoplist.txt    place names that are common English words (by hand)
//	phrases.txt     the words the resolver reads around names: compass words, type words, cues, borders (by hand)
//	demonyms.txt    demonyms by country, for containers and focus ("the Iraqi town of Sinjar") (by hand)
//
// geo/gen.go builds the generated files from ../shared (GeoNames, the ISO
// lists, iso3166-2-db, Natural Earth; see NOTICE); each file's header gives
// its columns; `go generate ./geo` reruns it. Coordinates: a city's are
// GeoNames'; a country's are the centroid of its largest Natural Earth
// polygon (the capital, or the middle of its places, for the ten small
// territories Natural Earth lacks), with the radius of a disc of its area; a region's are the middle of the box around its populated
// places, isolated ones left out, with the radius holding 90% of them (the
// country's for the 196 small regions without a place in cities500); an area's are
// estimated by hand, as regions.txt says for each.
//
// Every bad line of every file is reported as "file:line: message"
// (columns, codes, coordinates out of range, unknown countries and regions,
// duplicate ids and codes), not just the first.
//
// # Names
//
// All names are compared after [nlp.Fold]: lower case, no diacritics, no
// apostrophes ("Dar‘ā", "Dar'a" and "Dara" are one name; "al-Bab" keeps its
// hyphen). A city is found by its GeoNames name, its ASCII name and its
// Latin-script alternate names, without codes, romanizations of other
// scripts and long descriptions; places in Arabic-speaking countries also by
// the article spellings news uses ("Ar Raqqah": "ar-raqqah", "al-raqqah",
// "raqqah"). A region is found by its names (GeoNames, ISO 3166-2 English,
// Wikipedia title), the transliterations of its seat's names ("Deraa",
// "Dar'a"), each bare and with its type word and "province", oblasts also
// with "region" ("Daraa Governorate", "Daraa province", "Idlib province",
// "Donetsk oblast", "Donetsk region"). A country is found by its English names and aliases ("Syria",
// "Syrian Arab Republic", "UK", "U.S."), not by demonyms.
//
// # Order
//
// Lookup and Match give the candidates of a name most likely first, by a
// prior that knows nothing of the text: countries first, then regions,
// curated areas and cities, each by population, largest first. So "Jordan"
// is the country before the towns of that name in Minnesota and the
// Philippines, and before the Jordan River, which is found as "Jordan
// River". One exception: the seat of a region named like it comes just
// before the region, because news that names a city and its region alike
// most often means the city: "Daraa" is the city of Daraa, then Daraa
// Governorate; "Damascus" the capital, then its governorate. A resolver
// that knows the article's countries and other places should re-rank.
//
// # Matching text
//
// [Gazetteer.Match] walks the name index as a trie over folded token
// sequences and returns the longest names, left to right, never
// overlapping, with token and byte spans. A name is reported only if it
// contains a capital letter in the text; names of the stop-list, which are
// also common English words ("Of", "Police", "Nice"), must also meet their
// [Policy].
//
// Guarantees: a Gazetteer is safe for concurrent use and never changes after
// loading; Lookup does not allocate for Latin-script names of up to 64
// bytes; Match returns spans inside the tokens it was given, ordered and
// non-overlapping; nothing panics on bad input.
//
// # Resolving places
//
// A [Resolver] reads a segmented, tokenized and preferably parsed text and
// returns its place [Mention]s in text order, never overlapping: gazetteer
// names (with the type word after or before them: "Daraa province", "the
// city of Homs"), capitalised names after a locative preposition that the
// gazetteer lacks (a mention without a Place), parts of places by compass
// word ("southern Syria", "the southwest", "the north of the country"),
// border areas ("near the border with Jordan", "the Syrian-Jordanian
// border") and the places of hyphenated modifiers ("a Beirut-based
// monitor"). Demonyms are no mentions.
//
// Each name's candidates are scored on their kind, population, feature,
// type word, the story's countries (given, or inferred from the text's
// places, country names and demonyms, earlier sentences weighing more),
// the distance to the story's other places, containers ("Syria's Daraa
// Governorate", "Paris, Texas", "the Iraqi town of Sinjar") and list
// siblings; the mentions of one name resolve alike. Derived places (parts
// and border areas, ID 0) are computed once per Resolver and shared. A
// mention's Role is location after a locative cue, actor for a country (or
// a capital that acts) that the grammar makes a subject, object, agent or
// possessor ("Jordan is delivering aid"), else other. Precision, Cue,
// Confidence and Why say the rest. [Place.Admin1Name] names the region of
// a resolved place.
//
// Accuracy, measured by the tests: on GeoVirus (2,167 gold toponyms of
// Wikinews outbreak reports, read from ../shared) recall 95%, resolved
// within 161 km of the gold point 75% of those found (99.7% of those with
// a candidate that close), within 161 km of the resolved place's extent
// 95%, right country 97%; on the enrichment corpus (../testdata/enrich,
// 228 gold places written apart from the resolver) found 97%, right place
// 90%, right country 97%, right precision 91%, right role 95%; on
// testdata/resolve.txt (56 conflict reports, 128 gold mentions, written
// while the rules were) 100%. Resolving costs about 5% of what parsing
// does: a few hundred ns a token (BenchmarkResolve).
package geo

//go:generate go run gen.go -shared ../../shared -q
