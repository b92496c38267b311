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
// # Coding
//
// A [Coder] reads a parsed [nlp.Doc] and returns its [Event]s: for each
// predicate whose verb its [VerbDictionary] knows, the source and target
// actors, the CAMEO code, and the evidence (the sentence, the verb's span,
// the actors' spans, the dictionary line that decided the code). Events
// are coded from the dependency parse, not from word order:
//
//   - A predicate's clause is its subjects, objects and constituents before
//     and after it; PETRARCH patterns ("- * (AGAINST +) [190]") are fitted
//     to the clause's constituents in order, the best-scoring pattern
//     giving the code and its "$" and "+" the actors, else the verb's own
//     code and its subject and first object or prepositional phrase that
//     names an actor. A passive's "by" phrase is its source; a weapon
//     ("fired artillery shells at Seoul") is not a target; a place is not
//     a target unless LocativeTargets is set.
//   - Conjoined actors give one event per source and target pair;
//     conjoined predicates share their subject; a relative pronoun stands
//     for the noun its clause modifies; appositions and titles attach to
//     the name they describe ("United Nations deputy spokesman Farhan
//     Haq").
//   - Reported speech codes both the statement and what it reports: "X said
//     Y attacked Z" gives Y→Z, and X's statement when the verb of saying is
//     in the dictionary.
//   - A complement combines with the verb that governs it through the PICO
//     table ("threatened to attack" is a threat of force, "refused to
//     open" a rejection).
//   - Negation: a negated cooperation is a rejection ("will not open their
//     borders" is 12), a negated conflict is no event ("did not attack")
//     unless KeepNegated is set; PetrarchNegation negates through PICO
//     instead, as PETRARCH does.
//   - Event nouns ([NounDictionary]): "the offensive by X against Y", "air
//     strikes on Y", "launched an offensive" are coded when the verb that
//     carries them codes nothing itself.
//   - Within an article, pronouns ("they", "it") and bare roles ("the
//     regime", "rebels") resolve to a compatible earlier actor or the
//     story's focus country ([Coder.Focus]); when nothing fits, the slot
//     stays empty.
//   - Discards ([Discards]) drop sentences and stories about sport,
//     entertainment and history.
//
// A parse the coder cannot make sense of (a cycle, a head out of range)
// yields no event, never a panic; FuzzCoder holds it to that, and to never
// changing the parse it reads.
//
// # Dictionaries
//
// The embedded dictionaries, all in event/data and all overridable by
// path: verbs-news.txt (hand-written verbs of conflict news, read first)
// and verbs.txt (converted by genverbs.go from PETRARCH2's CAMEO.2.0.txt;
// regenerate with go generate ./event, TestGeneratedVerbs checks for
// drift), nouns.txt (event nouns, hand-written), discards.txt (PETRARCH2's
// Phoenix discards) and pico.txt (the PETRARCH Internal Coding Ontology).
// Every loader reports every bad line as "file:line: problem". [NewCoder]
// uses the embedded files, read once and shared; [LoadCoder] reads the same
// layout from any fs.FS ([DefaultFS] gives the embedded files, so a caller
// can lay a folder of its own over them) and reports every bad line of
// every file.
//
// The petrarch subpackage runs PETRARCH validation suites against a Coder
// configured as PETRARCH is.
package event

//go:generate go run gen.go -shared ../../shared
//go:generate go run genverbs.go -shared ../../shared
