// Package event codes who did what to whom, in CAMEO event codes with their
// PLOVER categories, Goldstein weights and GDELT quad classes.
//
// # Ontology
//
// An [Ontology] is the set of CAMEO event codes and what is known about each
// (a [Code]): its description, its two-digit root, GDELT's quad class
// ([Quad]), its Goldstein weight, and its PLOVER event type, mode and
// context. [DefaultOntology] returns the one embedded in the binary from
// event/data/cameo.txt; [LoadOntology] reads another in the same format, so
// a deployment can override it by path, and reports every bad line as
// "file:line: problem".
//
// CAMEO codes are strings of two to four digits ("19", "190", "0233"),
// never numbers: the leading zero is part of the code.
//
// event/data/cameo.txt is generated, not edited: gen.go derives it from
// GDELT's CAMEO tables and PLOVER's CAMEO2PLOVER-2021 table in ../shared,
// and its header documents every choice made where the sources disagree or
// are silent. Regenerate it with
//
//	go generate ./event
//
// TestGeneratedOntology fails when the committed file and its script drift
// apart. The file is an adaptation of PLOVER's table and so is licensed
// CC BY-SA 4.0; see NOTICE.
//
// # Dictionaries
//
// A [Coder] codes with the ontology, verb patterns, event nouns, discards
// and the PICO table, all data files in event/data. [NewCoder] uses the
// embedded ones, read once and shared; [LoadCoder] reads the same layout
// from any fs.FS ([DefaultFS] gives the embedded files, so a caller can lay
// a folder of its own over them) and reports every bad line of every file.
package event

//go:generate go run gen.go -shared ../../shared
