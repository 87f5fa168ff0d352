package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"perinatal-caseload/app"
	"perinatal-caseload/app/testdb"
)

// tableDump reads every table of the database at target, each row in
// order of ID with its values in a form both engines give alike, keyed by
// table name; the schema's own migrations table is left out.
func tableDump(t *testing.T, target string) map[string][]string {
	t.Helper()
	db, err := app.Connect(target)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(db)
	tables, err := db.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	dump := map[string][]string{}
	for _, table := range tables {
		if table == "migrations" || strings.HasPrefix(table, "sqlite_") {
			continue
		}
		rows, err := db.Raw("SELECT * FROM " + db.Statement.Quote(table) + " ORDER BY id").Rows()
		if err != nil {
			t.Fatal(err)
		}
		dump[table] = []string{}
		for rows.Next() {
			row := map[string]any{}
			if err := db.ScanRows(rows, &row); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, col := range slices.Sorted(maps.Keys(row)) {
				v := row[col]
				switch x := v.(type) {
				case bool: // PostgreSQL's booleans are SQLite's 0 and 1
					v = map[bool]int64{false: 0, true: 1}[x]
				case time.Time:
					v = x.UTC().Format(time.RFC3339Nano)
				case []byte:
					v = string(x)
				}
				fmt.Fprintf(&b, "%s=%v|", col, v)
			}
			dump[table] = append(dump[table], b.String())
		}
		rows.Close()
	}
	return dump
}

// sameTables fails the test where the dumps a and b differ, naming the
// table and its first differing row; except lists tables not compared.
func sameTables(t *testing.T, what string, a, b map[string][]string, except ...string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d tables against %d", what, len(a), len(b))
	}
	for table, rows := range a {
		if strings.Contains(strings.Join(except, ","), table) {
			continue
		}
		if len(rows) != len(b[table]) {
			t.Errorf("%s: %s has %d rows against %d", what, table, len(rows), len(b[table]))
			continue
		}
		for i := range rows {
			if rows[i] != b[table][i] {
				t.Errorf("%s: %s row %d differs:\n%s\n%s", what, table, i+1, rows[i], b[table][i])
				break
			}
		}
	}
}

func TestCopyDBThereAndBackKeepsEveryRowAndTheAuditTrail(t *testing.T) {
	dir := t.TempDir()
	source := filepath.Join(dir, "source.db")
	addCLIManager(t, source)
	if code, _, stderr := runCLI(t, source, "demo", "--referrals", "40"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	middle := testdb.Target(t) // PostgreSQL when the tests run on it
	code, stdout, stderr := runAs(t, source, "copy-db", "--to", middle)
	if code != 0 {
		t.Fatalf("copy-db to %s: exit %d: %s", middle, code, stderr)
	}
	for _, want := range []string{"table", "audit_events", "letters", "settings", "staff_members", "referrals"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("copy-db printed %q; want a count line for %s", stdout, want)
		}
	}
	first := tableDump(t, source)
	sameTables(t, "after the first copy", first, tableDump(t, middle))

	back := filepath.Join(dir, "back.db")
	if code, _, stderr := runAs(t, middle, "copy-db", "--to", back); code != 0 {
		t.Fatalf("copy-db back: exit %d: %s", code, stderr)
	}
	there, home := tableDump(t, middle), tableDump(t, back)
	sameTables(t, "after the copy back", there, home)
	// The audit trail came home as it left, with two more events, both
	// written in the middle database before it was copied back: the
	// sign-in of the person who copied it back, and the copy. Signing in
	// also touched that person's account row (its last change), and nothing
	// else.
	sameTables(t, "there and back", first, home, "audit_events", "audit_chain_head", "staff_members")
	events := home["audit_events"]
	if len(events) != len(first["audit_events"])+2 || !strings.Contains(events[len(events)-1], "copied the whole caseload to "+app.DescribeTarget(back)) {
		t.Fatalf("%d audit events came home for %d sent; the last two should be the sign-in and the copy back", len(events), len(first["audit_events"]))
	}
	sameTables(t, "the audit trail there and back", map[string][]string{"a": first["audit_events"]}, map[string][]string{"a": events[:len(first["audit_events"])]})
	if head := home["audit_chain_head"]; len(head) != 1 || !strings.HasPrefix(head[0], fmt.Sprintf("chain_seq=%d|", len(events))) {
		t.Errorf("the audit trail's head came home as %q; want it at its %d events", head, len(events))
	}
	if len(home["staff_members"]) != len(first["staff_members"]) {
		t.Errorf("%d accounts came home for %d sent", len(home["staff_members"]), len(first["staff_members"]))
	}

	// The copy goes on from the identifiers it kept: a new referral takes the next.
	if code, _, stderr := runAs(t, middle, "import", referralFixtures(t, validDir)[0]); code != 0 {
		t.Errorf("import into the copy: exit %d: %s", code, stderr)
	}
}

func TestCopyDBRefusesATargetThatIsNotEmptyAndChangesNothing(t *testing.T) {
	source, target := signedInTarget(t), filepath.Join(t.TempDir(), "used.db")
	addCLIManager(t, target)
	if code, _, stderr := runAs(t, target, "import", referralFixtures(t, validDir)[0]); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	before := tableDump(t, target)
	code, stdout, stderr := runAs(t, source, "copy-db", "--to", target)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "not empty") {
		t.Errorf("copy-db into a used database: exit %d, stdout %q, stderr %q; want a refusal", code, stdout, stderr)
	}
	sameTables(t, "the refused target", before, tableDump(t, target))
	if code, _, stderr := runAs(t, source, "copy-db", "--to"); code != 2 || !strings.Contains(stderr, "--to TARGET") {
		t.Errorf("copy-db without a target: exit %d, %q", code, stderr)
	}
}
