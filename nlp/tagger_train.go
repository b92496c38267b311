package nlp

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
)

// TaggerOptions tune tagger training.
type TaggerOptions struct {
	// Epochs over the training sentences; 0 means 10.
	Epochs int
	// Seed of the shuffle between epochs; runs with the same seed and data
	// give the same model.
	Seed uint64
	// DictMinCount and DictMinShare decide which words the tag dictionary
	// fixes: seen at least DictMinCount times (0 means 20) with one class at
	// least DictMinShare of the time (0 means 0.97).
	DictMinCount int
	DictMinShare float64
	// Logger receives one line per epoch; nil discards.
	Logger *slog.Logger
}

// goldSentences returns the token slices of every sentence of docs.
func goldSentences(docs []*Doc) [][]Token {
	var out [][]Token
	for _, d := range docs {
		for i := range d.Sentences {
			if toks := d.SentenceTokens(i); len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	return out
}

func (o TaggerOptions) withDefaults() TaggerOptions {
	o.Epochs = cmp0(o.Epochs, 10)
	o.DictMinCount = cmp0(o.DictMinCount, 20)
	if o.DictMinShare == 0 {
		o.DictMinShare = 0.97
	}
	return o
}

// TrainTagger trains a tagger on docs, whose tokens carry gold UPOS and XPOS.
func TrainTagger(ctx context.Context, docs []*Doc, opt TaggerOptions) (*Tagger, error) {
	opt = opt.withDefaults()
	epochs, minCount, minShare := opt.Epochs, opt.DictMinCount, opt.DictMinShare
	sents := goldSentences(docs)
	classOf := map[TagPair]int{}
	var tags []TagPair
	counts := map[uint64]map[int]int{}
	for _, toks := range sents {
		for _, t := range toks {
			p := TagPair{t.UPOS, t.XPOS}
			c, ok := classOf[p]
			if !ok {
				c = len(tags)
				classOf[p] = c
				tags = append(tags, p)
			}
			h := hashExact(t.Form)
			if counts[h] == nil {
				counts[h] = map[int]int{}
			}
			counts[h][c]++
		}
	}
	if len(tags) == 0 {
		return nil, fmt.Errorf("nlp: train tagger: no tagged tokens")
	}
	if len(tags) > 250 {
		return nil, fmt.Errorf("nlp: train tagger: %d tag pairs, at most 250 supported", len(tags))
	}
	dict := map[uint64]uint8{}
	for h, cc := range counts {
		total, best, bestN := 0, 0, 0
		for c, n := range cc {
			total += n
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if total >= minCount && float64(bestN) >= minShare*float64(total) {
			dict[h] = uint8(best)
		}
	}
	tr := newTrainer(len(tags))
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a66))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var (
		atoms  []tokenAtoms
		feats  []uint64
		scores = make([]float32, len(tags))
		pred   []int
	)
	for epoch := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for n, si := range order {
			if n&255 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			toks := sents[si]
			atoms = sentenceAtoms(atoms, toks)
			pred = pred[:0]
			for i, t := range toks {
				gold := classOf[TagPair{t.UPOS, t.XPOS}]
				if c, ok := dict[atoms[i+2].exact]; ok {
					pred = append(pred, int(c))
					continue
				}
				feats = tagFeatures(feats[:0], atoms, i, prevTag(pred, i, 1), prevTag(pred, i, 2))
				tr.score(feats, scores)
				guess := argmax(scores)
				tr.tick()
				tr.update(feats, gold, guess, 1)
				pred = append(pred, guess)
				total++
				if guess == gold {
					correct++
				}
			}
		}
		if opt.Logger != nil {
			opt.Logger.Info("tagger epoch", "epoch", epoch+1, "train_acc", fmt.Sprintf("%.4f", float64(correct)/float64(max(total, 1))), "features", len(tr.index))
		}
	}
	return newTagger(tags, dict, tr.averaged()), nil
}

func argmax(scores []float32) int {
	best := 0
	for c, v := range scores {
		if v > scores[best] {
			best = c
		}
	}
	return best
}

// cmp0 returns v, or def when v is zero.
func cmp0(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
