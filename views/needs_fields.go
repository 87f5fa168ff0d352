package views

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// needsFields are the widgets that record a woman's communication needs
// under the Accessible Information Standard (her language and interpreter,
// BSL, large print, easy read, braille, how she would rather be contacted)
// and whether it is safe to write to her home, with the safe address. The
// referral form and the needs dialog share them.
type needsFields struct {
	Language                      *widgets.Choice // a code of models.Languages, "other", or "" for not stated
	LanguageOther                 *widgets.FormEntry
	InterpreterNeeded, BSL        *widget.Check
	LargePrint, EasyRead, Braille *widget.Check
	PreferredContact              *widgets.Choice
	UnsafeHome                    *widget.Check
	SafeAddress, SafePostcode     *widgets.FormEntry
	NeedsNotes                    *widgets.FormEntry
}

// newNeedsFields builds the widgets with the makers given, so that each
// re-screens or submits as its form does; changed runs when a choice
// changes. The caller makes SafePostcode, which may check as it is typed.
func newNeedsFields(entry func() *widgets.FormEntry, textArea func(rows int) *widgets.FormEntry,
	check func(label string) *widget.Check, changed func()) *needsFields {
	languages := []string{""}
	for _, l := range models.Languages {
		languages = append(languages, l.Code)
	}
	languages = append(languages, models.LanguageOther)
	contacts := []string{""}
	for _, m := range models.ContactMethods {
		contacts = append(contacts, string(m))
	}
	return &needsFields{
		Language:          widgets.NewChoice(languages, languageLabel, "Not stated", changed),
		LanguageOther:     entry(),
		InterpreterNeeded: check("Needs an interpreter in this language"),
		BSL:               check("Needs a British Sign Language (BSL) interpreter"),
		LargePrint:        check("Large print"),
		EasyRead:          check("Easy read"),
		Braille:           check("Braille"),
		PreferredContact:  widgets.NewChoice(contacts, func(c string) string { return models.ContactMethod(c).Label() }, "Not stated", changed),
		UnsafeHome:        check("It is not safe to write to her home"),
		SafeAddress:       textArea(2),
		NeedsNotes:        entry(),
	}
}

// newDialogNeedsFields builds the widgets for a dialog, each submitting it
// (submit) on Enter, with the safe postcode a plain entry.
func newDialogNeedsFields(submit func()) *needsFields {
	n := newNeedsFields(func() *widgets.FormEntry { return widgets.NewFormEntry(submit) },
		func(rows int) *widgets.FormEntry { return widgets.NewFormTextArea(submit, rows) },
		func(label string) *widget.Check { return widget.NewCheck(label, nil) }, nil)
	n.SafePostcode = widgets.NewFormEntry(submit)
	return n
}

// Items lays the widgets out as form items, in keyboard order.
func (n *needsFields) Items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Language", n.Language.Select),
		hinted("Other language", n.LanguageOther, "If her language is not in the list"),
		widget.NewFormItem("Interpreter", container.NewVBox(n.InterpreterNeeded, n.BSL)),
		widget.NewFormItem("Information", container.NewHBox(n.LargePrint, n.EasyRead, n.Braille)),
		widget.NewFormItem("Preferred contact", n.PreferredContact.Select),
		hinted("", n.UnsafeHome, "Letters then go to the safe address below, or are held for the team to give her"),
		hinted("Safe address", n.SafeAddress, "Where she asked letters to go instead, without the postcode"),
		widget.NewFormItem("Safe postcode", n.SafePostcode),
		widget.NewFormItem("Other needs", n.NeedsNotes),
	}
}

// Needs reads her communication needs from the widgets.
func (n *needsFields) Needs() models.CommunicationNeeds {
	out := models.CommunicationNeeds{
		InterpreterNeeded: n.InterpreterNeeded.Checked, Language: n.Language.Code(), BSL: n.BSL.Checked,
		LargePrint: n.LargePrint.Checked, EasyRead: n.EasyRead.Checked, Braille: n.Braille.Checked,
		PreferredContact: models.ContactMethod(n.PreferredContact.Code()), UnsafeToWriteHome: n.UnsafeHome.Checked,
		SafeAddressLines: strings.Join(nonBlankLines(n.SafeAddress.Text), "\n"), SafePostcode: trimmed(n.SafePostcode),
		Notes: trimmed(n.NeedsNotes),
	}
	if out.Language == models.LanguageOther {
		out.LanguageOtherName = trimmed(n.LanguageOther)
	}
	return out
}

// SetNeeds shows communication needs in the widgets.
func (n *needsFields) SetNeeds(c models.CommunicationNeeds) {
	n.Language.SetCode(c.Language)
	n.LanguageOther.SetText(c.LanguageOtherName)
	n.InterpreterNeeded.SetChecked(c.InterpreterNeeded)
	n.BSL.SetChecked(c.BSL)
	n.LargePrint.SetChecked(c.LargePrint)
	n.EasyRead.SetChecked(c.EasyRead)
	n.Braille.SetChecked(c.Braille)
	n.PreferredContact.SetCode(string(c.PreferredContact))
	n.UnsafeHome.SetChecked(c.UnsafeToWriteHome)
	n.SafeAddress.SetText(c.SafeAddressLines)
	n.SafePostcode.SetText(c.SafePostcode)
	n.NeedsNotes.SetText(c.Notes)
}

// entryFor returns the entry for one of the needs' fields, or nil.
func (n *needsFields) entryFor(field models.FieldID) *widgets.FormEntry {
	switch field {
	case models.FieldLanguage:
		return n.LanguageOther
	case models.FieldSafeAddress:
		return n.SafeAddress
	case models.FieldSafePostcode:
		return n.SafePostcode
	}
	return nil
}

// languageLabel names a language code for the language choice.
func languageLabel(code string) string {
	switch code {
	case "":
		return "Not stated"
	case models.LanguageOther:
		return "Other (type it below)"
	}
	return models.LanguageName(code)
}
