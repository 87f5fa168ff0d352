package app

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// checkSetting checks a setting's value beyond its type, and returns it
// tidied: the letterhead's return address must be a whole postal address
// ending with its postcode (put in capitals with one space), and its
// telephone and email must be there. A problem is a *models.FieldError
// naming the setting.
func checkSetting(key, value string) (string, error) {
	switch key {
	case SetServicePhone:
		if strings.TrimSpace(value) == "" {
			return value, models.NewFieldError(settingField(key), "enter the team's telephone number; letters print it in the letterhead")
		}
		return value, nil
	case SetServiceEmail:
		at := strings.LastIndex(value, "@")
		if at < 1 || !strings.Contains(value[at:], ".") || strings.ContainsAny(value, " \t") {
			return value, models.NewFieldError(settingField(key), "enter the team's email address, such as perinatal.team@nhs.net; letters print it in the letterhead")
		}
		return value, nil
	case SetServiceAddress:
	default:
		return value, nil
	}
	lines := models.AddressLines(value)
	switch {
	case len(lines) < 2:
		return value, models.NewFieldError(settingField(key), "enter the whole return address, one line per row, with the postcode on the last line")
	case len(lines) > 6:
		return value, models.NewFieldError(settingField(key), "use at most 6 lines, the postcode on the last")
	}
	pc, err := models.NormalisePostcode(lines[len(lines)-1])
	if err != nil {
		return value, models.NewFieldError(settingField(key), "put the postcode, such as LE1 1AA, on the last line; letters print this as the return address")
	}
	lines[len(lines)-1] = pc
	return strings.Join(lines, "\n"), nil
}

// Logo returns the letterhead logo chosen in Settings, as CheckImage
// prepared it, or nil if none has been chosen. A stored value that cannot be
// read is treated as none.
func (s *SettingsService) Logo() []byte { return s.logo() }

func (c *core) logo() []byte {
	v := strings.TrimSpace(c.setting(SetLetterheadLogo))
	if v == "" {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil
	}
	return b
}

// SetLogo checks an image chosen as the letterhead logo (a PNG or JPEG
// file; see letters.CheckImage for the limits) and stores it, prepared for
// letters, in the database, so that every desktop prints it. readVersion is
// the version of the logo setting the person saw (0 if never set); a stale
// one is a conflict. The audit trail records the image's size and
// fingerprint, not its bytes. It needs the settings permission.
func (s *SettingsService) SetLogo(actor *models.StaffMember, image []byte, readVersion int) error {
	if err := s.authorise(actor, models.PermEditSettings); err != nil {
		return err
	}
	prepared, err := letters.CheckImage(image)
	if err != nil {
		return models.OnField(settingField(SetLetterheadLogo), err)
	}
	return s.store(actor, SetLetterheadLogo, base64.StdEncoding.EncodeToString(prepared), readVersion, describeImage)
}

// RemoveLogo takes the logo off the letterhead.
func (s *SettingsService) RemoveLogo(actor *models.StaffMember, readVersion int) error {
	return s.store(actor, SetLetterheadLogo, "", readVersion, describeImage)
}

// describeImage is what the audit trail records for a stored image.
func describeImage(v string) string {
	b, err := base64.StdEncoding.DecodeString(v)
	if v == "" || err != nil {
		return "none"
	}
	sum := sha256.Sum256(b)
	return fmt.Sprintf("image of %d bytes, SHA-256 %s", len(b), hex.EncodeToString(sum[:]))
}

// letterhead returns the sending team as the settings describe it, for the
// letterhead, the contact details in the letter and the crisis box.
func (c *core) letterhead() letters.Service {
	return letters.Service{
		Name: c.setting(SetServiceName), Organisation: c.setting(SetTrustName), Address: models.AddressLines(c.setting(SetServiceAddress)),
		Phone: c.setting(SetServicePhone), Email: c.setting(SetServiceEmail),
		OfficeHours: c.setting(SetOfficeHours), DutyPhone: c.setting(SetDutyPhone), DutyHours: c.setting(SetDutyHours),
		CrisisLine: c.setting(SetCrisisPhone), AttendAnywhereLink: c.setting(SetAttendAnywhereLink),
		Logo: c.logo(),
	}
}
