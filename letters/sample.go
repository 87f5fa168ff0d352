package letters

import (
	"time"

	"perinatal-caseload/models"
)

// SampleLetter returns a complete synthetic letter of the given kind, with
// body merged from body (a template) and SampleFields, for the live preview
// on the Letters screen. Pass the service from Settings to preview the real
// letterhead. The woman's NHS number is in the 999 test range.
func SampleLetter(kind models.LetterKind, body string, svc Service) (Letter, error) {
	f := SampleFields()
	f.SetService(svc)
	if svc.AttendAnywhereLink != "" {
		f.VideoLink = svc.AttendAnywhereLink
	}
	text, err := Merge(body, f)
	if err != nil {
		return Letter{}, err
	}
	woman := Person{Name: f.FullName, Address: []string{"12 Sample Street", "Leicester", "LE2 0AA"}}
	referrer := Person{Name: f.ReferrerName, Role: "GP", Organisation: "Sample Medical Centre", Address: []string{"1 Surgery Road", "Leicester", "LE3 0BB"}}
	recipient, copyTo := woman, []Person{referrer, {Name: "Grace Okafor", Role: "Community midwife", Organisation: "Leicester Royal Infirmary"}}
	if WrittenToReferrer(kind) {
		recipient, copyTo = referrer, []Person{{Name: f.FullName}}
	}
	return Letter{
		Kind: kind,
		Date: models.NewDate(2026, time.November, 23),
		Patient: Patient{
			Name:        f.FullName,
			DateOfBirth: models.NewDate(1994, time.March, 14),
			NHSNumber:   "9990000018",
			Address:     woman.Address,
		},
		Recipient: recipient,
		CopyTo:    copyTo,
		Author:    Person{Name: f.AuthorName, Role: f.AuthorRole},
		Body:      text,
		Service:   svc,
	}, nil
}
