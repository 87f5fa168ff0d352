package app

import (
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// PatientRecord is everything the service holds about one woman, across
// all her referrals, as the subject-access export writes it to record.json
// (UK GDPR Article 15 gives her the right to a copy). Each part lists the
// records of every referral, each carrying its referral_id.
type PatientRecord struct {
	// ExportedAt and ExportedBy say when and by whom the copy was made.
	ExportedAt time.Time      `json:"exported_at"`
	ExportedBy string         `json:"exported_by"`
	Patient    models.Patient `json:"patient"`
	// PreviousAddresses are the addresses she had before, with the dates
	// each was current.
	PreviousAddresses []models.PatientAddress `json:"previous_addresses"`
	Births            []models.Birth          `json:"births"`
	// People are her partner, family and carers, with her consent to share.
	People            []models.SupportPerson    `json:"people"`
	Referrals         []models.Referral         `json:"referrals"`
	Allocations       []ExportedAllocation      `json:"allocations"`
	Appointments      []models.Appointment      `json:"appointments"`
	Contacts          []ExportedContact         `json:"contacts"`
	Measures          []ExportedMeasure         `json:"measures"`
	RiskSummaries     []models.RiskSummary      `json:"risk_summaries"`
	SafeguardingFlags []models.SafeguardingFlag `json:"safeguarding_flags"`
	// CarePlans are every version of each referral's care plan.
	CarePlans    []models.CarePlan     `json:"care_plans"`
	Tasks        []models.Task         `json:"tasks"`
	JointWorking []models.JointWorking `json:"joint_working"`
	Letters      []ExportedLetter      `json:"letters"`
	Trail        []ExportedEvent       `json:"trail"`
}

// ExportedAllocation is a key-worker allocation with the key worker named.
type ExportedAllocation struct {
	models.Allocation
	KeyWorkerName string `json:"key_worker_name"`
}

// ExportedContact is a contact with its note, its addenda and its author named.
type ExportedContact struct {
	models.Contact
	AuthorName string                   `json:"author_name"`
	Addenda    []models.ContactAddendum `json:"addenda"`
}

// ExportedMeasure is one completed outcome measure.
type ExportedMeasure struct {
	ID               uint        `json:"id"`
	ReferralID       uint        `json:"referral_id"`
	Measure          string      `json:"measure"`
	TakenOn          models.Date `json:"taken_on"`
	Answers          []int       `json:"answers"`
	Total            int         `json:"total"`
	Band             string      `json:"band"`
	RiskItemPositive bool        `json:"risk_item_positive"`
	Goals            string      `json:"goals,omitempty"`
}

// ExportedLetter is an issued letter; File is its PDF beside record.json,
// or empty for a letter held rather than posted, which has no PDF.
type ExportedLetter struct {
	models.Letter
	File string `json:"file,omitempty"`
}

// ExportedEvent is one entry of the audit trail about her record: who
// looked at or changed what, and when.
type ExportedEvent struct {
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID uint      `json:"entity_id"`
	Detail   string    `json:"detail,omitempty"`
}

// PatientRecord gathers everything held about the woman whose patient
// record is patientID, for her subject-access copy. It only reads; the
// export that writes it (ExportPatient) is what the trail records.
func (s *ReferralService) PatientRecord(actor *models.StaffMember, patientID uint) (*PatientRecord, error) {
	if err := s.authorise(actor, models.PermExportRecords); err != nil {
		return nil, err
	}
	rec := &PatientRecord{ExportedAt: s.clock.Now().UTC(), ExportedBy: actor.Name}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&rec.Patient, patientID).Error; err != nil {
			return notFound(err)
		}
		return rec.gather(tx)
	}, snapshotOptions(s.db))
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// gather reads every part of the record, inside one transaction so that
// the parts agree with each other.
func (rec *PatientRecord) gather(tx *gorm.DB) error {
	err := tx.Preload("Referrer").Preload("Conditions").Preload("Medications").Preload("CopyRecipients").
		Where("patient_id = ?", rec.Patient.ID).Order("received_at, id").Find(&rec.Referrals).Error
	if err != nil {
		return fmt.Errorf("cannot read her referrals: %w", err)
	}
	ids := make([]uint, len(rec.Referrals))
	for i := range rec.Referrals {
		rec.Referrals[i].Patient = models.Patient{} // she is given once, at the top
		ids[i] = rec.Referrals[i].ID
	}
	byReferral := func(q *gorm.DB) *gorm.DB { return q.Where("referral_id IN ?", append(ids, 0)) }
	byPatient := func(q *gorm.DB) *gorm.DB { return q.Where("patient_id = ?", rec.Patient.ID) }
	steps := []struct {
		what string
		run  func() error
	}{
		{"previous addresses", func() error { return byPatient(tx).Order("current_until, id").Find(&rec.PreviousAddresses).Error }},
		{"births", func() error { return byPatient(tx).Order("born_on, id").Find(&rec.Births).Error }},
		{"people", func() error { return byPatient(tx).Order("id").Find(&rec.People).Error }},
		{"allocations", func() error { return rec.gatherAllocations(byReferral(tx)) }},
		{"appointments", func() error { return byReferral(tx).Order("starts_at, id").Find(&rec.Appointments).Error }},
		{"contacts", func() error { return rec.gatherContacts(tx, byReferral(tx)) }},
		{"measures", func() error { return rec.gatherMeasures(byReferral(tx)) }},
		{"risk summaries", func() error { return byReferral(tx).Order("id").Find(&rec.RiskSummaries).Error }},
		{"safeguarding flags", func() error { return byPatient(tx).Order("raised_on, id").Find(&rec.SafeguardingFlags).Error }},
		{"care plans", func() error { return byReferral(tx).Order("referral_id, number").Find(&rec.CarePlans).Error }},
		{"tasks", func() error { return byReferral(tx).Order("due_date, id").Find(&rec.Tasks).Error }},
		{"joint working", func() error { return byReferral(tx).Order("start_date, id").Find(&rec.JointWorking).Error }},
		{"letters", func() error { return byReferral(tx.Table("letters")).Order("issued_at, id").Find(&rec.Letters).Error }},
	}
	for _, step := range steps {
		if err := step.run(); err != nil {
			return fmt.Errorf("cannot read her %s: %w", step.what, err)
		}
	}
	if err := rec.gatherTrail(tx, ids); err != nil {
		return fmt.Errorf("cannot read who viewed or changed her record: %w", err)
	}
	return nil
}

func (rec *PatientRecord) gatherAllocations(q *gorm.DB) error {
	var all []models.Allocation
	if err := q.Preload("KeyWorker").Order("allocated_at, id").Find(&all).Error; err != nil {
		return err
	}
	for _, a := range all {
		rec.Allocations = append(rec.Allocations, ExportedAllocation{Allocation: a, KeyWorkerName: a.KeyWorker.Name})
	}
	return nil
}

func (rec *PatientRecord) gatherContacts(tx, q *gorm.DB) error {
	var all []models.Contact
	if err := q.Order("at, id").Find(&all).Error; err != nil {
		return err
	}
	names, err := staffNames(tx)
	if err != nil {
		return err
	}
	for _, c := range all {
		e := ExportedContact{Contact: c, AuthorName: names[c.AuthorID], Addenda: []models.ContactAddendum{}}
		if err := tx.Where("contact_id = ?", c.ID).Order("at, id").Find(&e.Addenda).Error; err != nil {
			return err
		}
		rec.Contacts = append(rec.Contacts, e)
	}
	return nil
}

func (rec *PatientRecord) gatherMeasures(q *gorm.DB) error {
	var all []models.MeasureResult
	if err := q.Order("taken_on, id").Find(&all).Error; err != nil {
		return err
	}
	for _, m := range all {
		e := ExportedMeasure{ID: m.ID, ReferralID: m.ReferralID, Measure: m.Measure, TakenOn: m.TakenOn, Total: m.Total,
			Band: m.Band, RiskItemPositive: m.RiskItemPositive, Goals: m.Goals, Answers: []int{}}
		if m.Answers != "" {
			if err := json.Unmarshal([]byte(m.Answers), &e.Answers); err != nil {
				return fmt.Errorf("the answers of measure record %d cannot be read: %w", m.ID, err)
			}
		}
		rec.Measures = append(rec.Measures, e)
	}
	return nil
}

// gatherTrail reads the audit events about her: her patient record, her
// referrals, and every record that belongs to one of them.
func (rec *PatientRecord) gatherTrail(tx *gorm.DB, referralIDs []uint) error {
	owned := map[string][]uint{"patient": {rec.Patient.ID}, "referral": referralIDs}
	add := func(entity string, id uint) { owned[entity] = append(owned[entity], id) }
	for _, x := range rec.PreviousAddresses {
		add("patient_address", x.ID)
	}
	for _, x := range rec.Births {
		add("birth", x.ID)
	}
	for _, x := range rec.People {
		add("support_person", x.ID)
	}
	for _, x := range rec.Allocations {
		add("allocation", x.ID)
	}
	for _, x := range rec.Appointments {
		add("appointment", x.ID)
	}
	for _, x := range rec.Contacts {
		add("contact", x.ID)
		for _, a := range x.Addenda {
			add("contact_addendum", a.ID)
		}
	}
	for _, x := range rec.Measures {
		add("measure_result", x.ID)
	}
	for _, x := range rec.RiskSummaries {
		add("risk_summary", x.ID)
	}
	for _, x := range rec.SafeguardingFlags {
		add("safeguarding_flag", x.ID)
	}
	for _, x := range rec.CarePlans {
		add("care_plan", x.ID)
	}
	for _, x := range rec.Tasks {
		add("task", x.ID)
	}
	for _, x := range rec.JointWorking {
		add("joint_working", x.ID)
	}
	for _, x := range rec.Letters {
		add("letter", x.ID)
	}
	q := tx.Where("1 = 0")
	for entity, ids := range owned {
		if len(ids) > 0 {
			q = q.Or("entity = ? AND entity_id IN ?", entity, ids)
		}
	}
	var events []models.AuditEvent
	if err := tx.Where(q).Order("at, id").Find(&events).Error; err != nil {
		return err
	}
	rec.Trail = make([]ExportedEvent, len(events))
	for i, e := range events {
		rec.Trail[i] = ExportedEvent{At: e.At, Actor: e.ActorName, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Detail: e.Detail}
	}
	return nil
}

// staffNames maps every member of staff's ID to their name.
func staffNames(tx *gorm.DB) (map[uint]string, error) {
	var staff []models.StaffMember
	if err := tx.Select("id", "name").Find(&staff).Error; err != nil {
		return nil, err
	}
	names := make(map[uint]string, len(staff))
	for _, m := range staff {
		names[m.ID] = m.Name
	}
	return names, nil
}
