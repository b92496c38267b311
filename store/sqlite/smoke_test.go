package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"sitrep/store"
	"sitrep/store/storetest"
)

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, in := range storetest.Fixtures() {
		ok, err := s.Put(ctx, in)
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	evs, next, err := s.Events(ctx, store.Query{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		t.Log(e.ID, e.Representative, *e.Date, e.NumMentions)
	}
	t.Log(next)
	sum, _ := s.Summary(ctx)
	t.Logf("%+v", sum)
}
