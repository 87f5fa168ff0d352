package letters

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// modeLetter renders the default letter of kind with f, and returns its
// text as printed, on one line.
func modeLetter(t *testing.T, kind models.LetterKind, f Fields) string {
	t.Helper()
	body, text := mergeDefault(t, kind, f)
	l, err := SampleLetter(kind, body, sampleService())
	if err != nil {
		t.Fatal(err)
	}
	l.Body = text
	return flat(strings.Join(pageTexts(t, render(t, l)), "\n"))
}

// Each way of holding an appointment prints what she needs for it, read
// back from the PDF: the acceptance letter offers the assessment, the
// medical-review letter the review, each with date, time and with whom.
func TestAppointmentLettersPrintEachModesDetails(t *testing.T) {
	type offer struct {
		mode       string
		set        func(*Fields)
		want, none []string
	}
	offers := []offer{
		{"video", func(f *Fields) { f.VideoLink = "https://attendanywhere.example/perinatal" },
			[]string{"How: by video on Attend Anywhere", "Link: https://attendanywhere.example/perinatal", "camera and a microphone",
				"Chrome, Safari or Edge", "quiet, private place", "Join a few minutes early",
				"If you cannot join, or you would rather be seen another way, please ring us on 0116 225 6846"},
			[]string{"Where:", "someone you trust"}},
		{"telephone", func(f *Fields) { f.VideoLink, f.CallFromNumber = "", "0116 295 0000" },
			[]string{"How: by telephone", "We will ring you at this time on the number we have for you", "The call will come from 0116 295 0000"},
			[]string{"someone you trust", "Attend Anywhere", "Where:"}},
		{"face to face", func(f *Fields) {
			f.VideoLink, f.AppointmentPlace = "", "Brandon Unit, Gwendolen Road, Leicester LE5 4PW"
		},
			[]string{"Where: Brandon Unit, Gwendolen Road, Leicester LE5 4PW", "arrive a few minutes early", "bring someone you trust with you"},
			[]string{"Attend Anywhere", "The call will come"}},
		{"home visit", func(f *Fields) { f.VideoLink = "" },
			[]string{"Where: at your home", "Who will visit: Dr Priya Shah", "have someone you trust with you"},
			[]string{"Attend Anywhere", "The call will come", "Brandon Unit"}},
	}
	for _, o := range offers {
		f := SampleFields()
		f.SetService(sampleService())
		f.AppointmentMode = o.mode
		o.set(&f)
		text := modeLetter(t, models.LetterAcceptance, f)
		want := append([]string{"When: " + f.AppointmentDate + " at " + f.AppointmentTime, f.AppointmentWith}, o.want...)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("acceptance by %s does not print %q:\n%s", o.mode, w, text)
			}
		}
		for _, n := range o.none {
			if strings.Contains(text, n) {
				t.Errorf("acceptance by %s prints %q:\n%s", o.mode, n, text)
			}
		}
	}
	f := SampleFields()
	f.SetService(sampleService())
	f.AppointmentMode, f.VideoLink, f.AppointmentPlace = "face to face", "", "Brandon Unit, Gwendolen Road, Leicester LE5 4PW"
	text := modeLetter(t, models.LetterOutcomeMedical, f)
	for _, w := range []string{"When: " + f.ReviewDate + " at " + f.ReviewTime, "With: " + f.ReviewClinician, "Where: Brandon Unit, Gwendolen Road, Leicester LE5 4PW"} {
		if !strings.Contains(text, w) {
			t.Errorf("the medical-review letter does not print %q:\n%s", w, text)
		}
	}
}

// Her letter carries the clinical content under plain headings; the
// professionals' copy under the PRSB outpatient-letter headings.
func TestOutcomeLetterHeadingsForHerAndForProfessionals(t *testing.T) {
	f := SampleFields()
	hers := merged(t, models.LetterOutcomeCaseload, f)
	containsAll(t, "her caseload letter", hers, "# Your assessment", "**What we talked about:** "+f.Summary, "**What we agreed:** "+f.Plan,
		"**Your medicines:** "+f.MedicationAdvice, "**We have asked your GP:** "+f.GPActions)
	f.Reader = "professional"
	theirs := merged(t, models.LetterOutcomeCaseload, f)
	containsAll(t, "the professionals' copy", theirs, "# Clinical summary", "Initial assessment on "+f.AssessmentDate+". Outcome: "+f.OutcomeWords+". "+f.Summary,
		"# Medications and medical devices", "# Plan and requested actions", "**Actions for healthcare professionals:** "+f.GPActions,
		"**Actions for patient or their carer:** "+f.Plan)
	if strings.Contains(theirs, "What we talked about") || strings.Contains(theirs, "Your assessment") || strings.Contains(hers, "Clinical summary") {
		t.Error("the headings are mixed between her letter and the professionals' copy")
	}
	f.Summary, f.Plan, f.MedicationAdvice, f.GPActions = "", "", "", ""
	if text := merged(t, models.LetterOutcomeMedical, f); strings.Contains(text, "Plan and requested actions") || !strings.Contains(text, "# Clinical summary") {
		t.Errorf("with nothing written, the copy reads:\n%s", text)
	}
}
