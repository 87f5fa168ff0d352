package app

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"perinatal-caseload/models"
)

// tcpProxy stands between the program and the PostgreSQL server, so that a
// test can take the server away and bring it back.
type tcpProxy struct {
	t        *testing.T
	addr     string
	upstream string
	mu       sync.Mutex
	ln       net.Listener
	conns    []net.Conn
}

func (p *tcpProxy) start() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			network := "tcp"
			if strings.HasPrefix(p.upstream, "/") {
				network = "unix"
			}
			up, err := net.Dial(network, p.upstream)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(up, c); up.Close() }()
			go func() { _, _ = io.Copy(c, up); c.Close() }()
		}
	}()
}

// stop takes the server away: no new connection, and those open broken.
func (p *tcpProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// Hazard: HAZ-029.
func TestALostServerIsSaidPlainlyNothingIsHalfSavedAndItComesBack(t *testing.T) {
	s, target := newPostgresServices(t, "about a database server; SQLite is a file on this PC")
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	r := sampleReferral(testNHSNumber(1))
	if err := s.Referrals.Register(admin, r); err != nil {
		t.Fatal(err)
	}
	host, port := os.Getenv("PGHOST"), os.Getenv("PGPORT")
	if port == "" {
		port = "5432"
	}
	upstream := net.JoinHostPort(host, port)
	if host == "" || strings.HasPrefix(host, "/") {
		upstream = strings.TrimSuffix(host, "/") + "/.s.PGSQL." + port
		if host == "" {
			upstream = "/var/run/postgresql/.s.PGSQL." + port
		}
	}
	proxy := &tcpProxy{t: t, addr: "127.0.0.1:0", upstream: upstream}
	proxy.start()
	t.Cleanup(proxy.stop)
	u, _ := url.Parse(target)
	u.Host = proxy.addr
	db, err := Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	desk := New(db, SystemClock{})
	ctx := context.Background()
	if err := desk.Ping(ctx); err != nil {
		t.Fatalf("ping through the proxy: %v", err)
	}

	proxy.stop()
	if err := desk.Ping(ctx); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("ping with the server gone = %v, want ErrUnreachable", err)
	}
	err = desk.Referrals.UpdateNeeds(admin, r.PatientID, r.Patient.Version, "Zoe", models.CommunicationNeeds{LargePrint: true})
	if !errors.Is(err, ErrUnreachable) || strings.Contains(err.Error(), "dial") {
		t.Fatalf("a change with the server gone = %v; want the plain ErrUnreachable", err)
	}
	var p models.Patient
	if err := s.core.db.First(&p, r.PatientID).Error; err != nil || p.Version != r.Patient.Version || p.NameForLetters != "" {
		t.Fatalf("after the failed change her record is at version %d (%v); nothing may have been saved", p.Version, err)
	}

	proxy.start()
	deadline := time.Now().Add(10 * time.Second)
	for desk.Ping(ctx) != nil {
		if time.Now().After(deadline) {
			t.Fatal("the server came back, but the program did not reconnect within 10 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := desk.Referrals.UpdateNeeds(admin, r.PatientID, r.Patient.Version, "Zoe", models.CommunicationNeeds{LargePrint: true}); err != nil {
		t.Fatalf("the same change once the server was back: %v", err)
	}
}
