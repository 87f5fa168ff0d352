package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"perinatal-caseload/models"
)

// Settings of the automatic backups the desktop application takes while it
// runs (SQLite caseloads only; a PostgreSQL server is backed up with its
// own tools, docs/backup.md).
const (
	SetBackupFolder     = "backup.folder"
	SetBackupKeep       = "backup.keep"
	SetBackupEveryHours = "backup.every_hours"
)

// What the last automatic backup did, kept in the settings table for every
// desktop and the Dashboard to read (not settings anyone edits).
const (
	backupLastAttemptKey = "backup.last_attempt"
	backupLastOKKey      = "backup.last_ok"
	backupLastResultKey  = "backup.last_result"
)

// autoBackupPrefix starts the name of every automatic backup; pruning
// removes only files named so.
const autoBackupPrefix = "caseload-backup-"

// BackupStatus is what the last automatic backup did.
type BackupStatus struct {
	LastAttempt, LastOK time.Time // zero if never
	// Result is a sentence: the file written, or why it failed.
	Result string
}

// Text is the status as the Settings screen shows it.
func (b BackupStatus) Text() string {
	if b.LastAttempt.IsZero() {
		return "No automatic backup has been taken yet."
	}
	return fmt.Sprintf("Last automatic backup: %s. %s", b.LastAttempt.In(models.London).Format("Monday 2 January 2006 at 15:04"), b.Result)
}

// BackupStatus reads what the last automatic backup did.
func (s *Services) BackupStatus() BackupStatus {
	parse := func(key string) time.Time {
		t, _ := time.Parse(time.RFC3339, s.core.storedSetting(key))
		return t
	}
	return BackupStatus{LastAttempt: parse(backupLastAttemptKey), LastOK: parse(backupLastOKKey), Result: s.core.storedSetting(backupLastResultKey)}
}

// BackupWarning is the Dashboard's warning to a team manager when the
// SQLite caseload has had no good backup for a day; "" otherwise.
func (s *Services) BackupWarning(actor *models.StaffMember) string {
	if actor == nil || !actor.HasRole(models.RoleManager) || onPostgres(s.core.db) {
		return ""
	}
	st := s.BackupStatus()
	if !st.LastOK.IsZero() && s.Clock().Now().Sub(st.LastOK) <= 25*time.Hour {
		return ""
	}
	if st.LastOK.IsZero() {
		return "No backup of the caseload has been taken yet. Check the backup folder in Settings (see docs/backup.md)."
	}
	return fmt.Sprintf("The caseload has not been backed up since %s. Check the backup folder in Settings (see docs/backup.md).",
		st.LastOK.In(models.London).Format("Monday 2 January 2006 at 15:04"))
}

// BackupIfDue takes an automatic backup of the SQLite caseload at dbPath
// when the last attempt is older than the set interval: into the set
// folder (else a "backups" folder beside the database), named by the time,
// keeping the set number of them and removing older ones. It records the
// result for BackupStatus. It reports whether it tried. A PostgreSQL
// caseload is never backed up here.
func (s *Services) BackupIfDue(dbPath string) (bool, error) {
	if onPostgres(s.core.db) {
		return false, nil
	}
	now := s.Clock().Now().UTC()
	last := s.BackupStatus().LastAttempt
	every := time.Duration(s.Settings.Int(SetBackupEveryHours)) * time.Hour
	if !last.IsZero() && now.Sub(last) < every {
		return false, nil
	}
	folder := s.Settings.Get(SetBackupFolder)
	if folder == "" {
		folder = filepath.Join(filepath.Dir(dbPath), "backups")
	}
	r, err := s.backupInto(folder, now)
	result := "It succeeded."
	if err != nil {
		result = "It failed: " + err.Error()
	} else if r.AuditHead.Events > 0 {
		result = "It succeeded: " + r.AuditHead.String() + "."
	}
	rec := map[string]string{backupLastAttemptKey: now.Format(time.RFC3339), backupLastResultKey: result}
	if err == nil {
		rec[backupLastOKKey] = now.Format(time.RFC3339)
	}
	for k, v := range rec {
		if serr := saveInternalSetting(s.core.db, k, v); serr != nil && err == nil {
			err = fmt.Errorf("the backup was taken but its result could not be recorded: %w", serr)
		}
	}
	return true, err
}

// backupInto writes one automatic backup into folder and prunes old ones.
func (s *Services) backupInto(folder string, now time.Time) (*BackupReport, error) {
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return nil, fmt.Errorf("the backup folder cannot be made: %w", err)
	}
	out := filepath.Join(folder, autoBackupPrefix+now.Format("20060102-150405")+".db")
	r, err := Backup(s.core.db, out, false)
	if err != nil {
		return nil, err
	}
	return r, pruneBackups(folder, s.Settings.Int(SetBackupKeep))
}

// pruneBackups removes the oldest automatic backups in folder beyond keep.
func pruneBackups(folder string, keep int) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return fmt.Errorf("the backup folder cannot be read: %w", err)
	}
	var ours []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), autoBackupPrefix) && strings.HasSuffix(e.Name(), ".db") {
			ours = append(ours, e.Name())
		}
	}
	sort.Strings(ours) // the names sort by time
	for len(ours) > max(keep, 1) {
		if err := os.Remove(filepath.Join(folder, ours[0])); err != nil {
			return fmt.Errorf("an old backup cannot be removed: %w", err)
		}
		ours = ours[1:]
	}
	return nil
}

// StartAutoBackups runs BackupIfDue now and then every check interval
// until the returned stop function is called, off the caller's goroutine.
// report, if set, is told of each failure (its text names no patient).
func (s *Services) StartAutoBackups(dbPath string, check time.Duration, report func(error)) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(check)
		defer t.Stop()
		for {
			if _, err := s.BackupIfDue(dbPath); err != nil && report != nil {
				report(err)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done) }
}
