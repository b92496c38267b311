package nlp_test

import (
	"testing"
	"time"

	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// TestSlowTrainEWT trains a model from scratch on EWT train and the
// default number of synthetic news sentences, as 'sitrep train' does, and holds it to the accuracy floors on EWT test and
// to the 20-minute training budget.
func TestSlowTrainEWT(t *testing.T) {
	testshared.Slow(t)
	train := readTreebank(t, "data/ud-english-ewt/en_ewt-ud-train.conllu")
	docs := make([]*nlp.Doc, len(train))
	for i, s := range train {
		docs[i] = s.Doc
	}
	start := time.Now()
	m, err := nlp.Train(t.Context(), docs, nlp.TrainOptions{News: nlp.DefaultNews, Tagger: nlp.TaggerOptions{Seed: 1}, Parser: nlp.ParserOptions{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	t.Logf("trained in %v", elapsed.Round(time.Second))
	if elapsed > 20*time.Minute {
		t.Errorf("training took %v, over the 20-minute budget", elapsed)
	}
	gold := readTreebank(t, "data/ud-english-ewt/en_ewt-ud-test.conllu")
	s, err := conllu.Score(gold, annotateGoldTokens(t, m, gold))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test: %v", s)
	if s.Percent(s.UPOS) < 94.5 || s.Percent(s.UAS) < 85 || s.Percent(s.LAS) < 81 {
		t.Errorf("retrained model below the floors (UPOS 94.5, UAS 85, LAS 81): %v", s)
	}
}
