// Package natstest runs a real NATS server with JetStream inside a test
// process, with file storage in a folder of the test's, so that tests can
// stop and restart it and find their messages again.
//
// Only tests import this package.
package natstest

import (
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// A Server is an embedded nats-server.
type Server struct {
	tb   testing.TB
	dir  string
	port int
	s    *server.Server
}

// Start starts a server on a free loopback port with JetStream storing
// in a temporary folder; it is shut down when the test ends.
func Start(tb testing.TB) *Server {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &Server{tb: tb, dir: tb.TempDir(), port: port}
	s.start()
	tb.Cleanup(s.Stop)
	return s
}

func (s *Server) start() {
	s.tb.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: s.port, JetStream: true, StoreDir: s.dir, NoLog: true, NoSigs: true}
	var srv *server.Server
	var err error
	// The port may take a moment to be free again after a restart.
	for range 50 {
		srv, err = server.NewServer(opts)
		if err == nil {
			go srv.Start()
			if srv.ReadyForConnections(10 * time.Second) {
				s.s = srv
				return
			}
			srv.Shutdown()
			err = fmt.Errorf("not ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.tb.Fatalf("nats-server on port %d: %v", s.port, err)
}

// URL returns the address clients connect to.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

// Stop shuts the server down; its stored messages stay on disk.
func (s *Server) Stop() {
	if s.s != nil {
		s.s.Shutdown()
		s.s.WaitForShutdown()
		s.s = nil
	}
}

// Restart starts the server again on the same port and storage.
func (s *Server) Restart() {
	s.tb.Helper()
	s.Stop()
	s.start()
}
