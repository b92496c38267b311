// Package timex finds the time expressions of a news text and resolves
// them against the publication date: every event needs a date, its
// precision and the words that gave it.
//
// What goes in: an [nlp.Doc], segmented and tokenized, best also tagged and
// parsed, and the publication date. What comes out: [Expr]s, each a byte
// span and a token range of the Doc with the start of the period meant
// (Value, at 00:00 UTC), its [Precision] (day, week, month, year), the part
// of the day ("evening"), the preposition before it ("since"), and whether
// it was worked out from the publication date (Relative), is vague
// (Approx) or lies ahead (Future). Expr.Head is the token through which a
// later stage attaches the expression to an event in the parse.
//
// # Forms
//
// A hand-written recognizer walks each sentence's tokens. At each token it
// reads qualifiers (qualifiers.txt: prepositions, "about", "early", "last",
// "in the early hours of", ...) until one of these forms follows, and
// keeps the longest:
//
//	phrases.txt     "yesterday", "last week", "earlier this month", "the next
//	                day", "over the weekend", "9/11"; "Sunday Times" and
//	                "March 14 alliance" are listed to be skipped
//	weekday         "Monday", "Wednesday evening", "Monday, July 2"
//	written date    "July 4", "4 July 2018", "July 4, 2018", "Jul. 4", "the
//	                4th of July", "July 2018", "2018-07-04", "25/06/2018"
//	month           "in July", "early March", "last May", "mid-July"
//	N units ago     "two days ago", "just under a year ago", "a decade ago",
//	                "48 hours ago"; "two days later" counts from an
//	                earlier date of the story
//	year            "in 2015", "since 2011", "mid-2017", "the 2014 war",
//	                "between 2011 and 2014", "the 1990s"
//
// # Resolution
//
// Against pub's calendar date:
//
//   - A weekday is the last one on or before pub (pub itself on that
//     weekday); in a future clause ("will meet on Monday", "is due to
//     meet": an auxiliary or governing word of future.txt in the parse)
//     the next one on or after pub, and Future. "last Monday" is strictly
//     before pub, "next Monday" strictly after.
//   - A month alone is the last such month on or before pub's month, the
//     next one in a future clause; "last"/"next"/"this" as for weekdays.
//   - A day and month without a year is the last such day on or before
//     pub, unless the clause is future or the day is at most 14 days after
//     pub (deadlines, and datelines a time zone ahead), when it is the
//     coming one. February 29 finds the last leap year.
//   - "N units ago" counts back from pub and keeps the unit's precision:
//     "three weeks ago" is the week holding pub − 21 days, "just under a
//     year ago" (pub 2018-07-05) is the year 2017, Value 2017-01-01:
//     Value always starts its period, so the day within the year is not
//     kept. Hours count whole days back ("48 hours ago"); a decade is ten
//     years, Approx.
//   - "earlier in the day" and "later in the day" take the nearest day
//     named before them in the same sentence ("Wednesday evening ...
//     earlier in the day" is that Wednesday), else pub. "the next day",
//     "that day", "two days later" need such a day in the same or the
//     previous sentence, and are skipped without one.
//   - A weekend is given as its Saturday, Day precision, Approx.
//   - A decade ("the 1990s") is its first year, Year precision, Approx.
//   - "September 11 attacks" and "9/11" are the fixed date 2001-09-11,
//     listed in phrases.txt; "September 11" alone is resolved like any day.
//
// # What is not a date
//
// Month and weekday names count only with a capital. Names that are also
// common words are marked in the lists: "May", "March" and "August" alone
// need a qualifier ("in May") or a day or year beside them, and are never
// a month when tagged as a verb or modal ("Theresa May said", "March on
// Sunday"); "Sun", "Wed", "Sat" count only before a written date. A
// four-digit number is a year only after a preposition that allows one
// ("in", "since", not "at"), a period qualifier, "the", or another year, and
// never before a clock word of clock.txt ("at 1800 GMT"): "2015 people",
// "Resolution 2254" and "some 2000 troops" are not years. Two-number dates
// ("04/07/2018") are read only when a number over 12 settles which is the
// day, or both are equal; otherwise they are skipped, since American and
// British news read them differently. Days that do not exist ("February
// 30", "32 July", "2018-13-01"), years outside 1000–2999 (bare years
// outside 1800–2199) and counts that overflow are skipped, never guessed.
// "Independence Day", "Christmas Day" and seasons are not resolved.
//
// # Data
//
// [Default] compiles the files embedded from timex/data once; [Load] and
// [LoadDir] read replacements for any of them (the others are taken from
// the embedded set). Each file's header gives its format:
//
//	months.txt      month names and abbreviations; '*' marks common words
//	weekdays.txt    weekday names and abbreviations; '*' as above
//	parts.txt       parts of the day and the name Expr.Part reports
//	numbers.txt     number words ("two", "a few" approx)
//	units.txt       units of "N units ago" ("fortnight" = 14 days)
//	qualifiers.txt  words before an expression and what they do
//	phrases.txt     fixed phrases: relative periods, anchored days, fixed
//	                dates, and names to skip
//	future.txt      words that make a clause point forward
//	clock.txt       words that make a four-digit number a time or count
//
// Words are compared after [nlp.Fold] (lower case, no apostrophes), one
// token a word as the [nlp.Tokenizer] splits them. Every bad line of every
// file is reported as "file:line: problem".
//
// Guarantees: a Resolver is immutable and safe for concurrent use. Find
// never panics; its expressions lie within one sentence, start and end on
// token boundaries, come in text order without overlapping, and carry
// Values that start a period of their precision in range. It costs about
// 130 ns a token on the seed article, 60 times less than parsing.
package timex
