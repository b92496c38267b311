// Package export writes merged events in the formats other event data
// tools read: GDELT 2.0 Events, PLOVER JSON Lines, ACLED-style CSV, GeoJSON
// and a plain CSV.
//
// What goes in: store.Event values, one at a time, as store.Store.EachEvent
// hands them out. What comes out: bytes on an io.Writer. A Writer keeps no
// event after Write returns (a few buffers of fixed size, reused), so a
// million events export in the memory of one; TestBoundedMemory checks it
// on 100,000.
//
//	w, err := export.NewWriter(export.GDELT, os.Stdout, nil)
//	...
//	err = st.EachEvent(ctx, q, w.Write)
//	err = w.Close() // flushes; the GeoJSON footer
//
// Written and Skipped count what was written and what the format cannot
// hold: GeoJSON skips events without a location (or with a point outside
// WGS84's ranges), ACLED events that are no ACLED event type. The other
// formats write every event. PLOVER and GeoJSON refuse an event with a NaN
// or infinite number (JSON has none) with an error naming it and go on.
//
// # Data
//
// Three files, embedded from export/data and overridable by LoadTables or
// LoadTablesDir, every bad line reported as "file:line: message":
//
//	countries.txt  ISO3, ISO2, numeric, FIPS 10-4 and name of 252 countries
//	               (generated from GeoNames countryInfo; TestCountriesFile
//	               checks it against ../shared and -update rebuilds it)
//	regions.txt    ACLED's regions, each with its ISO3 codes (by hand)
//	acled.txt      CAMEO code prefixes → ACLED disorder, event and sub-event
//	               type (by hand)
//
// What each three-character segment of an actor code is (country, role,
// organization, religion, ethnic group) comes from actor's roles.txt and
// codes.txt.
//
// # GDELT 2.0 Events
//
// One row an event, 61 tab-separated columns in the codebook's order
// (GDELTColumns), no header, "\n" after each row. Conventions followed:
//
//   - GLOBALEVENTID is NumericID of the event ID: a stable positive int64
//     (FNV-1a, sign bit cleared), not GDELT's sequence number.
//   - SQLDATE YYYYMMDD, MonthYear YYYYMM, Year YYYY and FractionDate
//     YYYY.FFFF are the event's date (its first day for a week, month or
//     year; the article's for "publication"). FractionDate is the share of
//     the year before the day, so December 31st stays in its year. An
//     undated event has the four columns empty; GDELT has none such.
//   - Actor codes are split into three-character segments: a leading
//     country, historic state or region is CountryCode (CAMEO codes,
//     ISO3-like: SYR, not FIPS), the first organization KnownGroupCode
//     (UNO), an ethnic group EthnicCode (KUR), religions Religion1Code and
//     Religion2Code, roles and organization types Type1Code–Type3Code (GOV,
//     MIL, IGO), all in the code's order. ActorName is the words the article
//     named the actor with, in upper case (GDELT: the dictionary's name).
//     An absent actor leaves its ten columns empty.
//   - IsRootEvent is 1 for an event of the article's first sentence
//     (GDELT: its first paragraph; sitrep keeps no paragraphs).
//   - EventCode, EventBaseCode (the first three digits) and EventRootCode
//     keep their leading zeros; QuadClass and GoldsteinScale (one decimal)
//     are the ontology's.
//   - NumMentions, NumSources and NumArticles are the merged counts.
//   - AvgTone is 0: sitrep has no tone model.
//   - Actor1Geo_* and Actor2Geo_* are type 0 with empty fields: sitrep
//     places events, not actors.
//   - ActionGeo_Type is 1 for a country, 5 for a first-level region (2 in
//     the United States), 4 for a city or a part of one (3 in the United
//     States), 0 without a location. FullName is "Name, Admin1, Country"
//     without repeats ("Daraa Governorate, Syria"; a country's name alone).
//     CountryCode is FIPS 10-4 ("SY", "UP" for Ukraine, "UK" for the United
//     Kingdom), from countries.txt; empty for the few territories without
//     one. ADM1Code is the FIPS country code followed by the GeoNames admin1
//     code of the place when Options.Gazetteer is set ("SY06", "USMN"):
//     GeoNames' admin1 codes are FIPS 10-4 for most countries, as GDELT's
//     are, but ISO 3166-2 or national codes for some (GB, FR, ES, IT, BE,
//     CH, ...), where ours differ from GDELT's. Without a gazetteer, or for
//     a country, ADM1Code is the country code alone, as GDELT writes it for
//     a country. ADM2Code is empty. Lat and Long have four decimals.
//     FeatureID is, as in GDELT, the country code for a country and the
//     ADM1 code for a region, but for a city the GeoNames id where GDELT
//     gives a GNS or GNIS feature id.
//   - DATEADDED is the article's publication date at 00:00:00
//     (YYYYMMDDHHMMSS; GDELT: the 15-minute batch that added the event);
//     empty when the article has no date.
//   - SOURCEURL is the article's URL.
//   - Tabs and line breaks inside a field are written as spaces.
//
// # PLOVER JSON Lines
//
// One JSON object a line, in the manner of PLOVER's JSON records and the
// POLECAT data set: id, date and date_precision, event_type (the PLOVER
// type; null for CAMEO 01, which PLOVER drops), mode (null for none),
// context (the ontology's PLOVER contexts of the code, [] for none),
// negated, quad_code, goldstein, actor and recipient ({name as written,
// CAMEO code, ISO3 country or null, sectors: the role and type segments},
// or null), location (name, GeoNames id, ISO3 country, admin1, lat, lon,
// feature code, precision; or null), text (the evidence sentence), verb,
// cameo (the CAMEO code, for reference), dead (Options.Fatalities),
// the merged counts and the article (id, date, source, url).
//
// # ACLED-style CSV
//
// A header and one row an ACLED event (ACLEDColumns), RFC 4180 quoting,
// "\n" line ends. Only what sitrep can derive is filled:
//
//   - The row is written only when acled.txt maps the CAMEO code
//     (violence, protest, riots, arrests, property destruction, a few
//     agreements and transfers of territory) and the event is not negated:
//     ACLED records what happened. CAMEO 192 (occupy territory) is
//     "Government regains territory" for a state force, else "Non-state
//     actor overtakes territory".
//   - event_id_cnty is the location's ISO3 code (the source actor's
//     country without a location; XXX without either) and NumericID.
//     event_date is YYYY-MM-DD (ACLED's API form), time_precision 1 for a
//     day, 2 for a week or a publication date, 3 for a month or a year.
//   - actor1 and actor2 follow ACLED's names where the code allows
//     ("Military Forces of Syria", "Police Forces of United States",
//     "Government of Syria", "Protesters (Syria)", "Civilians (Syria)"),
//     else the article's words. assoc_actor_1 and assoc_actor_2 are empty.
//     inter1 and inter2 are ACLED's numeric actor types from the code: 1
//     state forces (GOV, MIL, COP, SPY, JUD, or a bare country), 2 rebels
//     (REB, INS, SEP), 3 political militias (UAF), 4 identity militias (UAF
//     with an ethnic group or religion, or an ethnic or religious group
//     alone), 5 rioters and 6 protesters (the source of a riot or protest),
//     7 civilians (any other role), 8 external and other forces (IGO, NGO,
//     IMG, MNC, regions), 0 for no actor. interaction is the two, lower
//     first ("12"), or the one followed by 0 ("60").
//   - iso is the ISO 3166-1 numeric code, region from regions.txt, country
//     the English name; admin1, location, latitude, longitude (four
//     decimals) and geo_precision (1 city, 2 region, 3 country) come from
//     the location.
//   - source is the article's source; source_scale is empty (sitrep knows
//     no publisher's scale). notes is the evidence sentence. fatalities is
//     Options.Fatalities, 0 without it: store.Event does not carry the
//     article's killed counts, and the caller that has them links them.
//     timestamp is the Unix time of the article's publication date.
//   - ACLED's admin2, admin3, civilian_targeting and tags columns are left
//     out.
//
// # GeoJSON
//
// An RFC 7946 FeatureCollection, streamed: the header with the first
// feature, one Feature a line, the footer at Close (an empty collection
// when no event had a location). Each Feature has the event ID as id, a
// Point geometry [lon, lat] and the event's fields, flat, as properties.
// Events without a location are skipped and counted (Skipped), not written
// with a null geometry, so that every feature can be drawn.
//
// # CSV
//
// A header and one row an event with the main fields (CSVColumns),
// RFC 4180 quoting by encoding/csv, "\n" line ends; absent values (no
// actor, date or location) are empty fields; numbers as Go formats them
// shortest.
package export
