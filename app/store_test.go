package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"perinatal-caseload/app/testdb"
	"perinatal-caseload/models"
)

func TestOpenCreatesPrivateFileWithWALAndForeignKeys(t *testing.T) {
	testdb.SkipOnPostgres(t, "the file's mode and its SQLite settings")
	s, _, path := newTestServices(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("database file mode = %o, want 600", mode)
	}
	var journal string
	s.core.db.Raw("PRAGMA journal_mode").Scan(&journal)
	if journal != "wal" {
		t.Errorf("journal_mode = %q, want wal", journal)
	}
	var fk int
	s.core.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
	var timeout int
	s.core.db.Raw("PRAGMA busy_timeout").Scan(&timeout)
	if timeout < 1000 {
		t.Errorf("busy_timeout = %d, want at least 1000 ms", timeout)
	}
}

func TestOpenRefusesAFileThatIsNotADatabaseAndLeavesItUntouched(t *testing.T) {
	testdb.SkipOnPostgres(t, "a file that is not a SQLite database")
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("Shopping list: milk, nappies\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var oe *OpenError
	if !errors.As(err, &oe) {
		t.Fatalf("Open = %v, want an *OpenError", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, content) {
		t.Error("the file was changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a WAL file was created beside a file that is not a database")
	}
}

// Hazard: HAZ-021.
func TestOpenRefusesADatabaseFromANewerVersion(t *testing.T) {
	s, _, target := newTestServices(t)
	if err := s.core.db.Exec("INSERT INTO migrations (id) VALUES ('2099010101_from_the_future')").Error; err != nil {
		t.Fatal(err)
	}
	Close(s.core.db)
	before := schemaSnapshot(t, target)
	_, err := Open(target)
	if !errors.Is(err, ErrNewerDatabase) {
		t.Fatalf("Open = %v, want ErrNewerDatabase", err)
	}
	if after := schemaSnapshot(t, target); after != before {
		t.Errorf("the newer database was changed:\n%s\nwant:\n%s", after, before)
	}
	db, err := Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	if _, err := Upgrade(db); !errors.Is(err, ErrNewerDatabase) || !strings.Contains(err.Error(), "newer version") {
		t.Errorf("Upgrade of a newer database = %v; want a refusal that says so", err)
	}
}

// schemaSnapshot describes a database for telling whether it changed: a
// SQLite file's bytes, or a PostgreSQL database's migrations, tables and
// columns.
func schemaSnapshot(t *testing.T, target string) string {
	t.Helper()
	if !IsPostgresURL(target) {
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	db, err := Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	var ids, cols []string
	db.Table("migrations").Order("id").Pluck("id", &ids)
	db.Raw("SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns " +
		"WHERE table_schema = current_schema() ORDER BY 1").Scan(&cols)
	return strings.Join(ids, "\n") + "\n" + strings.Join(cols, "\n")
}

func TestOlderDatabaseUpgradesInPlace(t *testing.T) {
	path := testdb.Target(t)
	db, err := Connect(path)
	if err != nil {
		t.Fatal(err)
	}
	all := migrations()
	if len(all) < 2 {
		t.Skip("only one migration so far")
	}
	// The database as the first release left it, with a referral in it.
	if _, err := migrateTo(db, all[:1]); err != nil {
		t.Fatal(err)
	}
	old := New(db, NewManualClock(testNow))
	admin := addStaff(t, old, "admin", models.RoleAdministrator)
	// Today's services need the tables of later migrations, so the
	// referral is written as the first release would have stored it.
	r := sampleReferral("9434765919")
	r.Status, r.Version, r.Patient.Version, r.Referrer.Version = models.StatusReceived, 1, 1, 1
	if err := db.Create(&r.Patient).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Create(&r.Referrer).Error; err != nil {
		t.Fatal(err)
	}
	r.PatientID, r.ReferrerID = r.Patient.ID, r.Referrer.ID
	if err := db.Omit("Patient", "Referrer").Create(r).Error; err != nil {
		t.Fatal(err)
	}
	db, _ = upgraded(t, db, path)
	var applied int64
	db.Table("migrations").Count(&applied)
	if int(applied) != len(all) {
		t.Errorf("%d migrations applied after upgrade, want %d", applied, len(all))
	}
	got, err := New(db, NewManualClock(testNow)).Referrals.Get(admin, r.ID)
	if err != nil || got.Patient.GivenName != "Zoë" {
		t.Fatalf("referral after upgrade = %+v, %v", got, err)
	}
	var templates int64
	db.Table("letter_templates").Count(&templates)
	if int(templates) != len(models.LetterKinds) || !db.Migrator().HasIndex(&models.Referral{}, "idx_referral_patient_order") {
		t.Errorf("after upgrade: %d letter templates and search index %v; the later migrations did not run", templates, db.Migrator().HasIndex(&models.Referral{}, "idx_referral_patient_order"))
	}
}

func TestFailedMigrationLeavesTheDatabaseAsItWas(t *testing.T) {
	s, _, _ := newTestServices(t)
	broken := append(migrations(), &gormigrate.Migration{
		ID: "2099010101_broken",
		Migrate: func(tx *gorm.DB) error {
			if err := tx.Exec("CREATE TABLE half_done (id INTEGER)").Error; err != nil {
				return err
			}
			return errors.New("something went wrong half way")
		},
	})
	if _, err := migrateTo(s.core.db, broken); err == nil {
		t.Fatal("a failing migration reported success")
	}
	if s.core.db.Migrator().HasTable("half_done") {
		t.Error("the failed migration's first step was kept")
	}
}
