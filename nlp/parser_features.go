package nlp

// Parser feature templates, after Zhang and Nivre (2011), "Transition-based
// dependency parsing with rich non-local features", adapted to arc-hybrid:
// s1 is the only stack word that can become s0's head, so it stands where
// their templates use s0's head. Their distance features and the word
// features of the second and third buffer words are left out: on EWT dev
// they made no difference, and every template costs a table lookup.
const (
	ptS0w = iota + 1
	ptS0p
	ptS0wp
	ptS1w
	ptS1p
	ptS1wp
	ptS2p
	ptB0w
	ptB0p
	ptB0wp
	ptB1p
	ptS0wpB0wp
	ptS0wpB0w
	ptS0wB0wp
	ptS0wpB0p
	ptS0pB0wp
	ptS0wB0w
	ptS0pB0p
	ptB0pB1p
	ptS1wpS0wp
	ptS1wS0w
	ptS1pS0p
	ptS1wS0p
	ptS1pS0w
	ptB0pB1pB2p
	ptS0pB0pB1p
	ptS1pS0pB0p
	ptS2pS1pS0p
	ptS0pS0lpB0p
	ptS0pS0rpB0p
	ptS0pB0pB0lp
	ptS1pS1rpS0p
	ptS1pS0pS0lp
	ptS1pS0pS0rp
	ptS0wVr
	ptS0pVr
	ptS0wVl
	ptS0pVl
	ptB0wVl
	ptB0pVl
	ptS1pVr
	ptS1pVl
	ptS0lw
	ptS0lp
	ptS0ll
	ptS0rw
	ptS0rp
	ptS0rl
	ptB0lw
	ptB0lp
	ptB0ll
	ptS1rw
	ptS1rp
	ptS1rl
	ptS1lp
	ptS1ll
	ptS0l2w
	ptS0l2p
	ptS0l2l
	ptS0r2w
	ptS0r2p
	ptS0r2l
	ptB0l2w
	ptB0l2p
	ptB0l2l
	ptS0pS0lpS0l2p
	ptS0pS0rpS0r2p
	ptB0pB0lpB0l2p
	ptS1pS1rpS1r2p
	ptS0wSr
	ptS0pSr
	ptS0wSl
	ptS0pSl
	ptB0wSl
	ptB0pSl
	ptS1pSr
)

// features appends the features of the current configuration.
func (st *parseState) features(buf []uint64) []uint64 {
	none := st.n + 1
	at := func(i int) int { // stack position i from the top
		if i < len(st.stack) {
			return st.stack[len(st.stack)-1-i]
		}
		return none
	}
	s0, s1, s2 := at(0), at(1), at(2)
	b0, b1, b2 := st.b, none, none
	if st.b+1 < st.n {
		b1 = st.b + 1
	} else if st.b+1 == st.n {
		b1 = st.n
	}
	if st.b+2 < st.n {
		b2 = st.b + 2
	} else if st.b+2 == st.n {
		b2 = st.n
	}
	child := func(c []int, i int) int {
		if i == none || c[i] < 0 {
			return none
		}
		return c[i]
	}
	s0l, s0r := child(st.lc1, s0), child(st.rc1, s0)
	s0l2, s0r2 := child(st.lc2, s0), child(st.rc2, s0)
	s1l, s1r, s1r2 := child(st.lc1, s1), child(st.rc1, s1), child(st.rc2, s1)
	b0l, b0l2 := child(st.lc1, b0), child(st.lc2, b0)

	a := st.atoms
	lab := func(i int) uint64 {
		if i >= st.n || st.head[i] < 0 {
			return 0
		}
		return uint64(st.label[i]) + 1
	}
	val := func(v []uint8, i int) uint64 {
		if i >= st.n {
			return 0
		}
		return uint64(v[i])
	}
	set := func(v []uint64, i int) uint64 {
		if i >= st.n {
			return 0
		}
		return v[i]
	}
	S0, S1, S2, B0, B1, B2 := &a[s0], &a[s1], &a[s2], &a[b0], &a[b1], &a[b2]
	s0vl, s0vr, b0vl := val(st.nl, s0), val(st.nr, s0), val(st.nl, b0)
	return append(buf,
		f1(ptS0w, S0.word),
		f1(ptS0p, S0.tag),
		f1(ptS0wp, S0.wt),
		f1(ptS1w, S1.word),
		f1(ptS1p, S1.tag),
		f1(ptS1wp, S1.wt),
		f1(ptS2p, S2.tag),
		f1(ptB0w, B0.word),
		f1(ptB0p, B0.tag),
		f1(ptB0wp, B0.wt),
		f1(ptB1p, B1.tag),
		f2(ptS0wpB0wp, S0.wt, B0.wt),
		f2(ptS0wpB0w, S0.wt, B0.word),
		f2(ptS0wB0wp, S0.word, B0.wt),
		f2(ptS0wpB0p, S0.wt, B0.tag),
		f2(ptS0pB0wp, S0.tag, B0.wt),
		f2(ptS0wB0w, S0.word, B0.word),
		f2(ptS0pB0p, S0.tag, B0.tag),
		f2(ptB0pB1p, B0.tag, B1.tag),
		f2(ptS1wpS0wp, S1.wt, S0.wt),
		f2(ptS1wS0w, S1.word, S0.word),
		f2(ptS1pS0p, S1.tag, S0.tag),
		f2(ptS1wS0p, S1.word, S0.tag),
		f2(ptS1pS0w, S1.tag, S0.word),
		f3(ptB0pB1pB2p, B0.tag, B1.tag, B2.tag),
		f3(ptS0pB0pB1p, S0.tag, B0.tag, B1.tag),
		f3(ptS1pS0pB0p, S1.tag, S0.tag, B0.tag),
		f3(ptS2pS1pS0p, S2.tag, S1.tag, S0.tag),
		f3(ptS0pS0lpB0p, S0.tag, a[s0l].tag, B0.tag),
		f3(ptS0pS0rpB0p, S0.tag, a[s0r].tag, B0.tag),
		f3(ptS0pB0pB0lp, S0.tag, B0.tag, a[b0l].tag),
		f3(ptS1pS1rpS0p, S1.tag, a[s1r].tag, S0.tag),
		f3(ptS1pS0pS0lp, S1.tag, S0.tag, a[s0l].tag),
		f3(ptS1pS0pS0rp, S1.tag, S0.tag, a[s0r].tag),
		f2(ptS0wVr, S0.word, s0vr),
		f2(ptS0pVr, S0.tag, s0vr),
		f2(ptS0wVl, S0.word, s0vl),
		f2(ptS0pVl, S0.tag, s0vl),
		f2(ptB0wVl, B0.word, b0vl),
		f2(ptB0pVl, B0.tag, b0vl),
		f2(ptS1pVr, S1.tag, val(st.nr, s1)),
		f2(ptS1pVl, S1.tag, val(st.nl, s1)),
		f1(ptS0lw, a[s0l].word),
		f1(ptS0lp, a[s0l].tag),
		f1(ptS0ll, lab(s0l)),
		f1(ptS0rw, a[s0r].word),
		f1(ptS0rp, a[s0r].tag),
		f1(ptS0rl, lab(s0r)),
		f1(ptB0lw, a[b0l].word),
		f1(ptB0lp, a[b0l].tag),
		f1(ptB0ll, lab(b0l)),
		f1(ptS1rw, a[s1r].word),
		f1(ptS1rp, a[s1r].tag),
		f1(ptS1rl, lab(s1r)),
		f1(ptS1lp, a[s1l].tag),
		f1(ptS1ll, lab(s1l)),
		f1(ptS0l2w, a[s0l2].word),
		f1(ptS0l2p, a[s0l2].tag),
		f1(ptS0l2l, lab(s0l2)),
		f1(ptS0r2w, a[s0r2].word),
		f1(ptS0r2p, a[s0r2].tag),
		f1(ptS0r2l, lab(s0r2)),
		f1(ptB0l2w, a[b0l2].word),
		f1(ptB0l2p, a[b0l2].tag),
		f1(ptB0l2l, lab(b0l2)),
		f3(ptS0pS0lpS0l2p, S0.tag, a[s0l].tag, a[s0l2].tag),
		f3(ptS0pS0rpS0r2p, S0.tag, a[s0r].tag, a[s0r2].tag),
		f3(ptB0pB0lpB0l2p, B0.tag, a[b0l].tag, a[b0l2].tag),
		f3(ptS1pS1rpS1r2p, S1.tag, a[s1r].tag, a[s1r2].tag),
		f2(ptS0wSr, S0.word, set(st.rset, s0)),
		f2(ptS0pSr, S0.tag, set(st.rset, s0)),
		f2(ptS0wSl, S0.word, set(st.lset, s0)),
		f2(ptS0pSl, S0.tag, set(st.lset, s0)),
		f2(ptB0wSl, B0.word, set(st.lset, b0)),
		f2(ptB0pSl, B0.tag, set(st.lset, b0)),
		f2(ptS1pSr, S1.tag, set(st.rset, s1)),
	)
}
