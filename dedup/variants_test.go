package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// spins are the swaps a spinner makes that the default synonyms undo.
var spins = []struct{ from, to string }{
	{"Russia", "Russian Federation"},
	{"Kyiv", "Kiev"},
	{"Kharkiv", "Kharkov"},
	{"U.S.", "United States of America"},
	{"United Nations", "UN"},
	{"Syrian Observatory for Human Rights", "SOHR"},
	{"Hodeidah", "Hudaydah"},
	{"El Fasher", "El Fashir"},
	{"Democratic Republic of Congo", "DRC"},
	{"Islamic State", "ISIS"},
}

// variant makes a copy of the paragraphs of an article: with another title
// and without drop other paragraphs when drop > 0, spun, and with a share
// of words replaced.
func variant(rng *rand.Rand, paras []string, drop int, spin bool, edit float64) string {
	body := slices.Clone(paras[1:])
	for range drop {
		i := 1 + rng.IntN(len(body)-1)
		body = slices.Delete(body, i, i+1)
	}
	text := paras[0] + "\n\n" + strings.Join(body, "\n\n")
	if drop > 0 {
		text = "Breaking news from our partners\n\n" + strings.Join(body, "\n\n")
	}
	if spin {
		for _, s := range spins {
			text = strings.ReplaceAll(text, s.from, s.to)
		}
	}
	if edit > 0 {
		words := strings.Split(text, " ")
		for i := range words {
			if rng.Float64() < edit {
				words[i] = fmt.Sprintf("zq%d", rng.IntN(1000))
			}
		}
		text = strings.Join(words, " ")
	}
	return text
}

// TestVariants measures near-duplicate and patchwork detection on copies
// made from the corpus's original stories: reprints without the title and
// one or two paragraphs, spun copies, copies with 2-10% of their words
// changed, and patchworks of three stories.
func TestVariants(t *testing.T) {
	var originals [][]string
	var ids []string
	x := newTestIndex(t, Options{})
	for _, d := range readCorpus(t, "testdata/corpus.txt") {
		if d.want == "new" && d.sources == nil {
			originals = append(originals, strings.Split(d.Text, "\n\n"))
			ids = append(ids, d.ID)
			x.Add(d.Doc)
		}
	}
	// Different stories, also of one kind, place and week, stay apart.
	maxOther := 0.0
	for i := range ids {
		for j := range i {
			a := x.Fingerprint(Doc{Text: strings.Join(originals[i], "\n\n")})
			b := x.Fingerprint(Doc{Text: strings.Join(originals[j], "\n\n")})
			pa, pb := pack(&a.Signature), pack(&b.Signature)
			maxOther = max(maxOther, sigSimilarity(equalSig(&pa, &pb)))
		}
	}
	t.Logf("different stories: highest similarity %.3f", maxOther)

	rng := rand.New(rand.NewPCG(7, 11))
	type kind struct {
		name  string
		drop  int
		spin  bool
		edit  float64
		floor float64 // the recall it must reach
	}
	kinds := []kind{
		{"reprint -1 paragraph", 1, false, 0, 1},
		{"reprint -2 paragraphs", 2, false, 0, 0.6},
		{"spun", 0, true, 0, 1},
		{"spun -1 paragraph", 1, true, 0, 1},
		{"2% words changed", 0, false, 0.02, 1},
		{"5% words changed", 0, false, 0.05, 0.9},
		{"10% words changed", 0, false, 0.10, 0},
	}
	wrong := 0
	for _, k := range kinds {
		found, n := 0, 0
		lo, sum := 1.0, 0.0
		for trial := range 3 {
			for i, paras := range originals {
				id := fmt.Sprintf("%s/%d/%s", k.name, trial, ids[i])
				text := variant(rng, paras, k.drop, k.spin, k.edit)
				res := x.Add(Doc{ID: id, Text: text})
				n++
				if res.NearOf != "" && originalOf(res.Original) != ids[i] {
					wrong++
					t.Errorf("%s: a near-duplicate of %s (%s)", id, res.NearOf, res.Original)
				}
				if res.NearOf != "" {
					found++
				}
				j := trueJaccard(x, strings.Join(paras, "\n\n"), text)
				lo, sum = min(lo, j), sum+j
			}
		}
		recall := float64(found) / float64(n)
		t.Logf("%-22s found %2d of %d (recall %.2f); true similarity of such copies: lowest %.2f, mean %.2f", k.name, found, n, recall, lo, sum/float64(n))
		if recall < k.floor {
			t.Errorf("%s: recall %.2f below its floor %.2f", k.name, recall, k.floor)
		}
	}

	// Patchworks of three paragraphs of three stories each.
	stitched, tp, fp, fn := 0, 0, 0, 0
	const patches = 30
	for p := range patches {
		pick := rng.Perm(len(originals))[:3]
		var parts []string
		for _, i := range pick {
			body := originals[i][1:]
			j := rng.IntN(len(body) - 2)
			parts = append(parts, body[j:j+3]...)
		}
		res := x.Add(Doc{ID: fmt.Sprintf("patch/%d", p), Text: "Roundup\n\n" + strings.Join(parts, "\n\n")})
		if res.Stitched {
			stitched++
		} else {
			t.Logf("patch/%d not stitched: near %q copied %.2f sources %v", p, res.NearOf, res.Copied, res.Sources)
		}
		want := []string{ids[pick[0]], ids[pick[1]], ids[pick[2]]}
		for _, s := range res.Sources {
			if orig := originalOf(s); slices.Contains(want, orig) {
				tp++
			} else {
				fp++
			}
		}
		fn += max(0, len(want)-len(res.Sources))
	}
	p, r, _ := prf(tp, fp, fn)
	t.Logf("patchworks: %d of %d stitched; sources precision %.3f recall %.3f", stitched, patches, p, r)
	if stitched < patches || p < 1 || r < 0.95 {
		t.Errorf("patchworks below their floors (all stitched, precision 1, recall 0.95)")
	}
	if wrong > 0 {
		t.Errorf("%d copies matched the wrong story", wrong)
	}
}

// originalOf maps a variant's ID ("kind/trial/a1") to its story.
func originalOf(id string) string {
	return id[strings.LastIndex(id, "/")+1:]
}
