package export

import (
	"sitrep/record"
	"sitrep/store"
)

func ptr[T any](v T) *T { return &v }

// sampleEvents are hand-built events that cover the cases the writers
// treat apart: two actors and a city, a missing target and no location
// nor date, a negated event, a US city, a country-level statement without
// a PLOVER type, a region, a protest whose text needs quoting.
func sampleEvents() []store.Event {
	evs := sampleRecords()
	// A merged event's ID is its own (store.Event.ID); here each event is
	// its own representative.
	for i := range evs {
		evs[i].ID, evs[i].Representative = evs[i].Event.ID, evs[i].Event.ID
	}
	return evs
}

func sampleRecords() []store.Event {
	syria := record.Meta{ID: "a1b2c3d4e5f6a7b8", Title: "Shelling in Daraa", Date: ptr("2024-03-05"), Source: "Wire", URL: "https://example.org/daraa"}
	return []store.Event{
		{
			Event: record.Event{
				ID: "a1b2c3d4e5f6-0a1b2c3d", Sentence: 0,
				Evidence: record.Span{Start: 0, End: 68, Text: "Syrian government forces shelled rebel positions in Daraa on Monday."},
				Source:   &record.Actor{Code: "SYRMIL", Text: "Syrian government forces", Country: ptr("SYR"), Role: "MIL", Start: 0, End: 24},
				Target:   &record.Actor{Code: "SYRREB", Text: "rebel positions", Country: ptr("SYR"), Role: "REB", Start: 33, End: 48},
				Verb:     record.Span{Start: 25, End: 32, Text: "shelled"},
				CAMEO:    "194", Root: "19", Plover: "ASSAULT", Quad: 4, Goldstein: -10, Mode: "heavy-weapons",
				Date: ptr("2024-03-04"), DatePrecision: ptr("day"), DateText: ptr("on Monday"),
				Location: &record.Location{Name: "Dar‘ā", GeonamesID: 170905, Country: "SYR", Admin1: "Daraa Governorate",
					Lat: 32.6189, Lon: 36.1021, Feature: "PPLA", Text: "Daraa", Start: 52, End: 57, Precision: "city", How: "clause"},
				Confidence: 0.9, Rule: "verbs.txt:812",
			},
			Article: syria, NumMentions: 4, NumSources: 3, NumArticles: 4,
		},
		{
			Event: record.Event{
				ID: "a1b2c3d4e5f6-11223344", Sentence: 3,
				Evidence: record.Span{Start: 200, End: 236, Text: "Gunmen abducted two aid workers."},
				Source:   &record.Actor{Code: "UAF", Text: "Gunmen", Role: "UAF", Start: 200, End: 206},
				Verb:     record.Span{Start: 207, End: 215, Text: "abducted"},
				CAMEO:    "181", Root: "18", Plover: "ASSAULT", Quad: 4, Goldstein: -9, Mode: "abduct",
				Confidence: 0.6, Rule: "verbs.txt:640",
			},
			Article: record.Meta{ID: "ffeeddccbbaa0099", Title: "Undated", Source: "", URL: ""}, NumMentions: 1, NumSources: 1, NumArticles: 1,
		},
		{
			Event: record.Event{
				ID: "a1b2c3d4e5f6-55667788", Sentence: 1,
				Evidence: record.Span{Start: 70, End: 130, Text: "The UN said it would not withdraw its observers from Daraa province."},
				Source:   &record.Actor{Code: "IGOUNO", Text: "The UN", Start: 70, End: 76},
				Target:   &record.Actor{Code: "SYRGOV", Text: "Damascus", Country: ptr("SYR"), Role: "GOV", Start: 120, End: 128},
				Verb:     record.Span{Start: 95, End: 103, Text: "withdraw"},
				CAMEO:    "0874", Root: "08", Plover: "RETREAT", Quad: 2, Goldstein: 10, Mode: "disarm",
				Date: ptr("2024-03-05"), DatePrecision: ptr("publication"), Negated: true,
				Location: &record.Location{Name: "Daraa Governorate", GeonamesID: 170903, Country: "SYR", Admin1: "Daraa Governorate",
					Lat: 32.8499, Lon: 36.1818, Feature: "ADM1", Text: "Daraa province", Start: 115, End: 129, Precision: "region", How: "clause"},
				Confidence: 0.5, Rule: "verbs.txt:301 negated",
			},
			Article: syria, NumMentions: 1, NumSources: 1, NumArticles: 1,
		},
		{
			Event: record.Event{
				ID: "0099aabbccdd-99aabbcc", Sentence: 0,
				Evidence: record.Span{Start: 0, End: 80, Text: "Protesters marched in Minneapolis, chanting \"no more\"\tagainst\nthe police."},
				Source:   &record.Actor{Code: "USA", Text: "Protesters", Country: ptr("USA"), Start: 0, End: 10},
				Target:   &record.Actor{Code: "USACOP", Text: "the police", Country: ptr("USA"), Role: "COP", Start: 68, End: 78},
				Verb:     record.Span{Start: 11, End: 18, Text: "marched"},
				CAMEO:    "141", Root: "14", Plover: "PROTEST", Quad: 3, Goldstein: -6.5, Mode: "demonstrate",
				Date: ptr("2020-05-28"), DatePrecision: ptr("week"), DateText: ptr("last week"),
				Location: &record.Location{Name: "Minneapolis", GeonamesID: 5037649, Country: "USA", Admin1: "Minnesota",
					Lat: 44.98, Lon: -93.2638, Feature: "PPLA2", Text: "Minneapolis", Start: 22, End: 33, Precision: "city", How: "clause"},
				Confidence: 0.8, Rule: "verbs.txt:1201",
			},
			Article:     record.Meta{ID: "0099aabbccddeeff", Title: "Protests", Date: ptr("2020-06-01"), Source: "Star, Tribune", URL: "https://example.com/a?b=1&c=2"},
			NumMentions: 2, NumSources: 2, NumArticles: 2,
		},
		{
			Event: record.Event{
				ID: "1234567890ab-deadbeef", Sentence: 5,
				Evidence: record.Span{Start: 300, End: 350, Text: "Syrian Islamist rebels and Kurdish fighters spoke."},
				Source:   &record.Actor{Code: "SYRREBMUS", Text: "Syrian Islamist rebels", Country: ptr("SYR"), Role: "REB", Start: 300, End: 322},
				Target:   &record.Actor{Code: "KURUAF", Text: "Kurdish fighters", Role: "UAF", Start: 327, End: 343},
				Verb:     record.Span{Start: 344, End: 349, Text: "spoke"},
				CAMEO:    "010", Root: "01", Quad: 1,
				Date: ptr("2019-12-31"), DatePrecision: ptr("year"),
				Location: &record.Location{Name: "Syria", GeonamesID: 163843, Country: "SYR", Lat: 35.0229, Lon: 38.5045,
					Feature: "PCLI", Precision: "country", How: "article"},
				Confidence: 0.3, Rule: "verbs.txt:12",
			},
			Article:     record.Meta{ID: "1234567890abcdef", Title: "Talk", Date: ptr("2020-01-02"), Source: "Agency", URL: "https://example.net/talk"},
			NumMentions: 1, NumSources: 1, NumArticles: 1,
		},
		{
			Event: record.Event{
				ID: "abcdefabcdef-01020304", Sentence: 2,
				Evidence: record.Span{Start: 90, End: 150, Text: "Ukrainian troops retook villages in the Kharkiv region."},
				Source:   &record.Actor{Code: "UKRMIL", Text: "Ukrainian troops", Country: ptr("UKR"), Role: "MIL", Start: 90, End: 106},
				Verb:     record.Span{Start: 107, End: 113, Text: "retook"},
				CAMEO:    "192", Root: "19", Plover: "COERCE", Quad: 4, Goldstein: -9.5, Mode: "seize",
				Date: ptr("2022-09-10"), DatePrecision: ptr("month"),
				Location: &record.Location{Name: "Kharkiv Oblast", GeonamesID: 706482, Country: "UKR", Admin1: "Kharkiv Oblast",
					Lat: 49.5737, Lon: 36.3441, Feature: "ADM1", Text: "Kharkiv region", Start: 130, End: 144, Precision: "region", How: "clause"},
				Confidence: 0.7, Rule: "verbs.txt:2001",
			},
			Article:     record.Meta{ID: "abcdefabcdef0000", Title: "Counteroffensive", Date: ptr("2022-09-11"), Source: "Wire", URL: "https://example.org/kharkiv"},
			NumMentions: 3, NumSources: 2, NumArticles: 3,
		},
	}
}
