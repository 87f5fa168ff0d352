package views

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// staffDialog adds a member of the team, with a password, or edits one:
// name, username, roles, job title, working-time fraction, caseload
// capacity, profession and professional registration number, and the
// signature image printed on the letters they sign. The service checks
// every field and the permission (team managers only), and the dialog
// shows its answer.
type staffDialog struct {
	*formDialog
	Name     *widgets.FormEntry
	Username *widgets.FormEntry
	JobTitle *widgets.FormEntry
	Roles    *widget.CheckGroup
	// Fraction is the working-time fraction: 1 full time, 0.6 three days.
	Fraction *widgets.FormEntry
	// Capacity is the most women on their caseload; 0 for none set.
	Capacity *widgets.FormEntry
	// Profession and Registration are printed under their name on the
	// letters they sign; Signature chooses their signature image.
	Profession   *widget.Select
	Registration *widgets.FormEntry
	Signature    *signaturePicker
	// Password and PasswordAgain are for a new account only.
	Password      *widget.Entry
	PasswordAgain *widget.Entry

	s       *session
	editing *models.StaffMember // nil when adding
}

// showAddStaffDialog asks for a new account; onDone runs once it is saved.
func showAddStaffDialog(s *session, onDone func()) *staffDialog {
	return showStaffDialog(s, nil, onDone)
}

// showEditStaffDialog edits m (as read from the service); onDone runs once
// the change is saved.
func showEditStaffDialog(s *session, m models.StaffMember, onDone func()) *staffDialog {
	return showStaffDialog(s, &m, onDone)
}

func showStaffDialog(s *session, m *models.StaffMember, onDone func()) *staffDialog {
	d := &staffDialog{s: s, editing: m}
	submit := func() { d.Submit() } // d.formDialog is made below
	d.Name = widgets.NewHintedFormEntry("For example, Siobhán Byrne", submit)
	d.Username = widgets.NewHintedFormEntry("For example, sbyrne", submit)
	d.JobTitle = widgets.NewHintedFormEntry("For example, Community psychiatric nurse", submit)
	d.Roles = widget.NewCheckGroup(roleLabels(), nil)
	d.Fraction = widgets.NewHintedFormEntry("1 for full time, 0.6 for three days a week", submit)
	d.Fraction.SetText("1")
	d.Capacity = widgets.NewHintedFormEntry("0 if none is set", submit)
	d.Capacity.SetText("0")
	d.Profession = widget.NewSelect(professionLabels(), nil)
	d.Profession.SetSelectedIndex(0)
	d.Registration = widgets.NewHintedFormEntry("For example, 1234567 (GMC) or 12A3456E (NMC)", submit)
	var signature []byte
	if m != nil {
		signature = m.Signature
	}
	d.Signature = newSignaturePicker(s.Window, signature)
	items := []*widget.FormItem{
		required("Name", d.Name), required("Username", d.Username),
		hinted("Roles", d.Roles, "A team manager can do everything"),
		widget.NewFormItem("Job title", d.JobTitle),
		hinted("Working-time fraction", d.Fraction, "1 is full time"),
		hinted("Caseload capacity", d.Capacity, "The most women on their caseload; 0 for none set"),
		hinted(models.FieldProfession.Label(), d.Profession, "Decides the register their number is on"),
		hinted(models.FieldRegistrationNumber.Label(), d.Registration, "Printed under their name on the letters they sign"),
		widget.NewFormItem(models.FieldSignature.Label(), d.Signature.content),
	}
	title, action := "Add a person", "Add"
	if m != nil {
		title, action = "Edit "+m.Name, "Save"
		d.Name.SetText(m.Name)
		d.Username.SetText(m.Username)
		d.JobTitle.SetText(m.JobTitle)
		d.Roles.SetSelected(roleLabelsOf(m.RoleSet()))
		d.Fraction.SetText(strconv.FormatFloat(m.WorkingFraction, 'f', -1, 64))
		d.Capacity.SetText(strconv.Itoa(m.CaseloadCapacity))
		d.Profession.SetSelectedIndex(indexOf(professionCodes(), string(m.Profession)))
		d.Registration.SetText(m.Number)
	} else {
		d.Password = widget.NewPasswordEntry()
		d.Password.SetPlaceHolder("At least 10 characters")
		d.PasswordAgain = widget.NewPasswordEntry()
		d.PasswordAgain.OnSubmitted = func(string) { d.Submit() }
		items = append(items, required("Password", d.Password), required("Password again", d.PasswordAgain))
	}
	d.formDialog = newFormDialog(title, action, 620, widget.NewForm(items...), s.Window, d.save, onDone)
	d.ShowFocused(d.Name)
	return d
}

// save reads the form and asks the service to add or update the person.
func (d *staffDialog) save() error {
	fraction, err := strconv.ParseFloat(strings.TrimSpace(d.Fraction.Text), 64)
	if err != nil {
		return fieldProblem(models.FieldWorkingTime, "enter a number between 0.1 and 1, for example 0.6")
	}
	capacity := 0
	if text := strings.TrimSpace(d.Capacity.Text); text != "" {
		if capacity, err = strconv.Atoi(text); err != nil {
			return fieldProblem(models.FieldCaseloadCapacity, "enter a whole number of women, or 0 for none set")
		}
	}
	m := &models.StaffMember{}
	if d.editing != nil {
		m = d.editing
	}
	m.Name, m.Username, m.JobTitle = d.Name.Text, d.Username.Text, strings.TrimSpace(d.JobTitle.Text)
	m.WorkingFraction, m.CaseloadCapacity = fraction, capacity
	m.SetRoles(rolesOf(d.Roles.Selected)...)
	m.ProfessionalRegistration = models.ProfessionalRegistration{Number: d.Registration.Text}
	if i := d.Profession.SelectedIndex(); i > 0 {
		m.Profession = models.Professions[i-1]
	}
	if d.editing != nil {
		if err := d.s.Services.Staff.Update(d.s.Actor, m); err != nil {
			return err
		}
		return d.Signature.save(d.s, m.ID)
	}
	if err := passwordsMatch(d.Password.Text, d.PasswordAgain.Text); err != nil {
		d.Password.SetText("")
		d.PasswordAgain.SetText("")
		return err
	}
	if err := d.s.Services.Staff.Add(d.s.Actor, m, d.Password.Text); err != nil {
		return err
	}
	d.editing = m // saving again now updates the person added
	return d.Signature.save(d.s, m.ID)
}

// professionLabels lists "Not recorded", then every profession, in words.
func professionLabels() []string {
	out := []string{models.ProfessionNone.Label()}
	for _, p := range models.Professions {
		out = append(out, p.Label())
	}
	return out
}

// professionCodes lists the codes of professionLabels, in the same order.
func professionCodes() []string {
	out := []string{string(models.ProfessionNone)}
	for _, p := range models.Professions {
		out = append(out, string(p))
	}
	return out
}

// passwordsMatch checks a new password was typed the same way twice.
func passwordsMatch(password, again string) error {
	if password != again {
		return fieldProblem(models.FieldPasswordAgain, "it does not match the password; type both again")
	}
	return nil
}

// roleLabels lists every role in words.
func roleLabels() []string { return roleLabelsOf(models.Roles) }

func roleLabelsOf(roles []models.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.Label()
	}
	return out
}

// rolesOf turns role labels back into roles.
func rolesOf(labels []string) []models.Role {
	var out []models.Role
	for _, r := range models.Roles {
		if indexOf(labels, r.Label()) >= 0 {
			out = append(out, r)
		}
	}
	return out
}

// resetPasswordDialog sets a new password for someone who has forgotten
// theirs, and unlocks their account.
type resetPasswordDialog struct {
	*formDialog
	Password      *widget.Entry
	PasswordAgain *widget.Entry
}

// showResetPasswordDialog asks for m's new password, twice.
func showResetPasswordDialog(s *session, m models.StaffMember, onDone func()) *resetPasswordDialog {
	d := &resetPasswordDialog{Password: widget.NewPasswordEntry(), PasswordAgain: widget.NewPasswordEntry()}
	d.Password.SetPlaceHolder("At least 10 characters")
	d.PasswordAgain.OnSubmitted = func(string) { d.Submit() }
	form := widget.NewForm(
		widget.NewFormItem("Account", widget.NewLabelWithStyle(m.Name+" ("+m.Username+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		required("New password", d.Password), required("Password again", d.PasswordAgain),
	)
	d.formDialog = newFormDialog("Reset password", "Reset password", 520, form, s.Window, func() error {
		if err := passwordsMatch(d.Password.Text, d.PasswordAgain.Text); err != nil {
			d.Password.SetText("")
			d.PasswordAgain.SetText("")
			return err
		}
		return s.Services.Auth.ResetPassword(s.Actor, m.Username, d.Password.Text)
	}, onDone)
	d.ShowFocused(d.Password)
	return d
}
