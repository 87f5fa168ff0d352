package app

import (
	"time"

	"perinatal-caseload/models"
)

// ClinicianWeek is one clinician's diary for a week, for booking: what she
// is booked for, and the free slots of a given length.
type ClinicianWeek struct {
	ClinicianID uint
	// Monday is the first day of the week; From and To bound it (see Week).
	Monday   models.Date
	From, To time.Time
	// Booked are her appointments that week, earliest first, cancelled
	// ones left out.
	Booked []DiaryEntry
	// Free holds, for each day Monday to Sunday, the starts of the free
	// slots of the length asked for (see models.FreeSlots), none in the past.
	Free [7][]time.Time
}

// Busy returns her booked times, for models.Clashes.
func (w *ClinicianWeek) Busy() []models.Busy {
	out := make([]models.Busy, len(w.Booked))
	for i, e := range w.Booked {
		out[i] = models.Busy{Start: e.StartsAt, End: e.StartsAt.Add(time.Duration(e.DurationMinutes) * time.Minute)}
	}
	return out
}

// ClinicianWeek returns clinician clinicianID's appointments in the week
// (Monday to Sunday, UK time) that holds day, and her free slots of
// lengthMinutes on each working day. It is one indexed query, by
// clinician and start, as Diary is.
func (s *AppointmentService) ClinicianWeek(actor *models.StaffMember, clinicianID uint, day models.Date, lengthMinutes int) (*ClinicianWeek, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	if clinicianID == 0 {
		return nil, models.NewFieldError(models.FieldClinician, "choose who holds the appointment to see their week")
	}
	w := &ClinicianWeek{ClinicianID: clinicianID, Monday: models.MondayOf(day)}
	w.From, w.To = Week(day)
	booked, err := s.diary(DiaryFilter{From: w.From, To: w.To, ClinicianID: clinicianID})
	if err != nil {
		return nil, err
	}
	w.Booked = booked
	busy, now := w.Busy(), s.clock.Now()
	for i := range w.Free {
		w.Free[i] = models.FreeSlots(w.Monday.AddDays(i), busy, time.Duration(lengthMinutes)*time.Minute, now)
	}
	return w, nil
}
