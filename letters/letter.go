package letters

import "perinatal-caseload/models"

// Service is the sending team, as configured in the application's settings.
// It supplies the letterhead, the contact details in the letter and the
// crisis box at the end.
type Service struct {
	Name string `json:"name"` // e.g. "Perinatal Mental Health Service"; required
	// Organisation is the NHS trust that runs the service, such as
	// "Leicestershire Partnership NHS Trust", printed in the letterhead.
	Organisation string   `json:"organisation,omitempty"`
	Address      []string `json:"address,omitempty"` // the return address, one line per element, postcode last
	Phone        string   `json:"phone,omitempty"`   // the office telephone
	Email        string   `json:"email,omitempty"`
	OfficeHours  string   `json:"office_hours,omitempty"` // e.g. "9am to 5pm, Monday to Friday"
	DutyPhone    string   `json:"duty_phone"`             // the duty worker's telephone; required
	DutyHours    string   `json:"duty_hours"`             // e.g. "9am to 4.30pm, Monday to Friday"; required
	CrisisLine   string   `json:"crisis_line"`            // the Mental Health Central Access Point (24/7); required
	// AttendAnywhereLink is the service's video waiting-area link. It is not
	// printed by the renderer; Fields.SetService offers it as VideoLink.
	AttendAnywhereLink string `json:"attend_anywhere_link,omitempty"`
	// Logo is the trust's logo, a PNG or JPEG image chosen in Settings
	// (see CheckImage), drawn at the top right of the first page; nil for
	// none. The application ships none. It is not kept in the JSON record
	// of a letter: the issued PDF holds it.
	Logo []byte `json:"-"`
}

// Person is a recipient of a letter, someone it is copied to, or its author.
type Person struct {
	Name         string   `json:"name"`                   // e.g. "Dr Amara Okafor"
	Role         string   `json:"role,omitempty"`         // e.g. "GP", "Community midwife", "Consultant psychiatrist"
	Organisation string   `json:"organisation,omitempty"` // e.g. "Highfields Medical Centre"
	Address      []string `json:"address,omitempty"`      // postal address, one line per element, postcode last
	// Registration is the author's professional registration, such as
	// "GMC 1234567", printed under the author's name and role.
	Registration string `json:"registration,omitempty"`
	// Signature is the author's signature, a PNG or JPEG image (see
	// CheckImage), drawn above the name; nil leaves a space to sign by
	// hand. Like the logo, it is not kept in the JSON record.
	Signature []byte `json:"-"`
}

// Patient is the woman the letter is about. Her details head the letter and
// appear on every page.
type Patient struct {
	Name        string      `json:"name"`
	DateOfBirth models.Date `json:"date_of_birth"`
	NHSNumber   string      `json:"nhs_number"` // ten digits, spaces allowed; printed as 943 476 5919
	Address     []string    `json:"address,omitempty"`
}

// Letter is everything needed to print one letter to one recipient. The app
// keeps it as JSON beside the issued PDF, as a readable record of what the
// letter said; printing always uses the issued PDF itself.
//
// For a letter pack, the app builds one Letter per recipient with the same
// Body and the same CopyTo list: the original to the woman (or, for some
// kinds, to her referrer), and a copy, marked COPY, to each other person.
type Letter struct {
	Kind      models.LetterKind `json:"kind"`
	Date      models.Date       `json:"date"` // the date printed on the letter
	Patient   Patient           `json:"patient"`
	Recipient Person            `json:"recipient"` // the name and address in the envelope window
	CopyTo    []Person          `json:"copy_to,omitempty"`
	Author    Person            `json:"author"` // signs the letter: name and job title
	// Body is the merged text (see Merge), including the salutation
	// ("Dear Zoë"). The package documentation describes its markup.
	Body string `json:"body"`
	// Closing is the valediction above the author's name; empty means
	// "Yours sincerely".
	Closing string  `json:"closing,omitempty"`
	Service Service `json:"service"`
	// OnBehalfOf is printed under the signature when someone other than the
	// author issued the letter, such as "Issued by Jo Smith, Team
	// Administrator, on behalf of Dr Amira Patel." (see
	// models.Signature.OnBehalfLine).
	OnBehalfOf string `json:"on_behalf_of,omitempty"`
	// Draft prints "DRAFT" on every page: previews, on screen and from the
	// command line. An issued letter is never a draft.
	Draft bool `json:"draft,omitempty"`
	// Copy prints "COPY" on every page: every letter of a pack but the
	// original.
	Copy bool `json:"copy,omitempty"`
	// LargePrint lays the letter out in 16 pt type, for a woman who needs
	// large print (Accessible Information Standard).
	LargePrint bool `json:"large_print,omitempty"`
}

// defaultClosing is used when Letter.Closing is empty.
const defaultClosing = "Yours sincerely"
