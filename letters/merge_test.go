package letters

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestEveryKindHasAValidDefaultTemplate(t *testing.T) {
	for _, kind := range models.LetterKinds {
		body, err := DefaultTemplate(kind)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if err := ValidateTemplate(body); err != nil {
			t.Errorf("%s: the default template is refused: %v", kind, err)
		}
		text, err := Merge(body, SampleFields())
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		for _, bad := range []string{"{{", "}}", "<no value>", "\n\n\n"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: the merged letter contains %q:\n%s", kind, bad, text)
			}
		}
		greeting := "Dear Zoë\n"
		if WrittenToReferrer(kind) {
			greeting = "Dear Dr O'Connell\n"
		}
		if !strings.HasPrefix(text, greeting) {
			t.Errorf("%s: the letter does not start %q", kind, greeting)
		}
	}
	if _, err := DefaultTemplate("thank-you"); err == nil {
		t.Error("DefaultTemplate accepted an unknown kind")
	}
}

// merged returns a kind's default template merged with f, on one line.
func merged(t *testing.T, kind models.LetterKind, f Fields) string {
	t.Helper()
	_, text := mergeDefault(t, kind, f)
	return flat(text)
}

// mergeDefault returns a kind's default template, and the template merged
// with f.
func mergeDefault(t *testing.T, kind models.LetterKind, f Fields) (body, text string) {
	t.Helper()
	body, err := DefaultTemplate(kind)
	if err != nil {
		t.Fatal(err)
	}
	text, err = Merge(body, f)
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	return body, text
}

func containsAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not say %q:\n%s", what, w, text)
		}
	}
}

func TestAcceptanceLetterInvitesToVideoAppointment(t *testing.T) {
	f := SampleFields()
	text := merged(t, models.LetterAcceptance, f)
	containsAll(t, "the video invitation", text,
		f.AppointmentDate, f.AppointmentTime, f.VideoLink, "Attend Anywhere",
		"camera and a microphone", "Chrome, Safari or Edge",
		"quiet, private place", "Join a few minutes early",
		"If you cannot join, or you would rather be seen another way, please ring us on "+f.ServicePhone)

	f.VideoLink, f.AppointmentDate, f.AppointmentTime, f.AppointmentWith, f.AppointmentMode = "", "", "", "", ""
	text = merged(t, models.LetterAcceptance, f)
	containsAll(t, "the acceptance without an appointment", text, "We will contact you soon to arrange a time for your assessment")
	if strings.Contains(text, "Attend Anywhere") {
		t.Error("the acceptance without a video appointment still mentions Attend Anywhere")
	}
}

func TestOutcomeAndDecisionLetters(t *testing.T) {
	f := SampleFields()
	containsAll(t, "the caseload letter", merged(t, models.LetterOutcomeCaseload, f),
		"Your key worker is "+f.KeyWorkerName, "will contact you")
	containsAll(t, "the medical review letter", merged(t, models.LetterOutcomeMedical, f),
		"a medical review", "**With:** "+f.ReviewClinician, f.ReviewDate, f.ReviewTime)
	g := f
	g.ReviewDate, g.ReviewTime = "", ""
	containsAll(t, "the medical review letter without a date", merged(t, models.LetterOutcomeMedical, g),
		"We will contact you soon to arrange a date and time that suits you, with "+f.ReviewClinician)
	containsAll(t, "the discharge letter", merged(t, models.LetterOutcomeDischarge, f),
		"Our advice", "VitaMinds", "refer yourself", "refer you to us again", f.SignpostText)
	containsAll(t, "the not-accepted letter", merged(t, models.LetterNotAccepted, f),
		"VitaMinds", "you can refer yourself", "Your GP, midwife and health visitor can keep supporting you",
		"duty worker on "+f.DutyPhone+", "+f.DutyHours, f.Reason)
	containsAll(t, "the assessment-not-needed letter", merged(t, models.LetterAssessmentNotNeeded, f),
		f.ReferrerSalutation, "Thank you for referring "+f.FullName, "Our advice", "VitaMinds", f.Reason, f.DutyPhone)
}

// The letters name only the services screening chose for her (SignpostText):
// none is written into the templates, so a woman from outside the area is
// never sent to the local talking-therapies service.
//
// Hazard: HAZ-019.
func TestDecisionLettersSignpostOnlyWhatScreeningChose(t *testing.T) {
	f := SampleFields()
	f.SignpostText = "- **The perinatal mental health team where you live.** Your GP or midwife can refer you to them."
	f.Reason = "Our team can only care for women who live in Leicester, Leicestershire or Rutland."
	for _, kind := range []models.LetterKind{models.LetterNotAccepted, models.LetterAssessmentNotNeeded, models.LetterOutcomeDischarge} {
		text := merged(t, kind, f)
		containsAll(t, string(kind), text, "The perinatal mental health team where you live.")
		for _, other := range []string{"VitaMinds", "talking therapies", "substance misuse", "eating disorder", "where she lives"} {
			if strings.Contains(text, other) {
				t.Errorf("%s names %q, which screening did not choose:\n%s", kind, other, text)
			}
		}
	}
	f.SignpostText = ""
	text := merged(t, models.LetterNotAccepted, f)
	containsAll(t, "the not-accepted letter without signposts", text, "help is not available. Your GP, midwife and health visitor can keep supporting you.")
	if strings.Contains(text, "These may be able to help you") {
		t.Errorf("the letter announces services it does not list:\n%s", text)
	}
}

func TestValidateTemplateRefusesUnknownFields(t *testing.T) {
	cases := []struct {
		body string
		line int
		want string
	}{
		{"Dear {{.Foo}}", 1, `unknown field "Foo": the fields you can use are FirstName, FullName,`},
		{"Dear {{.FirstName}}\n\n{{if .VideoLink}}\nLink: {{.VideoLinc}}\n{{end}}", 4, `unknown field "VideoLinc"`},
		{"{{if .Nope}}x{{end}}", 1, `unknown field "Nope"`},
		{"{{$.Foo}}", 1, `unknown field "Foo"`},
		{"{{printf \"%s\" .Bar}}", 1, `unknown field "Bar"`},
		{"{{.FirstName.Initial}}", 1, "FirstName is text and has no parts"},
		{"{{with .KeyWorkerName}}{{.FirstName}}{{end}}", 1, `inside {{with}}`},
		{"{{range .FirstName}}x{{end}}", 1, "{{range}} is not supported"},
		{`{{define "x"}}y{{end}}`, 0, "{{define}} and {{block}} are not supported"},
		{`{{template "x"}}`, 1, "{{template}} is not supported"},
		{"Dear {{.FirstName", 1, "the template does not parse"},
		{"line one\n{{shout .FirstName}}", 2, `the template does not parse: function "shout" not defined`},
		{"{{if .FirstName}}no end", 0, "the template does not parse"},
		{"Dear {{.}}", 1, "{{.}} would print every field"},
		{"Dear {{$}}", 1, "{{$}} would print every field"},
	}
	for _, c := range cases {
		err := ValidateTemplate(c.body)
		var te *TemplateError
		if !errors.As(err, &te) {
			t.Errorf("%q: got %v, want a *TemplateError", c.body, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %q does not contain %q", c.body, err, c.want)
		}
		if c.line != 0 && te.Line != c.line {
			t.Errorf("%q: error is on line %d, want %d", c.body, te.Line, c.line)
		}
		if _, err := Merge(c.body, SampleFields()); err == nil {
			t.Errorf("%q: Merge accepted a template that ValidateTemplate refuses", c.body)
		}
	}
}

func TestValidateTemplateAcceptsWhatLettersNeed(t *testing.T) {
	for _, body := range []string{
		"Dear {{.FirstName}}",
		"{{if and .AppointmentDate .VideoLink}}video{{else if .AppointmentDate}}in person{{else}}none{{end}}",
		"{{with .KeyWorkerName}}Your key worker is {{.}} ({{$.KeyWorkerRole}}).{{end}}",
		"{{/* a note for administrators */}}Hello {{$.FullName}}",
		`{{printf "%s %s" .FirstName .FullName}}`,
		"{{- .FirstName -}}",
		"No fields at all.",
	} {
		if err := ValidateTemplate(body); err != nil {
			t.Errorf("%q was refused: %v", body, err)
		}
	}
}

func TestMergeRefusesToPrintAnEmptyField(t *testing.T) {
	body, _ := DefaultTemplate(models.LetterAcceptance)
	f := SampleFields()
	f.AppointmentTime = "  "
	_, err := Merge(body, f)
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("got %v, want a *TemplateError", err)
	}
	if !strings.Contains(err.Error(), "AppointmentTime") || te.Line != 7 {
		t.Errorf("the error should name AppointmentTime on line 7: %v (line %d)", err, te.Line)
	}
	// Inside {{with}}, and as a condition, an empty field is fine.
	f = Fields{}
	if got, err := Merge("A{{with .KeyWorkerName}} {{.}}{{end}}{{if .VideoLink}} {{.VideoLink}}{{end}}.", f); err != nil || got != "A.\n" {
		t.Errorf("Merge = %q, %v", got, err)
	}
}

func TestMergeTidiesBlankLines(t *testing.T) {
	got, err := Merge("Dear {{.FirstName}}   \n\n{{if .VideoLink}}\n\nvideo\n\n{{end}}\n\n\n\nBye\n\n", Fields{FirstName: "Zoë"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Dear Zoë\n\nBye\n"; got != want {
		t.Errorf("Merge = %q, want %q", got, want)
	}
}

func TestFieldSet(t *testing.T) {
	names := FieldNames()
	typ := reflect.TypeFor[Fields]()
	if len(names) != typ.NumField() {
		t.Fatalf("FieldNames has %d names for %d fields", len(names), typ.NumField())
	}
	sample := SampleFields()
	for i, info := range FieldInfos() {
		if info.Name != names[i] || info.Help == "" || info.Example == "" {
			t.Errorf("field %d: %+v", i, info)
		}
		if reflect.ValueOf(sample).FieldByName(info.Name).String() == "" {
			t.Errorf("SampleFields leaves %s empty", info.Name)
		}
		if err := ValidateTemplate("{{." + info.Name + "}}"); err != nil {
			t.Errorf("{{.%s}} is refused: %v", info.Name, err)
		}
	}
	if !models.IsTestNHSNumber(sample.NHSNumber) {
		t.Errorf("the sample NHS number %q is not in the 999 test range", sample.NHSNumber)
	}
}

func TestSetService(t *testing.T) {
	var f Fields
	s := sampleService()
	s.Phone = ""
	f.SetService(s)
	if f.ServicePhone != s.DutyPhone || f.CrisisLine != s.CrisisLine || f.DutyHours != s.DutyHours || f.ServiceName != s.Name {
		t.Errorf("SetService gave %+v", f)
	}
	if f.VideoLink != "" {
		t.Error("SetService set the video link")
	}
}
