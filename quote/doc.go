// Package quote finds what the people in a news story said: direct quotes
// in quotation marks and reported statements ("Lavrov said Moscow was
// helping …"), each with its speaker coded as a CAMEO actor.
//
// What goes in: an nlp.Doc that has been segmented, tokenized, tagged and
// parsed, and the story's date and focus country ([Options]). What comes
// out: [Finder.Find] returns [Quote]s in text order, each with the byte
// span of the quote (marks included) or of the reported clause, its words,
// the sentences it covers, the verb of saying or cue that attributes it,
// and its [Speaker]: the noun phrase, its actor code from
// actor.Dictionary.Resolve, and for a pronoun the earlier mention it
// stands for.
//
// # Direct quotes
//
// Quotation marks are paired in the text itself, paragraph by paragraph
// (blank lines end paragraphs; in a text without blank lines every line
// is one; the first line, the title, always is): straight double marks
// face the way their neighbours say, curly ones the way they are drawn. A
// quote left open at the end of a paragraph runs on when the next
// paragraph opens with a mark, as news style writes long quotes. Single
// marks are never quotes: they are apostrophes far more often, and a quote
// within a quote stays inside the outer one. An opening mark never closed,
// a stray closing mark and empty marks make no quote.
//
// A direct quote is attributed, in this order, by a verb of saying before
// it that governs it (`X said the army would "crush" rebels`), by a verb
// or cue after it in its sentence (`"…," X said`, `"…," said X`, `"…,"
// according to X`), or by a verb before it with only its object between
// (`X told reporters in Geneva: "…"`). A quote that opens its sentence
// with no attribution of its own takes, by the conventions of news
// writing, the speaker of an introduction ending in a colon, of the
// statement just before it in its paragraph (`"…," he said. "…"`), of the
// attributed quote right after it, or of the last statement of the
// paragraph before. A scare quote inside a sentence without a verb of
// saying has no speaker; one inside a reported clause is recorded as a
// direct quote of that clause's speaker (`Lavrov said Moscow was helping
// Syria's army "convince" rebels` gives both the reported clause and the
// quoted word, both Lavrov's).
//
// # Reported statements
//
// A verb of saying outside quotation marks reports its clausal complement
// (`Safadi said Jordan is delivering aid`), or the clause it is set into
// (`Five civilians were killed, the Observatory said`; an attribution
// between commas reports both sides); a cue ("according to X") reports
// the rest of its sentence. A clause that is a direct quote's (`"…," he
// said`) is not reported again. Quote.Text is the clause without its
// complementizer and final punctuation; Parts are its stretches.
//
// # Speakers
//
// The speaker is the verb's subject with its titles and appositions
// ("United Nations deputy spokesman Farhan Haq", "Safadi, Jordan's foreign
// minister"), without relative clauses; for a verb without a subject, the
// subject of the verb it is coordinated with or subordinate to ("said …
// and added that …"), or the object of "quoted X as saying". It is coded
// with actor.Dictionary.Resolve on the phrase and its appositions (and for
// "a statement from X" or "the head of X", on X), the best coding winning;
// when none codes, the words before a name the dictionary lacks ("Rebel
// commander Abu Omar") or a beginning ending in a name ("the UN
// humanitarian coordinator for …"). A coordinated speaker ("Rebels and
// residents") is coded by its first conjunct.
//
// An anaphoric speaker (quote/data/anaphors.txt: "he", "she", "they",
// "it", "the spokesman", "the ministry") stands for the nearest earlier
// mention that fits it: a named person for "he" and "she" (a proper name
// with a title or role, a name of two words or more, or the surname of a
// person the actor dictionary knows), a plural for "they", one actor that
// is not a person for "it". The search goes back from the start of the
// quote the pronoun attributes, through at most [Finder.Window] sentences
// and one paragraph break; speakers come first, then subjects, then other
// core arguments; words inside quotes and reported clauses are not
// mentions. It stops at another speaker that does not fit, since a reader
// would not skip over a different speaker to find "he". When nothing fits
// the speaker keeps its phrase and no code: an empty slot rather than a
// guess. In the seed story, "…, he said in a statement on Sunday" has no
// antecedent: the sentence before names no person, the one before that is
// the Observatory's statement, and the last named person, the UN's Farhan
// Haq, is three sentences back (the original article quoted someone else).
//
// # Word lists
//
// The verbs of saying, cues, anaphors and the words that tell people from
// organizations are data files embedded from quote/data ([DefaultWords]);
// [LoadWords] and [LoadWordsDir] read replacements and report every bad
// line as "file:line: problem".
//
// A Finder is safe for concurrent use.
package quote
