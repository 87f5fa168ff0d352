package views

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// formMinWidth is the least width the referral form asks for.
const formMinWidth = 440

// panelMinWidth is the least width the screening panel asks for; its
// text wraps.
const panelMinWidth = 240

// referralForm is the screen for typing in a new referral. It captures
// everything the online referral form does, in sections worked through
// from top to bottom with Tab: the woman; her communication needs; the
// referrer; consent and eligibility; pregnancy or baby; mental health
// history; medication; current services; professionals to copy letters to;
// reason and risk.
// Beside it a live screening panel shows what the service's criteria say
// as the form fills. Ctrl+S or Save registers the referral.
type referralForm struct {
	// The woman.
	NHSNumber, GivenName, FamilyName, DateOfBirth *widgets.FormEntry
	// NameForLetters is her name in Latin script, needed when her name is
	// written in a script the letters cannot print.
	NameForLetters                              *widgets.FormEntry
	Address, Postcode, Phone, Email, GPPractice *widgets.FormEntry

	// Her communication needs (Accessible Information Standard).
	*needsFields

	// The referrer.
	ReferrerName                                       *widgets.FormEntry
	ReferrerRole                                       *widgets.Choice
	ReferrerOrganisation, ReferrerPhone, ReferrerEmail *widgets.FormEntry
	ReferrerAddress                                    *widgets.FormEntry

	// Consent and eligibility.
	Received *widgets.FormEntry // DD/MM/YYYY HH:MM, London time
	FormID   *widgets.FormEntry
	// Consent, RegisteredWithGP and LivesInArea are answered yes or no;
	// until then they are "Not answered", which screening never reads as no.
	Consent, RegisteredWithGP, LivesInArea *widgets.Choice

	// Pregnancy or baby.
	Stage             *widget.RadioGroup
	DueDate, BabyBorn *widgets.FormEntry
	Breastfeeding     *widget.Check

	// Mental health history.
	Severity                 *widgets.Choice
	Manageable               *widgets.Choice // yes, no, or not stated
	Conditions               *widgets.RowList[conditionRow]
	FamilyPP, FamilyBipolar  *widget.Check
	PreviousPerinatalTreated *widget.Check
	SevereImpact             *widget.Check

	// Medication.
	Medicines        *widgets.RowList[medicineRow]
	MedicationAdvice *widget.Check

	// Current services.
	CMHTOpen                        *widget.Check
	CMHTTeam, CareCoordinator       *widgets.FormEntry
	Inpatient                       *widget.Check
	Ward                            *widgets.FormEntry
	MBU                             *widget.Check
	MBUDischarge                    *widgets.FormEntry
	SubstanceService, EatingService *widget.Check

	// Other professionals to copy letters to.
	Professionals *widgets.RowList[professionalRow]

	// Reason and risk.
	Reason, Risk *widgets.FormEntry

	// Panel is the live screening panel.
	Panel *screeningPanel
	// SaveButton registers the referral, as Ctrl+S does.
	SaveButton *widget.Button
	// Problems lists what must be put right before the referral can be saved.
	Problems *widget.Label

	svc      *app.Services
	actor    *models.StaffMember
	win      fyne.Window
	onSaved  func(id uint)
	quiet    bool // true while the form is being filled by code
	started  bool // something has been typed since the form was last cleared
	saving   bool // a save is waiting for the database
	busy     *widgets.Busy
	bg       *widgets.Background
	lookedUp string // the NHS number last looked up
	first    fyne.Focusable
	sections *fyne.Container
	scroll   *container.Scroll
	content  fyne.CanvasObject
}

// newReferralForm builds an empty form, received now. onSaved is called
// with the new referral's ID after a successful save, when the form has
// been cleared for the next one.
func newReferralForm(s *session, onSaved func(id uint)) *referralForm {
	f := &referralForm{svc: s.Services, actor: s.Actor, win: s.Window, onSaved: onSaved, quiet: true, bg: s.Background, busy: widgets.NewBusy()}
	f.Panel = newScreeningPanel()
	f.SaveButton = widget.NewButtonWithIcon("Save referral (Ctrl+S)", theme.DocumentSaveIcon(), f.Save)
	f.SaveButton.Importance = widget.HighImportance
	clearButton := widget.NewButtonWithIcon("Clear the form", theme.ContentClearIcon(), f.Reset)
	f.Problems = paragraph("")
	f.Problems.Importance = widget.DangerImportance
	f.Problems.Hide()

	title := widget.NewLabelWithStyle("New referral", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	f.sections = container.NewVBox(title,
		f.patientSection(), f.needsSection(), f.referrerSection(), f.eligibilitySection(), f.perinatalSection(),
		f.historySection(), f.medicationSection(), f.servicesSection(), f.professionalsSection(),
		f.reasonSection())
	bar := container.NewVBox(widget.NewSeparator(), f.Problems, container.NewHBox(f.SaveButton, clearButton), f.busy.Content())
	// The form asks for no more width than a 1024×768 window leaves it
	// beside the screening panel, and scrolls sideways too if a section
	// is wider; the scroll brings each field into view as Tab reaches it.
	f.scroll = widgets.NewFormScroll(container.New(widgets.Narrow(formMinWidth), container.NewPadded(f.sections)))
	f.scroll.Direction = container.ScrollBoth
	left := container.NewBorder(nil, bar, nil, nil, f.scroll)
	panel := container.New(widgets.Narrow(panelMinWidth), container.NewPadded(f.Panel.Content()))
	split := container.NewHSplit(left, panel)
	split.Offset = 0.68
	f.content = split
	f.first = f.NHSNumber
	f.Reset()
	return f
}

// Content returns the form and its screening panel.
func (f *referralForm) Content() fyne.CanvasObject { return f.content }

// FirstField is where the keyboard starts: the NHS number.
func (f *referralForm) FirstField() fyne.Focusable { return f.first }

// Started reports whether anything has been typed or chosen since the
// form was opened, cleared or saved.
func (f *referralForm) Started() bool { return f.started }

// Save registers the referral. If anything typed is not valid, or the
// service refuses it, every problem is listed and nothing typed is lost.
func (f *referralForm) Save() {
	if problems := f.typedProblems(); len(problems) > 0 {
		f.showProblems(problems)
		return
	}
	if f.saving {
		return // Ctrl+S again while the last one is saved
	}
	r := f.referral()
	f.saving = true
	f.SaveButton.Disable()
	f.busy.Start("Saving the referral…")
	f.bg.Go(func() func() {
		err := f.svc.Referrals.Register(f.actor, r)
		return func() {
			f.saving = false
			f.SaveButton.Enable()
			f.busy.Stop()
			f.saved(r, err)
		}
	})
}

// saved shows the outcome of saving r: the form cleared and the referral
// opened, or what must be put right.
func (f *referralForm) saved(r *models.Referral, err error) {
	problems := models.FieldErrorsIn(err)
	var dup *app.DuplicateFormError
	switch {
	case err == nil:
		f.Reset()
		if f.onSaved != nil {
			f.onSaved(r.ID)
		}
	case problems != nil:
		f.showProblems(problems)
	case errors.As(err, &dup):
		f.showProblems(models.FieldErrors{models.NewFieldError(models.FieldFormID,
			"this form was already saved as referral %s; open that referral instead, or clear this box if it is a different referral", models.ReferralReference(dup.ReferralID))})
	default:
		f.showProblems(models.FieldErrors{{Message: sentence(err)}})
	}
}

// showProblems lists the problems above the Save button, marks each entry
// at fault, and puts the keyboard in the first.
func (f *referralForm) showProblems(problems models.FieldErrors) {
	lines := make([]string, len(problems))
	var firstBad fyne.Focusable
	for i, p := range problems {
		lines[i] = p.Error()
		if e := f.entryFor(p.Field); e != nil {
			e.SetValidationError(errors.New(lines[i]))
			if firstBad == nil {
				firstBad = e
			}
		}
	}
	heading := "The referral was not saved. Put this right, then save again:"
	if len(problems) > 1 {
		heading = fmt.Sprintf("The referral was not saved. Put these %d things right, then save again:", len(problems))
	}
	f.Problems.SetText(heading + "\n" + bulletText(lines, ""))
	f.Problems.Show()
	if firstBad != nil && f.win != nil {
		f.win.Canvas().Focus(firstBad)
	}
}

// clearProblems hides the problem list.
func (f *referralForm) clearProblems() {
	f.Problems.SetText("")
	f.Problems.Hide()
}

// changed re-screens the referral after any change to the form.
func (f *referralForm) changed() {
	if f.quiet {
		return
	}
	f.started = true
	f.lookUpPatient()
	r := f.referral()
	f.Panel.Show(f.svc.Referrals.Screen(r), timeframeText(r))
}

// rowsChanged lays the form out again after a row is added or removed,
// since the sections around it change height, and re-screens it.
func (f *referralForm) rowsChanged() {
	if f.sections != nil {
		f.sections.Refresh()
		f.scroll.Refresh()
	}
	f.changed()
}

// lookUpPatient says whether the NHS number typed belongs to a woman known
// to the service, lists her earlier referrals and fills blank fields from
// her record. It asks once per number.
func (f *referralForm) lookUpPatient() {
	nhs, err := models.NormaliseNHSNumber(f.NHSNumber.Text)
	if err != nil {
		nhs = ""
	}
	if nhs == f.lookedUp {
		return
	}
	f.lookedUp = nhs
	if nhs == "" {
		f.Panel.ShowKnown(false, nil)
		return
	}
	p, rows, err := f.svc.Referrals.PatientByNHSNumber(f.actor, nhs)
	if err != nil || p == nil {
		f.Panel.ShowKnown(false, nil)
		return
	}
	f.prefill(p)
	f.Panel.ShowKnown(true, rows)
}
