package export_test

import (
	"fmt"
	"os"

	"sitrep/export"
	"sitrep/record"
	"sitrep/store"
)

func Example() {
	date, syr := "2024-03-04", "SYR"
	ev := store.Event{
		Event: record.Event{
			ID: "a1b2c3d4e5f6-0a1b2c3d", CAMEO: "194", Root: "19", Plover: "ASSAULT", Quad: 4, Goldstein: -10,
			Source:   &record.Actor{Code: "SYRMIL", Text: "Syrian troops", Country: &syr},
			Evidence: record.Span{Text: "Syrian troops shelled Daraa."},
			Date:     &date,
			Location: &record.Location{Name: "Daraa", Country: "SYR", Admin1: "Daraa Governorate", Lat: 32.6189, Lon: 36.1021, Precision: "city"},
		},
		ID:          "a1b2c3d4e5f6-0a1b2c3d",
		NumMentions: 1, NumSources: 1, NumArticles: 1,
	}
	w, err := export.NewWriter(export.ACLED, os.Stdout, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Write(ev)
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,iso,region,country,admin1,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp
	// SYR2480433266294005682,2024-03-04,2024,,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Syria,,1,,,0,10,760,Middle East,Syria,Daraa Governorate,Daraa,32.6189,36.1021,1,,,Syrian troops shelled Daraa.,0,
}
