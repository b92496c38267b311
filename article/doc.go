// Package article holds the unit sitrep reads: a news article with its
// title, text, source, URL and publication date, and the readers that turn
// files into articles.
//
// An article's ID is a hash of its content (title and text), so the same
// article read twice, from any file, gets the same ID. Dates keep how they
// were found ([DateFrom]): from the input's metadata, from a command-line
// default, or not at all.
//
// Readers: [ReadText] takes plain text whose first line is the title;
// [JSONLReader] reads JSON Lines, one article per line, and reports a bad
// line with its number without stopping.
package article
