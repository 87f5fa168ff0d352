package app

import (
	"bytes"
	"encoding/csv"
	"testing"

	"perinatal-caseload/models"
)

func TestAuditExportIsCSVAndIsItselfAudited(t *testing.T) {
	s, _, _ := newTestServices(t)
	boss := addStaff(t, s, "boss", models.RoleManager)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	register(t, s, admin, sampleReferral("9434765919"))
	var buf bytes.Buffer
	n, err := s.Audit.ExportCSV(boss, AuditFilter{Entity: "referral"}, &buf)
	if err != nil || n != 1 {
		t.Fatalf("exported %d, %v", n, err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbfid,")) {
		t.Fatalf("the export starts %q; want the UTF-8 byte-order mark, then the header", buf.Bytes()[:min(8, buf.Len())])
	}
	buf.Next(3)
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][3] != ActionCreate || rows[1][4] != "referral" {
		t.Fatalf("csv = %v, %v", rows, err)
	}
	var exports int64
	s.core.db.Table("audit_events").Where("action = ? AND actor_id = ?", ActionExport, boss.ID).Count(&exports)
	if exports != 1 {
		t.Error("the export was not audited")
	}
	if _, err := s.Audit.ExportCSV(admin, AuditFilter{}, &buf); err == nil {
		t.Error("an administrator exported the audit trail")
	}
}
