package dedup

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// testDocs returns the corpus and copies of its stories, for tests that
// need many related articles.
func testDocs(t testing.TB) []Doc {
	var docs []Doc
	rng := rand.New(rand.NewPCG(3, 5))
	corpus := readCorpus(t, "testdata/corpus.txt")
	for _, d := range corpus {
		docs = append(docs, d.Doc)
	}
	for i, d := range corpus {
		paras := strings.Split(d.Text, "\n\n")
		docs = append(docs,
			Doc{ID: fmt.Sprintf("v%d", i), Source: d.Source, Text: variant(rng, paras, rng.IntN(2), rng.IntN(2) == 0, 0.03*rng.Float64())})
	}
	return docs
}

// TestRestore is a property test: an index restored from the records of
// the articles added to another answers every later article as that index
// does, whatever the articles and their order.
func TestRestore(t *testing.T) {
	docs := testDocs(t)
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 99))
		order := rng.Perm(len(docs))
		split := 1 + rng.IntN(len(docs)-2)
		live := newTestIndex(t, Options{})
		var records []Record
		for _, i := range order[:split] {
			res := live.Add(docs[i])
			// Through the bytes a store would keep.
			data, err := res.Record.Fingerprint.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var fp Fingerprint
			if err := fp.UnmarshalBinary(data); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&fp, res.Record.Fingerprint) {
				t.Fatalf("fingerprint of %s changed through MarshalBinary", docs[i].ID)
			}
			res.Record.Fingerprint = &fp
			records = append(records, res.Record)
		}
		restored := newTestIndex(t, Options{})
		if err := restored.Restore(records); err != nil {
			t.Fatal(err)
		}
		for _, i := range order[split:] {
			a, b := live.Add(docs[i]), restored.Add(docs[i])
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("seed %d, %s: live and restored indexes differ:\n%+v\n%+v", seed, docs[i].ID, a, b)
			}
		}
	}
}

func TestRestoreErrors(t *testing.T) {
	x := newTestIndex(t, Options{})
	rec := x.Add(Doc{ID: "a", Text: "Syrian government forces shelled rebel positions in Daraa on Tuesday."}).Record
	empty, _ := ParseSynonyms("empty.txt", strings.NewReader(""))
	other := newTestIndex(t, Options{Synonyms: empty})
	if err := other.Restore([]Record{rec}); !errors.Is(err, ErrScheme) {
		t.Errorf("restore with other synonyms: %v, want ErrScheme", err)
	}
	if err := other.Restore([]Record{{ID: "b"}}); err == nil {
		t.Error("restore without a fingerprint: no error")
	}
	if other.Len() != 0 {
		t.Errorf("a failed restore added %d articles", other.Len())
	}
	data, _ := rec.Fingerprint.MarshalBinary()
	for _, bad := range [][]byte{nil, data[:10], data[:len(data)-1], append(bytes.Clone(data), 0), append([]byte("xyz"), data[3:]...)} {
		var fp Fingerprint
		if err := fp.UnmarshalBinary(bad); !errors.Is(err, ErrFingerprint) {
			t.Errorf("UnmarshalBinary of %d bytes: %v, want ErrFingerprint", len(bad), err)
		}
	}
}
