package quote_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"sitrep/quote"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestArticleGolden finds the statements of testdata/article.txt, an
// article written for the test, and compares them with
// testdata/article.golden (rewrite it with -update and review the diff).
func TestArticleGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, string(text))
	qs := finder(t).Find(doc, quote.Options{Date: day(t, "2024-05-14"), Focus: "SDN"})
	checkQuotes(t, doc, qs)
	got := format(doc, qs)
	golden := filepath.Join("testdata", "article.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("statements of article.txt differ from article.golden (go test -update to accept):\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestConcurrentFind runs one Finder from several goroutines (run with
// -race): every run gives the golden output.
func TestConcurrentFind(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, string(text))
	f := finder(t)
	opt := quote.Options{Date: day(t, "2024-05-14"), Focus: "SDN"}
	want := format(doc, f.Find(doc, opt))
	done := make(chan string)
	for range 4 {
		go func() { done <- format(doc, f.Find(doc, opt)) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("a concurrent run differs:\n%s", got)
		}
	}
}
