// Package pgtest gives tests a real PostgreSQL server: the one the
// SITREP_POSTGRES environment variable names (a DSN), or a throwaway one
// that Main starts with the initdb and pg_ctl on PATH (or in
// /usr/lib/postgresql/*/bin) in a temporary folder, on a free loopback
// port, and stops and removes when the tests end. As root, the server
// runs as the postgres user (initdb refuses root).
//
// Each test gets a schema of its own (DSN), so that tests run in
// parallel on one database and leave nothing behind. Without a server,
// DSN skips the test.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN is the environment variable naming an existing server to test
// against instead of a throwaway one.
const EnvDSN = "SITREP_POSTGRES"

// A Server is a PostgreSQL server for tests.
type Server struct {
	// DSN connects to the server's test database as a superuser.
	DSN string

	dir    string   // the throwaway server's folder; "" for SITREP_POSTGRES
	pgCtl  string   // pg_ctl's path
	runAs  []string // the command prefix that runs as the server's user
	why    string   // why there is no server, when DSN is ""
	stopMu sync.Mutex
}

var (
	mu      sync.Mutex
	current *Server
)

// Main starts a server (unless SITREP_POSTGRES names one), runs the
// tests and stops it; use it as os.Exit(pgtest.Main(m)) in TestMain.
// When no server can be started, the tests that call DSN skip.
func Main(m *testing.M) int {
	s, err := Start(context.Background())
	if err != nil {
		s = &Server{why: err.Error()}
	}
	mu.Lock()
	current = s
	mu.Unlock()
	code := m.Run()
	if err := s.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
	}
	return code
}

// DSN returns the DSN of a new, empty schema on the server Main started,
// dropped when t ends; it skips t when there is no server.
func DSN(t testing.TB) string {
	t.Helper()
	mu.Lock()
	s := current
	mu.Unlock()
	if s == nil {
		t.Skip("pgtest: no server: call pgtest.Main from TestMain")
	}
	if s.DSN == "" {
		t.Skip("pgtest: no PostgreSQL: " + s.why)
	}
	dsn, drop, err := s.Schema(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return dsn
}

// Schema creates a new schema and returns a DSN whose search_path is it,
// and a function that drops it.
func (s *Server) Schema(ctx context.Context) (dsn string, drop func() error, err error) {
	b := make([]byte, 6)
	rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, s.DSN)
	if err != nil {
		return "", nil, fmt.Errorf("pgtest: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		return "", nil, fmt.Errorf("pgtest: %w", err)
	}
	u, err := url.Parse(s.DSN)
	if err != nil || u.Scheme == "" {
		return s.DSN + " search_path=" + name, s.dropper(name), nil // keyword/value form
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), s.dropper(name), nil
}

func (s *Server) dropper(name string) func() error {
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, s.DSN)
		if err != nil {
			return fmt.Errorf("pgtest: drop schema %s: %w", name, err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			return fmt.Errorf("pgtest: drop schema %s: %w", name, err)
		}
		return nil
	}
}

// Start returns the server SITREP_POSTGRES names, or initdb's and starts
// a throwaway one. The error says why there is none: no binaries, or a
// failure to start.
func Start(ctx context.Context) (*Server, error) {
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		return &Server{DSN: dsn}, nil
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	s := &Server{pgCtl: filepath.Join(bin, "pg_ctl")}
	dir, err := os.MkdirTemp("", "sitrep-pgtest-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	s.dir = dir
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: running as root and there is no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: %w", err)
		}
		runuser, err := exec.LookPath("runuser")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: running as root without runuser: %w", err)
		}
		s.runAs = []string{runuser, "-u", "postgres", "--"}
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pgtest: initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// fsync and full-page writes off: the data only has to survive the
	// server's processes (Restart kills them), not the machine. Commits
	// stay synchronous: with synchronous_commit off a commit is reported
	// before its WAL leaves the server's memory, so a Restart lost
	// articles that workers had stored and acknowledged.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200", port, dir)
	if out, err := s.run(ctx, s.pgCtl, "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pgtest: pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	base := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/", port)
	conn, err := pgx.Connect(ctx, base+"postgres")
	if err == nil {
		_, err = conn.Exec(ctx, "CREATE DATABASE sitrep")
		conn.Close(ctx)
	}
	if err != nil {
		s.Stop()
		return nil, fmt.Errorf("pgtest: create database: %w", err)
	}
	s.DSN = base + "sitrep?sslmode=disable"
	return s, nil
}

// Stop stops a throwaway server and removes its folder; it does nothing
// for a server SITREP_POSTGRES named.
func (s *Server) Stop() error {
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	if s.dir == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := s.run(ctx, s.pgCtl, "stop", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w")
	if err != nil {
		err = fmt.Errorf("pgtest: pg_ctl stop: %v\n%s", err, out)
	}
	err = errors.Join(err, os.RemoveAll(s.dir))
	s.dir = ""
	return err
}

// Restart stops the throwaway server and starts it again on the same
// port, as a crash and restart would (fast shutdown).
func (s *Server) Restart(ctx context.Context) error {
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	if s.dir == "" {
		return errors.New("pgtest: restart: not a throwaway server")
	}
	out, err := s.run(ctx, s.pgCtl, "restart", "-D", filepath.Join(s.dir, "data"), "-l", filepath.Join(s.dir, "log"), "-m", "immediate", "-w", "-t", "60")
	if err != nil {
		return fmt.Errorf("pgtest: pg_ctl restart: %v\n%s", err, out)
	}
	return nil
}

// Current returns the server Main started, nil before Main or when there
// is none.
func Current() *Server {
	mu.Lock()
	defer mu.Unlock()
	if current == nil || current.DSN == "" {
		return nil
	}
	return current
}

func (s *Server) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	argv := append(append(append([]string{}, s.runAs...), name), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = os.TempDir()
	return cmd.CombinedOutput()
}

// binDir finds the folder of initdb and pg_ctl.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				p = r
			}
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", errors.New("pgtest: initdb and pg_ctl not found (install postgresql, or set " + EnvDSN + ")")
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: %w", err)
	}
	defer l.Close()
	_, p, _ := strings.Cut(l.Addr().String(), ":")
	return strconv.Atoi(p)
}
