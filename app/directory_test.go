package app

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

func TestDirectoryIsKeptByAdministratorsWithVersionsAndAudit(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	gp := models.Organisation{Kind: models.OrgGPPractice, Name: " Charnwood  Practice ", ODSCode: "c82001",
		AddressLines: "1 Station Road\nLoughborough", Postcode: "le113tu"}
	var denied *PermissionError
	if err := s.Directory.AddOrganisation(w.doc, &gp); !errors.As(err, &denied) {
		t.Fatalf("a clinician added to the directory: %v", err)
	}
	if err := s.Directory.AddOrganisation(w.admin, &gp); err != nil {
		t.Fatal(err)
	}
	if gp.ID == 0 || gp.Name != "Charnwood Practice" || gp.ODSCode != "C82001" || gp.Postcode != "LE11 3TU" || gp.Version != 1 {
		t.Errorf("saved %+v; want it tidied, at version 1", gp)
	}
	twin := models.Organisation{Kind: models.OrgGPPractice, Name: "Charnwood Surgery", ODSCode: "C82001"}
	if err := s.Directory.AddOrganisation(w.admin, &twin); err == nil || !strings.Contains(err.Error(), "ODS code") {
		t.Errorf("a second entry with the same ODS code = %v", err)
	}
	bad := models.Organisation{Kind: models.OrgGPPractice, Name: "No Code Surgery", AddressLines: "1 Road"}
	fields := models.FieldErrorsIn(s.Directory.AddOrganisation(w.admin, &bad))
	if len(fields) != 2 || fields[0].Field != models.FieldODSCode || fields[1].Field != models.FieldOrgPostcode {
		t.Errorf("a practice without its code or postcode: %v", fields)
	}
	cmht := models.Organisation{Kind: models.OrgCMHT, Name: "County South CMHT"} // an address can follow
	if err := s.Directory.AddOrganisation(w.manager, &cmht); err != nil {
		t.Fatal(err)
	}

	// Two people edit the same entry: the second is told, and nothing of theirs is saved.
	first, second := gp, gp
	first.Phone = "0116 555 0101"
	if err := s.Directory.UpdateOrganisation(w.admin, &first); err != nil {
		t.Fatal(err)
	}
	second.Phone = "0116 555 0202"
	var conflict *ConflictError
	if err := s.Directory.UpdateOrganisation(w.manager, &second); !errors.As(err, &conflict) || conflict.ChangedBy != w.admin.Name {
		t.Fatalf("a stale edit = %v; want a conflict naming who changed it", err)
	}
	got, err := s.Directory.Organisation(w.worker, gp.ID)
	if err != nil || got.Phone != "0116 555 0101" || got.Version != 2 {
		t.Fatalf("after the edits: %+v, %v", got, err)
	}

	// Searching by name, by ODS code and by kind.
	search := func(f OrganisationFilter) []string {
		t.Helper()
		list, err := s.Directory.Organisations(w.doc, f, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.Directory.CountOrganisations(w.doc, f)
		if err != nil || int(n) != len(list) {
			t.Errorf("count %d for %d rows (%v)", n, len(list), err)
		}
		var names []string
		for _, o := range list {
			names = append(names, o.Name)
		}
		return names
	}
	for _, c := range []struct {
		f    OrganisationFilter
		want []string
	}{
		{OrganisationFilter{}, []string{"Charnwood Practice", "County South CMHT"}},
		{OrganisationFilter{Text: "south"}, []string{"County South CMHT"}},
		{OrganisationFilter{Text: "c82"}, []string{"Charnwood Practice"}},
		{OrganisationFilter{Text: "100%"}, nil},
		{OrganisationFilter{Kind: models.OrgCMHT}, []string{"County South CMHT"}},
	} {
		if got := search(c.f); !slices.Equal(got, c.want) {
			t.Errorf("search %+v = %q; want %q", c.f, got, c.want)
		}
	}

	// Retiring keeps the entry but stops offering it.
	if err := s.Directory.SetRetired(w.doc, cmht.ID, cmht.Version, true); !errors.As(err, &denied) {
		t.Errorf("a clinician retired an organisation: %v", err)
	}
	if err := s.Directory.SetRetired(w.admin, cmht.ID, cmht.Version, true); err != nil {
		t.Fatal(err)
	}
	if got := search(OrganisationFilter{}); !slices.Equal(got, []string{"Charnwood Practice"}) {
		t.Errorf("after retiring: %q", got)
	}
	if got := search(OrganisationFilter{Retired: true}); !slices.Equal(got, []string{"Charnwood Practice", "County South CMHT"}) {
		t.Errorf("with the retired: %q", got)
	}
	var audited int64
	s.core.db.Table("audit_events").Where("entity = ? AND action IN ?", "organisation", []string{ActionCreate, ActionUpdate}).Count(&audited)
	if audited != 4 { // two added, one edited, one retired
		t.Errorf("%d directory changes audited; want 4", audited)
	}
}

func TestProfessionalsAreLinkedToTheirOrganisation(t *testing.T) {
	w := newWorkflow(t)
	s := w.s
	hv := addOrganisation(t, s, models.Organisation{Kind: models.OrgHealthVisiting, Name: "Westcotes HV Team",
		AddressLines: "Fosse Road South\nLeicester", Postcode: "LE3 0LP"})
	r := w.accept(func(r *models.Referral) {
		r.CopyRecipients = []models.CopyRecipient{{Professional: models.Professional{Name: "Ruth Chauhan", Role: "Health visitor", Organisation: "HV team"}}}
	})
	rows, err := s.Directory.Professionals(w.doc, "ruth", 0, 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("Professionals = %d rows, %v", len(rows), err)
	}
	ruth := rows[0]
	if ruth.Address != nil || ruth.DirectoryName != "" {
		t.Errorf("an unlinked professional without an address: %+v", ruth)
	}
	if n, _ := s.Directory.CountProfessionals(w.doc, ""); n != 2 { // the referrer and Ruth
		t.Errorf("%d professionals; want 2", n)
	}

	p := ruth.Professional
	p.Address = "somewhere in Leicester"
	if err := s.Directory.UpdateProfessional(w.admin, &p); err == nil || !strings.Contains(err.Error(), "postcode") {
		t.Errorf("an address without a postcode = %v", err)
	}
	p.Address, p.OrganisationID = "", &hv.ID
	var denied *PermissionError
	if err := s.Directory.UpdateProfessional(w.worker, &p); !errors.As(err, &denied) {
		t.Errorf("a key worker edited a professional: %v", err)
	}
	if err := s.Directory.UpdateProfessional(w.admin, &p); err != nil {
		t.Fatal(err)
	}
	rows, _ = s.Directory.Professionals(w.doc, "ruth", 0, 10)
	if rows[0].DirectoryName != hv.Name || !slices.Equal(rows[0].Address, hv.Address()) {
		t.Errorf("after linking: %+v", rows[0])
	}
	stale := ruth.Professional
	stale.Phone = "0116 555 0303"
	var conflict *ConflictError
	if err := s.Directory.UpdateProfessional(w.admin, &stale); !errors.As(err, &conflict) {
		t.Errorf("a stale edit = %v; want a conflict", err)
	}
	pack, err := s.Letters.BuildPack(w.admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := pack[len(pack)-1].Letter.Recipient; got.Organisation != hv.Name || !slices.Equal(got.Address, hv.Address()) {
		t.Errorf("Ruth's copy goes to %+v; want her team's address", got)
	}
}
