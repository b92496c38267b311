package nlp

// addRowsGeneric adds the dense rows dense[s:s+len(acc)], for each s in
// starts, to acc.
func addRowsGeneric(acc, dense []uint64, starts []int32) {
	for _, s := range starts {
		row := dense[int(s) : int(s)+len(acc)]
		for j, v := range row {
			acc[j] += v
		}
	}
}
