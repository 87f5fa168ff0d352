package app

import (
	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// CaseloadReport is the caseload as it stood at the end of the range's last
// day: each key worker's open cases against their capacity (the capacity
// as set today), and the open cases by where each woman was in the
// perinatal period that day (see models.ReportStageOn). A case is open when
// she had a key worker that day, the referral was accepted by then, and it
// had not been closed by then.
type CaseloadReport struct {
	AsOf    models.Date
	Workers []WorkerLoad
	Stages  []StageCount
	Open    int
}

// WorkerLoad is one key worker's open cases and capacity.
type WorkerLoad struct {
	Name     string
	Open     int
	Capacity int
}

// StageCount is the open cases at one stage.
type StageCount struct {
	Stage models.ReportStage
	Cases int
}

func (s *ReportService) caseload(rr reportRange) (CaseloadReport, error) {
	out := CaseloadReport{AsOf: rr.to}
	var rows []struct {
		KeyWorkerID          uint
		Stage                models.Stage
		ExpectedDeliveryDate models.Date
		BabyDateOfBirth      models.Date
		Status               models.Status
	}
	err := s.db.Table("allocations").
		Select("allocations.key_worker_id, referrals.stage, referrals.expected_delivery_date, referrals.baby_date_of_birth, referrals.status").
		Joins("JOIN referrals ON referrals.id = allocations.referral_id").
		Where("allocations.allocated_at < ? AND (allocations.ended_at IS NULL OR allocations.ended_at >= ?)", rr.until, rr.until).
		Where("referrals.accepted_at < ? AND (referrals.closed_at IS NULL OR referrals.closed_at >= ?)", rr.until, rr.until).
		Scan(&rows).Error
	if err != nil {
		return out, err
	}
	open := map[uint]int{}
	stages := map[models.ReportStage]int{}
	for _, r := range rows {
		if r.Status == models.StatusNotAccepted {
			continue // accepted, then found not to need the service
		}
		open[r.KeyWorkerID]++
		stages[models.ReportStageOn(r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth, rr.to)]++
		out.Open++
	}
	var staff []models.StaffMember
	if err := s.db.Where("system = ?", false).Order("name, id").Find(&staff).Error; err != nil {
		return out, err
	}
	for _, m := range staff {
		if (m.Active && m.HasRole(models.RoleKeyWorker)) || open[m.ID] > 0 {
			out.Workers = append(out.Workers, WorkerLoad{Name: m.Name, Open: open[m.ID], Capacity: m.CaseloadCapacity})
		}
	}
	for _, st := range models.ReportStages {
		out.Stages = append(out.Stages, StageCount{Stage: st, Cases: stages[st]})
	}
	return out, nil
}

// asOfNote says when the caseload was counted.
func (c CaseloadReport) asOfNote() string {
	return "Open cases at the end of " + c.AsOf.UK() + ": allocated to a key worker, accepted, and not closed by then."
}

func (c CaseloadReport) table() reports.Table {
	b := newChartTable(reports.Table{
		Key: "caseload", Title: "Caseload by key worker",
		Note:    c.asOfNote() + " Capacity is each key worker's capacity as set today.",
		Columns: []string{"Key worker", "Open cases", "Capacity", "Share of capacity"},
	}, reports.Bars, "Cases", "Open cases", "Capacity")
	for _, w := range c.Workers {
		b.add(w.Name, []string{w.Name, count(w.Open), count(w.Capacity), percent(w.Open, w.Capacity)}, float64(w.Open), float64(w.Capacity))
	}
	return b.done()
}

func (c CaseloadReport) stageTable() reports.Table {
	b := newChartTable(reports.Table{
		Key: "caseload-stages", Title: "Open cases by stage",
		Note: c.asOfNote() + " Stage on that day from the baby's date of birth; for a birth not yet recorded, " +
			"from the due date once it has passed.",
		Columns: []string{"Stage", "Open cases", "Share"},
	}, reports.Bars, "Cases", "Open cases")
	for _, st := range c.Stages {
		b.add(st.Stage.Label(), []string{st.Stage.Label(), count(st.Cases), percent(st.Cases, c.Open)}, float64(st.Cases))
	}
	b.row("All open cases", count(c.Open), percent(c.Open, c.Open))
	return b.done()
}
