package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// The treebank files 'sitrep train' reads from its --treebank folder.
const (
	trainFile = "en_ewt-ud-train.conllu"
	devFile   = "en_ewt-ud-dev.conllu"
	testFile  = "en_ewt-ud-test.conllu"
)

// Defaults of 'sitrep train', relative to the module root.
const (
	defaultTreebank = "data/ud-english-ewt" // inside ../shared
	defaultModel    = "nlp/model/en_ewt.model.gz"
)

// trainCommand is 'sitrep train'.
type trainCommand struct {
	treebank     string
	out          string
	taggerEpochs int
	parserEpochs int
	folds        int
	seed         uint64
	workers      int
	news         int
}

func (c *trainCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.StringVar(&c.treebank, "treebank", "", "")
	fs.StringVar(&c.out, "out", "", "")
	fs.IntVar(&c.taggerEpochs, "tagger-epochs", 0, "")
	fs.IntVar(&c.parserEpochs, "parser-epochs", 0, "")
	fs.IntVar(&c.folds, "folds", 0, "")
	fs.Uint64Var(&c.seed, "seed", 1, "")
	fs.IntVar(&c.workers, "workers", 0, "")
	fs.IntVar(&c.news, "news", nlp.DefaultNews, "")
	return fs
}

func (c *trainCommand) synopsis() string {
	return "sitrep train [--treebank DIR] [--out FILE] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--seed N] [--workers N] [--news N]"
}

func (c *trainCommand) help() string {
	return `Train trains the tagger, lemmatizer and parser on DIR/` + trainFile + `,
writes the model (gzip-compressed) to FILE, then scores it on
DIR/` + devFile + ` and DIR/` + testFile + ` when they exist and
prints the scores. The model records the corpus, the date, the options and
the scores. Progress is logged on standard error.

To ship a new model, train with the default --out and rebuild sitrep: the
model is embedded in the binary.

Flags:
  --treebank DIR       the UD English EWT folder (default: ../shared/` + defaultTreebank + `
                       beside the module root)
  --out FILE           where to write the model (default: ` + defaultModel + `
                       in the module root)
  --tagger-epochs N    tagger training epochs; 0 means the nlp package default
  --parser-epochs N    parser training epochs; 0 means the nlp package default
  --folds N            jackknife folds giving the parser predicted tags; 1
                       trains it on gold tags; 0 means the nlp package default
  --seed N             seed of the training shuffles (default 1); the same
                       seed and data give the same model
  --workers N          taggers trained at once; 0 means one per core
  --news N             synthetic news sentences (nlp.NewsSentences) added to
                       the training data; 0 adds none (default ` + strconv.Itoa(nlp.DefaultNews) + `)
`
}

func (c *trainCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"tagger-epochs", c.taggerEpochs}, {"parser-epochs", c.parserEpochs}, {"folds", c.folds}, {"workers", c.workers}, {"news", c.news}} {
		if f.v < 0 {
			return usagef("--%s: want 0 or more, got %d", f.name, f.v)
		}
	}
	dir, out, err := c.paths()
	if err != nil {
		return err
	}
	start := time.Now()
	docs, words, err := readTreebank(ctx, e, filepath.Join(dir, trainFile))
	if err != nil {
		return err
	}
	e.log.Info("read training data", "file", filepath.Join(dir, trainFile), "sentences", len(docs), "words", words)
	opts := nlp.TrainOptions{
		Tagger:  nlp.TaggerOptions{Epochs: c.taggerEpochs, Seed: c.seed},
		Parser:  nlp.ParserOptions{Epochs: c.parserEpochs, Seed: c.seed},
		Folds:   c.folds,
		Workers: c.workers,
		News:    c.news,
		Logger:  e.log,
	}.WithDefaults()
	m, err := nlp.Train(ctx, docs, opts)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	e.log.Info("trained", "elapsed", time.Since(start).Round(time.Second))

	var info strings.Builder
	fmt.Fprintf(&info, "corpus: %s/%s (%d sentences, %d words)",
		filepath.Base(dir), trainFile, len(docs), words)
	if c.news > 0 {
		fmt.Fprintf(&info, " + %d synthetic news sentences (nlp/news.go)", c.news)
	}
	info.WriteString("\n")
	fmt.Fprintf(&info, "trained: %s by sitrep train\n", start.UTC().Format(time.RFC3339))
	fmt.Fprintf(&info, "options: tagger-epochs=%d parser-epochs=%d folds=%d seed=%d news=%d\n",
		opts.Tagger.Epochs, opts.Parser.Epochs, opts.Folds, c.seed, c.news)
	var report strings.Builder
	for _, f := range []struct{ name, file string }{{"dev", devFile}, {"test", testFile}} {
		path := filepath.Join(dir, f.file)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			e.log.Warn("no evaluation file", "file", path)
			continue
		}
		r, err := scoreTreebank(ctx, e, m, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(&info, "%s: %s\n", f.name, r.Scores)
		fmt.Fprintf(&report, "%-5s %s\n", f.name, r.Scores)
	}
	m.Info = info.String()
	if err := writeModelFile(out, m); err != nil {
		return err
	}
	e.log.Info("wrote model", "file", out)
	_, err = fmt.Fprintf(e.stdout, "%smodel %s\n", report.String(), out)
	return err
}

// paths returns the treebank folder and the model file, resolving the
// defaults from the module root.
func (c *trainCommand) paths() (dir, out string, err error) {
	dir, out = c.treebank, c.out
	if dir == "" {
		if dir, err = sharedDefault(defaultTreebank); err != nil {
			return "", "", fmt.Errorf("%w; pass --treebank DIR", err)
		}
	}
	if out == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", "", fmt.Errorf("%w; pass --out FILE", err)
		}
		out = filepath.Join(root, filepath.FromSlash(defaultModel))
	}
	if _, err := os.Stat(filepath.Join(dir, trainFile)); err != nil {
		return "", "", fmt.Errorf("treebank: %w", pathError(filepath.Join(dir, trainFile), err))
	}
	return dir, out, nil
}

// readTreebank reads the sentences of a CoNLL-U file, one document each, and
// counts their words.
func readTreebank(ctx context.Context, e *env, path string) ([]*nlp.Doc, int, error) {
	in, err := openText(path, nil)
	if err != nil {
		return nil, 0, err
	}
	defer in.Close()
	var docs []*nlp.Doc
	words := 0
	r := conllu.NewReader(in, in.Name)
	for {
		if len(docs)&1023 == 1023 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		docs = append(docs, s.Doc)
		words += len(s.Doc.Tokens)
	}
	warnInvalid(e, in)
	return docs, words, nil
}

// writeModelFile writes m to path through a temporary file in the same
// folder, so that a failed run never leaves half a model behind.
func writeModelFile(path string, m *nlp.Model) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriter(tmp)
	if err := nlp.WriteModel(w, m); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
