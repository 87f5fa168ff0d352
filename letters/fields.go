package letters

import (
	"reflect"
	"strings"
)

// Fields are the values a letter template can use, each as {{.Name}}. They
// are all text, already formatted for a letter (use LongDate and ClockTime
// for dates and times). A field a template prints must have a value, or
// Merge refuses; a field tested with {{if .Name}} may be empty.
//
// The set is fixed by this struct: FieldNames lists it, and
// ValidateTemplate refuses any other name.
type Fields struct {
	// The woman.
	FirstName   string `help:"her first name, as in Dear Zoë" example:"Zoë"`
	FullName    string `help:"her full name" example:"Zoë Nguyễn"`
	DateOfBirth string `help:"her date of birth, 23/11/1994" example:"14/03/1994"`
	NHSNumber   string `help:"her NHS number, 943 476 5919" example:"999 000 0018"`

	// The letter and the referral.
	LetterDate   string `help:"the date of the letter, 23 November 2026" example:"23 November 2026"`
	ReferralDate string `help:"the date the referral was received" example:"Monday 9 November 2026"`
	ReferrerName string `help:"the name of the professional who referred her" example:"Dr Siobhán O'Connell"`
	ReferrerRole string `help:"the referrer's role, such as GP or community midwife" example:"GP"`
	// ReferrerSalutation greets the referrer in the British style of title
	// and family name (see models.Salutation).
	ReferrerSalutation string `help:"the greeting to the referrer, with title and family name" example:"Dear Dr O'Connell"`
	Reason             string `help:"the clinician's reason for the decision, in plain English" example:"From what your GP told us, your anxiety is mild to moderate, and talking therapies are likely to help you most."`
	SignpostText       string `help:"the services screening chose for her, one bullet point each, in words for the reader" example:"- **VitaMinds** is the NHS talking therapies service for Leicester, Leicestershire and Rutland. It helps with anxiety and low mood, and you can refer yourself."`

	// The appointment the letter offers: the initial assessment in an
	// acceptance letter, the medical review in a medical-review letter.
	// AppointmentDate, AppointmentTime and AppointmentWith are the initial
	// assessment's; ReviewDate, ReviewTime and ReviewClinician the medical
	// review's. How it is held, and where, are the offered appointment's.
	AppointmentDate  string `help:"the initial assessment's date, Monday 30 November 2026" example:"Monday 30 November 2026"`
	AppointmentTime  string `help:"the initial assessment's time, 2:30pm" example:"2:30pm"`
	AppointmentWith  string `help:"who she will meet at the initial assessment, name and role" example:"Dr Priya Shah, consultant perinatal psychiatrist"`
	AppointmentMode  string `help:"how the offered appointment is held: video, telephone, face to face or home visit; test it with {{if eq .AppointmentMode \"telephone\"}}" example:"video"`
	VideoLink        string `help:"the Attend Anywhere link; empty when the appointment is not by video" example:"https://attendanywhere.example/perinatal"`
	CallFromNumber   string `help:"the number we ring her from, for a telephone appointment" example:"0116 225 6846"`
	AppointmentPlace string `help:"the clinic's name and address, for a face-to-face appointment" example:"Sample Clinic, 1 Sample Road, Leicester LE1 1AA"`
	AssessmentDate   string `help:"the date her assessment was held" example:"Monday 30 November 2026"`

	// After the assessment.
	KeyWorkerName   string `help:"her key worker's name" example:"Łucja Kowalczyk"`
	KeyWorkerRole   string `help:"her key worker's role" example:"community mental health nurse"`
	ReviewClinician string `help:"who will see her for a medical review, name and role" example:"Dr Priya Shah, consultant perinatal psychiatrist"`
	ReviewDate      string `help:"the medical review date; empty if not yet booked" example:"Thursday 10 December 2026"`
	ReviewTime      string `help:"the medical review time" example:"10:00am"`

	// What the clinician wrote with the assessment outcome. Reader tells her
	// letter from the professionals' copies, which carry these under the
	// PRSB outpatient-letter headings.
	Reader           string `help:"who reads this letter: her, or professional in the copies to professionals; test it with {{if eq .Reader \"professional\"}}" example:"her"`
	OutcomeWords     string `help:"the assessment outcome in words, for professionals" example:"open to the caseload; a key worker is allocated"`
	Summary          string `help:"what was discussed at the assessment" example:"We talked about how you have been feeling since your baby was born, and about your sleep."`
	Plan             string `help:"the plan agreed with her" example:"Your key worker will visit you every two weeks, and you will try the sleep plan we made together."`
	MedicationAdvice string `help:"the clinician's advice about her medicines" example:"Keep taking sertraline 50mg each morning. It is a good choice while you are breastfeeding."`
	GPActions        string `help:"what her GP is asked to do" example:"Please continue to prescribe sertraline 50mg once a day."`

	// The closure of her referral.
	ClosureDate   string `help:"the date her referral was closed" example:"Friday 20 November 2026"`
	TransferredTo string `help:"the team now caring for her, with its address or telephone, when she moved away or was transferred" example:"Nottingham Perinatal Mental Health Team, Sample House, Nottingham NG1 1AA"`
	WhatHelped    string `help:"what helped her, when treatment is complete" example:"Talking with your key worker every fortnight, and the support of your family."`
	WarningSigns  string `help:"her early warning signs of becoming unwell again, when treatment is complete" example:"Sleeping badly for several nights, and not wanting to see anyone."`

	// The author and the service (from settings; see SetService).
	AuthorName   string `help:"the name of the person signing the letter" example:"Dr Priya Shah"`
	AuthorRole   string `help:"the author's job title" example:"Consultant perinatal psychiatrist"`
	ServiceName  string `help:"the service's name" example:"Perinatal Mental Health Service"`
	ServicePhone string `help:"the office telephone number" example:"0116 225 6846"`
	ServiceEmail string `help:"the office email address" example:"perinatal.team@nhs.example"`
	OfficeHours  string `help:"the office opening hours" example:"9am to 5pm, Monday to Friday"`
	DutyPhone    string `help:"the duty worker's telephone number" example:"0116 225 6846"`
	DutyHours    string `help:"the duty worker's hours" example:"9am to 4.30pm, Monday to Friday"`
	CrisisLine   string `help:"the Mental Health Central Access Point number (24 hours)" example:"0808 800 3302"`
}

// FieldInfo describes one template field for the template editor.
type FieldInfo struct {
	Name    string // as used in a template: {{.Name}}
	Help    string // what it holds, in words
	Example string // the value SampleFields gives it
}

var fieldInfos = func() []FieldInfo {
	t := reflect.TypeFor[Fields]()
	out := make([]FieldInfo, 0, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		out = append(out, FieldInfo{Name: f.Name, Help: f.Tag.Get("help"), Example: f.Tag.Get("example")})
	}
	return out
}()

// FieldInfos lists every template field in a sensible reading order, with a
// description and an example.
func FieldInfos() []FieldInfo { return append([]FieldInfo(nil), fieldInfos...) }

// FieldNames lists the names of every template field, in the order of
// FieldInfos.
func FieldNames() []string {
	out := make([]string, len(fieldInfos))
	for i, f := range fieldInfos {
		out[i] = f.Name
	}
	return out
}

// isField reports whether name is a template field.
func isField(name string) bool {
	for _, f := range fieldInfos {
		if f.Name == name {
			return true
		}
	}
	return false
}

// SampleFields returns synthetic values for every field, for the live
// preview of a template. The NHS number is in the 999 test range, which is
// never issued to a real person.
func SampleFields() Fields {
	var f Fields
	v := reflect.ValueOf(&f).Elem()
	for i, info := range fieldInfos {
		v.Field(i).SetString(info.Example)
	}
	return f
}

// SetService fills the service fields from the service settings. When the
// service has no office number, ServicePhone is the duty worker's number.
// VideoLink is not touched: it belongs to the appointment, and is empty when
// the appointment is not by video.
func (f *Fields) SetService(s Service) {
	f.ServiceName = s.Name
	f.ServicePhone = s.Phone
	if f.ServicePhone == "" {
		f.ServicePhone = s.DutyPhone
	}
	f.ServiceEmail = s.Email
	f.OfficeHours = s.OfficeHours
	f.DutyPhone = s.DutyPhone
	f.DutyHours = s.DutyHours
	f.CrisisLine = s.CrisisLine
}

// fieldList is the list of field names for error messages.
func fieldList() string { return strings.Join(FieldNames(), ", ") }
