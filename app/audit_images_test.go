package app

import (
	"bytes"
	"encoding/json"
	"testing"

	"perinatal-caseload/models"
)

// TestAuditEventSizes reports the mean size of the before and after images
// of the events that change a record, written by taking twenty women onto
// the caseload (run with -v for the figures), and checks that each stores
// only the fields that changed.
func TestAuditEventsStoreOnlyTheChangedFields(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	for range 20 {
		r := w.onCaseload(nil, w.worker)
		needs := r.Patient.CommunicationNeeds
		needs.LargePrint = true
		if err := s.Referrals.UpdateNeeds(w.admin, r.PatientID, r.Patient.Version, "", needs); err != nil {
			t.Fatal(err)
		}
	}
	var rows []struct {
		Action        string
		N             int64
		Before, After float64
	}
	s.core.db.Table("audit_events").Select("entity || ' ' || action AS action, COUNT(*) AS n, AVG(LENGTH(before)) AS before, AVG(LENGTH(after)) AS after").
		Where("before <> ''").Group("entity, action").Scan(&rows)
	for _, r := range rows {
		t.Logf("%-10s %6d events: before %6.0f bytes, after %6.0f bytes on average", r.Action, r.N, r.Before, r.After)
	}
	var events []models.AuditEvent
	s.core.db.Where("before <> ''").Find(&events)
	for _, ev := range events {
		var b, a map[string]json.RawMessage
		if json.Unmarshal([]byte(ev.Before), &b) != nil || json.Unmarshal([]byte(ev.After), &a) != nil {
			t.Fatalf("event %d: images are not JSON objects", ev.ID)
		}
		for k, v := range b {
			if k != "id" && k != "version" && bytes.Equal(v, a[k]) {
				t.Errorf("event %d (%s %s) stores the unchanged field %q", ev.ID, ev.Entity, ev.Action, k)
			}
		}
	}
}
