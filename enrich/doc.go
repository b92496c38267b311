// Package enrich sets the coded events of a story in their scene: where and
// when each happened, how many people it killed, wounded or displaced, and
// who said what about it.
//
// What goes in: a parsed nlp.Doc, the story's publication date and focus
// country, and the events package event coded in it. What comes out: a
// Scene, which holds every place mention (package geo), time expression
// (timex), casualty or displacement count (count) and quote (quote) of the
// story, and answers for any predicate token where (Scene.Where) and when
// (Scene.When) it happened and which counts belong to it (Scene.Event).
//
// # Where
//
// An event happened at a place of its own clause: a place mention whose
// syntactic head reaches the event's predicate without crossing into another
// clause ("shelled Nawa in Daraa province", "air strikes on towns in Syria's
// Deraa Governorate"); an event noun ("the offensive resumed in Daraa") also
// takes the clause of the verb that governs it. Of several, the most precise
// wins (a city before its region), then a locative one ("in", "near") before
// another, then the nearest. Places that name an actor by grammar ("Jordan is
// delivering aid") or an actor's base ("the UK-based Observatory") are never
// an event's location. Without a place in the clause, the nearest place of
// the sentence is taken; without one in the sentence, the story's focus
// place: the place it names most, or its focus country. Where.How records
// which of the three it was.
//
// # When
//
// An event's date is a time expression of its own clause ("on Monday",
// "Wednesday evening", "just under a year ago"), found the same way, with
// its precision; an expression that bounds rather than dates ("since 2011",
// "until Friday") or points forward ("will meet next week") does not date an
// event. An expression in the clause of a verb of saying dates the saying,
// not what was said, so a clause inherits no date from the clause above it.
// Without one, the event has the publication date with precision
// "publication" (When.How is HowArticle).
//
// # Counts
//
// A count belongs to the event whose predicate is the count's verb
// ("killed 12"), or the event the count's verb or noun phrase hangs from
// within a few steps of the parse ("shelled the town, killing 12",
// "has taken in half a million displaced Syrians"); otherwise to the one
// event of its sentence, if there is exactly one.
//
// Nothing here invents a value: a mention the gazetteer cannot resolve is
// kept without a place, a date that does not exist is no date, and an
// event without either keeps them empty.
package enrich
