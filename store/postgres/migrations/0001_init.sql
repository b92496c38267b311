-- The first schema, the same as store/sqlite's 0001_init.sql but for the
-- full-text index (a tsvector column) and the merge windows of mentions
-- (root, day_from, day_to) that Remerge finds the mentions to recompute
-- by. Every table but schema_version is written by Put in one
-- transaction; seq columns keep the order things were added. Keys and
-- dates are COLLATE "C": they sort by bytes, as in SQLite.

CREATE TABLE articles (
	seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id        text COLLATE "C" NOT NULL UNIQUE,
	title     text NOT NULL,
	date      text COLLATE "C",  -- YYYY-MM-DD, NULL unknown
	date_from text NOT NULL,
	source    text NOT NULL,
	url       text NOT NULL,
	body      text NOT NULL,
	record    text NOT NULL,     -- the record.Article JSON, as Put
	duplicate boolean NOT NULL,  -- dedup found an exact or near copy
	fts       tsvector NOT NULL  -- the words of title and body (see fts.go)
);
CREATE INDEX articles_fts ON articles USING gin (fts);

CREATE TABLE dedup (
	article    bigint PRIMARY KEY REFERENCES articles(seq),
	exact_of   text NOT NULL,
	near_of    text NOT NULL,
	similarity double precision NOT NULL,
	original   text NOT NULL,
	stitched   boolean NOT NULL,
	copied     double precision NOT NULL,
	sources    text NOT NULL,    -- JSON array of article IDs
	sentences  text NOT NULL     -- JSON array of store.SentenceOrigin
);

CREATE TABLE fingerprints (
	article bigint PRIMARY KEY REFERENCES articles(seq),
	bytes   bytea NOT NULL
);

CREATE TABLE sentences (
	article bigint NOT NULL REFERENCES articles(seq),
	idx     integer NOT NULL,
	start   integer NOT NULL,
	"end"   integer NOT NULL,
	text    text NOT NULL,
	PRIMARY KEY (article, idx)
);

-- One row per coded event of an article: a mention in GDELT's sense.
-- root, day_from and day_to are the mention's merge window (see
-- store.WindowOf): the mentions a new one can merge with share its root
-- and overlap its days.
CREATE TABLE mentions (
	seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           text COLLATE "C" NOT NULL UNIQUE,
	article      bigint NOT NULL REFERENCES articles(seq),
	sentence     integer NOT NULL,
	start        integer NOT NULL,  -- the evidence sentence's span
	"end"        integer NOT NULL,
	merged       text COLLATE "C" NOT NULL,
	original     text NOT NULL,
	source       text NOT NULL,     -- publisher
	source_actor text NOT NULL,
	target_actor text NOT NULL,
	code         text NOT NULL,
	geonames_id  integer NOT NULL,
	lat          double precision,  -- NULL: NaN
	lon          double precision,
	radius       double precision NOT NULL,
	country      text NOT NULL,
	date         text NOT NULL,
	precision    text NOT NULL,
	record       text NOT NULL,     -- the record.Event JSON
	root         text COLLATE "C" NOT NULL,
	day_from     integer NOT NULL,  -- days since 1970-01-01
	day_to       integer NOT NULL,
	remerged     boolean NOT NULL DEFAULT false
);
CREATE INDEX mentions_merged ON mentions(merged, seq);
CREATE INDEX mentions_article ON mentions(article, merged); -- covers the full-text filter
CREATE INDEX mentions_window ON mentions(root, day_from, day_to);
CREATE INDEX mentions_pending ON mentions(seq) WHERE NOT remerged;

-- Merged events, with their representative's facts copied out for
-- filtering. sort_date is the date when first stored, and never changes.
CREATE TABLE events (
	seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id             text COLLATE "C" NOT NULL UNIQUE,
	representative text COLLATE "C" NOT NULL,
	num_mentions   integer NOT NULL,
	num_sources    integer NOT NULL,
	num_articles   integer NOT NULL,
	sort_date      text COLLATE "C" NOT NULL,    -- '' undated
	date           text COLLATE "C" NOT NULL,    -- '' undated
	root           text COLLATE "C" NOT NULL,
	plover         text COLLATE "C" NOT NULL,
	quad           integer NOT NULL,
	source_code    text COLLATE "C" NOT NULL,
	target_code    text COLLATE "C" NOT NULL,
	source_country text NOT NULL,
	target_country text NOT NULL,
	loc_country    text NOT NULL,
	lat            double precision,             -- NULL: no location
	lon            double precision
);
CREATE INDEX events_order ON events(sort_date DESC, id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root ON events(root, sort_date DESC, id);
CREATE INDEX events_plover ON events(plover, sort_date DESC, id);
CREATE INDEX events_lat ON events(lat, lon);

-- Actors named in an article: event sources and targets, quote speakers.
CREATE TABLE actors (
	article bigint NOT NULL REFERENCES articles(seq),
	mention text NOT NULL,           -- event ID; '' for a speaker
	slot    text NOT NULL,           -- source, target, speaker
	code    text NOT NULL,
	country text NOT NULL,
	role    text NOT NULL,
	start   integer NOT NULL,
	"end"   integer NOT NULL,
	text    text NOT NULL
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_article ON actors(article);

CREATE TABLE places (
	article     bigint NOT NULL REFERENCES articles(seq),
	idx         integer NOT NULL,
	sentence    integer NOT NULL,
	start       integer NOT NULL,
	"end"       integer NOT NULL,
	text        text NOT NULL,
	role        text NOT NULL,
	geonames_id integer,             -- NULL unresolved
	name        text,
	country     text,
	lat         double precision,
	lon         double precision,
	confidence  double precision NOT NULL,
	PRIMARY KEY (article, idx)
);
CREATE INDEX places_geonames ON places(geonames_id);

CREATE TABLE quotes (
	article      bigint NOT NULL REFERENCES articles(seq),
	idx          integer NOT NULL,
	sentence     integer NOT NULL,
	start        integer NOT NULL,
	"end"        integer NOT NULL,
	text         text NOT NULL,
	direct       boolean NOT NULL,
	speaker_code text,               -- NULL no speaker
	speaker_text text,
	PRIMARY KEY (article, idx)
);

CREATE TABLE counts (
	article     bigint NOT NULL REFERENCES articles(seq),
	idx         integer NOT NULL,
	sentence    integer NOT NULL,
	start       integer NOT NULL,
	"end"       integer NOT NULL,
	text        text NOT NULL,
	type        text NOT NULL,
	number      bigint NOT NULL,
	qualifier   text NOT NULL,
	approx      boolean NOT NULL,
	object      text NOT NULL,
	mention     text NOT NULL,       -- event ID, '' none
	geonames_id integer,
	PRIMARY KEY (article, idx)
);
CREATE INDEX counts_type ON counts(type);
