package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sitrep/record"
)

func TestArticleRecordWithEvents(t *testing.T) {
	a := &record.Article{Meta: record.Meta{ID: "a1"}, Events: []record.Event{{ID: "a1-1", CAMEO: "190"}, {ID: "a1-2", CAMEO: "042"}}}
	in := &Ingest{Article: a}
	rec, err := in.ArticleRecord()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(rec), "a1-1") || len(a.Events) != 2 {
		t.Fatalf("ArticleRecord kept the events or dropped them from the article: %s", rec)
	}
	var js []string
	for _, e := range a.Events {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, string(b))
	}
	tests := []struct {
		name   string
		have   []record.Event
		events func() ([]string, error)
		want   []string // event IDs
		err    string
	}{
		{"filled in order", nil, func() ([]string, error) { return js, nil }, []string{"a1-1", "a1-2"}, ""},
		{"no events", nil, func() ([]string, error) { return nil, nil }, nil, ""},
		{"stored whole", []record.Event{{ID: "old"}}, func() ([]string, error) { return js, nil }, []string{"old"}, ""},
		{"read error", nil, func() ([]string, error) { return nil, errors.New("disk") }, nil, "disk"},
		{"bad JSON", nil, func() ([]string, error) { return []string{"{"}, nil }, nil, "event of article a1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := &record.Article{Meta: record.Meta{ID: "a1"}, Events: tt.have}
			err := WithEvents(got, tt.events)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got.Events {
				ids = append(ids, e.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.want, " ") {
				t.Errorf("events %v, want %v", ids, tt.want)
			}
		})
	}
}
