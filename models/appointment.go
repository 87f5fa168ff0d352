package models

import "time"

// AppointmentKind is what an appointment is for.
type AppointmentKind string

// Appointment kinds.
const (
	KindInitialAssessment AppointmentKind = "initial_assessment"
	KindKeyWorkerContact  AppointmentKind = "key_worker_contact"
	KindMedicalReview     AppointmentKind = "medical_review"
	KindReview            AppointmentKind = "review"
)

// AppointmentKinds lists every kind.
var AppointmentKinds = []AppointmentKind{KindInitialAssessment, KindKeyWorkerContact, KindMedicalReview, KindReview}

// Label returns the kind in words.
func (k AppointmentKind) Label() string { return labelOf(appointmentKindLabels, k) }

// appointmentKindLabels holds the words for each AppointmentKind.
var appointmentKindLabels = map[AppointmentKind]string{
	KindInitialAssessment: "Initial assessment",
	KindKeyWorkerContact:  "Key-worker contact",
	KindMedicalReview:     "Medical review",
	KindReview:            "Review",
}

// Mode is how an appointment is held.
type Mode string

// Appointment modes.
const (
	ModeVideo      Mode = "attend_anywhere"
	ModeTelephone  Mode = "telephone"
	ModeFaceToFace Mode = "face_to_face"
	ModeHomeVisit  Mode = "home_visit"
)

// Modes lists every mode.
var Modes = []Mode{ModeVideo, ModeTelephone, ModeFaceToFace, ModeHomeVisit}

// Label returns the mode in words.
func (m Mode) Label() string { return labelOf(modeLabels, m) }

// modeLabels holds the words for each Mode.
var modeLabels = map[Mode]string{
	ModeVideo:      "Attend Anywhere video",
	ModeTelephone:  "Telephone",
	ModeFaceToFace: "Face to face",
	ModeHomeVisit:  "Home visit",
}

// MHSDSConsultationCode returns the MHSDS consultation mechanism code.
func (m Mode) MHSDSConsultationCode() string {
	switch m {
	case ModeFaceToFace, ModeHomeVisit:
		return "01"
	case ModeTelephone:
		return "02"
	case ModeVideo:
		return "11"
	}
	return "98"
}

// Attendance is the MHSDS attended-or-did-not-attend code.
type Attendance string

// MHSDS attendance codes.
const (
	AttendFuture             Attendance = "0"
	AttendCancelledByPatient Attendance = "2"
	AttendDNA                Attendance = "3"
	AttendCancelledByService Attendance = "4"
	AttendOnTime             Attendance = "5"
	AttendLateSeen           Attendance = "6"
	AttendLateNotSeen        Attendance = "7"
)

// Attendances lists every code.
var Attendances = []Attendance{AttendFuture, AttendCancelledByPatient, AttendDNA, AttendCancelledByService, AttendOnTime, AttendLateSeen, AttendLateNotSeen}

// Label returns the code's meaning.
func (a Attendance) Label() string { return labelOf(attendanceLabels, a) }

// attendanceLabels holds the words for each Attendance.
var attendanceLabels = map[Attendance]string{
	AttendFuture:             "Not yet held",
	AttendCancelledByPatient: "Cancelled by the patient",
	AttendDNA:                "Did not attend",
	AttendCancelledByService: "Cancelled by the service",
	AttendOnTime:             "Attended on time",
	AttendLateSeen:           "Arrived late and was seen",
	AttendLateNotSeen:        "Arrived late and was not seen",
}

// Missed reports whether the woman was not seen through no choice of the service:
// a missed appointment needs a follow-up task.
func (a Attendance) Missed() bool { return a == AttendDNA || a == AttendLateNotSeen }

// Appointment is a booked contact with a woman.
type Appointment struct {
	Record
	ReferralID      uint            `gorm:"not null;index;index:idx_appointment_referral,priority:1" json:"referral_id"`
	Kind            AppointmentKind `gorm:"size:30;not null;index;index:idx_appointment_kind_start,priority:1" json:"kind"`
	Mode            Mode            `gorm:"size:30;not null" json:"mode"`
	StartsAt        time.Time       `gorm:"not null;index;index:idx_appointment_diary,priority:2;index:idx_appointment_referral,priority:2;index:idx_appointment_kind_start,priority:2" json:"starts_at"` // UTC
	DurationMinutes int             `gorm:"not null" json:"duration_minutes"`
	ClinicianID     uint            `gorm:"not null;index;index:idx_appointment_diary,priority:1" json:"clinician_id"`
	Clinician       StaffMember     `json:"-"`
	VideoLink       string          `gorm:"size:500" json:"video_link"`
	// Venue is where a face-to-face appointment is held: the base's name,
	// then its address, one line each (see Base.Venue).
	Venue        string     `gorm:"size:500" json:"venue,omitempty"`
	Notes        string     `gorm:"type:text" json:"notes"`
	Attendance   Attendance `gorm:"size:2;not null;default:0" json:"attendance"`
	CancelledBy  string     `gorm:"size:100" json:"cancelled_by"`
	CancelReason string     `gorm:"size:500" json:"cancel_reason"`
	Demo         bool       `json:"demo,omitempty"`
}

// EndsAt returns when the appointment ends.
func (a *Appointment) EndsAt() time.Time {
	return a.StartsAt.Add(time.Duration(a.DurationMinutes) * time.Minute)
}
