// Package actor finds and codes the actors of news text: countries,
// governments, armed groups, international organizations and people, as
// CAMEO actor codes ("SYRREB", "RUSGOV", "IGOUNO").
//
// What goes in: the tokens of a sentence or a noun phrase from package nlp.
// What comes out: [Dictionary.Match] returns the dictionary names found,
// left to right, longest first and never overlapping, each with its token
// range and byte span; [Dictionary.Resolve] codes a whole noun phrase on a
// date ("Syria's army" → SYRMIL, "regime forces" in a Syria story →
// SYRMIL, "Lavrov" in 2018 → RUSGOV) and says which entries and rules
// decided it.
//
// # Dictionaries
//
// A dictionary is a folder of UTF-8 text files, read by [Load] and
// [LoadDir]; [Default] compiles the files embedded from actor/data. Each
// file has one entry a line; '#' starts a comment ("\#" is a literal '#').
// An entry is names, "=>", and codes:
//
//	Bashar al-Assad | Bashar Assad => SYRELI ..2000-07-16 ; SYRGOV 2000-07-17..2024-12-07 ; SYRELI 2024-12-08..  # source
//	Syria | Syrian Arab Republic | Syrian | Syrians => SYR
//	Damascus => SYRGOV  # capital of Syria
//	rebels | rebel fighters | insurgent groups => ~REB
//	aid groups | charities => NGO~
//	spokesman | spokeswoman => ~
//	Indian Ocean => ---
//
// Names are ordinary text, case and diacritics as usual; "|" separates
// them. Codes are CAMEO codes, upper-case letters or digits in groups of
// three: the country (ISO 3166 alpha-3) or organization type first, then
// organizations, religions and roles. A code may carry a period, FROM..TO
// inclusive, with dates written YYYY, YYYY-MM or YYYY-MM-DD and either end
// left open ("2000-07-17..", "..2000"); several codes are separated by
// ";". On a given day the first code whose period covers it applies,
// else the code without a period (at most one), else none. "---"
// (NullCode) names something that is not an actor: it is matched, so
// that "Indian Ocean" is not read as "Indian", and codes nothing. "***"
// (FocusCode) names the story's own country by a description ("the
// war-torn country"): it codes as the focus country given to Resolve, and
// as nothing without one.
//
// Agents are role nouns. Their code has a tilde and no period: "~REB"
// adds REB after the country it meets, "NGO~" puts NGO before it, and "~"
// alone adds nothing (a spokesman speaks for the actor the phrase names).
//
// # Files
//
// The code tables roles.txt and codes.txt list the known three-character
// codes, one a line: CODE, kind (role, type, state, region, org, religion,
// ethnic) and a description. The entries of countries*.txt name countries,
// one undated bare code each, and these codes are the country codes. Every
// other file holds actor and agent entries; the embedded ones are:
//
//	countries.txt              generated: ISO names, aliases, demonyms → SYR
//	capitals.txt               generated: capitals → SYRGOV
//	phoenix-countries.txt      generated from the PETRARCH2 Phoenix dictionaries:
//	phoenix-international.txt    people, institutions, IGOs, NGOs, companies,
//	phoenix-nonstate.txt         armed groups
//	phoenix-agents.txt         generated: Phoenix agents
//	agents.txt                 hand-maintained: the role nouns of conflict news
//	organizations.txt          hand-maintained: UN bodies, EU, NATO, ICRC, ...
//	groups.txt                 hand-maintained: armed groups (Nusra, HTS, IS, ...)
//	metonyms.txt               hand-maintained: the Kremlin, the White House, ...
//	people.txt                 hand-maintained: leaders and ministers since 2016
//
// Generated files start with "# Code generated ... DO NOT EDIT." and are
// rebuilt by gen.go (go generate, needs ../shared). A name in a
// hand-maintained file overrides the same name in a generated one; the
// same name with other codes in two files of the same standing is an
// error.
//
// Every bad line is reported, all of them, as "file:line: message" in a
// linefile.List: bad syntax, bad dates, periods that end before they
// start, two undated codes, unknown country or code segments, names that
// fold to nothing, two names of one entry that fold alike, clashing names.
//
// # Matching
//
// Names and text are compared as sequences of pieces: tokens folded with
// nlp.Fold (case, diacritics and apostrophes do not matter: "Dar'a",
// "DARʿA" and "Dar‘a" are one name) and split at hyphens ("al-Assad"
// matches "Bashar al Assad"), with periods dropped ("U.S." is "US"). Two
// rules keep proper nouns from matching common words: a name whose first
// word is written with a capital does not match text whose first word is
// in lower case ("Turkey" is not "turkey", "WHO" not "who"), and a match
// never starts or ends inside a token ("al-Qaida" is not found in
// "al-Qaida-linked"). A leading "the"
// is optional in names and included in the match when the text has it.
// The names are compiled into a trie over piece ids; Match takes the
// longest name at each token.
//
// # Resolution
//
// Resolve follows CAMEO and PETRARCH conventions: a code is the country
// (or organization type) first, then roles, and an agent composes with the
// country the phrase names ("Syrian" + "rebels" = SYRREB). The rules and
// the choices made for ambiguous cases are documented on Resolve; among
// them: "Russian military police" is RUSMIL (military police are
// soldiers; Phoenix says MILCOP), "Syrian government forces" is SYRMIL
// (the forces are the head; "government forces" is one agent), and a
// person or organization named in the phrase wins over the country around
// it.
//
// A Dictionary is immutable and safe for concurrent use.
package actor
