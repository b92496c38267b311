// Package event codes who did what to whom, in CAMEO event codes with their
// PLOVER categories, Goldstein weights and GDELT quad classes.
//
// # Ontology
//
// An [Ontology] is the set of CAMEO event codes and what is known about each
// (a [Code]): its description, its two-digit root, GDELT's quad class
// ([Quad]), its Goldstein weight, and its PLOVER event type, mode and
// context. [LoadOntology] reads one from a line file and reports every bad
// line as "file:line: problem".
//
// CAMEO codes are strings of two to four digits ("19", "190", "0233"),
// never numbers: the leading zero is part of the code.
package event
