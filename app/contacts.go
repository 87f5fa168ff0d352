package app

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// ContactService keeps the key worker's record of care: every contact with
// or about a woman, with its note. A note is written by its author, who may
// edit it until signing it; once signed it is locked, and a correction or
// an addition is a dated addendum, by anyone who may update the caseload.
//
// An appointment makes its own contact when its attendance is recorded
// (see core.contactForAppointment), so the reports see every care
// contact, held or not; the person who records a held appointment is then
// asked for its note.
type ContactService struct{ *core }

// ContactEntry is what a person types for a contact.
type ContactEntry struct {
	// At is when the contact began (UTC).
	At              time.Time
	Mode            models.Mode
	DurationMinutes int
	Present         []models.ContactParty
	Attendance      models.Attendance
	Note            string
	// Sign signs the note as it is saved, locking it.
	Sign bool
}

// ContactRow is one contact as her record lists it: the contact with its
// author and signer named, and its addenda oldest first.
type ContactRow struct {
	models.Contact
	AuthorName   string
	SignedByName string
	Addenda      []AddendumRow `gorm:"-"`
}

// AddendumRow is one addendum with its author named.
type AddendumRow struct {
	models.ContactAddendum
	AuthorName string
}

// ContactListLimit caps one page of a woman's contacts.
const ContactListLimit = 500

// Record saves a contact with or about the woman of referral referralID,
// written by actor (and signed, if e.Sign). It refuses a contact in the
// future, of no mode or an impossible length, or (to sign) without a note.
func (s *ContactService) Record(actor *models.StaffMember, referralID uint, e ContactEntry) (*models.Contact, error) {
	if actor == nil {
		return nil, ErrNotSignedIn
	}
	c := &models.Contact{ReferralID: referralID, AuthorID: actor.ID}
	e.apply(c)
	if err := models.CheckContact(c, s.clock.Now()); err != nil {
		return nil, err
	}
	if e.Sign {
		if err := models.CheckSign(c, actor.ID); err != nil {
			return nil, err
		}
	}
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		r, err := s.loadReferral(tx, referralID)
		if err != nil {
			return err
		}
		c.Demo, c.Version = r.Demo, 1
		if e.Sign {
			s.sign(c, actor)
		}
		if err := tx.Create(c).Error; err != nil {
			return fmt.Errorf("cannot save the contact: %w", err)
		}
		return s.audit(tx, actor, ActionCreate, "contact", c.ID, nil, c, contactDetail(c, ""))
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Update changes an unsigned contact and its note (and signs it, if
// e.Sign): only its author may, and only as read at readVersion. A signed
// note is refused with models.ErrNoteSigned. The attendance of a contact
// that records an appointment follows the appointment, and is changed
// there.
func (s *ContactService) Update(actor *models.StaffMember, id uint, readVersion int, e ContactEntry) (*models.Contact, error) {
	var c models.Contact
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		before, err := s.loadForChange(tx, id, readVersion, actor)
		if err != nil {
			return err
		}
		c = *before
		if c.AppointmentID != nil && e.Attendance != c.Attendance {
			return models.NewFieldError(models.FieldContactAttendance, "this contact records an appointment, so its attendance is recorded on the appointment")
		}
		e.apply(&c)
		if err := models.CheckContact(&c, s.clock.Now()); err != nil {
			return err
		}
		what := "note edited"
		if e.Sign {
			if err := models.CheckSign(&c, actor.ID); err != nil {
				return err
			}
			s.sign(&c, actor)
			what = "note edited and signed"
		}
		c.Version = readVersion
		if err := s.saveVersioned(tx, "contact", &c, func(v int) { c.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "contact", c.ID, before, &c, contactDetail(&c, what))
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// Sign signs a contact's note as it stands, locking it: only its author
// may, only once it has a note, and only as read at readVersion.
func (s *ContactService) Sign(actor *models.StaffMember, id uint, readVersion int) (*models.Contact, error) {
	var c models.Contact
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		read, err := loadAt[models.Contact](s.core, tx, "contact", id, readVersion)
		if err != nil {
			return err
		}
		c = *read
		if err := models.CheckSign(&c, actor.ID); err != nil {
			return err
		}
		before := c
		s.sign(&c, actor)
		if err := s.saveVersioned(tx, "contact", &c, func(v int) { c.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "contact", c.ID, &before, &c, contactDetail(&c, "signed"))
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// AddAddendum adds a dated addendum to a signed note, by actor. The note
// itself is never changed. An unsigned note is refused: its author edits
// it instead.
func (s *ContactService) AddAddendum(actor *models.StaffMember, contactID uint, text string) (*models.ContactAddendum, error) {
	var a models.ContactAddendum
	err := s.write(actor, models.PermUpdateCaseload, func(tx *gorm.DB) error {
		var c models.Contact
		if err := tx.First(&c, contactID).Error; err != nil {
			return notFound(err)
		}
		if err := models.CheckAddendum(&c, text); err != nil {
			return err
		}
		a = models.ContactAddendum{ContactID: c.ID, AuthorID: actor.ID, At: s.clock.Now().UTC(), Text: strings.TrimSpace(text), Demo: c.Demo}
		a.Version = 1
		if err := tx.Create(&a).Error; err != nil {
			return fmt.Errorf("cannot save the addendum: %w", err)
		}
		return s.audit(tx, actor, ActionCreate, "contact_addendum", a.ID, nil, &a, fmt.Sprintf("addendum to contact %d", c.ID))
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// ForReferral returns referral referralID's contacts newest first, at most
// limit of them (1 to ContactListLimit), each with its addenda, and how
// many there are in all. The look is audited as a view of her record.
func (s *ContactService) ForReferral(actor *models.StaffMember, referralID uint, limit int) ([]ContactRow, int64, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, 0, err
	}
	limit = min(max(limit, 1), ContactListLimit)
	var total int64
	if err := s.db.Model(&models.Contact{}).Where("referral_id = ?", referralID).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	rows, err := s.rows(s.rowQuery().Where("contacts.referral_id = ?", referralID).
		Order("contacts.at DESC, contacts.id DESC").Limit(limit))
	if err != nil {
		return nil, 0, err
	}
	return rows, total, s.auditView(actor, referralID, "her contact notes")
}

// Get returns one contact with its addenda, for the person to read or
// edit. The look is audited as a view of her record.
func (s *ContactService) Get(actor *models.StaffMember, id uint) (*ContactRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	rows, err := s.rows(s.rowQuery().Where("contacts.id = ?", id))
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, ErrNotFound
	}
	return &rows[0], s.auditView(actor, rows[0].ReferralID, "a contact note")
}

// rowQuery reads contacts with their author and signer named.
func (s *ContactService) rowQuery() *gorm.DB {
	return s.db.Table("contacts").
		Select("contacts.*, authors.name AS author_name, signers.name AS signed_by_name").
		Joins("LEFT JOIN staff_members authors ON authors.id = contacts.author_id").
		Joins("LEFT JOIN staff_members signers ON signers.id = contacts.signed_by_id")
}

// rows reads what q finds, with the addenda.
func (s *ContactService) rows(q *gorm.DB) ([]ContactRow, error) {
	var rows []ContactRow
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("cannot read her contacts: %w", err)
	}
	return rows, s.addAddenda(rows)
}

// ForAppointment returns the contact that records appointment
// appointmentID, or ErrNotFound before its attendance is recorded.
func (s *ContactService) ForAppointment(actor *models.StaffMember, appointmentID uint) (*models.Contact, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var c models.Contact
	if err := s.db.Where("appointment_id = ?", appointmentID).Order("id").Take(&c).Error; err != nil {
		return nil, notFound(err)
	}
	return &c, nil
}

// addAddenda reads the addenda of rows, oldest first, in one query.
func (s *ContactService) addAddenda(rows []ContactRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]uint, len(rows))
	at := make(map[uint]int, len(rows))
	for i := range rows {
		ids[i], at[rows[i].ID] = rows[i].ID, i
	}
	var addenda []AddendumRow
	err := s.db.Table("contact_addendums").
		Select("contact_addendums.*, staff_members.name AS author_name").
		Joins("LEFT JOIN staff_members ON staff_members.id = contact_addendums.author_id").
		Where("contact_addendums.contact_id IN ?", ids).
		Order("contact_addendums.at, contact_addendums.id").Scan(&addenda).Error
	if err != nil {
		return fmt.Errorf("cannot read the addenda: %w", err)
	}
	for _, a := range addenda {
		r := &rows[at[a.ContactID]]
		r.Addenda = append(r.Addenda, a)
	}
	return nil
}

// loadForChange reads a contact its author may still change, as read at
// readVersion.
func (s *ContactService) loadForChange(tx *gorm.DB, id uint, readVersion int, actor *models.StaffMember) (*models.Contact, error) {
	c, err := loadAt[models.Contact](s.core, tx, "contact", id, readVersion)
	if err != nil {
		return nil, err
	}
	if err := models.CheckNoteEdit(c, actor.ID); err != nil {
		return nil, err
	}
	return c, nil
}

// loadAt reads record id of type T on tx as the caller read it, at
// readVersion: ErrNotFound when it is gone, or the *ConflictError naming
// who changed it since.
func loadAt[T any, PT interface {
	*T
	versioned
}](c *core, tx *gorm.DB, entity string, id uint, readVersion int) (PT, error) {
	var x T
	p := PT(&x)
	if err := tx.First(p, id).Error; err != nil {
		return nil, notFound(err)
	}
	if err := c.checkRead(tx, entity, p, readVersion); err != nil {
		return nil, err
	}
	return p, nil
}

// sign marks c signed by actor now.
func (s *ContactService) sign(c *models.Contact, actor *models.StaffMember) {
	now := s.clock.Now().UTC()
	c.SignedAt, c.SignedByID = &now, &actor.ID
}

// apply copies what was typed into c.
func (e ContactEntry) apply(c *models.Contact) {
	c.At, c.Mode, c.DurationMinutes = e.At.UTC(), e.Mode, e.DurationMinutes
	c.Present, c.Attendance, c.Note = models.JoinContactParties(e.Present), e.Attendance, strings.TrimSpace(e.Note)
}

// EntryOf returns a contact as an entry, to edit it.
func EntryOf(c *models.Contact) ContactEntry {
	parties, _ := models.ParseContactParties(c.Present)
	return ContactEntry{At: c.At, Mode: c.Mode, DurationMinutes: c.DurationMinutes, Present: parties, Attendance: c.Attendance, Note: c.Note}
}

// contactDetail is the audit detail of a contact: its mode, its
// attendance code and what happened ("signed").
func contactDetail(c *models.Contact, what string) string {
	s := string(c.Mode) + ", attendance " + string(c.Attendance)
	if what != "" {
		s = what + ": " + s
	}
	return s
}
