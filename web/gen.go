//go:build ignore

// gen writes static/world.json, the embedded world map, from the Natural
// Earth boundaries of the world-atlas package in ../shared:
//
//	go run gen.go -shared ../../shared        (from web/; or go generate ./web)
//
// The output depends only on the source: running it twice gives the same
// bytes, and TestWorldUpToDate checks the committed file.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"sitrep/web/internal/worldgen"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared data folder")
	out := flag.String("out", "static/world.json", "the file to write")
	flag.Parse()
	data, st, err := worldgen.Build(*shared)
	if err != nil {
		log.Fatal(err)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d bytes, %d countries, %d arcs, %d of %d points kept\n",
		filepath.Base(*out), len(data), st.Countries, st.Arcs, st.PointsOut, st.PointsIn)
}
