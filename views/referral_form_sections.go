package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// The referral form's sections, in the order the keyboard goes through
// them. Each builds its widgets into the form and returns a card.

func (f *referralForm) patientSection() fyne.CanvasObject {
	f.NHSNumber = f.checkedEntry(models.FieldNHSNumber, checkNHSNumber)
	f.NHSNumber.SetPlaceHolder("943 476 5919")
	f.GivenName, f.FamilyName, f.NameForLetters = f.entry(), f.entry(), f.entry()
	f.DateOfBirth = f.checkedEntry(models.FieldDateOfBirth, checkDate)
	f.DateOfBirth.SetPlaceHolder("DD/MM/YYYY")
	f.Address = f.textArea(3)
	f.Postcode = f.checkedEntry(models.FieldPostcode, checkPostcode)
	f.Phone, f.Email, f.GPPractice = f.entry(), f.entry(), f.entry()
	return formCard("The woman",
		hinted("NHS number", f.NHSNumber, "10 digits. If she is known to the service, her details are filled in"),
		required("Given name", f.GivenName),
		required("Family name", f.FamilyName),
		hinted("Name for letters", f.NameForLetters, "Only for a name in another script: in English letters"),
		hinted("Date of birth", f.DateOfBirth, "Required. DD/MM/YYYY"),
		hinted("Address", f.Address, fmt.Sprintf("Up to %d lines of up to %d characters, without the postcode", models.MaxAddressLines, models.MaxAddressLineRunes)),
		required("Postcode", f.Postcode),
		widget.NewFormItem("Telephone", f.Phone),
		widget.NewFormItem("Email", f.Email),
		hinted("GP practice", f.GPPractice, "Its name or ODS code as in the Directory, so the GP's copy has its address"),
	)
}

// needsSection records her communication needs, as the Accessible
// Information Standard asks, and whether it is safe to write home.
func (f *referralForm) needsSection() fyne.CanvasObject {
	f.needsFields = newNeedsFields(f.entry, f.textArea, f.check, f.changed)
	f.SafePostcode = f.checkedEntry(models.FieldSafePostcode, checkPostcode)
	return formCard("Her communication needs", f.needsFields.Items()...)
}

func (f *referralForm) referrerSection() fyne.CanvasObject {
	f.ReferrerName = f.entry()
	roles := make([]string, len(models.ReferrerRoles))
	for i, r := range models.ReferrerRoles {
		roles[i] = string(r)
	}
	f.ReferrerRole = widgets.NewChoice(roles, func(c string) string { return models.ProfessionalRole(c).Label() }, "Choose the referrer's role", f.changed)
	f.ReferrerOrganisation, f.ReferrerPhone, f.ReferrerEmail = f.entry(), f.entry(), f.entry()
	f.ReferrerAddress = f.textArea(2)
	return formCard("The referrer",
		required("Name", f.ReferrerName),
		required("Role", f.ReferrerRole.Select),
		widget.NewFormItem("Organisation", f.ReferrerOrganisation),
		widget.NewFormItem("Telephone", f.ReferrerPhone),
		widget.NewFormItem("Email", f.ReferrerEmail),
		widget.NewFormItem("Address", f.ReferrerAddress),
	)
}

func (f *referralForm) eligibilitySection() fyne.CanvasObject {
	f.Received = f.checkedEntry(models.FieldReceived, f.checkReceived)
	f.FormID = f.entry()
	f.Consent, f.RegisteredWithGP, f.LivesInArea = f.answer(), f.answer(), f.answer()
	return formCard("Consent and eligibility",
		hinted("Received", f.Received, "Required. DD/MM/YYYY HH:MM, UK time"),
		hinted("Consented", f.Consent.Select, "Required. Has she consented to the referral?"),
		hinted("Registered with a GP", f.RegisteredWithGP.Select, "Required"),
		hinted("Lives in LLR", f.LivesInArea.Select, "Required. Leicester, Leicestershire or Rutland"),
		hinted("Online form ID", f.FormID, "Only for a referral that came from the online form"),
	)
}

func (f *referralForm) perinatalSection() fyne.CanvasObject {
	f.Stage = widget.NewRadioGroup(labelsOf(models.Stages, models.Stage.Label), func(string) { f.changed() })
	f.DueDate = f.checkedEntry(models.FieldDueDate, checkDate)
	f.DueDate.SetPlaceHolder("DD/MM/YYYY")
	f.BabyBorn = f.checkedEntry(models.FieldBabyDateOfBirth, checkDate)
	f.BabyBorn.SetPlaceHolder("DD/MM/YYYY")
	f.Breastfeeding = f.check("Breastfeeding")
	return formCard("Pregnancy or baby",
		required("Stage", f.Stage),
		hinted("Expected delivery date", f.DueDate, "If she is pregnant"),
		hinted("Baby's date of birth", f.BabyBorn, "Required after birth"),
		widget.NewFormItem("", f.Breastfeeding),
	)
}

func (f *referralForm) historySection() fyne.CanvasObject {
	f.Severity = widgets.NewChoice([]string{"", string(models.SeverityMild), string(models.SeverityModerate), string(models.SeveritySevere)},
		notStatedOr(capitalised), "Not stated", f.changed)
	f.Manageable = widgets.NewChoice([]string{"", "yes", "no"}, notStatedOr(capitalised), "Not stated", f.changed)
	f.Conditions = widgets.NewRowList("Add a condition", f.newConditionRow, conditionRowLayout,
		func(r *conditionRow) fyne.Focusable { return r.Code.Select }, f.rowsChanged, f.canvas)
	f.FamilyPP = f.check("Postpartum psychosis")
	f.FamilyBipolar = f.check("Bipolar affective disorder")
	f.PreviousPerinatalTreated = f.check("Previous perinatal mental illness treated by psychiatric services")
	f.SevereImpact = f.check("Severe impact on daily functioning or care of the baby")
	return formCard("Mental health history",
		widget.NewFormItem("Severity", f.Severity.Select),
		hinted("Manageable in primary care", f.Manageable.Select, "Can she be managed effectively by her GP?"),
		widget.NewFormItem("Conditions", f.Conditions.Content()),
		widget.NewFormItem("Family history", container.NewVBox(f.FamilyPP, f.FamilyBipolar)),
		widget.NewFormItem("", f.PreviousPerinatalTreated),
		widget.NewFormItem("", f.SevereImpact),
	)
}

func (f *referralForm) medicationSection() fyne.CanvasObject {
	f.Medicines = widgets.NewRowList("Add a medicine", f.newMedicineRow, medicineRowLayout,
		func(r *medicineRow) fyne.Focusable { return r.Name }, f.rowsChanged, f.canvas)
	f.MedicationAdvice = f.check("The referrer asks for advice on medication")
	return formCard("Medication",
		hinted("Medicines", f.Medicines.Content(), "Name, class and dose of each; say if she takes a mood stabiliser"),
		widget.NewFormItem("", f.MedicationAdvice),
	)
}

func (f *referralForm) servicesSection() fyne.CanvasObject {
	f.CMHTOpen = f.check("Open to a community mental health team (CMHT)")
	f.CMHTTeam, f.CareCoordinator, f.Ward = f.entry(), f.entry(), f.entry()
	f.Inpatient = f.check("A psychiatric inpatient")
	f.MBU = f.check("In a mother and baby unit")
	f.MBUDischarge = f.checkedEntry(models.FieldMBUDischarge, checkDate)
	f.MBUDischarge.SetPlaceHolder("DD/MM/YYYY")
	f.SubstanceService = f.check("Open to a drug and alcohol service")
	f.EatingService = f.check("Open to the eating disorder service")
	return formCard("Current services",
		widget.NewFormItem("", f.CMHTOpen),
		widget.NewFormItem("CMHT", f.CMHTTeam),
		widget.NewFormItem("Care coordinator", f.CareCoordinator),
		widget.NewFormItem("", f.Inpatient),
		widget.NewFormItem("Ward", f.Ward),
		widget.NewFormItem("", f.MBU),
		widget.NewFormItem("Expected discharge", f.MBUDischarge),
		widget.NewFormItem("", f.SubstanceService),
		widget.NewFormItem("", f.EatingService),
	)
}

func (f *referralForm) professionalsSection() fyne.CanvasObject {
	f.Professionals = widgets.NewRowList("Add a professional", f.newProfessionalRow, professionalRowLayout,
		func(r *professionalRow) fyne.Focusable { return r.Name }, f.rowsChanged, f.canvas)
	return formCard("Other professionals to copy letters to",
		hinted("Professionals", f.Professionals.Content(), "Her midwife, health visitor, CMHT care coordinator, obstetrician…"),
	)
}

func (f *referralForm) reasonSection() fyne.CanvasObject {
	f.Reason = f.textArea(4)
	f.Risk = f.textArea(3)
	return formCard("Reason and risk",
		required("Reason for referral", f.Reason),
		widget.NewFormItem("Risk", f.Risk),
	)
}

// conditionRow is one diagnosis on the form.
type conditionRow struct {
	Code, Status *widgets.Choice
	Primary      *widget.Check
	Note         *widgets.FormEntry
}

func (f *referralForm) newConditionRow() *conditionRow {
	r := &conditionRow{
		Code:    widgets.NewChoice(models.ConditionCodes, func(c string) string { return capitalised(models.ConditionLabel(c)) }, "Choose the condition", f.changed),
		Status:  widgets.NewChoice([]string{string(models.ConditionCurrent), string(models.ConditionPrevious)}, capitalised, "Current or previous", f.changed),
		Primary: f.check("Primary diagnosis"),
		Note:    f.entry(),
	}
	r.Status.SetCode(string(models.ConditionCurrent))
	r.Note.SetPlaceHolder("Note (optional)")
	return r
}

func conditionRowLayout(r *conditionRow) fyne.CanvasObject {
	return container.NewVBox(container.New(widgets.WeightedRow{3, 2, 2}, r.Code.Select, r.Status.Select, r.Primary), r.Note)
}

// medicineRow is one medicine on the form.
type medicineRow struct {
	Name  *widgets.FormEntry
	Class *widgets.Choice
	Dose  *widgets.FormEntry
}

func (f *referralForm) newMedicineRow() *medicineRow {
	r := &medicineRow{
		Name:  f.entry(),
		Class: widgets.NewChoice(models.MedicationClasses, func(c string) string { return capitalised(strings.ReplaceAll(c, "_", " ")) }, "Class", f.changed),
		Dose:  f.entry(),
	}
	r.Name.SetPlaceHolder("Name, such as lithium")
	r.Dose.SetPlaceHolder("Dose (optional)")
	return r
}

func medicineRowLayout(r *medicineRow) fyne.CanvasObject {
	return container.New(widgets.WeightedRow{3, 2, 2}, r.Name, r.Class.Select, r.Dose)
}

// professionalRow is one professional to copy letters to.
type professionalRow struct {
	Name, Role, Organisation, Address, Email, Phone *widgets.FormEntry
}

func (f *referralForm) newProfessionalRow() *professionalRow {
	r := &professionalRow{Name: f.entry(), Role: f.entry(), Organisation: f.entry(), Address: f.entry(), Email: f.entry(), Phone: f.entry()}
	r.Name.SetPlaceHolder("Name")
	r.Role.SetPlaceHolder("Role, such as health visitor")
	r.Organisation.SetPlaceHolder("Organisation")
	r.Address.SetPlaceHolder("Address")
	r.Email.SetPlaceHolder("Email")
	r.Phone.SetPlaceHolder("Telephone")
	return r
}

func professionalRowLayout(r *professionalRow) fyne.CanvasObject {
	return container.NewVBox(
		container.New(widgets.WeightedRow{1, 1, 1}, r.Name, r.Role, r.Organisation),
		container.New(widgets.WeightedRow{1, 1, 1}, r.Address, r.Email, r.Phone))
}

// entry makes a one-line entry that re-screens the form when it changes.
func (f *referralForm) entry() *widgets.FormEntry {
	e := widgets.NewFormEntry(f.Save)
	e.OnChanged = func(string) { f.changed() }
	return e
}

// textArea makes a multi-line entry of rows lines that re-screens the form.
func (f *referralForm) textArea(rows int) *widgets.FormEntry {
	e := widgets.NewFormTextArea(f.Save, rows)
	e.OnChanged = func(string) { f.changed() }
	return e
}

// checkedEntry makes an entry whose text check validates as it is typed;
// its message starts with the field's name.
func (f *referralForm) checkedEntry(field models.FieldID, check func(string) error) *widgets.FormEntry {
	e := f.entry()
	e.Validator = func(s string) error {
		if err := check(s); err != nil {
			return fieldError(field, err)
		}
		return nil
	}
	return e
}

// check makes a tick box that re-screens the form.
// answer is a yes-or-no question that starts "Not answered".
func (f *referralForm) answer() *widgets.Choice {
	return widgets.NewChoice([]string{"yes", "no"}, capitalised, "Not answered", f.changed)
}

func (f *referralForm) check(label string) *widget.Check {
	return widget.NewCheck(label, func(bool) { f.changed() })
}

// canvas returns the window's canvas, for moving the keyboard.
func (f *referralForm) canvas() fyne.Canvas {
	if f.win == nil {
		return nil
	}
	return f.win.Canvas()
}

// formCard is a titled card holding a form of items.
func formCard(title string, items ...*widget.FormItem) fyne.CanvasObject {
	return widget.NewCard(title, "", widget.NewForm(items...))
}

// hinted is a form item with a hint below it, where a problem with what
// was typed also shows.
func hinted(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
	item := widget.NewFormItem(label, w)
	item.HintText = hint
	return item
}

// required is a form item marked as required.
func required(label string, w fyne.CanvasObject) *widget.FormItem {
	return hinted(label, w, "Required")
}

// notStatedOr labels "" as "Not stated" and other codes through label.
func notStatedOr(label func(string) string) func(string) string {
	return func(c string) string {
		if c == "" {
			return "Not stated"
		}
		return label(c)
	}
}
