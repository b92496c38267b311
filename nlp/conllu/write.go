package conllu

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"sitrep/nlp"
)

// Write prints s as CoNLL-U: its comments, then one line per multiword token
// and word with the Doc's current lemma, tags, head and relation. FEATS is
// written as "_" (sitrep does not predict morphology, and echoing gold
// features would credit a scorer with work not done); MISC is kept. A
// blank line ends the sentence.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	writeWords(bw, s.Doc, 0, s.Misc, s.MultiMisc)
	bw.WriteByte('\n')
	return bw.Flush()
}

// WriteDoc prints every sentence of doc as CoNLL-U, numbering them from
// firstID in "# sent_id" comments and giving each its "# text". MISC holds
// SpaceAfter=No where the text has no space after a token.
func WriteDoc(w io.Writer, doc *nlp.Doc, firstID int) error {
	bw := bufio.NewWriter(w)
	for si, sent := range doc.Sentences {
		if sent.Limit <= sent.First {
			continue // nothing but whitespace or nothing tokenized
		}
		bw.WriteString("# sent_id = ")
		bw.WriteString(strconv.Itoa(firstID + si))
		bw.WriteString("\n# text = ")
		bw.WriteString(oneLine(doc.Text[sent.Start:sent.End]))
		bw.WriteByte('\n')
		toks := doc.Tokens[sent.First:sent.Limit]
		misc := make([]string, len(toks))
		for i := range toks {
			misc[i] = spaceMisc(doc, toks[i].End)
		}
		multiMisc := make([]string, len(sent.MultiWords))
		for i, m := range sent.MultiWords {
			multiMisc[i] = spaceMisc(doc, m.End)
			for j := m.First; j < m.Limit; j++ {
				misc[j-sent.First] = "_"
			}
		}
		writeWords(bw, doc, si, misc, multiMisc)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// spaceMisc returns "SpaceAfter=No" when no whitespace follows byte end.
func spaceMisc(doc *nlp.Doc, end int) string {
	if end >= len(doc.Text) {
		return "_"
	}
	switch doc.Text[end] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return "_"
	}
	return "SpaceAfter=No"
}

// oneLine replaces line breaks and tabs so that a text fits a comment line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func writeWords(bw *bufio.Writer, doc *nlp.Doc, si int, misc, multiMisc []string) {
	sent := doc.Sentences[si]
	toks := doc.Tokens[sent.First:sent.Limit]
	mi := 0
	for i, t := range toks {
		if mi < len(sent.MultiWords) && sent.MultiWords[mi].First == sent.First+i {
			m := sent.MultiWords[mi]
			bw.WriteString(strconv.Itoa(i + 1))
			bw.WriteByte('-')
			bw.WriteString(strconv.Itoa(m.Limit - sent.First))
			bw.WriteByte('\t')
			bw.WriteString(field(m.Form))
			bw.WriteString("\t_\t_\t_\t_\t_\t_\t_\t")
			bw.WriteString(field(at(multiMisc, mi)))
			bw.WriteByte('\n')
			mi++
		}
		bw.WriteString(strconv.Itoa(i + 1))
		bw.WriteByte('\t')
		bw.WriteString(field(t.Form))
		bw.WriteByte('\t')
		bw.WriteString(field(t.Lemma))
		bw.WriteByte('\t')
		bw.WriteString(field(t.UPOS))
		bw.WriteByte('\t')
		bw.WriteString(field(t.XPOS))
		bw.WriteString("\t_\t")
		if t.Deprel == "" {
			bw.WriteString("_\t_")
		} else {
			bw.WriteString(strconv.Itoa(t.Head + 1))
			bw.WriteByte('\t')
			bw.WriteString(t.Deprel)
		}
		bw.WriteString("\t_\t")
		bw.WriteString(field(at(misc, i)))
		bw.WriteByte('\n')
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// field returns s fit for a CoNLL-U column: "_" when empty, tabs and line
// breaks replaced by spaces.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}
