package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestAKeyWorkerAddsATaskForAColleagueAndCompletesHerOwn(t *testing.T) {
	e, kate, r, _ := keyWorkerCase(t)
	lee := e.addKeyWorker("lee", 20)
	s := e.session(kate)
	p := newReferralTasksPanel(s, r.ID)
	s.Window.SetContent(p.Content())
	test.Tap(p.Add)
	d := p.Adding
	if d.Woman != nil || d.Assign.Selected != "Test kate (Key worker)" {
		t.Fatalf("on her record the task is for %q and asks for a woman: %v", d.Assign.Selected, d.Woman != nil)
	}
	test.Tap(d.Action)
	if !hasFieldText(d.Message.Text, "Title") {
		t.Fatalf("a task with no title: %q", d.Message.Text)
	}
	test.Type(d.Title, "Ring the health visitor about feeding")
	test.Type(d.Due, "30/11/2026")
	chooseOption(t, d.Assign, "Test lee")
	test.Type(d.Notes, "She agreed to it.")
	test.Tap(d.Action)
	if d.Message.Visible() || len(p.Tasks) != 1 || p.Tasks[0].AssigneeName != "Test lee" || p.Tasks[0].Kind != models.TaskOther ||
		p.Tasks[0].DueDate.UK() != "30/11/2026" || p.Tasks[0].Notes != "She agreed to it." {
		t.Fatalf("added %+v (%q)", p.Tasks, d.Message.Text)
	}
	// From her own list, Kate chooses the woman from her caseload, and the task is hers.
	own := newTasksPanel(s, true, func() ([]app.TaskRow, error) { return e.svc.Tasks.ForAssignee(kate, kate.ID, false) })
	s.Window.SetContent(own.Content())
	test.Tap(own.Add)
	d = own.Adding
	test.Type(d.Title, "Send the care plan")
	test.Tap(d.Action)
	if !hasFieldText(d.Message.Text, "About") {
		t.Fatalf("no woman chosen: %q", d.Message.Text)
	}
	chooseOption(t, d.Woman, "Nguyễn, Zoë")
	test.Tap(d.Action)
	if len(own.Tasks) != 1 || own.Tasks[0].Title != "Send the care plan" || *own.Tasks[0].AssigneeID != kate.ID {
		t.Fatalf("her own tasks %+v (%q)", own.Tasks, d.Message.Text)
	}
	c := own.Complete(own.Tasks[0])
	test.Tap(c.Action)
	if len(own.Tasks) != 0 {
		t.Fatalf("not completed: %+v", own.Tasks)
	}
	if held, _ := e.svc.Tasks.ForAssignee(lee, lee.ID, false); len(held) != 1 {
		t.Errorf("Lee holds %d tasks, want the one Kate gave", len(held))
	}
}

func TestJointWorkingIsEditedAndEndedFromHerRecord(t *testing.T) {
	e, kate, r, _ := keyWorkerCase(t)
	j := &models.JointWorking{ReferralID: r.ID, Service: models.JointCMHT, Team: "City East CMHT", ContactName: "Paul Newman", StartDate: models.LondonDate(e.clock.Now()).AddDays(-20)}
	if err := e.svc.JointWorking.Add(kate, j); err != nil {
		t.Fatal(err)
	}
	s := e.session(kate)
	records, _ := e.svc.JointWorking.ForReferral(kate, r.ID)
	d := showEditJointWorkingDialog(s, r.ID, records, nil)
	if d.Contact.Text != "Paul Newman" || d.Team.Text != "City East CMHT" || d.End.Text != "" {
		t.Fatalf("the record is not filled in: %q %q %q", d.Contact.Text, d.Team.Text, d.End.Text)
	}
	d.Contact.SetText("Ruth Ellis")
	d.End.SetText("01/01/2026")
	test.Tap(d.Action)
	if !hasFieldText(d.Message.Text, "End date") {
		t.Fatalf("an end before the start: %q", d.Message.Text)
	}
	d.End.SetText(models.LondonDate(e.clock.Now()).UK())
	test.Tap(d.Action)
	if d.Message.Visible() {
		t.Fatalf("refused: %q", d.Message.Text)
	}
	after, _ := e.svc.JointWorking.ForReferral(kate, r.ID)
	if after[0].ContactName != "Ruth Ellis" || after[0].EndDate != models.LondonDate(e.clock.Now()) || after[0].Version != 2 {
		t.Fatalf("saved %+v", after[0])
	}
	// A stale dialog is told who changed the record.
	stale := showEditJointWorkingDialog(s, r.ID, records, nil)
	stale.Notes.SetText("Late note.")
	test.Tap(stale.Action)
	if !hasFieldText(stale.Message.Text, "Test kate") {
		t.Errorf("a stale edit: %q", stale.Message.Text)
	}
}

// hasFieldText reports whether a message shown names what (a field, or a person).
func hasFieldText(message, what string) bool { return strings.Contains(message, what) }
