//go:build amd64 && !purego

package nlp

import "golang.org/x/sys/cpu"

// hasAVX2 is a fact about the machine, read once.
var hasAVX2 = cpu.X86.HasAVX2

// addRowsAVX2 is addRowsGeneric with 256-bit adds; lanes must be a
// multiple of 4 and every row must lie inside dense.
//
//go:noescape
func addRowsAVX2(acc *uint64, dense *uint64, starts *int32, n int, lanes int)

// addRows adds the dense rows dense[s:s+len(acc)], for each s in starts,
// to acc.
func addRows(acc, dense []uint64, starts []int32) {
	if len(starts) == 0 {
		return
	}
	if hasAVX2 && len(acc)%4 == 0 {
		addRowsAVX2(&acc[0], &dense[0], &starts[0], len(starts), len(acc))
		return
	}
	addRowsGeneric(acc, dense, starts)
}
