package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/app"
)

func TestConfigureWritesTheMachineWideDatabaseAndRefusesAPassword(t *testing.T) {
	path := filepath.Join(t.TempDir(), "PerinatalCaseload", "config.toml")
	old := app.MachineConfigPath
	app.MachineConfigPath = path
	t.Cleanup(func() { app.MachineConfigPath = old })

	code, out, errOut := runWithInput(t, "", "configure", "--database", "postgres://caseload@db.example.nhs.uk/caseload")
	if code != 0 || !strings.Contains(out, "caseload on db.example.nhs.uk (PostgreSQL)") {
		t.Fatalf("configure: %d %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `database = "postgres://caseload@db.example.nhs.uk/caseload"`) {
		t.Errorf("the configuration file holds %q, %v", data, err)
	}
	code, out, errOut = runWithInput(t, "", "configure", "--database", "postgres://caseload:Sup3rSecret@db.example.nhs.uk/caseload")
	if code != 1 || out != "" || !strings.Contains(errOut, "password") || strings.Contains(errOut, "Sup3rSecret") {
		t.Errorf("configure with a password: %d %q %q; want exit 1 naming the rule, not the password", code, out, errOut)
	}
	if code, _, _ := runWithInput(t, "", "configure"); code != 2 {
		t.Errorf("configure without --database exits %d; want 2", code)
	}
}
