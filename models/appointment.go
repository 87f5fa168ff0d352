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
func (k AppointmentKind) Label() string {
	switch k {
	case KindInitialAssessment:
		return "Initial assessment"
	case KindKeyWorkerContact:
		return "Key-worker contact"
	case KindMedicalReview:
		return "Medical review"
	case KindReview:
		return "Review"
	}
	return string(k)
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
func (m Mode) Label() string {
	switch m {
	case ModeVideo:
		return "Attend Anywhere video"
	case ModeTelephone:
		return "Telephone"
	case ModeFaceToFace:
		return "Face to face"
	case ModeHomeVisit:
		return "Home visit"
	}
	return string(m)
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
func (a Attendance) Label() string {
	switch a {
	case AttendFuture:
		return "Not yet held"
	case AttendCancelledByPatient:
		return "Cancelled by the patient"
	case AttendDNA:
		return "Did not attend"
	case AttendCancelledByService:
		return "Cancelled by the service"
	case AttendOnTime:
		return "Attended on time"
	case AttendLateSeen:
		return "Arrived late and was seen"
	case AttendLateNotSeen:
		return "Arrived late and was not seen"
	}
	return string(a)
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
