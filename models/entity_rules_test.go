package models

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// Table tests for the small rules on the records: who may do what, where a
// referral may move next, what counts as a missed appointment, and how a
// woman's name, NHS number and address are shown.

// TestEntityRulesPermissionMatrix pins the whole role matrix the README
// lists: a change to who may do what must be a change to this table.
func TestEntityRulesPermissionMatrix(t *testing.T) {
	const (
		A = 1 << iota // administrator
		C             // clinician
		K             // key worker
	)
	matrix := map[Permission]int{
		PermViewReferrals:      A | C | K,
		PermRegisterReferrals:  A,
		PermManageAppointments: A,
		PermIssueLetters:       A,
		PermEditTemplates:      A,
		PermEditSettings:       A,
		PermScreeningDecision:  C,
		PermAssessmentOutcome:  C,
		PermUpdateCaseload:     C | K,
		PermAllocate:           0,
		PermManageUsers:        0,
		PermViewReports:        0,
		PermViewAudit:          0,
		PermManageDirectory:    A,
		PermExportRecords:      A,
	}
	if len(matrix) != len(Permissions) {
		t.Fatalf("the matrix has %d permissions, Permissions lists %d", len(matrix), len(Permissions))
	}
	roles := []struct {
		role Role
		bit  int
	}{{RoleAdministrator, A}, {RoleClinician, C}, {RoleKeyWorker, K}}
	for _, p := range Permissions {
		want, ok := matrix[p]
		if !ok {
			t.Errorf("permission %q is not in the matrix", p)
			continue
		}
		for _, r := range roles {
			if got := Allows([]Role{r.role}, p); got != (want&r.bit != 0) {
				t.Errorf("Allows(%s, %q) = %v", r.role, p, got)
			}
		}
		// The team manager holds every permission, alone or with others.
		if !Allows([]Role{RoleManager}, p) || !Allows([]Role{RoleKeyWorker, RoleManager}, p) {
			t.Errorf("team manager lacks %q", p)
		}
		// Several roles grant what any one of them grants.
		if got := Allows([]Role{RoleAdministrator, RoleClinician, RoleKeyWorker}, p); got != (want != 0) {
			t.Errorf("all three roles: Allows(%q) = %v", p, got)
		}
		if Allows(nil, p) || Allows([]Role{"visitor"}, p) {
			t.Errorf("no role, or an unknown one, is allowed %q", p)
		}
		// GrantingRole names the first role that grants it, or the team
		// manager when only the manager does.
		wantRole := RoleManager
		for _, r := range roles {
			if want&r.bit != 0 {
				wantRole = r.role
				break
			}
		}
		if got := GrantingRole(p); got != wantRole {
			t.Errorf("GrantingRole(%q) = %s, want %s", p, got, wantRole)
		}
	}
	if GrantingRole("no such permission") != RoleManager {
		t.Error("an unknown permission is granted by someone other than the team manager")
	}
}

func TestEntityRulesParseRole(t *testing.T) {
	cases := []struct {
		in   string
		want Role
		ok   bool
	}{
		{"administrator", RoleAdministrator, true},
		{"Administrator", RoleAdministrator, true},
		{"admin", RoleAdministrator, true},
		{" ADMIN ", RoleAdministrator, true},
		{"clinician", RoleClinician, true},
		{"key_worker", RoleKeyWorker, true},
		{"key-worker", RoleKeyWorker, true},
		{"Key worker", RoleKeyWorker, true},
		{"team_manager", RoleManager, true},
		{"team-manager", RoleManager, true},
		{"Team manager", RoleManager, true},
		{"manager", RoleManager, true},
		{"", "", false},
		{"nurse", "", false},
		{"administrators", "", false},
		{"key worker ", RoleKeyWorker, true},
	}
	for _, c := range cases {
		got, ok := ParseRole(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestEntityRulesStaffRoles(t *testing.T) {
	var s StaffMember
	s.SetRoles(RoleClinician, RoleKeyWorker)
	if s.RoleList != "clinician,key_worker" {
		t.Errorf("RoleList = %q", s.RoleList)
	}
	if got := s.RoleSet(); !slices.Equal(got, []Role{RoleClinician, RoleKeyWorker}) {
		t.Errorf("RoleSet = %v", got)
	}
	if !s.HasRole(RoleClinician) || !s.HasRole(RoleKeyWorker) || s.HasRole(RoleAdministrator) || s.HasRole(RoleManager) {
		t.Errorf("HasRole wrong for %q", s.RoleList)
	}
	if got := s.RoleLabels(); got != "Clinician, Key worker" {
		t.Errorf("RoleLabels = %q", got)
	}
	// Unknown codes in the stored list are skipped; labels and codes both read.
	s.RoleList = "nurse, team manager ,,admin"
	if got := s.RoleSet(); !slices.Equal(got, []Role{RoleManager, RoleAdministrator}) {
		t.Errorf("RoleSet of a messy list = %v", got)
	}
	s.SetRoles()
	if s.RoleList != "" || len(s.RoleSet()) != 0 || s.RoleLabels() != "" {
		t.Errorf("no roles: %q %v %q", s.RoleList, s.RoleSet(), s.RoleLabels())
	}
}

func TestEntityRulesStatusTransitions(t *testing.T) {
	// Every move the pathway allows; any other is refused.
	moves := []string{
		"received -> discuss", "received -> accepted", "received -> not_accepted",
		"discuss -> accepted", "discuss -> not_accepted",
		"accepted -> assessment_booked", "accepted -> not_accepted", "accepted -> caseload",
		"accepted -> medical_review", "accepted -> closed",
		"assessment_booked -> accepted", "assessment_booked -> caseload",
		"assessment_booked -> medical_review", "assessment_booked -> closed",
		"medical_review -> caseload", "medical_review -> closed",
		"caseload -> medical_review", "caseload -> closed",
	}
	all := append(slices.Clone(Statuses), "unknown", "")
	for _, from := range all {
		for _, to := range all {
			want := slices.Contains(moves, string(from)+" -> "+string(to))
			if got := from.CanMoveTo(to); got != want {
				t.Errorf("%q.CanMoveTo(%q) = %v, want %v", from, to, got, want)
			}
			err := Transition(from, to)
			if (err == nil) != want {
				t.Errorf("Transition(%q, %q) = %v, want allowed %v", from, to, err, want)
			}
			var te *TransitionError
			if err != nil && (!errors.As(err, &te) || te.From != from || te.To != to || te.Error() == "") {
				t.Errorf("Transition(%q, %q) error = %#v", from, to, err)
			}
		}
	}
	for _, s := range Statuses {
		if !s.Valid() || s.Label() == string(s) {
			t.Errorf("status %q: valid %v, label %q", s, s.Valid(), s.Label())
		}
		wantOpen := s != StatusNotAccepted && s != StatusClosed
		if s.Open() != wantOpen {
			t.Errorf("%q.Open() = %v", s, s.Open())
		}
	}
	if Status("unknown").Valid() || Status("").Valid() || Status("x").Label() != "x" {
		t.Error("an unknown status reads as known")
	}
}

func TestEntityRulesAttendance(t *testing.T) {
	missed := map[Attendance]bool{AttendDNA: true, AttendLateNotSeen: true}
	for _, a := range Attendances {
		if a.Missed() != missed[a] {
			t.Errorf("Attendance %q (%s).Missed() = %v", a, a.Label(), a.Missed())
		}
		if a.Label() == string(a) {
			t.Errorf("attendance %q has no label", a)
		}
	}
	// The MHSDS codes themselves are fixed by the data set.
	codes := []Attendance{"0", "2", "3", "4", "5", "6", "7"}
	if !slices.Equal(Attendances, codes) {
		t.Errorf("Attendances = %q", Attendances)
	}
	if Attendance("9").Missed() || Attendance("9").Label() != "9" {
		t.Error("an unknown attendance code is read")
	}
	consultation := map[Mode]string{ModeFaceToFace: "01", ModeHomeVisit: "01", ModeTelephone: "02", ModeVideo: "11", Mode("letter"): "98"}
	for m, want := range consultation {
		if got := m.MHSDSConsultationCode(); got != want {
			t.Errorf("%q.MHSDSConsultationCode() = %q, want %q", m, got, want)
		}
	}
}

func TestEntityRulesAppointmentEnds(t *testing.T) {
	start := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		minutes int
		want    time.Time
	}{
		{60, start.Add(time.Hour)},
		{45, time.Date(2026, 11, 23, 10, 15, 0, 0, time.UTC)},
		{0, start},
		{90, time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)},
	} {
		a := Appointment{StartsAt: start, DurationMinutes: c.minutes}
		if got := a.EndsAt(); !got.Equal(c.want) {
			t.Errorf("%d minutes from 09:30 ends %v, want %v", c.minutes, got, c.want)
		}
	}
}

func TestEntityRulesOpenRecords(t *testing.T) {
	now := time.Now()
	if !(&Allocation{}).Current() || (&Allocation{EndedAt: &now}).Current() {
		t.Error("Allocation.Current is wrong")
	}
	if !(&Task{}).Open() || (&Task{CompletedAt: &now}).Open() {
		t.Error("Task.Open is wrong")
	}
	j := JointWorking{StartDate: d("2026-01-10"), EndDate: d("2026-03-10")}
	for on, want := range map[string]bool{
		"2026-01-09": false, "2026-01-10": true, "2026-02-01": true, "2026-03-10": true, "2026-03-11": false,
	} {
		if got := j.Active(d(on)); got != want {
			t.Errorf("joint working 10/01 to 10/03, active on %s = %v", on, got)
		}
	}
	open := JointWorking{}
	if !open.Active(d("1990-01-01")) || !open.Active(d("2090-01-01")) {
		t.Error("joint working with no dates is not always active")
	}
	if (&JointWorking{EndDate: d("2026-03-10")}).Active(d("2026-03-11")) || !(&JointWorking{StartDate: d("2026-01-10")}).Active(d("2030-01-01")) {
		t.Error("joint working with one date is wrong")
	}
}

func TestEntityRulesPriority(t *testing.T) {
	if PriorityUrgent.MHSDSCode() != "2" || PriorityRoutine.MHSDSCode() != "3" || Priority("").MHSDSCode() != "3" {
		t.Error("MHSDS clinical response priority codes are wrong")
	}
	var r Referral
	r.SetPriority(PriorityUrgent)
	if r.Priority != PriorityUrgent || r.UrgentRank != 0 {
		t.Errorf("urgent: %s, rank %d", r.Priority, r.UrgentRank)
	}
	r.SetPriority(PriorityRoutine)
	if r.Priority != PriorityRoutine || r.UrgentRank != 1 {
		t.Errorf("routine: %s, rank %d", r.Priority, r.UrgentRank)
	}
}

func TestEntityRulesPatientDisplay(t *testing.T) {
	p := Patient{GivenName: "Zoë", FamilyName: "Nguyễn", NHSNumber: ptr("9434765919"),
		AddressLines: " 1 High Street \n\n  Flat 2\nLeicester ", Postcode: "LE1 5WW"}
	if got := p.FullName(); got != "Zoë Nguyễn" {
		t.Errorf("FullName = %q", got)
	}
	if got := p.NHSNumberText(); got != "943 476 5919" {
		t.Errorf("NHSNumberText = %q", got)
	}
	if got := p.Address(); !slices.Equal(got, []string{"1 High Street", "Flat 2", "Leicester", "LE1 5WW"}) {
		t.Errorf("Address = %q", got)
	}
	only := Patient{FamilyName: "Smith"}
	if only.FullName() != "Smith" || only.NHSNumberText() != "" || len(only.Address()) != 0 {
		t.Errorf("a patient with only a family name: %q %q %q", only.FullName(), only.NHSNumberText(), only.Address())
	}
	if got := (&Patient{GivenName: "Ann"}).FullName(); got != "Ann" {
		t.Errorf("FullName with only a given name = %q", got)
	}
	if got := (&Patient{Postcode: "LE1 5WW"}).Address(); !slices.Equal(got, []string{"LE1 5WW"}) {
		t.Errorf("Address with only a postcode = %q", got)
	}
	p.GivenName, p.FamilyName = "  Siobhán ", "O'NEILL"
	p.UpdateSearchKeys()
	if p.GivenKey != "siobhan" || p.FamilyKey != "oneill" { // folded for forgiving search (see FoldName)
		t.Errorf("search keys = %q, %q", p.GivenKey, p.FamilyKey)
	}
	if SearchKey("  ŁUCJA ") != "łucja" {
		t.Errorf("SearchKey = %q", SearchKey("  ŁUCJA "))
	}
}
