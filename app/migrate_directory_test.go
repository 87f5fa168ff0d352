package app

import (
	"testing"

	"perinatal-caseload/models"
)

func TestMigrationMovesThePreferredLanguageIntoHerNeeds(t *testing.T) {
	db, _ := databaseBefore(t, "2026120701_directory_and_communication_needs")
	// The columns as they were before, with three women in them.
	for _, sql := range []string{
		"ALTER TABLE patients ADD COLUMN preferred_language varchar(60)",
		"ALTER TABLE patients ADD COLUMN interpreter_needed numeric",
		"DROP INDEX IF EXISTS idx_letter_template_kind_language",
		"CREATE UNIQUE INDEX idx_letter_templates_kind ON letter_templates (kind)",
		"INSERT INTO patients (given_name, family_name, date_of_birth, preferred_language, interpreter_needed, version) VALUES ('Ewa', 'Nowak', '1990-01-01', 'Polish', true, 1)",
		"INSERT INTO patients (given_name, family_name, date_of_birth, preferred_language, interpreter_needed, version) VALUES ('Hodan', 'Ali', '1991-01-01', 'Oromo', false, 1)",
		"INSERT INTO patients (given_name, family_name, date_of_birth, preferred_language, interpreter_needed, version) VALUES ('Zoë', 'Smith', '1992-01-01', '', NULL, 1)",
	} {
		if err := db.Exec(sql).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	if _, err := migrateTo(db, migrations()); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer Close(db)
	var got []models.Patient
	if err := db.Order("id").Find(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []models.CommunicationNeeds{
		{InterpreterNeeded: true, Language: "pl"},
		{Language: models.LanguageOther, LanguageOtherName: "Oromo"},
		{},
	}
	for i, p := range got {
		if p.CommunicationNeeds != want[i] {
			t.Errorf("%s: needs %+v; want %+v", p.GivenName, p.CommunicationNeeds, want[i])
		}
	}
	m := db.Migrator()
	if m.HasColumn("patients", "preferred_language") || m.HasColumn("patients", "interpreter_needed") || !m.HasTable("organisations") {
		t.Error("the old columns remain, or the directory was not made")
	}
	if m.HasIndex("letter_templates", "idx_letter_templates_kind") || !m.HasIndex("letter_templates", "idx_letter_template_kind_language") {
		t.Error("templates are still one per kind")
	}
	s := New(db, NewManualClock(testNow))
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	if err := s.Letters.SaveLanguageTemplate(admin, models.LetterAcceptance, "pl", "Dzień dobry {{.FirstName}}", 0); err != nil {
		t.Errorf("a template in Polish beside the English one: %v", err)
	}
	o := models.Organisation{Kind: models.OrgWard, Name: "Ward 3", AddressLines: "Bradgate Unit\nLeicester", Postcode: "LE5 4PW"}
	if err := s.Directory.AddOrganisation(admin, &o); err != nil {
		t.Errorf("the directory after the upgrade: %v", err)
	}
}
