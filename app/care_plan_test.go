package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// samplePlan is a care plan with every section, to be reviewed on review.
func samplePlan(review models.Date) models.CarePlan {
	return models.CarePlan{
		Goals:        "- Sleep six hours a night\n- Walk with the baby every day",
		CrisisPlan:   "Ring the duty worker, or the crisis line at night.",
		RelapseSigns: "Not sleeping for two nights; racing thoughts.",
		Contingency:  "If the key worker is away, the duty worker will ring back.",
		ReviewDate:   review,
	}
}

func TestCarePlanKeepsEveryVersion(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	plans := w.s.CarePlans
	if got, err := plans.Current(w.worker, r.ID); err != nil || got != nil {
		t.Fatalf("before any plan: %v, %v", got, err)
	}
	if _, err := plans.Save(w.admin, r.ID, 0, samplePlan(today.AddDays(90))); !errors.As(err, new(*PermissionError)) {
		t.Fatalf("an administrator wrote a care plan: %v", err)
	}
	bad := samplePlan(today.AddDays(-1))
	bad.Goals, bad.CrisisPlan = " ", ""
	var fes models.FieldErrors
	if _, err := plans.Save(w.worker, r.ID, 0, bad); !errors.As(err, &fes) || len(fes) != 3 {
		t.Fatalf("bad plan: %v, want goals, crisis plan and review date at fault", err)
	}
	first, err := plans.Save(w.worker, r.ID, 0, samplePlan(today.AddDays(90)))
	if err != nil {
		t.Fatal(err)
	}
	changed := samplePlan(today.AddDays(60))
	changed.Goals = "- Return to the baby group"
	second, err := plans.Save(w.doc, r.ID, first.Number, changed)
	if err != nil {
		t.Fatal(err)
	}
	if first.Number != 1 || second.Number != 2 || second.AuthorID != w.doc.ID {
		t.Fatalf("versions: %d then %d by %d", first.Number, second.Number, second.AuthorID)
	}
	var conflict *ConflictError
	if _, err := plans.Save(w.worker, r.ID, first.Number, changed); !errors.As(err, &conflict) || conflict.ChangedBy != w.doc.Name {
		t.Fatalf("a save from a stale plan was not a conflict naming who saved since: %v", err)
	}
	versions, err := plans.Versions(w.worker, r.ID)
	if err != nil || len(versions) != 2 {
		t.Fatalf("versions: %d, %v", len(versions), err)
	}
	if versions[0].Goals != changed.Goals || versions[1].Goals != samplePlan(today).Goals {
		t.Fatalf("the earlier version changed: %q", versions[1].Goals)
	}
	if cur, _ := plans.Current(w.worker, r.ID); cur.Number != 2 {
		t.Fatalf("current plan is version %d", cur.Number)
	}
	if n := eventCount(t, w.s, "care_plan", ActionCreate); n != 2 {
		t.Fatalf("%d care plan events, want 2", n)
	}
}

// Hazard: HAZ-034.
func TestCarePlanPrintsInTheLetterLayout(t *testing.T) {
	w := newWorkflow(t)
	r := w.onCaseload(nil, w.worker)
	today := models.LondonDate(w.clock.Now())
	if _, err := w.s.CarePlans.IssuePDF(w.worker, r.ID); err == nil {
		t.Fatal("a care plan was printed before one was written")
	}
	if _, err := w.s.CarePlans.Save(w.worker, r.ID, 0, samplePlan(today.AddDays(90))); err != nil {
		t.Fatal(err)
	}
	l, err := w.s.CarePlans.IssuePDF(w.worker, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(l.PDF)
	if l.Kind != models.DocumentCarePlan || l.SHA256 != hex.EncodeToString(sum[:]) || l.TemplateVersion != 1 || l.RecipientRole != rolePatient {
		t.Fatalf("register row: kind %s, version %d, role %s", l.Kind, l.TemplateVersion, l.RecipientRole)
	}
	stored, err := w.s.Letters.PDF(w.worker, l.ID)
	if err != nil || string(stored) != string(l.PDF) {
		t.Fatalf("the register does not give back the same PDF: %v", err)
	}
	text := pdfText(t, l.PDF)
	for _, want := range []string{
		"Dear Zoë", "This is your care plan", "Your goals", "Sleep six hours a night",
		"Signs that you may be becoming unwell", "racing thoughts", "What to do in a crisis",
		"If things do not go to plan", "Reviewing your plan", today.AddDays(90).Long(),
		"Written with you by", w.worker.Name, "Private and confidential", "Page 1 of", "If you need help urgently",
		"12 Example Street", "LE3 0AB",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the care plan PDF does not say %q:\n%s", want, text)
		}
	}
	if n := eventCount(t, w.s, "letter", ActionIssueLetter); n != 1 {
		t.Fatalf("%d letter events, want 1", n)
	}

	// When it is not safe to write home and no safe address is known, it
	// is given to her in person and her home address is printed nowhere.
	p := w.referral(r.ID).Patient
	needs := p.CommunicationNeeds
	needs.UnsafeToWriteHome = true
	if err := w.s.Referrals.UpdateNeeds(w.admin, p.ID, p.Version, p.NameForLetters, needs); err != nil {
		t.Fatal(err)
	}
	l, err = w.s.CarePlans.IssuePDF(w.doc, r.ID) // printed by someone else, for its author
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, l.PDF)
	if !strings.Contains(text, "on behalf of") || !strings.Contains(text, w.worker.Name) {
		t.Errorf("a care plan printed by another does not say it was issued on its author's behalf:\n%s", text)
	}
	if !strings.Contains(text, carePlanByHand) || strings.Contains(text, "Example Street") || strings.Contains(text, "LE3 0AB") {
		t.Fatalf("the care plan for a woman it is unsafe to write to shows her home:\n%s", text)
	}
}

func TestPlanTextIsNotMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"# not a heading": " not a heading",
		"**not bold**":    "*not bold*",
		"- a bullet  ":    "- a bullet",
	} {
		if got := planText(in); got != want {
			t.Errorf("planText(%q) = %q, want %q", in, got, want)
		}
	}
}
