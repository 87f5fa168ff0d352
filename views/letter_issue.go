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

// issueLettersDialog issues a referral's letter pack. It offers only the
// kinds of letter that fit the referral's state (the pathway decides the
// letter; see models.LettersFor), at first the first of them, shows who
// the pack goes to and the "Copy to" list, asks for confirmation, and then
// issues the pack to the register. When no kind fits, it says why and
// offers none. The service checks the kind and the permission again; a
// refusal is shown in the dialog in its own words.
//
// A pack is a handful of letters, rendered in well under a second, so
// building and issuing run on the UI goroutine.
type issueLettersDialog struct {
	// Kind chooses the kind of letter.
	Kind *widget.Select
	// Patient names the woman the letters are about.
	Patient *widget.Label
	// Recipients lists who gets a letter; CopyTo the "Copy to" list.
	Recipients *widget.Label
	CopyTo     *widget.Label
	// Message says why the pack cannot be built or was not issued.
	Message *widget.Label
	Issue   *widget.Button
	Cancel  *widget.Button
	// Confirm is the "Issue 3 letters for …?" question while it is on show.
	Confirm *dialog.ConfirmDialog

	// Safeguarding warns of the safeguarding flags on her (see newSafeguardingWarning).
	Safeguarding *widget.Label

	svc        *app.Services
	actor      *models.StaffMember
	win        fyne.Window
	referralID uint
	onIssued   func()
	kind       models.LetterKind
	pack       []app.PackLetter
	building   bool
	dialog     *dialog.CustomDialog
}

// showIssueLettersDialog shows the dialog for a referral over the
// session's window. onIssued (if set) runs after the pack is in the
// register, for the caller to reload what it shows.
func showIssueLettersDialog(s *session, referralID uint, onIssued func()) *issueLettersDialog {
	win := s.Window
	d := &issueLettersDialog{svc: s.Services, actor: s.Actor, win: win, referralID: referralID, onIssued: onIssued}
	d.Kind = widget.NewSelect(nil, func(label string) {
		if !d.building {
			d.build(kindByLabel(label))
		}
	})
	d.Kind.PlaceHolder = "No letter fits yet"
	if kinds, err := s.Services.Letters.FittingKinds(s.Actor, referralID); err == nil {
		d.Kind.SetOptions(labelsOf(kinds, models.LetterKind.Label))
	}
	if len(d.Kind.Options) == 0 {
		d.Kind.Disable()
	}
	d.Patient = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Recipients = paragraph("")
	d.CopyTo = paragraph("")
	d.Message = messageLabel("")
	d.Safeguarding = newSafeguardingWarning(s.Services, s.Actor, referralID)
	d.Issue = widget.NewButtonWithIcon("Issue letters", theme.MailSendIcon(), d.AskToIssue)
	d.Issue.Importance = widget.HighImportance
	d.Cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.dialog.Hide() })

	form := widget.NewForm(
		widget.NewFormItem("Letter", d.Kind),
		widget.NewFormItem("About", d.Patient),
		widget.NewFormItem("Letters to", d.Recipients),
		widget.NewFormItem("Copy to", d.CopyTo),
	)
	note := paragraph("Each letter is stored in the register exactly as issued, with its template version, and cannot be withdrawn.")
	note.Importance = widget.LowImportance
	body := container.New(widgets.FixedWidth(620), container.NewVBox(d.Safeguarding, form, note, d.Message))
	d.dialog = dialog.NewCustomWithoutButtons("Issue letters", body, win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.Cancel, d.Issue})
	d.build("")
	d.dialog.Show()
	return d
}

// build assembles the pack of kind ("" for the first that fits the
// referral's state) and shows who it goes to.
func (d *issueLettersDialog) build(kind models.LetterKind) {
	pack, err := d.svc.Letters.BuildPack(d.actor, d.referralID, kind)
	d.pack = nil
	d.Issue.Disable()
	if err != nil {
		d.Recipients.SetText("")
		d.CopyTo.SetText("")
		showMessage(d.Message, sentence(err), true)
		return
	}
	showMessage(d.Message, "", false)
	d.pack, d.kind = pack, pack[0].Letter.Kind
	d.building = true
	d.Kind.SetSelected(d.kind.Label())
	d.building = false
	p := pack[0].Letter.Patient
	d.Patient.SetText(fmt.Sprintf("%s · born %s · NHS number %s", p.Name, p.DateOfBirth.UK(), orNotStated(models.FormatNHSNumber(p.NHSNumber))))
	d.Recipients.SetText(packLines(pack, p.Name))
	var copies []string
	for _, c := range pack[0].Letter.CopyTo {
		copies = append(copies, letterPersonLine(c.Name, c.Role, c.Organisation, nil, c.Name == p.Name))
	}
	d.CopyTo.SetText(orNotStated(strings.Join(copies, "; ")))
	d.Issue.SetText("Issue " + countText(int64(len(pack)), "letter", "letters"))
	d.Issue.Enable()
}

// AskToIssue asks "Issue 3 letters for Zoë Nguyễn?" and issues on Yes.
func (d *issueLettersDialog) AskToIssue() {
	if len(d.pack) == 0 {
		return
	}
	question := fmt.Sprintf("Issue %s for %s?\n\n%s, to each person listed.",
		countText(int64(len(d.pack)), "letter", "letters"), d.pack[0].Letter.Patient.Name, d.kind.Label())
	if d.Safeguarding.Visible() {
		question += "\n\n" + d.Safeguarding.Text
	}
	d.Confirm = dialog.NewConfirm("Issue letters", question, func(yes bool) {
		d.Confirm = nil
		if yes {
			d.issue()
		}
	}, d.win)
	d.Confirm.SetConfirmText("Issue")
	d.Confirm.SetConfirmImportance(widget.HighImportance)
	d.Confirm.Show()
}

// issue issues the pack and closes the dialog, or says why it was not issued.
func (d *issueLettersDialog) issue() {
	issued, err := d.svc.Letters.IssuePack(d.actor, d.referralID, d.kind)
	if err != nil {
		showMessage(d.Message, sentence(err), true)
		return
	}
	d.dialog.Hide()
	if d.onIssued != nil {
		d.onIssued()
	}
	dialog.ShowInformation("Letters issued", fmt.Sprintf("%s for %s %s in the register. Open them from the Letters screen to print them.",
		capitalised(countText(int64(len(issued)), "letter", "letters")), d.pack[0].Letter.Patient.Name, isAre(len(issued))), d.win)
}

// letterPersonLine describes a recipient: name, role and organisation, and the
// first line of the address; "the woman" for her.
func letterPersonLine(name, role, organisation string, address []string, isHer bool) string {
	parts := []string{name}
	if isHer {
		parts[0] += " (the woman)"
	}
	for _, p := range []string{role, organisation} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	if len(address) > 0 && address[0] != organisation {
		parts = append(parts, address[0])
	}
	return strings.Join(parts, ", ")
}

// kindByLabel returns the kind of letter with label.
func kindByLabel(label string) models.LetterKind {
	for _, k := range models.LetterKinds {
		if k.Label() == label {
			return k
		}
	}
	return ""
}

// isAre agrees a verb with a count.
func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// packLines lists who a pack goes to, one line each, saying which letter is
// a copy, which is in her language, and which is held rather than posted,
// and why.
func packLines(pack []app.PackLetter, her string) string {
	var to []string
	for _, l := range pack {
		r := l.Letter.Recipient
		line := "• " + letterPersonLine(r.Name, r.Role, r.Organisation, r.Address, r.Name == her)
		if l.Language != "" {
			line += ", in " + models.LanguageName(l.Language)
		}
		if l.Letter.Copy {
			line += " (copy)"
		}
		if l.Letter.LargePrint {
			line += " (large print)"
		}
		if l.HoldReason != "" {
			line += "\n   HELD, not posted. " + l.HoldReason
		}
		to = append(to, line)
	}
	return strings.Join(to, "\n")
}
