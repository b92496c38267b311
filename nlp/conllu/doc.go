// Package conllu reads and writes the CoNLL-U format of Universal Dependencies
// treebanks and scores one annotation of a treebank against another.
//
// A [Reader] turns a CoNLL-U stream into [Sentence] values, each holding an
// nlp.Doc whose Text is rebuilt from the word forms and SpaceAfter=No marks,
// so every token keeps the byte-span guarantee of package nlp. Multiword
// token lines ("1-2 don't") become nlp.MultiWord entries; empty nodes
// ("8.1") belong to the enhanced graph only and are dropped. Errors name the
// input and line ("train.conllu:212: ...").
//
// [Write] prints a sentence back as valid CoNLL-U with the Doc's current
// lemmas, tags, heads and relations, keeping the input's comments, ids and
// MISC column. [WriteDoc] prints a Doc annotated from raw text.
//
// [Score] compares predicted sentences to gold ones over the same words and
// reports UPOS, XPOS, lemma, UAS and LAS the way the CoNLL 2018 shared task
// script does (LAS on universal relations, subtypes ignored), plus LAS with
// full subtyped relations.
package conllu
