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
	t := reports.Table{
		Key: "caseload", Title: "Caseload by key worker",
		Note:    c.asOfNote() + " Capacity is each key worker's capacity as set today.",
		Columns: []string{"Key worker", "Open cases", "Capacity", "Share of capacity"},
	}
	ch := &reports.Chart{Kind: reports.Bars, YLabel: "Cases"}
	var open, capacity []float64
	for _, w := range c.Workers {
		t.Rows = append(t.Rows, []string{w.Name, count(w.Open), count(w.Capacity), percent(w.Open, w.Capacity)})
		ch.Labels = append(ch.Labels, w.Name)
		open = append(open, float64(w.Open))
		capacity = append(capacity, float64(w.Capacity))
	}
	ch.Series = []reports.Series{{Name: "Open cases", Values: open}, {Name: "Capacity", Values: capacity}}
	t.Chart = ch
	return t
}

func (c CaseloadReport) stageTable() reports.Table {
	t := reports.Table{
		Key: "caseload-stages", Title: "Open cases by stage",
		Note: c.asOfNote() + " Stage on that day from the baby's date of birth; for a birth not yet recorded, " +
			"from the due date once it has passed.",
		Columns: []string{"Stage", "Open cases", "Share"},
	}
	ch := &reports.Chart{Kind: reports.Bars, YLabel: "Cases"}
	var cases []float64
	for _, st := range c.Stages {
		t.Rows = append(t.Rows, []string{st.Stage.Label(), count(st.Cases), percent(st.Cases, c.Open)})
		ch.Labels = append(ch.Labels, st.Stage.Label())
		cases = append(cases, float64(st.Cases))
	}
	t.Rows = append(t.Rows, []string{"All open cases", count(c.Open), percent(c.Open, c.Open)})
	ch.Series = []reports.Series{{Name: "Open cases", Values: cases}}
	t.Chart = ch
	return t
}
