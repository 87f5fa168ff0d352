package app

import (
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// addressBook finds where letters to professionals and organisations go,
// from the directory of organisations and the professionals' own records.
// It reads each organisation once, so a pack asks the database little.
type addressBook struct {
	db     *gorm.DB
	byIDs  map[uint]*models.Organisation
	byName map[string]*models.Organisation
}

func newAddressBook(db *gorm.DB) *addressBook {
	return &addressBook{db: db, byIDs: map[uint]*models.Organisation{}, byName: map[string]*models.Organisation{}}
}

// postal is where a letter to a professional goes.
type postal struct {
	// Lines is the postal address, postcode last, or nil when no full
	// postal address is known.
	Lines []string
	// Organisation names their organisation, as the directory has it when
	// the address came from there.
	Organisation string
}

// byID returns the organisation with id, or nil when there is none.
func (b *addressBook) byID(id uint) (*models.Organisation, error) {
	if o, ok := b.byIDs[id]; ok {
		return o, nil
	}
	var o models.Organisation
	if err := b.db.Where("id = ?", id).Limit(1).Find(&o).Error; err != nil {
		return nil, err
	}
	var found *models.Organisation
	if o.ID != 0 {
		found = &o
	}
	b.byIDs[id] = found
	return found, nil
}

// named returns the one organisation in use whose name (in any case) or ODS
// code is text, of kind when kind is not "", or nil when there is none or
// more than one, since a guess could send her details to the wrong place.
func (b *addressBook) named(text string, kind models.OrganisationKind) (*models.Organisation, error) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return nil, nil
	}
	key := string(kind) + "|" + strings.ToLower(text)
	if o, ok := b.byName[key]; ok {
		return o, nil
	}
	q := b.db.Where("retired = ? AND (LOWER(name) = ? OR ods_code = ?)", false, strings.ToLower(text), strings.ToUpper(text))
	if kind != "" {
		q = q.Where("kind = ?", kind)
	}
	var list []models.Organisation
	if err := q.Limit(2).Find(&list).Error; err != nil {
		return nil, err
	}
	var found *models.Organisation
	if len(list) == 1 {
		found = &list[0]
	}
	b.byName[key] = found
	return found, nil
}

// inUse returns o when it is in use and has a full postal address, else nil.
func inUse(o *models.Organisation) *models.Organisation {
	if o == nil || o.Retired || !o.HasPostalAddress() {
		return nil
	}
	return o
}

// professional finds where letters to p go: the address of the
// organisation they are linked to in the directory; else their own address,
// when it is a full postal address; else the address of the one
// organisation in the directory with the name of their organisation.
func (b *addressBook) professional(p models.Professional) (postal, error) {
	if p.OrganisationID != nil {
		o, err := b.byID(*p.OrganisationID)
		if err != nil {
			return postal{}, err
		}
		if o = inUse(o); o != nil {
			return postal{Lines: o.Address(), Organisation: o.Name}, nil
		}
	}
	if lines, ok := models.PostalAddress(p.Address); ok {
		return postal{Lines: lines, Organisation: p.Organisation}, nil
	}
	if p.OrganisationID == nil {
		o, err := b.named(p.Organisation, "")
		if err != nil {
			return postal{}, err
		}
		if o = inUse(o); o != nil {
			return postal{Lines: o.Address(), Organisation: o.Name}, nil
		}
	}
	return postal{Organisation: p.Organisation}, nil
}

// team finds where letters to a team go, given its name and any address
// typed for it: that address, when it is a full postal address, else the
// address of the one organisation in the directory of that name.
func (b *addressBook) team(name, address string) (postal, error) {
	if lines, ok := models.PostalAddress(address); ok {
		return postal{Lines: lines, Organisation: name}, nil
	}
	o, err := b.named(name, "")
	if err != nil {
		return postal{}, err
	}
	if o = inUse(o); o != nil {
		return postal{Lines: o.Address(), Organisation: o.Name}, nil
	}
	return postal{Organisation: name}, nil
}

// gpPractice returns her GP practice from the directory: the one she is
// linked to, else the one GP practice whose name or ODS code is what the
// referrer wrote. It returns nil when neither is found.
func (b *addressBook) gpPractice(p *models.Patient) (*models.Organisation, error) {
	if p.GPPracticeID != nil {
		o, err := b.byID(*p.GPPracticeID)
		if err != nil || o != nil {
			return o, err
		}
	}
	return b.named(p.GPPractice, models.OrgGPPractice)
}

// linkToDirectory links a referral about to be registered to the
// directory: her GP practice, when the referrer named one the directory
// knows, and each new professional whose organisation it knows. Links
// already made are kept.
func linkToDirectory(tx *gorm.DB, r *models.Referral) error {
	b := newAddressBook(tx)
	p := &r.Patient
	if p.GPPracticeID == nil && strings.TrimSpace(p.GPPractice) != "" {
		o, err := b.named(p.GPPractice, models.OrgGPPractice)
		if err != nil {
			return err
		}
		if o != nil {
			p.GPPracticeID = &o.ID
		}
	}
	professionals := []*models.Professional{&r.Referrer}
	for i := range r.CopyRecipients {
		professionals = append(professionals, &r.CopyRecipients[i].Professional)
	}
	for _, prof := range professionals {
		if prof.ID != 0 || prof.OrganisationID != nil || strings.TrimSpace(prof.Organisation) == "" {
			continue
		}
		o, err := b.named(prof.Organisation, "")
		if err != nil {
			return err
		}
		if o != nil {
			prof.OrganisationID = &o.ID
		}
	}
	return nil
}
