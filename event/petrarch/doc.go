// Package petrarch reads the validation suites of PETRARCH2 and
// UniversalPetrarch, so that sitrep's coder can be scored on them.
//
// A suite is an XML-like file of <Sentence> records, each with gold
// <EventCoding> lines, the <Text> and, in UniversalPetrarch's suite, a
// CoNLL-U <Parse> (PETRARCH2's unit tests carry Penn Treebank parses,
// which sitrep ignores). An <Environment> header names the suite's own
// dictionaries. The files are not well-formed XML (PLOVER lines such as
// `<PLEvent {"event": ...}>` sit among the elements), so [ReadSuite] scans
// them leniently and reports what it cannot read with the file and line.
package petrarch
