package app

import (
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
	"perinatal-caseload/reports"
)

// The MHSDS-shaped monthly extract (issue 16): one CSV per MHSDS table,
// named after the table, and a validation report.
//
// Table and field names follow NHS England's Mental Health Services Data
// Set (MHSDS) technical output specification as far as they could be
// checked on 26/11/2026: the patient table's name MHS001MPI and its field
// EthnicCategory were verified against NHS England's MHSDS data quality
// dashboard metadata (tables and fields of MHSDS v4 and v5); the codes
// are sourced in models/mhsds.go. Every other table and field name here
// (MHS101Referral, MHS102ServiceTypeReferredTo, MHS201CareContact,
// MHS606CodedScoreAssessmentRefer, MHS607CodedScoreAssessmentAct and
// their fields, among them MHS607's CareActId) is taken from the domain
// notes and the v5/v6 naming, and is NOT verified against the
// specification: check them before a real submission. MHS607 carries
// CareContactId, the MHS201 row of the contact, because the extract
// writes no MHS202 care-activity table: each contact is taken as one care
// activity, whose CareActId is made from the contact's ID.
//
// Which records each table holds, for the month in UK time: MHS101 and
// MHS102, one row per referral received in the month; MHS201, one row per
// contact in the month; MHS607, one row per measure taken in the month
// on the day of an attended contact of her referral (see scoreContacts),
// and MHS606, one for every other measure taken in the month; MHS001, one
// row per woman with a row in any of them. Each row carries
// DemoRecord ("Y" for synthetic demo records): it is not an MHSDS field,
// and is there so that no one mistakes demo data for real data.

// MHSDSExtract is one month's extract.
type MHSDSExtract struct {
	Month    models.Month
	Tables   []MHSDSTable
	Problems []MHSDSProblem
	Demo     int // how many rows are demo records
}

// MHSDSTable is one table of the extract.
type MHSDSTable struct {
	Name    string
	Columns []string
	Rows    [][]string
}

// MHSDSProblem is a mandatory field missing from one record. Record is the
// record's local identifier (a referral reference, a patient or contact
// ID), never her name.
type MHSDSProblem struct {
	Table, Record, Field, Problem string
}

// Table returns the extract's table called name, or nil.
func (x *MHSDSExtract) Table(name string) *MHSDSTable {
	for i := range x.Tables {
		if x.Tables[i].Name == name {
			return &x.Tables[i]
		}
	}
	return nil
}

// Files returns the extract as files: one CSV per table (MHS101Referral.csv),
// and validation.csv listing every problem.
func (x *MHSDSExtract) Files() map[string][]byte {
	files := map[string][]byte{}
	for _, t := range x.Tables {
		files[t.Name+".csv"] = reports.CSV(reports.Table{Columns: t.Columns, Rows: t.Rows})
	}
	v := reports.Table{Columns: []string{"Table", "Record", "Field", "Problem"}}
	for _, p := range x.Problems {
		v.Rows = append(v.Rows, []string{p.Table, p.Record, p.Field, p.Problem})
	}
	files["validation.csv"] = reports.CSV(v)
	return files
}

// mhsdsBuild gathers what the tables are made from.
type mhsdsBuild struct {
	x        *MHSDSExtract
	patients map[uint]bool
}

// MHSDS builds the extract for month and audits it as an export.
func (s *ReportService) MHSDS(actor *models.StaffMember, month models.Month) (*MHSDSExtract, error) {
	if err := s.authorise(actor, models.PermViewReports); err != nil {
		return nil, err
	}
	if month.Year < 2000 || month.Year > 2100 {
		return nil, models.NewFieldError(FieldMonth, "enter the month as YYYY-MM, for example 2026-11")
	}
	rr := newReportRange(month.First(), month.Last())
	b := &mhsdsBuild{x: &MHSDSExtract{Month: month}, patients: map[uint]bool{}}
	for _, step := range []func(reportRange, *mhsdsBuild) error{s.mhsdsReferrals, s.mhsdsContacts, s.mhsdsScores, s.mhsdsPatients} {
		if err := step(rr, b); err != nil {
			return nil, fmt.Errorf("cannot build the MHSDS extract: %w", err)
		}
	}
	err := s.transaction(func(tx *gorm.DB) error {
		return s.audit(tx, actor, ActionExport, "mhsds", 0, nil, nil, "MHSDS extract "+month.ISO())
	})
	return b.x, err
}

// add appends a row to table, marking a demo record, and lists each
// mandatory column left empty as a problem of the record.
func (b *mhsdsBuild) add(t *MHSDSTable, record string, demo bool, mandatory []string, row ...string) {
	flag := "N"
	if demo {
		flag = "Y"
		b.x.Demo++
	}
	row = append(row, flag)
	for _, field := range mandatory {
		for i, col := range t.Columns {
			if col == field && row[i] == "" {
				b.x.Problems = append(b.x.Problems, MHSDSProblem{Table: t.Name, Record: record, Field: field, Problem: "missing: it is mandatory"})
			}
		}
	}
	t.Rows = append(t.Rows, row)
}

// isoDate writes an instant's UK date as YYYY-MM-DD.
func isoDate(t time.Time) string { return models.LondonDate(t).ISO() }

// patientID is the local patient identifier the extract gives her.
func patientID(id uint) string { return fmt.Sprintf("P%06d", id) }

func (s *ReportService) mhsdsReferrals(rr reportRange, b *mhsdsBuild) error {
	var rows []struct {
		ID         uint
		PatientID  uint
		ReceivedAt time.Time
		Priority   models.Priority
		Role       string
		ClosedAt   *time.Time
		Status     models.Status
		DecidedAt  *time.Time
		Demo       bool
	}
	err := s.db.Table("referrals").
		Select("referrals.id, referrals.patient_id, referrals.received_at, referrals.priority, professionals.role, referrals.closed_at, referrals.status, referrals.decided_at, referrals.demo").
		Joins("JOIN professionals ON professionals.id = referrals.referrer_id").
		Where("referrals.received_at >= ? AND referrals.received_at < ?", rr.start, rr.until).Order("referrals.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	ref := MHSDSTable{Name: "MHS101Referral", Columns: []string{"ServiceRequestId", "LocalPatientId", "ReferralRequestReceivedDate",
		"ReferralRequestReceivedTime", "SourceOfReferralMH", "ClinRespPriorityType", "ServDischDate", "DemoRecord"}}
	team := MHSDSTable{Name: "MHS102ServiceTypeReferredTo", Columns: []string{"ServiceRequestId", "ServTeamTypeRefToMH",
		"ReferRejectionDate", "DemoRecord"}}
	for _, r := range rows {
		id := models.ReferralReference(r.ID)
		b.patients[r.PatientID] = true
		disch, rejected := "", ""
		if r.ClosedAt != nil && r.ClosedAt.Before(rr.until) {
			disch = isoDate(*r.ClosedAt)
		}
		if r.Status == models.StatusNotAccepted && r.DecidedAt != nil {
			rejected = isoDate(*r.DecidedAt)
		}
		b.add(&ref, id, r.Demo, []string{"ServiceRequestId", "LocalPatientId", "ReferralRequestReceivedDate", "SourceOfReferralMH", "ClinRespPriorityType"},
			id, patientID(r.PatientID), isoDate(r.ReceivedAt), r.ReceivedAt.In(models.London).Format("15:04:05"),
			models.MHSDSSourceOfReferral(models.ProfessionalRole(r.Role)), r.Priority.MHSDSCode(), disch)
		b.add(&team, id, r.Demo, []string{"ServiceRequestId", "ServTeamTypeRefToMH"}, id, models.MHSDSPerinatalTeamType, rejected)
	}
	b.x.Tables = append(b.x.Tables, ref, team)
	return nil
}

func (s *ReportService) mhsdsContacts(rr reportRange, b *mhsdsBuild) error {
	var rows []struct {
		ID              uint
		ReferralID      uint
		PatientID       uint
		At              time.Time
		Mode            models.Mode
		Attendance      models.Attendance
		DurationMinutes int
		Demo            bool
	}
	err := s.db.Table("contacts").
		Select("contacts.id, contacts.referral_id, referrals.patient_id, contacts.at, contacts.mode, contacts.attendance, contacts.duration_minutes, contacts.demo").
		Joins("JOIN referrals ON referrals.id = contacts.referral_id").
		Where("contacts.at >= ? AND contacts.at < ?", rr.start, rr.until).Order("contacts.at, contacts.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	t := MHSDSTable{Name: "MHS201CareContact", Columns: []string{"CareContactId", "ServiceRequestId", "CareContDate", "CareContTime",
		"ConsMechanismMH", "AttendStatus", "ClinContDurOfCareCont", "DemoRecord"}}
	for _, c := range rows {
		b.patients[c.PatientID] = true
		id := fmt.Sprintf("C%08d", c.ID)
		b.add(&t, id, c.Demo, []string{"CareContactId", "ServiceRequestId", "CareContDate", "CareContTime", "ConsMechanismMH", "AttendStatus"},
			id, models.ReferralReference(c.ReferralID), isoDate(c.At), c.At.In(models.London).Format("15:04:05"),
			c.Mode.MHSDSConsultationCode(), string(c.Attendance), fmt.Sprint(c.DurationMinutes))
	}
	b.x.Tables = append(b.x.Tables, t)
	return nil
}

func (s *ReportService) mhsdsScores(rr reportRange, b *mhsdsBuild) error {
	var rows []struct {
		ID         uint
		ReferralID uint
		PatientID  uint
		Measure    string
		TakenOn    models.Date
		Total      int
		Demo       bool
	}
	err := s.db.Table("measure_results").
		Select("measure_results.id, measure_results.referral_id, referrals.patient_id, measure_results.measure, measure_results.taken_on, measure_results.total, measure_results.demo").
		Joins("JOIN referrals ON referrals.id = measure_results.referral_id").
		Where("measure_results.taken_on >= ? AND measure_results.taken_on <= ?", rr.from, rr.to).Order("measure_results.taken_on, measure_results.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	at, err := s.scoreContacts(rr)
	if err != nil {
		return err
	}
	ref := MHSDSTable{Name: "MHS606CodedScoreAssessmentRefer", Columns: []string{"CodedScoreAssessmentId", "ServiceRequestId",
		"CodedAssToolType", "PersScore", "AssToolCompDate", "LocalMeasureName", "DemoRecord"}}
	act := MHSDSTable{Name: "MHS607CodedScoreAssessmentAct", Columns: []string{"CodedScoreAssessmentId", "CareActId", "CareContactId",
		"ServiceRequestId", "CodedAssToolType", "PersScore", "AssToolCompDate", "LocalMeasureName", "DemoRecord"}}
	for _, m := range rows {
		b.patients[m.PatientID] = true
		id, service, tool, score := fmt.Sprintf("M%08d", m.ID), models.ReferralReference(m.ReferralID), models.MHSDSAssessmentToolCode(m.Measure), fmt.Sprint(m.Total)
		if contact, ok := at[scoreDay{m.ReferralID, m.TakenOn}]; ok {
			b.add(&act, id, m.Demo, []string{"CareActId", "CodedAssToolType", "PersScore"},
				id, fmt.Sprintf("A%08d", contact), fmt.Sprintf("C%08d", contact), service, tool, score, m.TakenOn.ISO(), m.Measure)
			continue
		}
		b.add(&ref, id, m.Demo, []string{"ServiceRequestId", "CodedAssToolType", "PersScore", "AssToolCompDate"},
			id, service, tool, score, m.TakenOn.ISO(), m.Measure)
	}
	b.x.Tables = append(b.x.Tables, ref, act)
	return nil
}

// scoreDay is a referral and a UK day.
type scoreDay struct {
	referralID uint
	on         models.Date
}

// scoreContacts returns, for each referral and UK day of rr with an
// attended contact (MHSDS 5 or 6), the first such contact that day. A
// score is not linked to a contact when it is recorded, so the extract
// takes a score taken on the day of an attended contact of her referral
// as recorded at that contact (an MHS607 care activity), and any other as
// recorded against the referral (MHS606).
func (s *ReportService) scoreContacts(rr reportRange) (map[scoreDay]uint, error) {
	var rows []struct {
		ID         uint
		ReferralID uint
		At         time.Time
	}
	err := s.db.Model(&models.Contact{}).Select("id, referral_id, at").
		Where("at >= ? AND at < ? AND attendance IN ?", rr.start, rr.until, attendedCodes).Order("at, id").Scan(&rows).Error
	out := map[scoreDay]uint{}
	for _, c := range rows {
		day := scoreDay{c.ReferralID, models.LondonDate(c.At)}
		if _, ok := out[day]; !ok {
			out[day] = c.ID
		}
	}
	return out, err
}

// mhsdsPatients writes MHS001MPI for every woman with a row elsewhere,
// first in the extract's list of tables.
func (s *ReportService) mhsdsPatients(_ reportRange, b *mhsdsBuild) error {
	ids := make([]uint, 0, len(b.patients))
	for id := range b.patients {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	t := MHSDSTable{Name: "MHS001MPI", Columns: []string{"LocalPatientId", "NHSNumber", "PersonBirthDate", "Postcode", "EthnicCategory", "DemoRecord"}}
	for start := 0; start < len(ids); start += 500 {
		var rows []models.Patient
		chunk := ids[start:min(start+500, len(ids))]
		if err := s.db.Select("id, nhs_number, date_of_birth, postcode, ethnic_category, demo").Where("id IN ?", chunk).Order("id").Find(&rows).Error; err != nil {
			return err
		}
		for _, p := range rows {
			nhs := ""
			if p.NHSNumber != nil {
				nhs = *p.NHSNumber
			}
			dob := ""
			if !p.DateOfBirth.IsZero() {
				dob = p.DateOfBirth.ISO()
			}
			b.add(&t, patientID(p.ID), p.Demo, []string{"LocalPatientId", "NHSNumber", "PersonBirthDate", "Postcode", "EthnicCategory"},
				patientID(p.ID), nhs, dob, p.Postcode, string(p.EthnicCategory))
		}
	}
	b.x.Tables = append([]MHSDSTable{t}, b.x.Tables...)
	return nil
}
