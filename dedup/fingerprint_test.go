package dedup

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSignatureAccuracy checks the one-permutation signature against sets
// of known Jaccard similarity, from a headline's worth of shingles to a
// long article's.
func TestSignatureAccuracy(t *testing.T) {
	f := fingerprinter{params: defaultParams()}
	rng := rand.New(rand.NewPCG(1, 1))
	for _, size := range []int{20, 100, 600, 2000} {
		var sumErr, sumSq float64
		const trials = 200
		for range trials {
			common := rng.IntN(size + 1)
			a := make([]uint64, 0, size)
			b := make([]uint64, 0, size)
			for range common {
				w := rng.Uint64()
				a, b = append(a, w), append(b, w)
			}
			for range size - common {
				a, b = append(a, rng.Uint64()), append(b, rng.Uint64())
			}
			// Shingles of one word: the words are the set.
			sa, sb := f.signature(a, 1), f.signature(b, 1)
			pa, pb := pack(&sa), pack(&sb)
			j := float64(common) / float64(2*size-common)
			e := sigSimilarity(equalSig(&pa, &pb)) - j
			sumErr += e
			sumSq += e * e
		}
		bias, rmse := sumErr/trials, math.Sqrt(sumSq/trials)
		t.Logf("%4d shingles: bias %+.4f, root mean square error %.4f", size, bias, rmse)
		if math.Abs(bias) > 0.015 || rmse > 0.06 {
			t.Errorf("%d shingles: bias %.4f, error %.4f; want within 0.015 and 0.06", size, bias, rmse)
		}
	}
}

func TestEqualCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for range 1000 {
		var a, b [NumHashes]uint16
		var sa, sb [SketchLen]uint8
		for i := range a {
			a[i] = uint16(rng.IntN(4))
			b[i] = uint16(rng.IntN(4))
			if rng.IntN(8) == 0 {
				a[i] = 0x8000 | a[i]
			}
		}
		for i := range sa {
			sa[i], sb[i] = uint8(rng.IntN(3))<<6, uint8(rng.IntN(3))<<6
		}
		want, wantS := 0, 0
		for i := range a {
			if a[i] == b[i] {
				want++
			}
		}
		for i := range sa {
			if sa[i] == sb[i] {
				wantS++
			}
		}
		pa, pb := pack(&a), pack(&b)
		if got := equalSig(&pa, &pb); got != want {
			t.Fatalf("equalSig = %d, want %d", got, want)
		}
		if got := equalSketch(&sa, &sb); got != wantS {
			t.Fatalf("equalSketch = %d, want %d", got, wantS)
		}
	}
}

func TestExactFingerprint(t *testing.T) {
	x := newTestIndex(t, Options{})
	exact := func(s string) uint64 { return x.Fingerprint(Doc{Text: s}).Exact }
	base := "Rebels seized Hama's airport.\n\nThe army said it would retake it."
	for _, tc := range []struct {
		name, text string
		same       bool
	}{
		{"case", "REBELS SEIZED HAMA'S AIRPORT.\n\nThe Army said it would retake it.", true},
		{"white space", "Rebels  seized Hama's airport.\nThe army said it\twould retake it. ", true},
		{"punctuation", "Rebels seized Hama’s airport —\n\nthe army said it would retake it!", true},
		{"diacritics", "Rebels seized Ḥamā's airport.\n\nThe army said it would retake it.", true},
		{"repeated line", "Rebels seized Hama's airport.\n\nRebels seized Hama's airport.\n\nThe army said it would retake it.", true},
		{"synonym", "Rebels seized Hamah's airport.\n\nThe army said it would retake it.", false},
		{"one word", "Rebels seized Hama's airfield.\n\nThe army said it would retake it.", false},
		{"order", "The army said it would retake it.\n\nRebels seized Hama's airport.", false},
		{"split word", "Rebels seized Ha ma's airport.\n\nThe army said it would retake it.", false},
	} {
		if got := exact(tc.text) == exact(base); got != tc.same {
			t.Errorf("%s: same exact fingerprint %v, want %v", tc.name, got, tc.same)
		}
	}
	if exact("") != 0 || exact(" ... -- !") != 0 {
		t.Error("a text without words has a non-zero exact fingerprint")
	}
}

func TestScanWords(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Dar'a's U.S.-backed al-Qaida-linked Ḥamāh", "dara s u s backed al qaida linked hamah"},
		{"Russia’s rock 'n' roll", "russia s rock n roll"},
		{"“Quoted” (words), 1,000 people; 5.5%", "quoted words 1 000 people 5 5"},
		{"rock 'n' roll 'tis", "rock n roll tis"},
		{"Straße Øresund Łódź", "strasse oresund lodz"},
		{"", ""},
		{"\xff\xfe bad \xc3", "bad"},
	} {
		ws, _ := scanWords(nil, tc.text, nil)
		var want []uint64
		for _, w := range strings.Fields(tc.want) {
			want = append(want, hashBytes([]byte(w)))
		}
		if len(ws) != len(want) {
			t.Errorf("%q: %d words, want %d (%s)", tc.text, len(ws), len(want), tc.want)
			continue
		}
		for i := range ws {
			if ws[i].hash != want[i] {
				t.Errorf("%q: word %d differs from %q", tc.text, i, strings.Fields(tc.want)[i])
			}
		}
	}
}
