package dedup

import (
	"os"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// TestSeed runs the founding seed article, a spun copy whose title is even
// printed twice, against an "original" made by undoing the spinning.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile(testshared.Path(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	seed := string(data)
	title, rest, _ := strings.Cut(seed, "\n\n")
	if !strings.HasPrefix(rest, title+"\n\n") {
		t.Fatalf("the seed's title is no longer duplicated: %q", title)
	}
	single := title + "\n\n" + strings.TrimPrefix(rest, title+"\n\n")
	original := strings.ReplaceAll(single, "Russian Federation", "Russia")

	x := newTestIndex(t, Options{})
	if a, b := x.Fingerprint(Doc{Text: seed}).Exact, x.Fingerprint(Doc{Text: single}).Exact; a != b {
		t.Errorf("the duplicated title changes the exact fingerprint")
	}
	x.Add(Doc{ID: "original", Source: "wire", Text: original})
	res := x.Add(Doc{ID: "seed", Source: "spinner", Text: seed})
	t.Logf("seed: exact %q near %q similarity %.3f copied %.2f sources %v", res.ExactOf, res.NearOf, res.Similarity, res.Copied, res.Sources)
	if res.ExactOf != "" || res.NearOf != "original" || res.Similarity < 0.95 || res.Original != "original" {
		t.Errorf("seed: exact %q near %q similarity %.3f, want a near-duplicate of the original above 0.95", res.ExactOf, res.NearOf, res.Similarity)
	}
	if len(res.Sentences) < 2 || res.Sentences[1].Repeats != 0 || res.Sentences[1].Article != "original" {
		t.Errorf("the repeated title: %+v", res.Sentences[:min(2, len(res.Sentences))])
	}
	spun := 0
	for i, s := range res.Sentences {
		if s.Words < MinSentenceWords {
			continue
		}
		text := seed[s.Start:s.End]
		if strings.Contains(text, "Russian Federation") {
			spun++
			if !s.Exact {
				t.Errorf("sentence %d with \"Russian Federation\" is not an exact copy after synonyms: %.60q", i, text)
			}
		}
		if s.Article != "original" {
			t.Errorf("sentence %d comes from %q, want the original: %.60q", i, s.Article, text)
		}
	}
	if spun < 4 {
		t.Errorf("only %d spun sentences", spun)
	}

	// Without the synonyms the spun sentences are only near copies.
	empty, err := ParseSynonyms("empty.txt", strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	plain := newTestIndex(t, Options{Synonyms: empty})
	plain.Add(Doc{ID: "original", Text: original})
	res2 := plain.Add(Doc{ID: "seed", Text: seed})
	t.Logf("seed without synonyms: near %q similarity %.3f", res2.NearOf, res2.Similarity)
	if res2.Similarity >= res.Similarity {
		t.Errorf("synonyms did not raise the similarity (%.3f without, %.3f with)", res2.Similarity, res.Similarity)
	}

	// A patchwork of the seed's first half and another story.
	paras := strings.Split(strings.TrimSpace(seed), "\n\n")
	docs := readCorpus(t, "testdata/corpus.txt")
	var other *corpusDoc
	for _, d := range docs {
		if d.ID == "a5" {
			other = d
		}
	}
	x.Add(other.Doc)
	otherParas := strings.Split(other.Text, "\n\n")
	patch := "Roundup: the wars of the week\n\n" + strings.Join(paras[2:9], "\n\n") + "\n\n" + strings.Join(otherParas[1:], "\n\n")
	res3 := x.Add(Doc{ID: "patch", Text: patch})
	t.Logf("patchwork: near %q copied %.2f sources %v stitched %v", res3.NearOf, res3.Copied, res3.Sources, res3.Stitched)
	if !res3.Stitched || len(res3.Sources) != 2 || res3.Sources[0] != "original" || res3.Sources[1] != "a5" {
		t.Errorf("patchwork: stitched %v sources %v, want stitched from [original a5]", res3.Stitched, res3.Sources)
	}
}
