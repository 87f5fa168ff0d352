package app

import (
	"fmt"
	"io"
	"strconv"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ExportCSV writes every audit event matching f to w as CSV, oldest first,
// a page at a time, after a UTF-8 byte-order mark so that spreadsheets
// show names as written. The export is itself audited. It returns how many events
// it wrote.
func (s *AuditService) ExportCSV(actor *models.StaffMember, f AuditFilter, w io.Writer) (int, error) {
	if err := s.authorise(actor, models.PermViewAudit); err != nil {
		return 0, err
	}
	out, err := newCSVWriter(w)
	if err != nil {
		return 0, err
	}
	if err := out.Write([]string{"id", "time (London)", "person", "action", "record", "record id", "detail", "before", "after"}); err != nil {
		return 0, err
	}
	n := 0
	var lastID uint
	for {
		var page []models.AuditEvent
		if err := s.filtered(f).Where("id > ?", lastID).Order("id").Limit(1000).Find(&page).Error; err != nil {
			return n, err
		}
		for _, ev := range page {
			row := []string{strconv.FormatUint(uint64(ev.ID), 10), ev.At.In(models.London).Format("02/01/2006 15:04:05"), ev.ActorName,
				ev.Action, ev.Entity, strconv.FormatUint(uint64(ev.EntityID), 10), ev.Detail, ev.Before, ev.After}
			if err := out.Write(row); err != nil {
				return n, fmt.Errorf("cannot write the export: %w", err)
			}
			lastID = ev.ID
			n++
		}
		if len(page) < 1000 {
			break
		}
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return n, fmt.Errorf("cannot write the export: %w", err)
	}
	err = s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "audit", 0, nil, nil, fmt.Sprintf("exported %d audit events to CSV", n))
	})
	return n, err
}
