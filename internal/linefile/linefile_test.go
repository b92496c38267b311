package linefile

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestScanner(t *testing.T) {
	in := "\ufeff# header\n\nSyria => SYR  # a comment\n  Jordan => JOR\nC\\#sharp\n"
	s := NewScanner(strings.NewReader(in), "x.txt")
	var got []string
	for s.Scan() {
		got = append(got, s.File+":"+strconv.Itoa(s.Line())+":"+s.Text())
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"x.txt:3:Syria => SYR", "x.txt:4:Jordan => JOR", "x.txt:5:C#sharp"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestListSortsAndUnwraps(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Add("b.txt", 2, "bad %q", "x")
	l.Add("a.txt", 9, "worse")
	l.Add("a.txt", 1, "first")
	err := l.Err()
	want := "a.txt:1: first\na.txt:9: worse\nb.txt:2: bad \"x\""
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 {
		t.Errorf("errors.As gave %v", e)
	}
}

func TestTooLong(t *testing.T) {
	s := NewScanner(strings.NewReader("ok\n"+strings.Repeat("x", MaxLine+1)), "big.txt")
	for s.Scan() {
	}
	var e *Error
	if err := s.Err(); !errors.As(err, &e) || e.Line != 2 || !strings.Contains(e.Msg, "too long") {
		t.Errorf("got %v", err)
	}
}
