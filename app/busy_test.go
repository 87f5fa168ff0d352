package app

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

func TestWhileBusyWaitsSaysSoOnceAndExplainsWhenItGivesUp(t *testing.T) {
	busy := fmt.Errorf("cannot bring the database up to date: %w", sqlite3.Error{Code: sqlite3.ErrBusy})
	other := errors.New("not a lock")
	saved := BusyWait
	t.Cleanup(func() { BusyWait = saved })
	BusyWait = 2 * time.Second
	cases := []struct {
		name        string
		results     []error // what each attempt returns; the last repeats
		want        error
		wantNotices int
	}{
		{"free at once", []error{nil}, nil, 0},
		{"free after two busy attempts", []error{busy, busy, nil}, nil, 1},
		{"a PostgreSQL deadlock, then free", []error{&pgconn.PgError{Code: "40P01"}, nil}, nil, 1},
		{"another error is not retried", []error{other}, other, 0},
		{"busy for longer than BusyWait", []error{busy}, ErrBusy, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			attempts, notices := 0, 0
			err := WhileBusy(func(msg string) {
				if msg != BusyNotice {
					t.Errorf("notice %q", msg)
				}
				notices++
			}, func() error {
				attempts++
				return c.results[min(attempts, len(c.results))-1]
			})
			if !errors.Is(err, c.want) {
				t.Errorf("WhileBusy = %v, want %v", err, c.want)
			}
			if notices != c.wantNotices {
				t.Errorf("%d notices, want %d", notices, c.wantNotices)
			}
		})
	}
}
