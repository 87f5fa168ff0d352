package app

import (
	"time"

	"perinatal-caseload/models"
)

// DiaryFilter picks the appointments a diary shows.
type DiaryFilter struct {
	From, To    time.Time              // From inclusive, To exclusive; see Week
	ClinicianID uint                   // 0 for the whole team
	Kind        models.AppointmentKind // "" for every kind
	Mode        models.Mode            // "" for every mode
	// IncludeCancelled shows appointments cancelled by either side as well.
	IncludeCancelled bool
}

// DiaryEntry is one appointment in a diary, with the woman and the
// clinician named.
type DiaryEntry struct {
	ID              uint
	Version         int
	ReferralID      uint
	Kind            models.AppointmentKind
	Mode            models.Mode
	StartsAt        time.Time // UTC; see Start
	DurationMinutes int
	ClinicianID     uint
	ClinicianName   string
	VideoLink       string
	Attendance      models.Attendance
	GivenName       string
	FamilyName      string
	NHSNumber       *string
	// Safeguarding are her standing safeguarding flags.
	Safeguarding safeguardingCols `gorm:"embedded"`
}

// SafeguardingFlags returns her standing safeguarding flags, for badges.
func (e DiaryEntry) SafeguardingFlags() []CaseloadFlag { return e.Safeguarding.flags() }

// PatientName returns "Family, Given" for lists.
func (e DiaryEntry) PatientName() string { return e.FamilyName + ", " + e.GivenName }

// Start returns the start in UK time.
func (e DiaryEntry) Start() time.Time { return e.StartsAt.In(models.London) }

// End returns the end in UK time.
func (e DiaryEntry) End() time.Time {
	return e.Start().Add(time.Duration(e.DurationMinutes) * time.Minute)
}

// Week returns the instants bounding the week (Monday 00:00 to the next
// Monday 00:00, UK time) that holds day. A week that changes between GMT and
// British Summer Time is an hour shorter or longer; it is still seven days.
func Week(day models.Date) (from, to time.Time) {
	monday := models.MondayOf(day)
	return models.StartOfLondonDay(monday), models.StartOfLondonDay(monday.AddDays(7))
}

// DiaryLimit caps one diary query; a week of a whole team is far below it.
const DiaryLimit = 2000

// Diary returns the appointments between f.From and f.To, earliest first,
// for one clinician or the whole team, filtered by kind and mode. It is
// one indexed query (by clinician and start, or by start).
func (s *AppointmentService) Diary(actor *models.StaffMember, f DiaryFilter) ([]DiaryEntry, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	return s.diary(f)
}

// diary is Diary for a caller that has checked the permission.
func (c *core) diary(f DiaryFilter) ([]DiaryEntry, error) {
	if f.From.IsZero() || !f.To.After(f.From) {
		return nil, models.NewFieldError(models.FieldDiaryDates, "choose a start date before the end date")
	}
	q := c.db.Table("appointments").
		Select("appointments.id, appointments.version, appointments.referral_id, appointments.kind, appointments.mode, "+
			"appointments.starts_at, appointments.duration_minutes, appointments.clinician_id, appointments.video_link, appointments.attendance, "+
			"staff_members.name AS clinician_name, patients.given_name, patients.family_name, patients.nhs_number"+safeguardingSelect).
		Joins("JOIN referrals ON referrals.id = appointments.referral_id").
		Joins("JOIN patients ON patients.id = referrals.patient_id").
		Joins("JOIN staff_members ON staff_members.id = appointments.clinician_id").
		Where("appointments.starts_at >= ? AND appointments.starts_at < ?", f.From.UTC(), f.To.UTC())
	if f.ClinicianID != 0 {
		q = q.Where("appointments.clinician_id = ?", f.ClinicianID)
	}
	if f.Kind != "" {
		q = q.Where("appointments.kind = ?", f.Kind)
	}
	if f.Mode != "" {
		q = q.Where("appointments.mode = ?", f.Mode)
	}
	if !f.IncludeCancelled {
		q = q.Where("appointments.attendance NOT IN ?", []models.Attendance{models.AttendCancelledByPatient, models.AttendCancelledByService})
	}
	var out []DiaryEntry
	err := q.Order("appointments.starts_at, staff_members.name, appointments.id").Limit(DiaryLimit).Scan(&out).Error
	return out, err
}
