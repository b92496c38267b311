//go:build ignore

// gen.go rebuilds the generated dictionaries of actor/data from the shared
// source data. Run it from actor/ with `go generate` or
//
//	go run gen.go -shared ../../shared
//
// It overwrites countries.txt, capitals.txt and the phoenix-*.txt files and
// prints what it kept and dropped; the hand-maintained files (roles.txt,
// codes.txt, agents.txt, organizations.txt, groups.txt, metonyms.txt,
// people.txt) are read, never written.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"sitrep/actor/internal/gen"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared data folder")
	data := flag.String("data", "data", "the actor data folder to write into")
	quiet := flag.Bool("q", false, "do not print the report")
	flag.Parse()
	files, rep, err := gen.Generate(*shared, *data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, name := range gen.Files() {
		path := filepath.Join(*data, name)
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.Rename(tmp, path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if !*quiet {
		fmt.Print(rep)
	}
}
