package models

// PatientAddress is one of her previous home addresses, with the dates it
// was current. Her record holds her address now; when it changes, the
// address it replaces is kept here, so that her history (and a letter
// sent to the old address) can still be understood.
type PatientAddress struct {
	Record
	PatientID    uint   `gorm:"not null;index" json:"patient_id"`
	AddressLines string `gorm:"size:500" json:"address_lines"` // one line per "\n", without the postcode
	Postcode     string `gorm:"size:8" json:"postcode"`
	// CurrentFrom is the first day it was her address, or zero when that
	// is not known (it was her address when she was first referred).
	CurrentFrom Date `json:"current_from"`
	// CurrentUntil is the last day it was her address.
	CurrentUntil Date `gorm:"not null" json:"current_until"`
	// RecordedByID is who recorded the change of address.
	RecordedByID uint `gorm:"not null" json:"recorded_by_id"`
	Demo         bool `json:"demo,omitempty"`
}

// Address returns the address lines and the postcode as separate lines.
func (a *PatientAddress) Address() []string {
	lines := AddressLines(a.AddressLines)
	if a.Postcode != "" {
		lines = append(lines, a.Postcode)
	}
	return lines
}

// PreviousAddress returns the address in p that a change on movedOn
// replaces: current from the day after the last previous address ended
// (lastUntil, zero when there is none), until movedOn. A move dated before
// the old address began is refused, naming FieldMovedOn.
func PreviousAddress(p *Patient, lastUntil, movedOn Date) (PatientAddress, error) {
	a := PatientAddress{PatientID: p.ID, AddressLines: p.AddressLines, Postcode: p.Postcode, CurrentUntil: movedOn}
	if !lastUntil.IsZero() {
		a.CurrentFrom = lastUntil.AddDays(1)
		if movedOn.Before(lastUntil) {
			return a, NewFieldError(FieldMovedOn, "it is before she moved to the address it replaces (%s); check the date", a.CurrentFrom.UK())
		}
	}
	return a, nil
}
