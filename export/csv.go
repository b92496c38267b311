package export

import (
	"encoding/csv"
	"strconv"

	"sitrep/store"
)

// CSVColumns are the columns of the plain CSV, in order.
var CSVColumns = []string{
	"id", "date", "date_precision", "date_text",
	"source", "source_name", "source_country", "target", "target_name", "target_country",
	"cameo", "root", "plover", "mode", "quad_class", "goldstein", "negated", "confidence",
	"place", "geonames_id", "country", "admin1", "lat", "lon", "location_precision",
	"evidence", "verb", "fatalities", "num_mentions", "num_sources", "num_articles",
	"article_id", "article_date", "article_source", "url",
}

// csvBase is what the plain and the ACLED CSV writers share: a header,
// then rows of a fixed width.
type csvBase struct {
	base
	csv     *csv.Writer
	columns []string
	row     []string // reused for every row
	header  bool
}

func newCSVBase(b base, columns []string) csvBase {
	return csvBase{base: b, csv: csv.NewWriter(b.out), columns: columns, row: make([]string, len(columns))}
}

// begin writes the header before the first row and returns the row to
// fill, cleared.
func (w *csvBase) begin() ([]string, error) {
	if err := w.check(); err != nil {
		return nil, err
	}
	if err := w.writeHeader(); err != nil {
		return nil, err
	}
	clear(w.row)
	return w.row, nil
}

// end writes the row begin returned.
func (w *csvBase) end() error {
	if err := w.csv.Write(w.row); err != nil {
		return w.fail(err)
	}
	w.written++
	return nil
}

func (w *csvBase) writeHeader() error {
	if w.header {
		return nil
	}
	w.header = true
	return w.fail(w.csv.Write(w.columns))
}

// Close writes the header if no row was written, and flushes.
func (w *csvBase) Close() error {
	if w.check() == nil {
		if err := w.writeHeader(); err != nil {
			return err
		}
		w.csv.Flush()
		w.fail(w.csv.Error())
	}
	return w.close()
}

type csvWriter struct{ csvBase }

func newCSVWriter(b base) *csvWriter { return &csvWriter{newCSVBase(b, CSVColumns)} }

// Write writes one row. Absent values (no actor, no date, no location)
// are empty fields.
func (w *csvWriter) Write(ev store.Event) error {
	r, err := w.begin()
	if err != nil {
		return err
	}
	r[0], r[1], r[2], r[3] = ev.ID, str(ev.Date), str(ev.DatePrecision), str(ev.DateText)
	if a := ev.Source; a != nil {
		r[4], r[5], r[6] = a.Code, a.Text, str(a.Country)
	}
	if a := ev.Target; a != nil {
		r[7], r[8], r[9] = a.Code, a.Text, str(a.Country)
	}
	r[10], r[11], r[12], r[13] = ev.CAMEO, ev.Root, ev.Plover, ev.Mode
	r[14] = strconv.Itoa(ev.Quad)
	r[15] = strconv.FormatFloat(ev.Goldstein, 'f', -1, 64)
	r[16] = strconv.FormatBool(ev.Negated)
	r[17] = strconv.FormatFloat(ev.Confidence, 'f', -1, 64)
	if l := ev.Location; l != nil {
		r[18], r[20], r[21], r[24] = l.Name, l.Country, l.Admin1, l.Precision
		r[19] = strconv.Itoa(l.GeonamesID)
		r[22] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
		r[23] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	r[25], r[26] = ev.Evidence.Text, ev.Verb.Text
	r[27] = strconv.FormatInt(w.fatalities(&ev), 10)
	r[28], r[29], r[30] = strconv.Itoa(ev.NumMentions), strconv.Itoa(ev.NumSources), strconv.Itoa(ev.NumArticles)
	r[31], r[32], r[33], r[34] = ev.Article.ID, str(ev.Article.Date), ev.Article.Source, ev.Article.URL
	return w.end()
}
