package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// contactsShown is how many contacts the section lists at first; "Show
// all" lists the rest (up to app.ContactListLimit).
const contactsShown = 10

// contactsSection lists a woman's contacts on her record, newest first:
// when, how, for how long, who was there, what happened, the note's first
// line, and whether it is signed. Each can be opened to read in full with
// its addenda; its author can edit and sign it while it is unsigned, and
// anyone who updates caseloads can add an addendum once it is signed. A
// button that cannot be used says why beside it. The services check
// every permission again.
type contactsSection struct {
	Add     *widget.Button
	ShowAll *widget.Button
	// Message says there are none, or why they could not be read.
	Message *widget.Label
	// Contacts are the contacts on show, newest first, and Rows their rows.
	Contacts []app.ContactRow
	Rows     []*contactRow
	// Open and Adding are the contact and addendum dialogs last shown.
	Open   *contactDialog
	Adding *addendumDialog

	s        *session
	referral *models.Referral
	limit    int
	total    int64
	box      *fyne.Container
	content  fyne.CanvasObject
}

// contactRow is one contact's line and its actions.
type contactRow struct {
	Summary  *widget.Label
	Note     *widget.Label
	View     *widget.Button
	Edit     *widget.Button
	Sign     *widget.Button
	Addendum *widget.Button
	// Why says why Edit, Sign or Addendum is off ("" when all are on).
	Why *widget.Label
}

// newContactsSection builds the section for r.
func newContactsSection(s *session, r *models.Referral) *contactsSection {
	c := &contactsSection{s: s, referral: r, limit: contactsShown, Message: messageLabel(""), box: container.NewVBox()}
	c.Add = widget.NewButtonWithIcon("Add contact…", theme.ContentAddIcon(), func() {
		c.Open = showContactDialog(s, r.ID, nil, "Add a contact", c.Reload)
	})
	c.ShowAll = widget.NewButtonWithIcon("Show all", theme.MenuExpandIcon(), func() {
		c.limit = app.ContactListLimit
		c.Reload()
	})
	c.ShowAll.Importance = widget.LowImportance
	allowed := notPermitted(s, onlyWith(models.PermUpdateCaseload, c.Add))
	c.content = section("Contacts", container.NewVBox(container.NewHBox(c.Add), allowed, c.Message, c.box, container.NewHBox(c.ShowAll)))
	c.Reload()
	return c
}

// Content returns the section's widget tree.
func (c *contactsSection) Content() fyne.CanvasObject { return c.content }

// Reload reads the contacts again and shows them.
func (c *contactsSection) Reload() {
	rows, total, err := c.s.Services.Contacts.ForReferral(c.s.Actor, c.referral.ID, c.limit)
	c.Contacts, c.total, c.Rows = rows, total, nil
	c.box.RemoveAll()
	c.ShowAll.Hide()
	switch {
	case err != nil:
		showMessage(c.Message, "Her contacts could not be read: "+sentence(err), true)
		return
	case len(rows) == 0:
		showMessage(c.Message, "No contacts recorded yet.", false)
		return
	}
	showMessage(c.Message, fmt.Sprintf("%d of %s, newest first.", len(rows), countText(total, "contact", "contacts")), false)
	lines := make([]fyne.CanvasObject, len(rows))
	for i := range rows {
		row := c.row(&rows[i])
		c.Rows = append(c.Rows, row)
		lines[i] = container.NewBorder(nil, widget.NewSeparator(), nil, nil, container.NewVBox(
			row.Summary, row.Note, container.NewHBox(row.View, row.Edit, row.Sign, row.Addendum, row.Why)))
	}
	c.box.Objects = lines // laid out once, not after each line
	c.box.Refresh()
	if int64(len(rows)) < total {
		c.ShowAll.SetText(fmt.Sprintf("Show all %d", total))
		c.ShowAll.Show()
	}
}

// row builds the line for contact x.
func (c *contactsSection) row(x *app.ContactRow) *contactRow {
	r := &contactRow{Summary: widget.NewLabel(contactSummary(x)), Note: widget.NewLabel(noteOrNone(x.FirstLine(110))), Why: widget.NewLabel("")}
	r.Summary.TextStyle.Bold = true
	r.Summary.Wrapping = fyne.TextWrapWord
	r.Note.Truncation = fyne.TextTruncateEllipsis
	r.Why.Importance = widget.LowImportance
	r.Why.Wrapping = fyne.TextWrapWord
	contact := x.Contact
	r.View = widget.NewButtonWithIcon("Read", theme.DocumentIcon(), func() { c.showNote(x) })
	r.Edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		c.Open = showContactDialog(c.s, c.referral.ID, &contact, "Edit the contact", c.Reload)
	})
	r.Sign = widget.NewButtonWithIcon("Sign", theme.ConfirmIcon(), func() { c.sign(&contact) })
	r.Addendum = widget.NewButtonWithIcon("Add addendum…", theme.ContentAddIcon(), func() { c.Adding = c.addAddendum(&contact) })
	for _, b := range []*widget.Button{r.View, r.Edit, r.Sign, r.Addendum} {
		b.Importance = widget.LowImportance
	}
	var why []string
	mayUpdate := c.s.Actor != nil && models.Allows(c.s.Actor.RoleSet(), models.PermUpdateCaseload)
	var byID uint
	if c.s.Actor != nil {
		byID = c.s.Actor.ID
	}
	if err := models.CheckNoteEdit(&contact, byID); err != nil || !mayUpdate {
		r.Edit.Disable()
	}
	if err := models.CheckSign(&contact, byID); err != nil || !mayUpdate {
		r.Sign.Disable()
		if !contact.Signed() && contact.AuthorID == byID {
			why = append(why, "Write the note before signing it.")
		}
	}
	if err := models.CheckAddendum(&contact, "x"); err != nil || !mayUpdate {
		r.Addendum.Disable()
	}
	switch {
	case !mayUpdate:
		why = []string{"You need the " + models.GrantingRole(models.PermUpdateCaseload).Label() + " role to change notes."}
	case contact.Signed():
		why = append(why, "Signed, so locked: add an addendum to correct it.")
	case contact.AuthorID != byID:
		why = append(why, "Only "+orNotStated(x.AuthorName)+", who wrote it, can edit or sign it.")
	}
	r.Why.SetText(strings.Join(why, " "))
	return r
}

// contactSummary says when, how, for how long, who was there and what
// happened, and whether the note is signed.
func contactSummary(x *app.ContactRow) string {
	signed := "Unsigned"
	if x.Signed() {
		signed = "Signed by " + orNotStated(x.SignedByName) + " " + ukDateTime(*x.SignedAt)
	}
	parts := []string{
		x.At.In(models.London).Format("Mon 02/01/2006 15:04"), x.Mode.Label(), fmt.Sprintf("%d min", x.DurationMinutes),
		x.PresentText(), x.Attendance.Label(), signed,
	}
	if n := len(x.Addenda); n > 0 {
		parts = append(parts, countText(int64(n), "addendum", "addenda"))
	}
	return strings.Join(parts, " · ")
}

// showNote shows a contact's whole note, with who wrote and signed it, and
// its addenda, each dated.
func (c *contactsSection) showNote(x *app.ContactRow) {
	lines := []string{contactSummary(x), "Written by " + orNotStated(x.AuthorName) + ".", "", noteOrNone(x.Note)}
	for _, a := range x.Addenda {
		lines = append(lines, "", "Addendum by "+orNotStated(a.AuthorName)+", "+ukDateTime(a.At)+":", a.Text)
	}
	body := container.New(widgets.FixedWidth(640), widgets.NewScrollUpTo(paragraph(strings.Join(lines, "\n")), func() float32 { return dialogRoom(c.s.Window) }))
	d := dialog.NewCustom("Contact note", "Close", body, c.s.Window)
	widgets.ShowDialog(c.s.Window, d, d.Hide)
}

// sign signs a note after asking, since a signed note cannot be changed.
func (c *contactsSection) sign(x *models.Contact) {
	ask := dialog.NewConfirm("Sign the note?", "Once signed, the note is locked: it can then only be added to, by a dated addendum.", func(ok bool) {
		if !ok {
			return
		}
		if _, err := c.s.Services.Contacts.Sign(c.s.Actor, x.ID, x.Version); err != nil {
			showMessage(c.Message, "The note was not signed. "+sentence(err), true)
			return
		}
		c.Reload()
	}, c.s.Window)
	ask.SetConfirmText("Sign the note")
	widgets.ShowDialog(c.s.Window, ask, nil)
}

// addendumDialog adds a dated addendum to a signed note.
type addendumDialog struct {
	*formDialog
	Text *widgets.FormEntry
}

// addAddendum asks for the addendum's text and adds it to x.
func (c *contactsSection) addAddendum(x *models.Contact) *addendumDialog {
	d := &addendumDialog{Text: widgets.NewHintedFormTextArea("What the addendum corrects or adds", nil, 5)}
	form := widget.NewForm(
		widget.NewFormItem("Contact", widget.NewLabel(x.At.In(models.London).Format("Mon 02/01/2006 15:04")+" · "+x.Mode.Label())),
		required("Addendum", d.Text),
	)
	d.formDialog = newFormDialog("Add an addendum", "Add", 560, form, c.s.Window, func() error {
		_, err := c.s.Services.Contacts.AddAddendum(c.s.Actor, x.ID, d.Text.Text)
		return err
	}, c.Reload)
	d.Text.OnSave = d.Submit
	d.ShowFocused(d.Text)
	return d
}

// noteOrNone is a note, or says none is written yet.
func noteOrNone(note string) string {
	if strings.TrimSpace(note) == "" {
		return "No note written yet."
	}
	return note
}
