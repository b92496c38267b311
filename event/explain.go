package event

import (
	"fmt"
	"strings"

	"sitrep/nlp"
)

// Explain describes how the coder sees a parsed sentence: each token with
// its relation and actor, each dictionary verb with its arguments and the
// patterns that fit. It is for people tuning dictionaries.
func (c *Coder) Explain(toks []nlp.Token, opt Options) string {
	var b strings.Builder
	s := newSentence(c, toks, opt)
	t := s.t
	for i, tok := range toks {
		a := s.actorOf(i)
		as := ""
		if a != nil {
			as = " ACTOR=" + a.Code
		}
		fmt.Fprintf(&b, "%d %s/%s/%s head=%d %s%s\n", i, tok.Form, t.lemma[i], tok.UPOS, tok.Head, t.rel[i], as)
	}
	for v := range toks {
		es := s.verbEntries(v)
		if len(es) == 0 {
			continue
		}
		cl := s.clauseOf(v)
		fmt.Fprintf(&b, "VERB %d %s entries=%d code=%q subj=%v obj=%v pre=%v post=%v passive=%v neg=%v\n", v, toks[v].Form, len(es), es[0].CodeOrBlock(), cl.subjects, cl.objects, cl.pre, cl.post, cl.passive, cl.negated)
		for _, e := range es {
			for _, p := range e.Block.Patterns {
				if m := s.matchPattern(p, cl); m != nil {
					fmt.Fprintf(&b, "  match %s [%s] score=%d src=%v tgt=%v\n", p.Text, p.Code, m.score, m.source, m.target)
				}
			}
		}
	}
	return b.String()
}
