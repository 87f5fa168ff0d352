package app

import (
	"slices"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// CaseloadService shows the key workers' caseloads, the women waiting for a
// key worker, and the team's caseloads against capacity.
type CaseloadService struct{ *core }

// CaseloadFlag is a key fact shown beside a woman wherever she is listed.
type CaseloadFlag string

// Caseload flags.
const (
	FlagCMHT            CaseloadFlag = "cmht"
	FlagMBU             CaseloadFlag = "mbu"
	FlagInpatient       CaseloadFlag = "inpatient"
	FlagMoodStabiliser  CaseloadFlag = "mood_stabiliser"
	FlagUrgent          CaseloadFlag = "urgent"
	FlagSubstanceMisuse CaseloadFlag = "substance_misuse"
	FlagEatingDisorder  CaseloadFlag = "eating_disorder"
)

// CaseloadFlags lists every flag in the order lists show them.
// The safeguarding flags come straight after Urgent, so that a row too
// narrow for all its badges still shows them.
var CaseloadFlags = slices.Concat([]CaseloadFlag{FlagUrgent}, safeguardingFlags,
	[]CaseloadFlag{FlagCMHT, FlagInpatient, FlagMBU, FlagMoodStabiliser, FlagSubstanceMisuse, FlagEatingDisorder})

// Label returns the flag in words.
func (f CaseloadFlag) Label() string {
	switch f {
	case FlagCMHT:
		return "CMHT joint working"
	case FlagMBU:
		return "Mother and baby unit"
	case FlagInpatient:
		return "Inpatient"
	case FlagMoodStabiliser:
		return "Mood stabiliser"
	case FlagUrgent:
		return "Urgent"
	case FlagSubstanceMisuse:
		return "Substance misuse service"
	case FlagEatingDisorder:
		return "Eating disorder service"
	}
	if l := safeguardingLabel(f); l != "" {
		return l
	}
	return string(f)
}

// CaseloadSort orders a caseload.
type CaseloadSort string

// Caseload orders. The zero value sorts by name.
const (
	SortByName            CaseloadSort = "name"             // family name, then given name
	SortByNextAppointment CaseloadSort = "next_appointment" // soonest first; none last
	SortByLastContact     CaseloadSort = "last_contact"     // longest since seen first; never seen first of all
	SortByPeriodEnd       CaseloadSort = "period_end"       // soonest end first; not known last
	SortByKeyWorker       CaseloadSort = "key_worker"       // key worker, then name
)

// CaseloadFilter picks the women a caseload shows.
type CaseloadFilter struct {
	KeyWorkerID uint         // 0 for the whole team
	Query       string       // name, NHS number or postcode, as the referral search
	Flag        CaseloadFlag // "" for everyone
	Sort        CaseloadSort
}

// CaseloadRow is one woman on a caseload. Fields tagged gorm:"-" are
// worked out after reading, not read from a column.
type CaseloadRow struct {
	ReferralID  uint
	PatientID   uint
	GivenName   string
	FamilyName  string
	NHSNumber   *string
	DateOfBirth models.Date
	Status      models.Status
	Priority    models.Priority
	// StageText is where she is today: "28 weeks pregnant", "4 months after birth".
	StageText string `gorm:"-"`
	// PeriodEnds is the date her perinatal period ends (zero when not known).
	PeriodEnds models.Date `gorm:"-"`
	// NextAppointment is her next appointment not yet held (nil if none),
	// with its kind and mode.
	NextAppointment *time.Time             `gorm:"-"`
	NextKind        models.AppointmentKind `gorm:"-"`
	NextMode        models.Mode            `gorm:"-"`
	// LastContact is the start of the last contact at which she was seen
	// (attended, code 5 or 6), booked or not (nil if none).
	LastContact   *time.Time     `gorm:"-"`
	Flags         []CaseloadFlag `gorm:"-"`
	KeyWorkerID   uint
	KeyWorkerName string
	AllocatedAt   time.Time
	CaseloadMeasure
}

// PatientName returns "Family, Given" for lists.
func (r CaseloadRow) PatientName() string { return r.FamilyName + ", " + r.GivenName }

// NHSNumberText returns the NHS number grouped 3-3-4.
func (r CaseloadRow) NHSNumberText() string {
	if r.NHSNumber == nil {
		return ""
	}
	return models.FormatNHSNumber(*r.NHSNumber)
}

// HasFlag reports whether the row carries flag f.
func (r CaseloadRow) HasFlag(f CaseloadFlag) bool {
	return slices.Contains(r.Flags, f)
}

// caseloadRecord is what the first caseload query reads for each woman.
type caseloadRecord struct {
	CaseloadRow
	Stage                    models.Stage
	ExpectedDeliveryDate     models.Date
	BabyDateOfBirth          models.Date
	CsCmhtOpen               bool
	CsPsychiatricInpatient   bool
	CsMbuAdmission           bool
	CsMbuExpectedDischarge   models.Date
	CsSubstanceMisuseService bool
	CsEatingDisorderService  bool
	jointFound, jointActive  map[models.JointService]bool
	moodStabiliser           bool
	EpdsLatest, EpdsPrevious *int // see caseloadMeasureColumns
	CoreLatest, CorePrevious *int
	Safeguarding             safeguardingCols `gorm:"embedded"`
}

// closedStatuses are the statuses of referrals no longer open to the service.
var closedStatuses = []models.Status{models.StatusClosed, models.StatusNotAccepted}

// base returns the open referrals with a current allocation that f picks.
func (s *CaseloadService) base(f CaseloadFilter) *gorm.DB {
	q := s.db.Table("allocations").
		Joins("JOIN referrals ON referrals.id = allocations.referral_id").
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Where("allocations.ended_at IS NULL AND referrals.status NOT IN ?", closedStatuses)
	if f.KeyWorkerID != 0 {
		q = q.Where("allocations.key_worker_id = ?", f.KeyWorkerID)
	}
	return s.filterReferrals(q, ReferralFilter{Query: f.Query})
}

// Caseload returns the open referrals with a current key worker that f
// picks (one worker's, or the whole team's), each with her stage today, her
// next appointment and last contact, her flags and the end of her perinatal
// period. It makes five queries however many women there are: the women,
// then their next appointments, last contacts, joint working and mood
// stabilisers, each for all of them at once by an IN list of their referral
// IDs (split every caseloadChunk women, far beyond a team's caseload). A
// whole team's open caseload (a few thousand) is returned in one slice for
// the list to page through.
func (s *CaseloadService) Caseload(actor *models.StaffMember, f CaseloadFilter) ([]CaseloadRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var recs []caseloadRecord
	err := s.base(f).Select("referrals.id AS referral_id, referrals.patient_id, referrals.status, referrals.priority, referrals.stage, " +
		"referrals.expected_delivery_date, referrals.baby_date_of_birth, referrals.cs_cmht_open, referrals.cs_psychiatric_inpatient, " +
		"referrals.cs_mbu_admission, referrals.cs_mbu_expected_discharge, referrals.cs_substance_misuse_service, referrals.cs_eating_disorder_service, " +
		"patients.given_name, patients.family_name, patients.nhs_number, patients.date_of_birth, " +
		"allocations.key_worker_id, allocations.allocated_at, staff_members.name AS key_worker_name" + caseloadMeasureColumns + safeguardingSelect).
		Joins("JOIN staff_members ON staff_members.id = allocations.key_worker_id").
		Scan(&recs).Error
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	byID := make(map[uint]*caseloadRecord, len(recs))
	for i := range recs {
		byID[recs[i].ReferralID] = &recs[i]
	}
	ids := make([]uint, len(recs))
	for i := range recs {
		ids[i] = recs[i].ReferralID
	}
	if err := s.addAppointments(ids, byID); err != nil {
		return nil, err
	}
	today := models.LondonDate(s.clock.Now())
	if err := s.addJointWorking(ids, byID, today); err != nil {
		return nil, err
	}
	var mood []uint
	err = inChunks(ids, func(chunk []uint) error {
		return s.db.Table("medications").Distinct("referral_id").Where("class = ? AND referral_id IN ?", "mood_stabiliser", chunk).Pluck("referral_id", &mood).Error
	})
	if err != nil {
		return nil, err
	}
	for _, id := range mood {
		if r := byID[id]; r != nil {
			r.moodStabiliser = true
		}
	}
	out := make([]CaseloadRow, 0, len(recs))
	for i := range recs {
		row := recs[i].finish(today)
		if f.Flag == "" || row.HasFlag(f.Flag) {
			out = append(out, row)
		}
	}
	sortCaseload(out, f.Sort)
	return out, nil
}

// caseloadChunk is the most referral IDs one IN list carries: far more
// than a team's open caseload, and well inside SQLite's and PostgreSQL's
// limits on query parameters.
const caseloadChunk = 5000

// inChunks calls fn with ids in slices of at most caseloadChunk.
func inChunks(ids []uint, fn func(chunk []uint) error) error {
	for start := 0; start < len(ids); start += caseloadChunk {
		if err := fn(ids[start:min(start+caseloadChunk, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

// addAppointments fills in next appointments and last contacts: the
// future appointments not yet held (a few per woman), and the latest
// contact at which she was seen (attendance 5 or 6) per woman, grouped in
// the database. Two queries.
func (s *CaseloadService) addAppointments(ids []uint, byID map[uint]*caseloadRecord) error {
	var future []models.Appointment
	err := inChunks(ids, func(chunk []uint) error {
		var part []models.Appointment
		err := s.db.Select("referral_id, starts_at, kind, mode").
			Where("attendance = ? AND starts_at >= ? AND referral_id IN ?", models.AttendFuture, s.clock.Now().UTC(), chunk).
			Order("starts_at").Find(&part).Error
		future = append(future, part...)
		return err
	})
	if err != nil {
		return err
	}
	for _, a := range future {
		if r := byID[a.ReferralID]; r != nil && r.NextAppointment == nil {
			at := a.StartsAt
			r.NextAppointment, r.NextKind, r.NextMode = &at, a.Kind, a.Mode
		}
	}
	// The latest contact at which she was seen, per woman, joined back to
	// read it as a time (an aggregate loses its column type in some
	// drivers). The index on contacts (referral_id, attendance, at) answers
	// both queries without reading the contact rows.
	seen := []models.Attendance{models.AttendOnTime, models.AttendLateSeen}
	var last []models.Contact
	err = inChunks(ids, func(chunk []uint) error {
		latest := s.db.Table("contacts").Select("referral_id, MAX(at) AS last").
			Where("attendance IN ? AND referral_id IN ?", seen, chunk).Group("referral_id")
		var part []models.Contact
		err := s.db.Table("contacts").Select("contacts.referral_id, contacts.at").
			Joins("JOIN (?) latest ON latest.referral_id = contacts.referral_id AND latest.last = contacts.at", latest).
			Where("contacts.attendance IN ?", seen).Find(&part).Error
		last = append(last, part...)
		return err
	})
	if err != nil {
		return err
	}
	for _, l := range last {
		if r := byID[l.ReferralID]; r != nil {
			at := l.At.UTC()
			r.LastContact = &at
		}
	}
	return nil
}

// flagServices maps the joint-working services that raise a flag.
var flagServices = map[models.JointService]CaseloadFlag{
	models.JointCMHT: FlagCMHT, models.JointInpatientWard: FlagInpatient, models.JointMBU: FlagMBU,
	models.JointSubstanceMisuse: FlagSubstanceMisuse, models.JointEatingDisorder: FlagEatingDisorder,
}

// addJointWorking notes, per woman, which flagged services the team has
// recorded joint working with, and which of those are active today.
func (s *CaseloadService) addJointWorking(ids []uint, byID map[uint]*caseloadRecord, today models.Date) error {
	services := make([]models.JointService, 0, len(flagServices))
	for svc := range flagServices {
		services = append(services, svc)
	}
	var joint []models.JointWorking
	err := inChunks(ids, func(chunk []uint) error {
		var part []models.JointWorking
		err := s.db.Select("referral_id, service, start_date, end_date").
			Where("service IN ? AND referral_id IN ?", services, chunk).Find(&part).Error
		joint = append(joint, part...)
		return err
	})
	if err != nil {
		return err
	}
	for i := range joint {
		j := &joint[i]
		r := byID[j.ReferralID]
		if r == nil {
			continue
		}
		if r.jointFound == nil {
			r.jointFound, r.jointActive = map[models.JointService]bool{}, map[models.JointService]bool{}
		}
		r.jointFound[j.Service] = true
		r.jointActive[j.Service] = r.jointActive[j.Service] || j.Active(today)
	}
	return nil
}

// finish works out the row's stage, period end and flags on today.
//
// A service flag (CMHT, ward, mother and baby unit, substance misuse,
// eating disorder) follows the joint-working records once the team has
// recorded any for that service: it shows while one is active. Until then
// it follows what the referral said about her current services, so a
// woman referred while open to a CMHT is flagged from the start, and the
// flag goes when the team records that joint working as ended.
func (r *caseloadRecord) finish(today models.Date) CaseloadRow {
	row := r.CaseloadRow
	row.CaseloadMeasure = caseloadMeasureTotals{r.EpdsLatest, r.EpdsPrevious, r.CoreLatest, r.CorePrevious}.measure()
	row.StageText, row.PeriodEnds = models.StageToday(r.Stage, r.ExpectedDeliveryDate, r.BabyDateOfBirth, today)
	stated := map[models.JointService]bool{
		models.JointCMHT:            r.CsCmhtOpen,
		models.JointInpatientWard:   r.CsPsychiatricInpatient,
		models.JointMBU:             r.CsMbuAdmission && (r.CsMbuExpectedDischarge.IsZero() || !r.CsMbuExpectedDischarge.Before(today)),
		models.JointSubstanceMisuse: r.CsSubstanceMisuseService,
		models.JointEatingDisorder:  r.CsEatingDisorderService,
	}
	on := map[CaseloadFlag]bool{FlagUrgent: r.Priority == models.PriorityUrgent, FlagMoodStabiliser: r.moodStabiliser}
	for _, f := range r.Safeguarding.flags() {
		on[f] = true
	}
	for svc, flag := range flagServices {
		if r.jointFound[svc] {
			on[flag] = r.jointActive[svc]
		} else {
			on[flag] = stated[svc]
		}
	}
	for _, f := range CaseloadFlags {
		if on[f] {
			row.Flags = append(row.Flags, f)
		}
	}
	return row
}

// sortCaseload orders rows; ties fall back to the name, then the referral.
func sortCaseload(rows []CaseloadRow, by CaseloadSort) {
	name := func(a, b CaseloadRow) int {
		if c := strings.Compare(models.SearchKey(a.FamilyName), models.SearchKey(b.FamilyName)); c != 0 {
			return c
		}
		if c := strings.Compare(models.SearchKey(a.GivenName), models.SearchKey(b.GivenName)); c != 0 {
			return c
		}
		return int(a.ReferralID) - int(b.ReferralID)
	}
	times := func(a, b *time.Time, missingFirst bool) int {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			if missingFirst {
				return -1
			}
			return 1
		case b == nil:
			if missingFirst {
				return 1
			}
			return -1
		}
		return a.Compare(*b)
	}
	cmp := func(a, b CaseloadRow) int {
		switch by {
		case SortByNextAppointment:
			return times(a.NextAppointment, b.NextAppointment, false)
		case SortByLastContact:
			return times(a.LastContact, b.LastContact, true)
		case SortByPeriodEnd:
			switch {
			case a.PeriodEnds.IsZero() != b.PeriodEnds.IsZero():
				if a.PeriodEnds.IsZero() {
					return 1
				}
				return -1
			case a.PeriodEnds.Before(b.PeriodEnds):
				return -1
			case b.PeriodEnds.Before(a.PeriodEnds):
				return 1
			}
		case SortByKeyWorker:
			return strings.Compare(a.KeyWorkerName, b.KeyWorkerName)
		}
		return 0
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if c := cmp(rows[i], rows[j]); c != 0 {
			return c < 0
		}
		return name(rows[i], rows[j]) < 0
	})
}
