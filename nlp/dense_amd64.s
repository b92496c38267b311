//go:build amd64 && !purego

#include "textflag.h"

// func addRowsAVX2(acc *uint64, dense *uint64, starts *int32, n int, lanes int)
//
// For each group of 16 lanes (then each group of 4), keep the sums in
// registers and add that part of every row.
TEXT ·addRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ acc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ starts+16(FP), R8
	MOVQ n+24(FP), R9
	MOVQ lanes+32(FP), R10
	XORQ R11, R11

group16:
	MOVQ R10, AX
	SUBQ R11, AX
	CMPQ AX, $16
	JLT  group4
	LEAQ (DI)(R11*8), DX
	VMOVDQU (DX), Y0
	VMOVDQU 32(DX), Y1
	VMOVDQU 64(DX), Y2
	VMOVDQU 96(DX), Y3
	XORQ CX, CX

rows16:
	CMPQ    CX, R9
	JGE     store16
	MOVLQSX (R8)(CX*4), BX
	ADDQ    R11, BX
	LEAQ    (SI)(BX*8), BX
	VPADDQ  (BX), Y0, Y0
	VPADDQ  32(BX), Y1, Y1
	VPADDQ  64(BX), Y2, Y2
	VPADDQ  96(BX), Y3, Y3
	INCQ    CX
	JMP     rows16

store16:
	VMOVDQU Y0, (DX)
	VMOVDQU Y1, 32(DX)
	VMOVDQU Y2, 64(DX)
	VMOVDQU Y3, 96(DX)
	ADDQ    $16, R11
	JMP     group16

group4:
	MOVQ R10, AX
	SUBQ R11, AX
	CMPQ AX, $4
	JLT  done
	LEAQ (DI)(R11*8), DX
	VMOVDQU (DX), Y0
	XORQ CX, CX

rows4:
	CMPQ    CX, R9
	JGE     store4
	MOVLQSX (R8)(CX*4), BX
	ADDQ    R11, BX
	VPADDQ  (SI)(BX*8), Y0, Y0
	INCQ    CX
	JMP     rows4

store4:
	VMOVDQU Y0, (DX)
	ADDQ    $4, R11
	JMP     group4

done:
	VZEROUPPER
	RET
