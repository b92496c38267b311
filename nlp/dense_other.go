//go:build !amd64 || purego

package nlp

func addRows(acc, dense []uint64, starts []int32) { addRowsGeneric(acc, dense, starts) }
