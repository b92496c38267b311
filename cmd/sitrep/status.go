package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"sitrep/queue"
)

// statusCommand is 'sitrep status'.
type statusCommand struct {
	queue string
	dead  int
	json  bool
	retry time.Duration
}

func (c *statusCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.StringVar(&c.queue, "queue", "", "")
	fs.IntVar(&c.dead, "dead", 20, "")
	fs.BoolVar(&c.json, "json", false, "")
	fs.DurationVar(&c.retry, "retry", 5*time.Second, "")
	return fs
}

func (c *statusCommand) synopsis() string {
	return "sitrep status --queue nats://HOST:PORT [--dead N] [--json]"
}

func (c *statusCommand) help() string {
	return `Status shows the state of a distributed ingest: the articles queued
and in flight, the workers heard from in the last minute with their
throughput, and the dead letters with their errors.

Flags:
  --queue nats://HOST:PORT  the NATS server
  --dead N                  dead letters listed, the latest (default 20;
                            0 for all)
  --json                    print one JSON object on stdout
  --retry DURATION          how long to keep trying a queue that cannot
                            be reached (default 5s)
`
}

// statusReport is the JSON form of 'sitrep status'.
type statusReport struct {
	*queue.Status
	DeadLetters []queue.DeadLetter `json:"dead_letters"`
}

func (c *statusCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if c.queue == "" {
		return usagef("missing --queue nats://HOST:PORT")
	}
	q, err := queue.Open(ctx, c.queue, queue.Options{RetryFor: c.retry, Name: "sitrep status"})
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := q.Status(ctx)
	if err != nil {
		return fmt.Errorf("queue %s: %w", q.URL(), err)
	}
	dead, err := q.DeadLetters(ctx, c.dead)
	if err != nil {
		return fmt.Errorf("queue %s: %w", q.URL(), err)
	}
	if dead == nil {
		dead = []queue.DeadLetter{}
	}
	if c.json {
		return json.NewEncoder(e.stdout).Encode(statusReport{st, dead})
	}
	w := e.stdout
	fmt.Fprintf(w, "queue %s\n", q.URL())
	fmt.Fprintf(w, "articles: %d queued (%d in flight, %d redelivered), %d published, %d done\n", st.Queued, st.InFlight, st.Redelivered, st.Published, st.Acked)
	active := 0
	for _, wk := range st.Workers {
		if !wk.Stopped {
			active++
		}
	}
	fmt.Fprintf(w, "workers: %d active in the last minute, %.1f articles/s\n", active, st.Rate)
	if len(st.Workers) > 0 {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "  NAME\tHOST\tPID\tDONE\tFAILED\tDEAD\tRATE/s\tSEEN")
		for _, wk := range st.Workers {
			seen := time.Since(wk.Seen).Round(time.Second).String() + " ago"
			if wk.Stopped {
				seen += " (stopped)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\t%d\t%.1f\t%s\n", wk.Name, wk.Host, wk.PID, wk.Done, wk.Failed, wk.Dead, wk.Rate, seen)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "dead letters: %d\n", st.Dead)
	if len(dead) > 0 {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "  SEQ\tTIME\tARTICLE\tDELIVERIES\tWORKER\tERROR")
		for _, d := range dead {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%d\t%s\t%s\n", d.Seq, d.Time.UTC().Format(time.RFC3339), orDash(d.Article), d.Deliveries, d.Worker, d.Error)
		}
		tw.Flush()
	}
	return nil
}
