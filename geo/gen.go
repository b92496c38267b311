//go:build ignore

// gen writes the gazetteer's generated data files from the source data in
// ../shared: data/countries.txt, data/admin1.txt and data/places.txt.gz.
// data/regions.txt and data/stoplist.txt are maintained by hand.
//
//	go run gen.go -shared ../../shared        (from geo/; or go generate ./geo)
//
// The output depends only on the sources: running it twice gives the same
// bytes, and TestGeneratedFilesUpToDate checks the committed files.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"sitrep/geo/internal/geogen"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared data folder")
	out := flag.String("out", "data", "the folder to write the files to")
	quiet := flag.Bool("q", false, "do not print the summary")
	flag.Parse()
	o, err := geogen.Build(*shared)
	if err != nil {
		log.Fatal(err)
	}
	files := []struct {
		name string
		data []byte
	}{
		{"countries.txt", o.Countries},
		{"admin1.txt", o.Admin1},
		{"places.txt.gz", geogen.Gzip(o.Places)},
	}
	for _, f := range files {
		if err := write(filepath.Join(*out, f.name), f.data); err != nil {
			log.Fatal(err)
		}
		if !*quiet {
			fmt.Fprintf(os.Stderr, "%s: %d bytes\n", f.name, len(f.data))
		}
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "places.txt uncompressed: %d bytes\n%s", len(o.Places), o.Stats.Report())
	}
}

// write replaces path with data through a temporary file, so that a failed
// run leaves the old file in place.
func write(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
