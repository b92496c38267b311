package nlp

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
)

func trainTiny(t *testing.T) *Model {
	t.Helper()
	m, err := Train(t.Context(), tinyDocs(t), TrainOptions{
		Tagger: TaggerOptions{Epochs: 5, DictMinCount: 2},
		Parser: ParserOptions{Epochs: 10, MinUpdates: 1},
		Folds:  2,
		Info:   "tiny",
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelRoundTrip(t *testing.T) {
	m := trainTiny(t)
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Info != "tiny" {
		t.Errorf("info %q", m2.Info)
	}
	// Writing the model read back gives the same bytes.
	var buf2 bytes.Buffer
	if err := WriteModel(&buf2, m2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("model bytes change after a round trip")
	}
	// And both annotate alike.
	text := "Syrian forces shelled rebel positions in Daraa. Jordan will not open its borders."
	a, b := &Doc{Text: text}, &Doc{Text: text}
	if err := m.Pipeline().Annotate(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := m2.Pipeline().Annotate(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	for i := range a.Tokens {
		if a.Tokens[i] != b.Tokens[i] {
			t.Errorf("token %d: %+v, read back %+v", i, a.Tokens[i], b.Tokens[i])
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteModel(&a, trainTiny(t)); err != nil {
		t.Fatal(err)
	}
	if err := WriteModel(&b, trainTiny(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same data and seed differ")
	}
}

func TestReadModelErrors(t *testing.T) {
	var good bytes.Buffer
	if err := WriteModel(&good, trainTiny(t)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", good.Bytes()[:good.Len()/2]},
	} {
		if _, err := ReadModel(bytes.NewReader(tc.data)); !errors.Is(err, ErrModel) {
			t.Errorf("%s: got %v, want ErrModel", tc.name, err)
		}
	}
}

// FuzzDecodeModel checks that no input makes the model decoder panic or
// hand back a model without every part.
func FuzzDecodeModel(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte(modelMagic))
	var buf bytes.Buffer
	m, err := Train(f.Context(), []*Doc{sentenceDoc([]Token{{Form: "Rebels", UPOS: "NOUN", XPOS: "NNS", Head: 1, Deprel: "nsubj"}, {Form: "fled", UPOS: "VERB", XPOS: "VBD", Head: -1, Deprel: "root"}})},
		TrainOptions{Tagger: TaggerOptions{Epochs: 1}, Parser: ParserOptions{Epochs: 1, MinUpdates: 1}, Folds: 1})
	if err != nil {
		f.Fatal(err)
	}
	if err := WriteModel(&buf, m); err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeModel(data)
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v does not wrap ErrModel", err)
			}
			return
		}
		if m.Tagger == nil || m.Lemmatizer == nil || m.Parser == nil {
			t.Fatal("model read without every part")
		}
	})
}
