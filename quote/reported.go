package quote

import (
	"sitrep/nlp"
)

// reported adds a statement for each reported clause: the clausal
// complement of a verb of saying ("Safadi said Jordan is delivering
// aid"), the clause a verb of saying is set into ("Five civilians were
// killed, the Observatory said"), and the clause a cue attributes
// ("according to the ministry"). Clauses that are mostly inside a direct
// quote belong to it ('"The time has come …", he said') and are left out;
// verbs of saying inside a direct quote are the quoted speaker's words.
func (fd *finding) reported() {
	var in []bool
	for si := range fd.sents {
		s := &fd.sents[si]
		n := len(s.toks)
		if n == 0 {
			continue
		}
		if cap(in) < n {
			in = make([]bool, n)
		}
		in = in[:n]
		for v := 0; v < n; v++ {
			if c := fd.cueAt(s, v); c > 0 {
				clear(in)
				if st := fd.cueStatement(si, v, c, in); st != nil {
					fd.stmts = append(fd.stmts, st)
				}
				v += c - 1
				continue
			}
			if !fd.speechVerb(s, v) {
				continue
			}
			clear(in)
			if !fd.clause(s, v, in) {
				continue
			}
			parts := fd.runs(s, in)
			if parts == nil {
				continue
			}
			fd.stmts = append(fd.stmts, &statement{
				span:  nlp.Span{Start: parts[0].Start, End: parts[len(parts)-1].End},
				parts: parts,
				sents: [2]int{si, si},
				verb:  s.spanOf(v, v+1),
				spk:   fd.speakerOf(si, v, 0, n),
			})
		}
	}
}

// subordinators are the marks of an adverbial clause that is not an
// attribution: "he was killed after he said …".
var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "because": true, "as": true,
	"since": true, "if": true, "although": true, "though": true, "until": true, "once": true,
	"whether": true, "unless": true, "where": true,
}

// subordinated reports whether v has a mark or adverb of a subordinate
// clause ("after he said", "though both countries have insisted").
func subordinated(s *sent, v int) bool {
	for _, k := range s.children(v) {
		if r := s.rel(k); (r == "mark" || r == "advmod") && subordinators[s.lower(k)] {
			return true
		}
	}
	return false
}

// commaEnclosed reports whether the attribution of v (v and its
// dependents other than clausal complements) stands between commas: "Five
// civilians, the Observatory said, were killed".
func commaEnclosed(s *sent, v int) bool {
	in := make([]bool, len(s.toks))
	s.subtree(v, in, func(k int) bool { return s.head(k) == v && s.rel(k) == "ccomp" && complement(s, k) })
	lo, hi := v, v
	for k := range in {
		if in[k] && !s.isPunct(k) {
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	return lo > 0 && s.toks[lo-1].Form == "," && hi+1 < len(s.toks) && s.toks[hi+1].Form == ","
}

// ownComplement reports whether v has a clausal complement after it: then
// it reports that, not the clause it hangs from.
func (fd *finding) ownComplement(s *sent, v int) bool {
	for _, k := range s.children(v) {
		if r := s.rel(k); k > v && (r == "ccomp" && complement(s, k) || r == "parataxis") {
			return true
		}
	}
	return false
}

// adverbialMarks are the marks of a clause the parser may take for a
// complement but that says when or why, not what was said: "residents
// said, as the army fought to hold the city".
var adverbialMarks = map[string]bool{
	"as": true, "while": true, "after": true, "before": true, "because": true, "since": true,
	"although": true, "though": true, "until": true, "once": true, "unless": true,
}

// complement reports whether clause k, a ccomp, is a reported clause: not
// an adverbial clause under another name, nor an infinitive.
func complement(s *sent, k int) bool {
	for _, c := range s.children(k) {
		if s.rel(c) != "mark" {
			continue
		}
		// "asking not to be named" asks; it does not report.
		if l := s.lower(c); adverbialMarks[l] || l == "to" {
			return false
		}
	}
	return true
}

// setInto reports whether v's relation lets it be an attribution set into
// the clause it hangs from: parataxis, an adverbial clause, or a conjunct
// after a comma without a coordinator ("…on Tuesday, residents and aid
// workers said").
func setInto(s *sent, v int) bool {
	if s.child(v, "nsubj") < 0 {
		return false // "…, adding that": the same speaker goes on
	}
	switch s.rel(v) {
	case "parataxis", "advcl":
		return true
	case "conj":
		if s.child(v, "cc") >= 0 {
			return false
		}
		first := v
		if n := s.child(v, "nsubj"); n >= 0 {
			in := make([]bool, len(s.toks))
			s.subtree(n, in, nil)
			for k, x := range in {
				if x && !s.isPunct(k) {
					first = min(first, k)
				}
			}
		}
		return first > 0 && s.toks[first-1].Form == ","
	}
	return false
}

// coordinatedBefore reports whether a coordinating conjunction comes
// between the end of clause k and verb v: "Jordan, which has taken in
// Syrians since the war began, and Israel have said" reports nothing with
// "began".
func coordinatedBefore(s *sent, k, v int) bool {
	in := make([]bool, len(s.toks))
	s.subtree(k, in, nil)
	end := k
	for j := k; j < v; j++ {
		if in[j] {
			end = j
		}
	}
	subj := make([]bool, len(s.toks))
	if n := s.child(v, "nsubj"); n >= 0 {
		s.subtree(n, subj, nil)
	}
	for j := end + 1; j < v; j++ {
		if s.toks[j].UPOS != "CCONJ" {
			continue
		}
		// "residents and local officials said" coordinates the subject;
		// "…, and Israel have said" the clauses.
		inner := false
		for i := end + 1; i < j; i++ {
			inner = inner || subj[i] && !s.isPunct(i)
		}
		if !subj[j] || !inner {
			return true
		}
	}
	return false
}

// clause marks in in the reported clause of verb of saying v and reports
// whether it has one that is not a direct quote's. The clause is, in this
// order of preference:
//
//   - the clause v is set into, when v comes after its start: "Five
//     civilians were killed, the Observatory said" (only the words before
//     the attribution, unless the attribution stands between commas: "Five
//     civilians, the Observatory said, were killed");
//   - v's clausal complements, and clauses coordinated with v that open
//     with "that" ("told reporters that a deal was possible but that gaps
//     remained");
//   - when the parser gave v no complement, the clause that a "that" right
//     after v's own words introduces ("said in a statement that …").
//
// Statements inside the clause that have their own speaker and are only
// joined to it ("…, while Baku said …"; "…, a claim the government
// denied") are left out.
func (fd *finding) clause(s *sent, v int, in []bool) bool {
	head := -1
	if h := s.head(v); h >= 0 && !s.isPunct(h) && setInto(s, v) && !fd.ownComplement(s, v) && !subordinated(s, v) {
		enclosed := commaEnclosed(s, v)
		if h < v || enclosed {
			attr := make([]bool, len(s.toks))
			s.subtree(v, attr, func(k int) bool { return s.head(k) == v && s.rel(k) == "ccomp" && complement(s, k) })
			start := v
			for k, x := range attr {
				if x {
					start = min(start, k)
				}
			}
			s.subtree(h, in, func(k int) bool { return k == v })
			// v's own clausal complements are still what is reported
			// ("Five civilians, the Observatory said, were killed").
			for _, k := range s.children(v) {
				if s.rel(k) == "ccomp" && complement(s, k) {
					s.subtree(k, in, nil)
				}
			}
			if !enclosed {
				for k := start; k < len(in); k++ {
					in[k] = false
				}
			}
			head = h
		}
	}
	if head < 0 {
		for _, k := range s.children(v) {
			switch s.rel(k) {
			case "ccomp":
				if k < v && coordinatedBefore(s, k, v) || !complement(s, k) {
					continue
				}
			case "parataxis":
				if k > v {
					continue
				}
			case "conj":
				if k < v || !opensWithThat(s, k) {
					continue
				}
			default:
				continue
			}
			s.subtree(k, in, nil)
			if head < 0 {
				head = k
			}
		}
	}
	if head < 0 {
		head = fd.thatClause(s, v, in)
	}
	if head < 0 {
		return false
	}
	in[v] = false
	for k := 0; k < s.dateline && k < len(in); k++ {
		in[k] = false
	}
	fd.dropStatements(s, v, in)
	return fd.ownClause(s, in, head)
}

// thatClause marks the clause introduced by a "that" that follows v and
// v's own words ("said in a statement that Israel would press on", parsed
// as a relative clause of "statement"), and returns its head, or -1.
func (fd *finding) thatClause(s *sent, v int, in []bool) int {
	sub := make([]bool, len(s.toks))
	s.subtree(v, sub, nil)
	for j := v + 1; j < len(s.toks) && sub[j] && s.quote[j] < 0; j++ {
		if equalFoldASCII(s.toks[j].Form, "that") {
			h := s.head(j)
			if h <= j || !s.isVerb(h) && s.child(h, "cop") < 0 && s.child(h, "nsubj") < 0 {
				return -1
			}
			s.subtree(h, in, nil)
			for k := 0; k < j; k++ {
				in[k] = false
			}
			return h
		}
		if s.isVerb(j) || s.toks[j].UPOS == "AUX" || s.isPunct(j) {
			return -1
		}
	}
	return -1
}

// opensWithThat reports whether conjunct k starts with "that", after its
// coordinator: "but that gaps remained".
func opensWithThat(s *sent, k int) bool {
	sub := make([]bool, len(s.toks))
	s.subtree(k, sub, nil)
	for j, x := range sub {
		if !x || s.toks[j].UPOS == "CCONJ" || s.isPunct(j) {
			continue
		}
		return equalFoldASCII(s.toks[j].Form, "that")
	}
	return false
}

// dropStatements unmarks the statements inside a clause that are only
// joined to it: a verb of saying with a subject of its own attached as an
// adverbial clause with a subordinator ("while Baku said"), a conjunct or
// parataxis, or a relative clause of an apposition ("a claim the
// government denied").
func (fd *finding) dropStatements(s *sent, v int, in []bool) {
	for k := range in {
		if !in[k] || k == v || !fd.speechVerb(s, k) {
			continue
		}
		subj := s.child(k, "nsubj") >= 0
		root := -1
		switch s.rel(k) {
		case "advcl":
			if subj && subordinated(s, k) {
				root = k
			}
		case "conj":
			// Without a subject, a verb of saying coordinated with the
			// clause v reports is v's speaker going on ("denied that
			// Ras al-Ain had fallen and said …").
			if h := s.head(k); subj || h >= 0 && s.head(h) == v && s.rel(h) == "ccomp" {
				root = k
			}
		case "parataxis":
			if subj {
				root = k
			}
		case "acl":
			if h := s.head(k); subj && h >= 0 && s.rel(h) == "appos" {
				root = h
			}
		}
		if root < 0 {
			continue
		}
		sub := make([]bool, len(in))
		s.subtree(root, sub, nil)
		for j, x := range sub {
			if x {
				in[j] = false
			}
		}
	}
}

// ownClause reports whether the clause marked in, headed by head, is a
// statement of its own and not a direct quote's: it has words outside
// quotation marks, and its head is not inside a quote that opens at or
// before the clause's first word ('"We have not slept," Mahmoud, a
// resident, told Al Jazeera' reports nothing more than the quote; 'he said
// the attack was "barbaric"' does).
func (fd *finding) ownClause(s *sent, in []bool, head int) bool {
	first, outside := -1, 0
	for k, ok := range in {
		if !ok || s.isPunct(k) {
			continue
		}
		if first < 0 {
			first = k
		}
		if s.quote[k] < 0 && !(k == first && isThat(s, k)) {
			outside++
		}
	}
	if outside == 0 {
		return false
	}
	if q := s.quote[head]; q >= 0 && fd.marks[q].span.Start <= s.toks[first].Start {
		return false
	}
	return true
}

// runs returns the stretches of tokens marked in in, each trimmed of
// punctuation other than quotation marks at its ends and of a leading
// complementizer ("said that …"), as byte spans; nil when nothing is left.
func (fd *finding) runs(s *sent, in []bool) []nlp.Span {
	var out []nlp.Span
	for k := 0; k < len(in); {
		if !in[k] {
			k++
			continue
		}
		lo := k
		for k < len(in) && in[k] {
			k++
		}
		hi := k
		// Punctuation at the ends goes, except the marks of a quote the
		// clause holds; a mark that pairs with nothing is noise.
		junk := func(k int) bool { return s.isPunct(k) && !(isMarkForm(s.toks[k].Form) && s.quote[k] >= 0) }
		for lo < hi && (junk(lo) || lo == firstMarked(in) && isThat(s, lo)) {
			lo++
		}
		for hi > lo && junk(hi-1) {
			hi--
		}
		// A quotation mark alone at an end is the end of a quote the
		// clause only brushes; a quote the run ends inside of keeps its
		// closing mark even when the parser hung it elsewhere.
		for lo < hi && isMarkForm(s.toks[lo].Form) && s.quote[lo] >= 0 && !hasInQuote(s, in, lo, s.quote[lo]) {
			lo++
		}
		for lo < hi && hi < len(in) && s.quote[hi-1] >= 0 && s.quote[hi] == s.quote[hi-1] && isMarkForm(s.toks[hi].Form) &&
			s.toks[hi].End == fd.marks[s.quote[hi]].span.End {
			hi++
		}
		if lo < hi && hasWordTokens(s, lo, hi) {
			out = append(out, s.spanOf(lo, hi))
		}
	}
	return out
}

func firstMarked(in []bool) int {
	for k, ok := range in {
		if ok {
			return k
		}
	}
	return -1
}

// isThat reports whether token k is "that", which at the start of a
// reported clause is its complementizer whatever the tagger made of it.
func isThat(s *sent, k int) bool {
	return equalFoldASCII(s.toks[k].Form, "that") && s.head(k) > k
}

// hasInQuote reports whether a word after token k is marked and in quote q.
func hasInQuote(s *sent, in []bool, k, q int) bool {
	for j := k + 1; j < len(in) && s.quote[j] == q; j++ {
		if in[j] && !s.isPunct(j) {
			return true
		}
	}
	return false
}

func hasWordTokens(s *sent, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !s.isPunct(k) {
			return true
		}
	}
	return false
}

// cueStatement builds the statement of a cue at token v, n tokens long:
// its speaker is the noun phrase after it, and what it reports is the rest
// of the sentence ("The army killed 20 militants, according to a
// statement"). A cue that attributes a direct quote of the sentence
// reports nothing more.
func (fd *finding) cueStatement(si, v, n int, in []bool) *statement {
	s := &fd.sents[si]
	spk := fd.cueSpeaker(si, v, n, len(s.toks))
	end := v + n
	if spk != nil {
		end = spk.hi
		// Modifiers of the speaker past its phrase ("according to the
		// monitor, which …") are not what it reports.
		if h := spk.head; h >= 0 {
			sub := make([]bool, len(s.toks))
			s.subtree(h, sub, nil)
			for k := end; k < len(sub) && sub[k]; k++ {
				end = k + 1
			}
		}
	}
	for k := range in {
		in[k] = (k < v || k >= end) && s.quote[k] < 0
	}
	for k := range s.toks {
		if s.quote[k] >= 0 {
			return nil // the cue attributes the sentence's quote
		}
	}
	parts := fd.runs(s, in)
	if parts == nil {
		return nil
	}
	return &statement{
		span:  nlp.Span{Start: parts[0].Start, End: parts[len(parts)-1].End},
		parts: parts,
		sents: [2]int{si, si},
		verb:  s.spanOf(v, v+n),
		spk:   spk,
	}
}
