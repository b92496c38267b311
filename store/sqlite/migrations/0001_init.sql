-- The first schema. Every table but schema_version is written by Put in one
-- transaction; seq columns keep the order things were added.

CREATE TABLE articles (
	seq       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	title     TEXT NOT NULL,
	date      TEXT,              -- YYYY-MM-DD, NULL unknown
	date_from TEXT NOT NULL,
	source    TEXT NOT NULL,
	url       TEXT NOT NULL,
	body      TEXT NOT NULL,
	record    TEXT NOT NULL,     -- the record.Article JSON, as Put
	duplicate INTEGER NOT NULL   -- 1 when dedup found an exact or near copy
);

-- The article's text for full-text search; rowid = articles.seq.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='seq');

CREATE TABLE dedup (
	article    INTEGER PRIMARY KEY REFERENCES articles(seq),
	exact_of   TEXT NOT NULL,
	near_of    TEXT NOT NULL,
	similarity REAL NOT NULL,
	original   TEXT NOT NULL,
	stitched   INTEGER NOT NULL,
	copied     REAL NOT NULL,
	sources    TEXT NOT NULL,    -- JSON array of article IDs
	sentences  TEXT NOT NULL     -- JSON array of store.SentenceOrigin
);

CREATE TABLE fingerprints (
	article INTEGER PRIMARY KEY REFERENCES articles(seq),
	bytes   BLOB NOT NULL
);

CREATE TABLE sentences (
	article INTEGER NOT NULL REFERENCES articles(seq),
	idx     INTEGER NOT NULL,
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL,
	PRIMARY KEY (article, idx)
);

-- One row per coded event of an article: a mention in GDELT's sense.
CREATE TABLE mentions (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	article      INTEGER NOT NULL REFERENCES articles(seq),
	sentence     INTEGER NOT NULL,
	start        INTEGER NOT NULL,  -- the evidence sentence's span
	"end"        INTEGER NOT NULL,
	merged       TEXT NOT NULL,
	original     TEXT NOT NULL,
	source       TEXT NOT NULL,     -- publisher
	source_actor TEXT NOT NULL,
	target_actor TEXT NOT NULL,
	code         TEXT NOT NULL,
	geonames_id  INTEGER NOT NULL,
	lat          REAL,              -- NULL: NaN
	lon          REAL,
	radius       REAL NOT NULL,
	country      TEXT NOT NULL,
	date         TEXT NOT NULL,
	precision    TEXT NOT NULL,
	record       TEXT NOT NULL      -- the record.Event JSON
);
CREATE INDEX mentions_merged ON mentions(merged, seq);
CREATE INDEX mentions_article ON mentions(article, merged); -- covers the full-text filter

-- Merged events, with their representative's facts copied out for
-- filtering. sort_date is the date when first stored, and never changes.
CREATE TABLE events (
	seq            INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	representative TEXT NOT NULL,
	num_mentions   INTEGER NOT NULL,
	num_sources    INTEGER NOT NULL,
	num_articles   INTEGER NOT NULL,
	sort_date      TEXT NOT NULL,    -- '' undated
	date           TEXT NOT NULL,    -- '' undated
	root           TEXT NOT NULL,
	plover         TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	source_code    TEXT NOT NULL,
	target_code    TEXT NOT NULL,
	source_country TEXT NOT NULL,
	target_country TEXT NOT NULL,
	loc_country    TEXT NOT NULL,
	lat            REAL,             -- NULL: no location
	lon            REAL
);
CREATE INDEX events_order ON events(sort_date DESC, id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root ON events(root, sort_date DESC, id);
CREATE INDEX events_plover ON events(plover, sort_date DESC, id);
-- No index on the actor codes: an actor prefix ("SYR") is common, and
-- walking events_order beats sorting the matches from two indexes.
CREATE INDEX events_lat ON events(lat, lon);

-- Actors named in an article: event sources and targets, quote speakers.
CREATE TABLE actors (
	article INTEGER NOT NULL REFERENCES articles(seq),
	mention TEXT NOT NULL,           -- event ID; '' for a speaker
	slot    TEXT NOT NULL,           -- source, target, speaker
	code    TEXT NOT NULL,
	country TEXT NOT NULL,
	role    TEXT NOT NULL,
	start   INTEGER NOT NULL,
	"end"   INTEGER NOT NULL,
	text    TEXT NOT NULL
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_article ON actors(article);

CREATE TABLE places (
	article     INTEGER NOT NULL REFERENCES articles(seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	text        TEXT NOT NULL,
	role        TEXT NOT NULL,
	geonames_id INTEGER,             -- NULL unresolved
	name        TEXT,
	country     TEXT,
	lat         REAL,
	lon         REAL,
	confidence  REAL NOT NULL,
	PRIMARY KEY (article, idx)
);
CREATE INDEX places_geonames ON places(geonames_id);

CREATE TABLE quotes (
	article      INTEGER NOT NULL REFERENCES articles(seq),
	idx          INTEGER NOT NULL,
	sentence     INTEGER NOT NULL,
	start        INTEGER NOT NULL,
	"end"        INTEGER NOT NULL,
	text         TEXT NOT NULL,
	direct       INTEGER NOT NULL,
	speaker_code TEXT,               -- NULL no speaker
	speaker_text TEXT,
	PRIMARY KEY (article, idx)
);

CREATE TABLE counts (
	article     INTEGER NOT NULL REFERENCES articles(seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	text        TEXT NOT NULL,
	type        TEXT NOT NULL,
	number      INTEGER NOT NULL,
	qualifier   TEXT NOT NULL,
	approx      INTEGER NOT NULL,
	object      TEXT NOT NULL,
	mention     TEXT NOT NULL,       -- event ID, '' none
	geonames_id INTEGER,
	PRIMARY KEY (article, idx)
);
CREATE INDEX counts_type ON counts(type);
