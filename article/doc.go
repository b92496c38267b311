// Package article holds the unit sitrep reads: a news article with its
// title, text, source, URL and publication date, and the readers that turn
// files, folders, standard input, web pages and feeds into articles.
//
// An article's ID is a hash of its content (title and text), so the same
// article read twice, from any file, gets the same ID. Dates keep how they
// were found ([DateFrom]): from the input's metadata (a JSON field, a
// feed item's date, a page's published time), from a dateline in the
// article's opening ([FindDateline]: "DAMASCUS, July 5 (Reuters) -",
// "July 5, 2018", "2018-07-05"), from a default the caller gives, from the
// file's modification time, or not at all, in that order.
//
// [Open] and [Walk] are the entry point: a path, a folder (recursively, by
// extension, in lexical order), "-" for standard input, or a URL of a feed
// or page, read as a sequence of articles and errors. Plain text takes its
// first line as the title ([ReadText]); HTML has its main text extracted
// (package article/html, over go-readability); JSON is an object, an array
// or JSON Lines ([JSONLReader], [ParseRecord]: title, text, url, date,
// source and common aliases); RSS and Atom feeds (package article/feed,
// over gofeed) give an article an item, and feeds read by URL fetch each
// item's page once. A [Watcher] polls feeds and yields only items not
// [Seen] before.
//
// Nothing stops a batch: a bad line, item or file is an [*Error] naming
// the input and the line or item, and reading goes on. Inputs are text:
// binary data is refused ([ErrBinary]), UTF-16 decoded, text that is not
// UTF-8 read as Windows-1252 or repaired, with a warning ([IsWarning]);
// no article holds invalid UTF-8. An input larger than Options.MaxSize
// (10 MiB by default) is refused with a [*SizeError]; JSON Lines are
// streamed and the limit holds for each line.
package article
