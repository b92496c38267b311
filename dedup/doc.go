// Package dedup finds the copies in a stream of news articles and merges
// the mentions of one real-world event.
package dedup
