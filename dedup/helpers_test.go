package dedup

// shingleSet returns the set of article shingles of text, as the index
// sees them.
func shingleSet(x *Index, text string) map[uint64]bool {
	d := &Doc{Text: text}
	words, _ := scanWords(nil, d.Text, nil)
	canon := x.f.syn.rewrite(nil, words)
	set := map[uint64]bool{}
	x.f.eachShingle(canon, articleK, func(h uint64) { set[h] = true })
	return set
}

// trueJaccard is the Jaccard similarity of two texts' shingle sets.
func trueJaccard(x *Index, a, b string) float64 {
	sa, sb := shingleSet(x, a), shingleSet(x, b)
	inter := 0
	for h := range sa {
		if sb[h] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}
