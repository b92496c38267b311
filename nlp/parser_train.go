package nlp

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
)

// ParserOptions tune parser training.
type ParserOptions struct {
	// Epochs over the training sentences; 0 means 15.
	Epochs int
	// Seed of the shuffle and of exploration.
	Seed uint64
	// ExploreFrom is the first epoch (counting from 0) in which training
	// follows the model's own, possibly wrong, transitions; 0 means 1.
	ExploreFrom int
	// Explore is the probability of following the model's transition rather
	// than the best one once exploring; 0 means 0.9.
	Explore float64
	// MinUpdates drops, from the final model, features updated fewer
	// times in training: most features are updated once, by a single
	// mistake, and dropping them halves the model at no measurable cost
	// in accuracy. 0 means 2; 1 keeps all.
	MinUpdates int
	// AfterEpoch, if set, is called after each epoch with the averaged
	// parser so far (for learning curves on held-out data).
	AfterEpoch func(epoch int, p *Parser)
	// Logger receives one line per epoch; nil discards.
	Logger *slog.Logger
}

func (o ParserOptions) withDefaults() ParserOptions {
	o.Epochs = cmp0(o.Epochs, 15)
	o.ExploreFrom = cmp0(o.ExploreFrom, 1)
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	o.MinUpdates = cmp0(o.MinUpdates, 2)
	return o
}

// TrainParser trains a parser on docs, whose tokens carry the tags the parser
// will see at run time (predicted ones, for a realistic model) and gold heads
// and relations. Non-projective trees are made projective for training by
// lifting the shortest crossing arcs to the head's head.
func TrainParser(ctx context.Context, docs []*Doc, opt ParserOptions) (*Parser, error) {
	opt = opt.withDefaults()
	epochs, exploreFrom, explore := opt.Epochs, opt.ExploreFrom, opt.Explore
	sents := goldSentences(docs)
	labels := []string{"root"}
	labelOf := map[string]int{"root": 0}
	type gold struct {
		head  []int
		label []uint8
	}
	golds := make([]gold, len(sents))
	for si, toks := range sents {
		n := len(toks)
		g := gold{head: make([]int, n), label: make([]uint8, n)}
		roots := 0
		for i, t := range toks {
			if t.Deprel == "" || t.Head < -1 || t.Head >= n || t.Head == i {
				return nil, fmt.Errorf("nlp: train parser: sentence %d word %d: bad head %d / relation %q", si+1, i+1, t.Head+1, t.Deprel)
			}
			g.head[i] = t.Head
			if t.Head < 0 {
				g.head[i] = n
				roots++
			}
			l, ok := labelOf[t.Deprel]
			if !ok {
				l = len(labels)
				labelOf[t.Deprel] = l
				labels = append(labels, t.Deprel)
			}
			if (t.Head < 0) != (l == 0) {
				return nil, fmt.Errorf("nlp: train parser: sentence %d word %d: relation %q with head %d", si+1, i+1, t.Deprel, t.Head+1)
			}
			g.label[i] = uint8(l)
		}
		if roots != 1 {
			return nil, fmt.Errorf("nlp: train parser: sentence %d has %d roots", si+1, roots)
		}
		if len(labels) > 64 {
			return nil, fmt.Errorf("nlp: train parser: more than 64 relations")
		}
		projectivize(g.head)
		golds[si] = g
	}
	nl := len(labels)
	classes := 1 + 2*nl
	tr := newTrainer(classes)
	tr.minUpdates = int32(opt.MinUpdates)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a25))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	st := &parseState{}
	scores := make([]float32, classes)
	cost := make([]int, classes)
	var onStack []bool
	for epoch := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for k, si := range order {
			if k&255 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			toks, g := sents[si], golds[si]
			st.reset(toks)
			onStack = resize(onStack, len(toks)+1, false)
			for !st.terminal() {
				st.feats = st.features(st.feats[:0])
				tr.score(st.feats, scores)
				minCost := st.costs(cost, g.head, g.label, onStack, nl)
				pred, best := -1, -1
				for c := range classes {
					if cost[c] < 0 {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if cost[c] == minCost && (best < 0 || scores[c] > scores[best]) {
						best = c
					}
				}
				tr.tick()
				total++
				next := best
				if cost[pred] > minCost {
					wrong++
					tr.update(st.feats, best, pred, 1)
					if epoch >= exploreFrom && rng.Float64() < explore {
						next = pred
					}
				}
				st.applyTracked(next, nl, onStack)
			}
		}
		if opt.AfterEpoch != nil {
			opt.AfterEpoch(epoch+1, newParser(labels, tr.averaged()))
		}
		if opt.Logger != nil {
			opt.Logger.Info("parser epoch", "epoch", epoch+1,
				"transition_acc", fmt.Sprintf("%.4f", 1-float64(wrong)/float64(max(total, 1))),
				"features", len(tr.index))
		}
	}
	return newParser(labels, tr.averaged()), nil
}

// applyTracked applies class c and keeps onStack in step with the stack.
func (st *parseState) applyTracked(c, nl int, onStack []bool) {
	if c == shift {
		onStack[st.b] = true
	} else {
		onStack[st.stack[len(st.stack)-1]] = false
	}
	st.apply(c, nl)
}

// costs sets cost[c] to the number of gold arcs that class c makes
// unreachable (a wrong label on a right arc counts as one), or -1 when c is
// not legal, and returns the smallest cost. head holds the gold head of each
// word, n for the root; the configuration must be reachable from a
// projective tree for the costs to be exact (Goldberg and Nivre, 2013).
func (st *parseState) costs(cost []int, head []int, label []uint8, onStack []bool, nl int) int {
	n := st.n
	for c := range cost {
		cost[c] = -1
	}
	minCost := -1
	keep := func(c, v int) {
		if !st.legal(c, nl) {
			return
		}
		cost[c] = v
		if minCost < 0 || v < minCost {
			minCost = v
		}
	}
	b0 := st.b
	if b0 < n { // SHIFT
		c := 0
		h := head[b0]
		if h < n && onStack[h] && (len(st.stack) == 0 || h != st.stack[len(st.stack)-1]) {
			c++
		}
		for _, d := range st.stack {
			if head[d] == b0 {
				c++
			}
		}
		keep(shift, c)
	}
	if len(st.stack) == 0 {
		return minCost
	}
	s0 := st.stack[len(st.stack)-1]
	s1 := -1
	if len(st.stack) >= 2 {
		s1 = st.stack[len(st.stack)-2]
	}
	deps := 0 // dependents of s0 still in the buffer
	for d := b0; d < n; d++ {
		if head[d] == s0 {
			deps++
		}
	}
	h := head[s0]
	// LEFT: s0 ← b0.
	left := deps
	if h != b0 && (h == s1 || h > b0) {
		left++
	}
	for l := range nl {
		v := left
		if h == b0 && l != int(label[s0]) {
			v++
		}
		keep(1+l, v)
	}
	// RIGHT: s1 → s0.
	if s1 >= 0 {
		right := deps
		if h != s1 && h >= b0 {
			right++
		}
		for l := range nl {
			v := right
			if h == s1 && l != int(label[s0]) {
				v++
			}
			keep(1+nl+l, v)
		}
	}
	return minCost
}

// projectivize lifts arcs until the tree given by head (n for the root) is
// projective: the shortest non-projective arc h → d becomes head(h) → d.
func projectivize(head []int) {
	n := len(head)
	for range n * n {
		best, bestLen := -1, n+2
		for d := range n {
			h := head[d]
			if h == n {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			if hi-lo < bestLen && !projectiveArc(head, h, lo, hi) {
				best, bestLen = d, hi-lo
			}
		}
		if best < 0 {
			return
		}
		head[best] = head[head[best]]
	}
}

// projectiveArc reports whether every word strictly between lo and hi is
// dominated by h.
func projectiveArc(head []int, h, lo, hi int) bool {
	n := len(head)
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := 0; a != h && a != n && steps <= n; steps++ {
			a = head[a]
		}
		if a != h {
			return false
		}
	}
	return true
}
