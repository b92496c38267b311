package article

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is an article of about 400 words.
var benchText = "Rebels agree to hand over weapons\n\nDAMASCUS, July 5 (Reuters) - " +
	strings.Repeat("Government forces shelled rebel positions near Daraa on Thursday, a monitor said. ", 30)

func BenchmarkJSONLReader(b *testing.B) {
	var buf bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&buf, `{"title":"Story %d","text":%q,"date":"2018-07-05","source":"Wire"}`+"\n", i, benchText)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		r := NewJSONLReader(bytes.NewReader(buf.Bytes()), "bench.jsonl")
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			}
		}
	}
}

func BenchmarkWalkText(b *testing.B) {
	dir := b.TempDir()
	for i := range 200 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(benchText), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(200 * len(benchText)))
	for b.Loop() {
		for _, err := range Open(context.Background(), dir, nil) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/corpus/page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := htmlArticle(string(data), ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindDateline(b *testing.B) {
	for b.Loop() {
		FindDateline(benchText, fixedNow())
	}
}
