package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestKeyWorkerWritesChangesAndPrintsHerCarePlan(t *testing.T) {
	e, _, _, r := newAcceptedCase(t)
	kate := e.addKeyWorker("kate", 20)
	w := recordSection(e, kate, r, newCarePlanSection)
	if !textOnShow(w, "No care plan written yet.") {
		t.Fatal("the section does not say no care plan is written")
	}

	tapButton(t, w, "Write the care plan…")
	tapButton(t, w, "Save as a new version")
	if msg := labelsOnShow(w); !strings.Contains(msg, "Goals: write at least one goal") {
		t.Fatalf("an empty plan was not refused with the field named:\n%s", msg)
	}
	test.Type(findEntry(t, w, "What she wants to achieve, in her words; one per line, starting \"- \""), "- Sleep well")
	test.Type(findEntry(t, w, "Who she and her family call, and what each will do, in a crisis"), "Ring the duty worker.")
	tapButton(t, w, "Save as a new version")
	if !textOnShow(w, "Version 1 · written 23/11/2026 10:00 by Test kate · review by 23/02/2027") || !textOnShow(w, "- Sleep well") {
		t.Fatalf("the first version does not show:\n%s", labelsOnShow(w))
	}

	tapButton(t, w, "Change the care plan…")
	goals := findEntry(t, w, "What she wants to achieve, in her words; one per line, starting \"- \"")
	if goals.Text != "- Sleep well" {
		t.Fatalf("the change starts from %q, not the plan as it stands", goals.Text)
	}
	goals.SetText("- Go to the baby group")
	tapButton(t, w, "Save as a new version")
	for _, o := range objectsOnShow(w) {
		if a, ok := o.(*widget.Accordion); ok {
			a.Open(0) // Earlier versions
		}
	}
	labels := labelsOnShow(w)
	if !strings.Contains(labels, "Version 2 · written") || !strings.Contains(labels, "- Go to the baby group") ||
		!strings.Contains(labels, "Version 1 · written 23/11/2026 10:00 by Test kate · review by 23/02/2027\n   Goals: - Sleep well") {
		t.Fatalf("the second version or the first kept does not show:\n%s", labels)
	}

	tapButton(t, w, "Print for her…")
	tapButton(t, w, "Print")
	rows, err := e.svc.Letters.Register(kate, app.LetterFilter{ReferralID: r.ID}, 0, 10)
	if err != nil || len(rows) != 1 || rows[0].Kind != models.DocumentCarePlan {
		t.Fatalf("register after printing: %+v, %v", rows, err)
	}
	if !strings.Contains(drawnText(w), "Her care plan is in the letter register") {
		t.Fatal("printing does not say where the care plan is")
	}
}
