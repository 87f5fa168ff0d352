package app

import (
	"context"
	"errors"
	"io"
	"net"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrUnreachable is the sentence for a database server that cannot be
// reached. Every change is one transaction, so a change that meets it was
// not saved, in whole: nothing of it is kept.
var ErrUnreachable = errors.New("the database server cannot be reached, so nothing was saved; " +
	"what is on screen is kept, and the program keeps trying: save again once it says the server is back")

// UnreachableError is a failure because the connection to the database
// server was lost or could not be made. It reads as ErrUnreachable, and
// errors.Is(err, ErrUnreachable) holds; Err is the driver's own error.
type UnreachableError struct{ Err error }

func (e *UnreachableError) Error() string        { return ErrUnreachable.Error() }
func (e *UnreachableError) Unwrap() []error      { return []error{ErrUnreachable, e.Err} }
func (e *UnreachableError) Is(target error) bool { return target == ErrUnreachable }

// connectionLost reports whether err means the database server could not
// be reached or the connection to it broke: as opposed to the server
// answering with a refusal.
func connectionLost(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03" // shut down, crashed, starting
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connect) || errors.As(err, &netErr) || pgconn.Timeout(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, context.DeadlineExceeded)
}

// explainLost turns a lost connection into an *UnreachableError, and
// leaves any other error as it is.
func explainLost(err error) error {
	if connectionLost(err) {
		return &UnreachableError{Err: err}
	}
	return err
}

// pingTimeout bounds how long Ping waits for the server.
const pingTimeout = 5 * time.Second

// Ping checks that the database answers, within a few seconds: nil, or an
// *UnreachableError. A desktop calls it from time to time to say when the
// server is lost and when it is back; the connections are made again by
// themselves.
func (s *Services) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	err := s.core.db.WithContext(ctx).Exec("SELECT 1").Error
	if err != nil && ctx.Err() != nil {
		return &UnreachableError{Err: ctx.Err()}
	}
	return explainLost(err)
}
