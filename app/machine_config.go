package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// WriteMachineConfig writes the machine-wide configuration file at path so
// that it names the database target, for every user of the desktop. The
// Windows installer runs it (as `caseload configure --database URL`) when
// IT gives the SERVER_URL property. The target is checked as ResolveDB
// checks it (a URL that carries a password is refused), and the file is
// readable by everyone but written whole, in place of any earlier one.
func WriteMachineConfig(path, target string) error {
	target = strings.TrimSpace(target)
	if target == "" {
		return errors.New("no database was given; write it as postgres://user@host/database?sslmode=verify-full")
	}
	if IsPostgresURL(target) {
		if err := checkPostgresURL(target); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	buf.WriteString("# Written by the Perinatal Caseload installer (caseload configure).\n")
	if err := toml.NewEncoder(&buf).Encode(machineConfig{Database: target}); err != nil {
		return fmt.Errorf("cannot write the configuration: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".config-*.toml")
	if err != nil {
		return fmt.Errorf("cannot write in the folder %s: %w", dir, err)
	}
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write the configuration file %s: %w", path, err)
	}
	return nil
}
