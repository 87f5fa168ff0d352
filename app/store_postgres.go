package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// pgConnectTimeout bounds how long a desktop waits for the server to
// answer before it says the server cannot be reached.
const pgConnectTimeout = 10 * time.Second

// openPostgres connects to the PostgreSQL database at the URL target.
//
// The URL carries no password (checkPostgresURL refuses one): pgx reads it
// from PGPASSWORD or from libpq's password file, as psql does. Every other
// libpq setting in the URL passes through, among them sslmode (verify-full
// with sslrootcert for TLS that checks the server's certificate).
//
// Each connection works in UTC and reads timestamptz values back as UTC
// times, as the SQLite driver does, so the two engines give the services
// the same values.
func openPostgres(target string) (*gorm.DB, error) {
	cfg, err := pgConfig(target)
	if err != nil {
		return nil, err
	}
	sqlDB := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(_ context.Context, conn *pgx.Conn) error {
		conn.TypeMap().RegisterType(&pgtype.Type{
			Name: "timestamptz", OID: pgtype.TimestamptzOID,
			Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC},
		})
		return nil
	}))
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(4)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), gormConfig())
	if err != nil {
		_ = sqlDB.Close()
		return nil, explainConnectError(err)
	}
	if err := checkIsCaseloadStore(db); err != nil {
		closeDB(db)
		return nil, err
	}
	return db, nil
}

// pgConfig reads the connection settings of the URL target.
func pgConfig(target string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return nil, fmt.Errorf("the PostgreSQL address cannot be used: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	// Plan every statement for the values it is given. pgx keeps its
	// statements prepared, and after a few runs PostgreSQL would reuse a
	// generic plan made without the values; a search for "siobhan" among
	// the open referrals and one for "s" among all of them want opposite
	// plans, and the generic one made the first take 400 ms instead of 8
	// on a million referrals (see docs/benchmarks.md).
	cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	// No parallel workers for one statement. Every screen reads a page or
	// a count that stops early, and a parallel plan hands the list to
	// workers that each read far past the rows wanted: a search by
	// postcode sector read 63,000 referrals instead of 4,700 and took
	// 204 ms instead of 28 on a million referrals (docs/benchmarks.md).
	// On a team server the other desktops want those cores anyway.
	cfg.RuntimeParams["max_parallel_workers_per_gather"] = "0"
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "Perinatal Caseload"
	}
	return cfg, nil
}

// explainConnectError turns a failure to connect into a sentence: the
// server refused (a wrong user, database or password), or could not be
// reached at all.
func explainConnectError(err error) error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "28P01", "28000":
			return fmt.Errorf("the server refused the sign-in (%s); check the user name in the address and the password in the PostgreSQL password file or PGPASSWORD", pg.Message)
		case "3D000":
			return fmt.Errorf("the server has no such database (%s); check the address, or ask IT to create it (see docs/postgresql.md)", pg.Message)
		}
		return fmt.Errorf("the server refused the connection: %s", pg.Message)
	}
	return fmt.Errorf("the PostgreSQL server cannot be reached (%v); check the address and that the server is running", err)
}
