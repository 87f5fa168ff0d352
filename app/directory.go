package app

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// DirectoryService keeps the directory of organisations that letters are
// copied to (GP practices with their ODS codes, community mental health
// teams, midwifery and health-visiting teams, wards) with their postal
// addresses, and the professionals letters are copied to, each of whom may
// be linked to their organisation so that letters to them go to its
// address. Everyone who can see referrals can read it; administrators and
// team managers keep it.
type DirectoryService struct{ *core }

// OrganisationFilter narrows the directory.
type OrganisationFilter struct {
	// Text is found anywhere in the name, or at the start of the ODS code.
	Text string
	// Kind limits the list to one kind; "" for every kind.
	Kind models.OrganisationKind
	// Retired includes organisations that have closed or merged.
	Retired bool
}

// likePattern returns a LIKE pattern finding text anywhere, with LIKE's
// wildcards in text escaped by a backslash (see the ESCAPE clauses).
func likePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(strings.Join(strings.Fields(text), " "))) + "%"
}

func (s *DirectoryService) organisationQuery(f OrganisationFilter) *gorm.DB {
	q := s.db.Model(&models.Organisation{})
	if !f.Retired {
		q = q.Where("retired = ?", false)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if text := strings.TrimSpace(f.Text); text != "" {
		lo, hi := prefixRange(strings.ToUpper(strings.Join(strings.Fields(text), "")))
		q = q.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR (ods_code >= ? AND ods_code < ?))`, likePattern(text), lo, hi)
	}
	return q
}

// Organisations returns a page of the directory, by name.
func (s *DirectoryService) Organisations(actor *models.StaffMember, f OrganisationFilter, offset, limit int) ([]models.Organisation, error) {
	return findAll[models.Organisation](s.core, actor, models.PermViewReferrals, s.organisationQuery(f).Order("retired, name, id").Offset(offset).Limit(limit))
}

// CountOrganisations counts the organisations that match f.
func (s *DirectoryService) CountOrganisations(actor *models.StaffMember, f OrganisationFilter) (int64, error) {
	return s.countFor(actor, models.PermViewReferrals, s.organisationQuery(f))
}

// Organisation returns one organisation of the directory.
func (s *DirectoryService) Organisation(actor *models.StaffMember, id uint) (*models.Organisation, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var o models.Organisation
	if err := s.db.First(&o, id).Error; err != nil {
		return nil, notFound(err)
	}
	return &o, nil
}

// AddOrganisation checks and adds an organisation to the directory. Every
// field at fault is named (see models.Organisation.Normalised); an ODS
// code, or a name of the same kind, already in the directory is refused.
func (s *DirectoryService) AddOrganisation(actor *models.StaffMember, o *models.Organisation) error {
	clean, err := o.Normalised()
	if err != nil {
		return err
	}
	return s.write(actor, models.PermManageDirectory, func(tx *gorm.DB) error {
		if err := checkDirectoryDuplicate(tx, &clean, 0); err != nil {
			return err
		}
		clean.ID, clean.Retired, clean.Version = 0, false, 1
		if err := tx.Create(&clean).Error; err != nil {
			return fmt.Errorf("cannot save the organisation: %w", err)
		}
		*o = clean
		return s.audit(tx, actor, ActionCreate, "organisation", o.ID, nil, o, "")
	})
}

// UpdateOrganisation saves changes to an organisation of the directory, if
// nobody changed it since o was read (o.Version); otherwise it returns a
// *ConflictError and saves nothing. Whether it is retired is changed by
// SetRetired.
func (s *DirectoryService) UpdateOrganisation(actor *models.StaffMember, o *models.Organisation) error {
	clean, err := o.Normalised()
	if err != nil {
		return err
	}
	return s.write(actor, models.PermManageDirectory, func(tx *gorm.DB) error {
		var before models.Organisation
		if err := tx.First(&before, o.ID).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "organisation", &before, o.Version); err != nil {
			return err
		}
		if err := checkDirectoryDuplicate(tx, &clean, o.ID); err != nil {
			return err
		}
		clean.Retired, clean.Demo, clean.CreatedAt = before.Retired, before.Demo, before.CreatedAt
		if err := s.saveVersioned(tx, "organisation", &clean, func(v int) { clean.Version = v }); err != nil {
			return err
		}
		*o = clean
		return s.audit(tx, actor, ActionUpdate, "organisation", o.ID, &before, o, "")
	})
}

// SetRetired retires an organisation that has closed or merged (it stays
// for the letters already sent, and is no longer offered or used for new
// letters), or brings one back. readVersion is the version the caller read.
func (s *DirectoryService) SetRetired(actor *models.StaffMember, id uint, readVersion int, retired bool) error {
	return s.write(actor, models.PermManageDirectory, func(tx *gorm.DB) error {
		var o models.Organisation
		if err := tx.First(&o, id).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "organisation", &o, readVersion); err != nil {
			return err
		}
		before := o
		if !retired {
			if err := checkDirectoryDuplicate(tx, &o, o.ID); err != nil {
				return err
			}
		}
		o.Retired, o.Version = retired, readVersion
		if err := s.saveVersioned(tx, "organisation", &o, func(v int) { o.Version = v }); err != nil {
			return err
		}
		detail := "retired"
		if !retired {
			detail = "back in use"
		}
		return s.audit(tx, actor, ActionUpdate, "organisation", o.ID, &before, &o, detail)
	})
}

// checkDirectoryDuplicate refuses an organisation (other than the one with
// id self) whose ODS code, or whose name for the same kind, is already in
// use in the directory: two entries for one practice would split its
// letters between two addresses.
func checkDirectoryDuplicate(tx *gorm.DB, o *models.Organisation, self uint) error {
	var same models.Organisation
	if o.ODSCode != "" {
		if err := tx.Where("ods_code = ? AND id <> ? AND retired = ?", o.ODSCode, self, false).Limit(1).Find(&same).Error; err != nil {
			return err
		}
		if same.ID != 0 {
			return models.NewFieldError(models.FieldODSCode, "this code is already in the directory, for %s; edit that entry instead", same.Name)
		}
	}
	err := tx.Where("LOWER(name) = ? AND kind = ? AND id <> ? AND retired = ?", strings.ToLower(o.Name), o.Kind, self, false).Limit(1).Find(&same).Error
	if err != nil {
		return err
	}
	if same.ID != 0 {
		return models.NewFieldError(models.FieldOrgName, "a %s of this name is already in the directory; edit that entry, or tell the two apart in their names", strings.ToLower(o.Kind.Label()))
	}
	return nil
}

// ProfessionalRow is a professional as the directory lists them.
type ProfessionalRow struct {
	models.Professional
	// DirectoryName is the name of the organisation they are linked to in
	// the directory, or "" when they are not linked.
	DirectoryName string
	// Address is where letters to them go (lines, postcode last), or nil
	// when no full postal address is known, and letters to them are refused.
	Address []string
}

func (s *DirectoryService) professionalQuery(text string) *gorm.DB {
	q := s.db.Model(&models.Professional{})
	if text = strings.TrimSpace(text); text != "" {
		q = q.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR LOWER(organisation) LIKE ? ESCAPE '\')`, likePattern(text), likePattern(text))
	}
	return q
}

// Professionals returns a page of the professionals who refer or get copies
// of letters, by name, each with where letters to them go. text, if given,
// is found in their name or organisation.
func (s *DirectoryService) Professionals(actor *models.StaffMember, text string, offset, limit int) ([]ProfessionalRow, error) {
	if err := s.authorise(actor, models.PermViewReferrals); err != nil {
		return nil, err
	}
	var list []models.Professional
	if err := s.professionalQuery(text).Order("name, id").Offset(offset).Limit(limit).Find(&list).Error; err != nil {
		return nil, err
	}
	book := newAddressBook(s.db)
	out := make([]ProfessionalRow, len(list))
	for i, p := range list {
		out[i].Professional = p
		if p.OrganisationID != nil {
			if o, err := book.byID(*p.OrganisationID); err == nil && o != nil {
				out[i].DirectoryName = o.Name
			}
		}
		a, err := book.professional(p)
		if err != nil {
			return nil, err
		}
		out[i].Address = a.Lines
	}
	return out, nil
}

// CountProfessionals counts the professionals Professionals finds for text.
func (s *DirectoryService) CountProfessionals(actor *models.StaffMember, text string) (int64, error) {
	return s.countFor(actor, models.PermViewReferrals, s.professionalQuery(text))
}

// UpdateProfessional saves a professional's details: name, role,
// organisation (in words, and the link to the directory), telephone, email
// and address, if nobody changed them since p was read (p.Version). An
// address, when given, must be a full postal address ending with its
// postcode; the link must be to an organisation in use.
func (s *DirectoryService) UpdateProfessional(actor *models.StaffMember, p *models.Professional) error {
	var v models.FieldErrors
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Role, p.Organisation = strings.TrimSpace(p.Role), strings.Join(strings.Fields(p.Organisation), " ")
	p.Phone, p.Email = strings.TrimSpace(p.Phone), strings.TrimSpace(p.Email)
	if p.Name == "" {
		v.Add(models.FieldProfessionalName, "enter their name")
	}
	if strings.TrimSpace(p.Address) == "" {
		p.Address = ""
	} else if lines, ok := models.PostalAddress(p.Address); ok {
		p.Address = strings.Join(lines, "\n")
	} else {
		v.Add(models.FieldProfessionalAddr, "enter the full postal address, up to %d lines of up to %d characters, with the postcode last; or leave it empty and link their organisation",
			models.MaxAddressLines, models.MaxAddressLineRunes)
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.write(actor, models.PermManageDirectory, func(tx *gorm.DB) error {
		var before models.Professional
		if err := tx.First(&before, p.ID).Error; err != nil {
			return notFound(err)
		}
		if err := s.checkRead(tx, "professional", &before, p.Version); err != nil {
			return err
		}
		if p.OrganisationID != nil {
			var o models.Organisation
			if err := tx.Where("id = ? AND retired = ?", *p.OrganisationID, false).Limit(1).Find(&o).Error; err != nil {
				return err
			}
			if o.ID == 0 {
				return models.NewFieldError(models.FieldProfessionalOrg, "that organisation is no longer in the directory; choose another")
			}
			if p.Organisation == "" {
				p.Organisation = o.Name
			}
		}
		p.Demo, p.CreatedAt = before.Demo, before.CreatedAt
		if err := s.saveVersioned(tx, "professional", p, func(v int) { p.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "professional", p.ID, &before, p, "")
	})
}
