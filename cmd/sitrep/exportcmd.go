package main

import (
	"bufio"
	"context"
	"flag"
	"os"
	"strconv"
	"strings"

	"sitrep/export"
	"sitrep/store"
)

// exportCommand is 'sitrep export'.
type exportCommand struct {
	db, format, out string
	q               queryFlags
}

// queryFlags are the event filters of export (and of the API).
type queryFlags struct {
	actor, country, root, plover, from, to, bbox, text string
}

func (q *queryFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&q.actor, "actor", "", "")
	fs.StringVar(&q.country, "country", "", "")
	fs.StringVar(&q.root, "root", "", "")
	fs.StringVar(&q.plover, "plover", "", "")
	fs.StringVar(&q.from, "from", "", "")
	fs.StringVar(&q.to, "to", "", "")
	fs.StringVar(&q.bbox, "bbox", "", "")
	fs.StringVar(&q.text, "q", "", "")
}

// query builds the store query, or a usage error naming the bad flag.
func (q *queryFlags) query() (store.Query, error) {
	out := store.Query{Actor: q.actor, Country: q.country, Root: q.root, Plover: q.plover, From: q.from, To: q.to, Text: q.text}
	if q.bbox != "" {
		parts := strings.Split(q.bbox, ",")
		if len(parts) != 4 {
			return out, usagef("--bbox: want minLon,minLat,maxLon,maxLat, got %q", q.bbox)
		}
		var b [4]float64
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return out, usagef("--bbox: %q is not a number", p)
			}
			b[i] = v
		}
		out.BBox = &b
	}
	return out, nil
}

func (c *exportCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.StringVar(&c.db, "db", "sitrep.db", "")
	fs.StringVar(&c.format, "format", "csv", "")
	fs.StringVar(&c.out, "out", "", "")
	c.q.bind(fs)
	return fs
}

func (c *exportCommand) synopsis() string {
	return "sitrep export [--db FILE] [--format gdelt|plover|acled|geojson|csv] [--out FILE] [--actor CODE] [--country ISO3] [--root CC] [--plover TYPE] [--from DATE] [--to DATE] [--bbox W,S,E,N] [--q TEXT]"
}

func (c *exportCommand) help() string {
	return `Export writes the merged events of a database, one per real-world event
with its mention, source and article counts, in a format the field uses.
It streams: a million events export in bounded memory.

` + exportHelp + `

Flags:
  --db FILE              the database (default sitrep.db), or the URL of a
                         PostgreSQL one (postgres://...)
  --format FORMAT        as above (default csv)
  --out FILE             write to FILE instead of standard output
  --actor CODE           events whose source or target code starts with CODE
  --country ISO3         events with an actor or location in the country
  --root CC              events of a CAMEO root (19: fight)
  --plover TYPE          events of a PLOVER type (ASSAULT)
  --from, --to DATE      events dated within, inclusive (YYYY-MM-DD)
  --bbox W,S,E,N         events located within the box (degrees)
  --q TEXT               events reported by articles matching a full-text
                         query (words, "phrases", AND, OR, NOT, prefix*)
`
}

func (c *exportCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	q, err := c.q.query()
	if err != nil {
		return err
	}
	if _, err := export.ParseFormat(c.format); err != nil {
		return usagef("--format: %v", err)
	}
	st, err := openStore(ctx, c.db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	out := e.stdout
	var f *os.File
	if c.out != "" {
		if f, err = os.Create(c.out); err != nil {
			return err
		}
		out = f
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	written, skipped, err := exportEvents(bw, c.format, nil, func(fn func(store.Event) error) error {
		return st.EachEvent(ctx, q, fn)
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	reportExport(e, c.format, written, skipped)
	return nil
}
