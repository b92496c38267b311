package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// versionCommand is 'sitrep version'.
type versionCommand struct{}

func (c *versionCommand) flagSet() *flag.FlagSet {
	return flag.NewFlagSet("version", flag.ContinueOnError)
}

func (c *versionCommand) synopsis() string { return "sitrep version" }

func (c *versionCommand) help() string {
	return "Version prints the version of sitrep, the commit it was built from when\nknown, and the Go version.\n"
}

func (c *versionCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	version := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		var commit, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if commit != "" {
			version += " " + commit
			if modified == "true" {
				version += "+dirty"
			}
		}
	}
	_, err := fmt.Fprintf(e.stdout, "sitrep %s %s %s/%s\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}
