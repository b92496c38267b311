package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// An Article is one news report.
type Article struct {
	// ID is a stable hash of the title and text (see [ContentID]).
	ID     string
	Title  string
	Text   string
	URL    string
	Source string
	// Date is the publication date, zero when unknown; DateFrom says where
	// it came from.
	Date     time.Time
	DateFrom DateFrom
	// Origin names where the article was read: "file.jsonl:12", "file.txt".
	Origin string
}

// DateFrom says how an article's date was found.
type DateFrom string

const (
	DateUnknown  DateFrom = ""
	DateMetadata DateFrom = "metadata" // the input gave it
	DateDefault  DateFrom = "default"  // a default supplied by the caller (--date)
	DateDateline DateFrom = "dateline" // read from the text's dateline
	DateFileTime DateFrom = "file"     // the file's modification time
)

// ContentID returns the ID of an article with this title and text: the
// first 16 bytes of SHA-256 over the title, a NUL byte and the text, in
// hex. White space at either end does not count.
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(title)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(text)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Body returns the text sitrep analyzes, and all byte offsets in coded
// output point into it: Text itself when it already begins with the title
// (a plain-text file, whose first line is the title), else the title, a
// blank line and the text, so that the title is its own sentence.
func (a *Article) Body() string {
	switch {
	case a.Title == "" || strings.HasPrefix(strings.TrimLeft(a.Text, " \t\r\n\ufeff"), a.Title):
		return a.Text
	case a.Text == "":
		return a.Title
	}
	return a.Title + "\n\n" + a.Text
}
