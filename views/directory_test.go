package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

func TestDirectoryAddsEditsAndRetiresAnOrganisation(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	d := newDirectoryScreen(e.session(admin))
	if d.List.Length() != 0 || d.Edit.Disabled() == false {
		t.Fatalf("a new directory lists %d organisations, Edit enabled %v", d.List.Length(), !d.Edit.Disabled())
	}

	// Add a GP practice, first without its ODS code.
	test.Tap(d.Add)
	dlg := d.Dialog
	dlg.Kind.SetCode(string(models.OrgGPPractice))
	test.Type(dlg.Name, "Charnwood Practice")
	test.Type(dlg.Address, "1 Station Road\nLoughborough")
	test.Type(dlg.Postcode, "le11 3tu")
	test.Tap(dlg.Action)
	if !strings.Contains(dlg.Message.Text, "ODS code: enter the practice's ODS code") || d.List.Length() != 0 {
		t.Fatalf("a practice without its code: message %q, %d listed", dlg.Message.Text, d.List.Length())
	}
	test.Type(dlg.ODSCode, "c82001")
	test.Tap(dlg.Action)
	if d.List.Length() != 1 || !strings.Contains(d.Message.Text, "Added") {
		t.Fatalf("after adding: %d listed, screen says %q", d.List.Length(), d.Message.Text)
	}
	list, _ := e.svc.Directory.Organisations(admin, app.OrganisationFilter{}, 0, 10)
	if len(list) != 1 || list[0].ODSCode != "C82001" || list[0].Postcode != "LE11 3TU" {
		t.Fatalf("saved %+v", list)
	}

	// Edit it: a new telephone number.
	d.Choose(0)
	test.Tap(d.Edit)
	if d.Dialog.Name.Text != "Charnwood Practice" || d.Dialog.ODSCode.Text != "C82001" {
		t.Fatalf("the edit dialog shows %q %q", d.Dialog.Name.Text, d.Dialog.ODSCode.Text)
	}
	test.Type(d.Dialog.Phone, "0116 555 0101")
	test.Tap(d.Dialog.Action)
	got, _ := e.svc.Directory.Organisation(admin, list[0].ID)
	if got.Phone != "0116 555 0101" || got.Version != 2 {
		t.Errorf("after editing: %+v", got)
	}

	// Search by code, then retire it.
	test.Type(d.Search, "c82")
	d.Reload()
	if d.List.Length() != 1 {
		t.Errorf("searching by ODS code lists %d", d.List.Length())
	}
	d.Choose(0)
	test.Tap(d.Retire)
	if d.List.Length() != 0 || !strings.Contains(d.Message.Text, "retired") {
		t.Errorf("after retiring: %d listed, %q", d.List.Length(), d.Message.Text)
	}
	test.Tap(d.Retired)
	if d.List.Length() != 1 {
		t.Errorf("with the retired shown: %d listed", d.List.Length())
	}
}

func TestDirectoryRefusesAClinicianAndLinksAProfessional(t *testing.T) {
	e := newTestEnv(t, 0)
	admin := e.addStaff("admin", models.RoleAdministrator)
	doc := e.addStaff("doc", models.RoleClinician)
	r := e.registeredReferral(admin)

	// A clinician can read the directory but not change it.
	d := newDirectoryScreen(e.session(doc))
	test.Tap(d.Add)
	d.Dialog.Kind.SetCode(string(models.OrgHealthVisiting))
	test.Type(d.Dialog.Name, "Westcotes HV Team")
	test.Tap(d.Dialog.Action)
	if !strings.Contains(d.Dialog.Message.Text, "You need the Administrator role") {
		t.Errorf("a clinician adding: %q", d.Dialog.Message.Text)
	}

	hv := models.Organisation{Kind: models.OrgHealthVisiting, Name: "Westcotes HV Team", AddressLines: "Fosse Road South\nLeicester", Postcode: "LE3 0LP"}
	if err := e.svc.Directory.AddOrganisation(admin, &hv); err != nil {
		t.Fatal(err)
	}
	d = newDirectoryScreen(e.session(admin))
	p := d.Professionals
	test.Type(p.Search, r.Referrer.Name)
	p.Reload()
	if p.List.Length() != 1 {
		t.Fatalf("searching for the referrer lists %d", p.List.Length())
	}
	p.List.Select(0)
	test.Tap(p.Edit)
	p.Dialog.Address.SetText("")
	p.Dialog.Link.SetSelected("Westcotes HV Team (health visiting team)")
	test.Tap(p.Dialog.Action)
	if p.Dialog.Message.Text != "" {
		t.Fatalf("linking: %q", p.Dialog.Message.Text)
	}
	rows, _ := e.svc.Directory.Professionals(admin, r.Referrer.Name, 0, 1)
	if len(rows) != 1 || rows[0].DirectoryName != hv.Name || strings.Join(rows[0].Address, ", ") != "Fosse Road South, Leicester, LE3 0LP" {
		t.Errorf("after linking: %+v", rows)
	}
}
