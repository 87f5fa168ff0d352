package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestAllocatingShowsHerOnTheKeyWorkersCaseloadWithHerStageAndTheCMHTFlag(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	manager := e.addStaff("manager", models.RoleManager)
	kate := e.addKeyWorker("kate", 20)
	r := e.acceptedReferral(admin, doc)

	// The team manager allocates her from the Unallocated tab.
	m := e.mainWindow()
	e.signIn(m, "manager", testPassword)
	scr := m.shell.Show(screenCaseload).(*caseloadScreen)
	if scr.Worker.Selected != wholeTeam {
		t.Errorf("a manager with no caseload starts on %q, want the whole team", scr.Worker.Selected)
	}
	if scr.Unallocated.List.Length() != 1 || !strings.HasPrefix(scr.Tabs.Items[2].Text, "Unallocated (1)") {
		t.Fatalf("unallocated: %d rows, tab %q", scr.Unallocated.List.Length(), scr.Tabs.Items[2].Text)
	}
	scr.Tabs.SelectIndex(2)
	tapButton(t, m.window, "Allocate…")
	chooseOption(t, findSelect(t, m.window, "Choose a key worker"), "Test kate · 0 / 20 (0%)")
	tapButton(t, m.window, "Allocate")
	history, err := e.svc.Allocations.History(manager, r.ID)
	if err != nil || len(history) != 1 || history[0].KeyWorkerID != kate.ID || history[0].AllocatedByID != manager.ID {
		t.Fatalf("allocation history %+v, %v", history, err)
	}
	if scr.Unallocated.List.Length() != 0 || len(scr.Team.Rows) != 1 || scr.Team.Rows[0].Open != 1 {
		t.Errorf("after allocating: %d unallocated, team %+v", scr.Unallocated.List.Length(), scr.Team.Rows)
	}

	// Kate signs in: the Caseload screen starts on her caseload, and shows
	// Zoë's stage today.
	m.signOut()
	e.signIn(m, "kate", testPassword)
	scr = m.shell.Show(screenCaseload).(*caseloadScreen)
	if scr.Filter().KeyWorkerID != kate.ID || len(scr.Rows) != 1 {
		t.Fatalf("kate's caseload: worker %d, %d rows", scr.Filter().KeyWorkerID, len(scr.Rows))
	}
	if row := scr.Rows[0]; row.ReferralID != r.ID || row.StageText != "24 weeks pregnant" || row.HasFlag(app.FlagCMHT) {
		t.Fatalf("her row = %+v", row)
	}
	for _, text := range []string{"Nguyễn, Zoë", "943 476 5919", "24 weeks pregnant", "Not yet seen", "15/03/2028"} {
		if !textOnShow(m.window, text) {
			t.Errorf("%q is not on show in her row", text)
		}
	}
	if textOnShow(m.window, "Test kate") {
		t.Error("one worker's caseload names the key worker on every row")
	}
	scr.ShowWorker(0)
	if len(scr.Rows) != 1 || !textOnShow(m.window, "Test kate") {
		t.Error("the whole team's caseload does not name her key worker")
	}
	scr.ShowWorker(kate.ID)
	if textOnShow(m.window, "CMHT") {
		t.Error("the CMHT flag shows before any joint working")
	}

	// Choosing her opens her referral, where Kate adds CMHT joint working.
	scr.List.Select(0)
	if id, _ := m.shell.Current(); id != screenReferrals || m.shell.built[screenReferrals].(*referralsScreen).Detail == nil {
		t.Fatalf("choosing her opened %q, not her referral", id)
	}
	if !textOnShow(m.window, "Key worker: Test kate since 23/11/2026") {
		t.Error("her referral does not name her key worker")
	}
	tapButton(t, m.window, "Add joint working…")
	chooseOption(t, findSelect(t, m.window, "Choose the service"), models.JointCMHT.Label())
	test.Type(findEntry(t, m.window, "For example, City East CMHT"), "City East CMHT")
	test.Type(findEntry(t, m.window, "For a CMHT, her care coordinator"), "Łucja Nowak")
	tapButton(t, m.window, "Save")
	if !strings.Contains(labelsOnShow(m.window), "City East CMHT · care coordinator Łucja Nowak") || !textOnShow(m.window, "CMHT") {
		t.Error("her referral does not list the CMHT joint working with its flag")
	}

	// Back on her caseload, her row carries the CMHT flag.
	scr = m.shell.Show(screenCaseload).(*caseloadScreen)
	if len(scr.Rows) != 1 || !scr.Rows[0].HasFlag(app.FlagCMHT) || !textOnShow(m.window, "CMHT") {
		t.Fatalf("the CMHT flag is not in her row: %+v", scr.Rows)
	}
	scr.Flag.SetSelected(app.FlagCMHT.Label())
	if len(scr.Rows) != 1 || !strings.Contains(scr.Count.Text, "1 woman on Test kate's caseload") {
		t.Errorf("CMHT filter: %d rows, %q", len(scr.Rows), scr.Count.Text)
	}
	scr.Flag.SetSelected(app.FlagMBU.Label())
	if len(scr.Rows) != 0 {
		t.Errorf("the MBU filter lists %d women", len(scr.Rows))
	}
}

func TestAllocatingBeyondCapacityShowsTheFiguresAndAsks(t *testing.T) {
	e := newTestEnv(t, 60)
	manager := e.addStaff("manager", models.RoleManager)
	small := e.addKeyWorker("small", 1)
	waiting, err := e.svc.Caseload.Unallocated(manager, 0, 2)
	if err != nil || len(waiting) != 2 {
		t.Fatalf("the demo has %d unallocated women (%v); want 2 or more", len(waiting), err)
	}
	if _, err := e.svc.Allocations.Allocate(manager, waiting[0].ID, small.ID, "", false); err != nil {
		t.Fatal(err)
	}
	done := 0
	d := showAllocateDialog(e.session(manager), waiting[1].ID, waiting[1].PatientName(), func() { done++ })
	chooseOption(t, d.Worker, "Test small · 1 / 1 (100%)")

	test.Tap(d.Action)
	if d.Confirm == nil || done != 0 {
		t.Fatal("allocating beyond capacity did not ask first")
	}
	d.Confirm.Dismiss()
	if h, _ := e.svc.Allocations.History(manager, waiting[1].ID); len(h) != 0 {
		t.Fatalf("declining the question still allocated her: %+v", h)
	}

	test.Tap(d.Action)
	question := drawnText(d.s.Window)
	for _, want := range []string{"Test small holds 1 woman against a caseload capacity of 1.", "This allocation makes 2 / 1 (200%), over capacity."} {
		if !strings.Contains(question, want) {
			t.Errorf("the question does not say %q", want)
		}
	}
	d.Confirm.Confirm()
	h, _ := e.svc.Allocations.History(manager, waiting[1].ID)
	if done != 1 || len(h) != 1 || h[0].KeyWorkerID != small.ID {
		t.Fatalf("after confirming: done %d, history %+v", done, h)
	}

	// Reallocating her needs a reason, and the history keeps it.
	other := e.addKeyWorker("other", 10)
	d = showAllocateDialog(e.session(manager), waiting[1].ID, waiting[1].PatientName(), nil)
	if d.Action.Text != "Reallocate" || !strings.Contains(d.Current.Text, "Test small since") {
		t.Fatalf("reallocation dialog: %q, %q", d.Action.Text, d.Current.Text)
	}
	chooseOption(t, d.Worker, "Test other")
	test.Tap(d.Action)
	if !d.Message.Visible() || !strings.HasPrefix(d.Message.Text, "Reason: ") {
		t.Fatalf("a reallocation without a reason gave %q", d.Message.Text)
	}
	test.Type(d.Reason, "Test small is over capacity.")
	test.Tap(d.Action)
	h, _ = e.svc.Allocations.History(manager, waiting[1].ID)
	if len(h) != 2 || h[1].KeyWorkerID != other.ID || h[1].Reason != "Test small is over capacity." || h[0].EndedAt == nil {
		t.Fatalf("history after reallocating: %+v", h)
	}
	if got := allocationHistoryText(e.svc.Staff, h); !strings.Contains(got, "Test other, by Test manager: Test small is over capacity.") {
		t.Errorf("history reads %q", got)
	}
}

func TestDischargeAsksFirstThenClosesAndTheReferralStaysReadable(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	manager := e.addStaff("manager", models.RoleManager)
	kate := e.addKeyWorker("kate", 20)
	r := e.acceptedReferral(admin, doc)
	if _, err := e.svc.Allocations.Allocate(manager, r.ID, kate.ID, "", false); err != nil {
		t.Fatal(err)
	}
	r, _ = e.svc.Referrals.Get(kate, r.ID)
	s := e.session(kate)
	done := 0
	d := showDischargeDialog(s, r, func() { done++ })

	test.Tap(d.Action)
	if d.Confirm != nil || !strings.HasPrefix(d.Message.Text, "Reason: ") {
		t.Fatalf("closing without a reason: %q", d.Message.Text)
	}
	chooseOption(t, d.Reason, "End of the perinatal period")
	test.Tap(d.Action)
	if d.Confirm == nil || !strings.Contains(drawnText(s.Window), "Close this referral?") {
		t.Fatal("closing did not ask first")
	}
	if got, _ := e.svc.Referrals.Get(kate, r.ID); got.Status == models.StatusClosed {
		t.Fatal("the referral closed before the question was answered")
	}
	d.Confirm.Confirm()
	got, err := e.svc.Referrals.Get(kate, r.ID)
	if err != nil || done != 1 || got.Status != models.StatusClosed || got.ClosureReason != "end of the perinatal period" {
		t.Fatalf("after confirming: done %d, referral %+v, %v", done, got, err)
	}
	if h, _ := e.svc.Allocations.History(kate, r.ID); len(h) != 1 || h[0].EndedAt == nil {
		t.Errorf("her allocation did not end: %+v", h)
	}

	// The closed referral still opens, saying so, with nothing left to do.
	p := newCaseloadPanel(s, got, nil)
	s.Window.SetContent(p.Content())
	if !textOnShow(s.Window, "Closed on 23/11/2026: end of the perinatal period. The referral stays readable.") ||
		!p.Allocate.Disabled() || !p.Discharge.Disabled() || !p.AddJointWorking.Disabled() {
		t.Error("the closed referral does not say so, or still offers actions")
	}
}

func TestTeamScreenAddsAPersonWhoCanThenSignIn(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "manager", models.RoleManager)
	team := m.shell.Show(screenTeam).(*teamScreen)

	test.Tap(team.Add)
	d := team.Dialog
	test.Type(d.Name, "Siobhán Byrne")
	test.Type(d.Username, "sbyrne")
	test.Type(d.JobTitle, "Perinatal mental health nurse")
	d.Roles.SetSelected([]string{models.RoleKeyWorker.Label()})
	d.Fraction.SetText("0.6")
	d.Capacity.SetText("15")
	test.Type(d.Password, "a long enough password")
	test.Type(d.PasswordAgain, "a different password")
	test.Tap(d.Action)
	if !strings.HasPrefix(d.Message.Text, "Password again: ") {
		t.Fatalf("mismatched passwords gave %q", d.Message.Text)
	}
	test.Type(d.Password, "a long enough password")
	test.Type(d.PasswordAgain, "a long enough password")
	test.Tap(d.Action)
	added, err := e.svc.Staff.ByUsername("sbyrne")
	if err != nil || added.WorkingFraction != 0.6 || added.CaseloadCapacity != 15 || !added.HasRole(models.RoleKeyWorker) {
		t.Fatalf("added %+v, %v (dialog says %q)", added, err, d.Message.Text)
	}
	for _, text := range []string{"Siobhán Byrne", "Perinatal mental health nurse", "Key worker", "0.6 WTE", "15"} {
		if !textOnShow(m.window, text) {
			t.Errorf("%q is not in the team list", text)
		}
	}

	// Deactivating asks first; reactivating brings her back.
	for i, p := range team.Staff {
		if p.ID == added.ID {
			team.List.Select(i)
		}
	}
	test.Tap(team.Deactivate)
	team.Confirm.Confirm()
	if got, _ := e.svc.Staff.Get(added.ID); got.Active || team.Deactivate.Text != "Reactivate" {
		t.Fatalf("after deactivating: active %v, button %q", got.Active, team.Deactivate.Text)
	}
	test.Tap(team.Deactivate)
	if got, _ := e.svc.Staff.Get(added.ID); !got.Active {
		t.Fatal("reactivating did not bring her back")
	}

	m.signOut()
	e.signIn(m, "sbyrne", "a long enough password")
	if who := m.actor(); who == nil || who.ID != added.ID {
		t.Fatalf("the new person could not sign in: %v", m.signIn.Message.Text)
	}

	// A key worker is refused the Team screen's changes by the service.
	k := m.shell.Show(screenTeam).(*teamScreen)
	test.Tap(k.Add)
	test.Type(k.Dialog.Name, "Someone")
	test.Type(k.Dialog.Username, "someone")
	k.Dialog.Roles.SetSelected([]string{models.RoleKeyWorker.Label()})
	test.Type(k.Dialog.Password, "a long enough password")
	test.Type(k.Dialog.PasswordAgain, "a long enough password")
	test.Tap(k.Dialog.Action)
	if _, err := e.svc.Staff.ByUsername("someone"); err == nil || !strings.Contains(k.Dialog.Message.Text, "Team manager role") {
		t.Errorf("a key worker added an account, or was told %q", k.Dialog.Message.Text)
	}
}

func TestTasksAreCompletedAndReassignedWithHistory(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	kate := e.addKeyWorker("kate", 20)
	lee := e.addKeyWorker("lee", 20)
	r := e.acceptedReferral(admin, doc)
	yesterday := models.LondonDate(e.clock.Now()).AddDays(-1)
	task := &models.Task{ReferralID: r.ID, Title: "Ring the health visitor", DueDate: yesterday, AssigneeID: &kate.ID}
	if err := e.svc.Tasks.Add(kate, task); err != nil {
		t.Fatal(err)
	}
	s := e.session(kate)
	p := newReferralTasksPanel(s, r.ID)
	s.Window.SetContent(p.Content())
	if !textOnShow(s.Window, "Overdue: was due 22/11/2026 · held by Test kate") {
		t.Fatal("the overdue task does not say so, or who holds it")
	}

	d := p.Reassign(p.Tasks[0])
	chooseOption(t, d.To, "Test lee")
	test.Type(d.Reason, "Kate is on leave.")
	test.Tap(d.Action)
	if len(p.Tasks) != 1 || p.Tasks[0].AssigneeName != "Test lee" {
		t.Fatalf("after reassigning: %+v (%q)", p.Tasks, d.Message.Text)
	}
	held := newTasksPanel(s, true, func() ([]app.TaskRow, error) { return e.svc.Tasks.ForAssignee(kate, lee.ID, true) })
	if len(held.Tasks) != 1 || !strings.HasPrefix(taskDetail(held.Tasks[0], models.LondonDate(e.clock.Now()), true), "Nguyễn, Zoë · Overdue") {
		t.Errorf("Lee's tasks: %+v", held.Tasks)
	}
	c := p.Complete(p.Tasks[0])
	test.Type(c.Note, "Rang her; visit booked.")
	test.Tap(c.Action)
	if p.Tasks[0].Open() || !textOnShow(s.Window, "Done 23/11/2026: Rang her; visit booked.") {
		t.Fatalf("after completing: %+v", p.Tasks[0])
	}
	p.ShowHistory(p.Tasks[0])
	for _, want := range []string{"added (other)", "reassigned from Test kate to Test lee: Kate is on leave.", "completed: Rang her; visit booked."} {
		if !strings.Contains(labelsOnShow(s.Window), want) {
			t.Errorf("the history does not say %q", want)
		}
	}
}

// The whole team's caseload is where the team manager reads who holds
// each woman: her key worker's column there is half as wide as her own
// name's (the widest of the columns that share the spare width), rather
// than as narrow as the flags'.
func TestTheWholeTeamsCaseloadGivesHerKeyWorkerHalfHerNamesWidth(t *testing.T) {
	e, m := newSignedInWindow(t, 0, "mia", models.RoleManager)
	e.addKeyWorker("kate", 20)
	scr := m.shell.Show(screenCaseload).(*caseloadScreen)
	scr.Worker.SetSelected(wholeTeam)
	name, keyWorker, flags := scr.table.Width(colName), scr.table.Width(colKeyWorker), scr.table.Width(colFlags)
	if keyWorker < 0.45*name || keyWorker <= flags || name <= keyWorker {
		t.Errorf("at 1024×768 her name's column is %.0f wide, her key worker's %.0f and the flags' %.0f; want the key worker's about half her name's and wider than the flags'", name, keyWorker, flags)
	}
}
