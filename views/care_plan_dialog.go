package views

import (
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// carePlanDialog writes her care plan, or changes it: saving makes a new
// version and keeps the one before. The service refuses the save, naming
// who saved in between, if another version was saved since this one was
// read.
type carePlanDialog struct {
	*formDialog
	Goals, Crisis, Relapse, Contingency *widgets.FormEntry
	Review                              *widgets.FormEntry
}

// showCarePlanDialog shows the dialog for referral referralID, filled in
// from current (nil for her first plan). onDone runs once it is saved.
func showCarePlanDialog(s *session, referralID uint, current *models.CarePlan, onDone func()) *carePlanDialog {
	d := &carePlanDialog{}
	submit := func() { d.Submit() }
	d.Goals = widgets.NewHintedFormTextArea("What she wants to achieve, in her words; one per line, starting \"- \"", submit, 3)
	d.Crisis = widgets.NewHintedFormTextArea("Who she and her family call, and what each will do, in a crisis", submit, 3)
	d.Relapse = widgets.NewHintedFormTextArea("The early signs that she may be becoming unwell", submit, 3)
	d.Contingency = widgets.NewHintedFormTextArea("What happens if the plan cannot be followed, such as her key worker being away", submit, 3)
	d.Review = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Review.SetText(s.Services.Today().AddMonths(3).UK())
	read := 0
	if current != nil {
		read = current.Number
		d.Goals.SetText(current.Goals)
		d.Crisis.SetText(current.CrisisPlan)
		d.Relapse.SetText(current.RelapseSigns)
		d.Contingency.SetText(current.Contingency)
		if !current.ReviewDate.Before(s.Services.Today()) {
			d.Review.SetText(current.ReviewDate.UK())
		}
	}
	form := widget.NewForm(
		required("Goals", d.Goals),
		required("Crisis plan", d.Crisis),
		widget.NewFormItem("Signs of relapse", d.Relapse),
		widget.NewFormItem("Contingency plan", d.Contingency),
		required("Review date", d.Review),
	)
	save := func() error {
		review, err := dateField(models.FieldCarePlanReview, d.Review.Text)
		if err != nil {
			return err
		}
		plan := models.CarePlan{Goals: d.Goals.Text, CrisisPlan: d.Crisis.Text, RelapseSigns: d.Relapse.Text, Contingency: d.Contingency.Text, ReviewDate: review}
		_, err = s.Services.CarePlans.Save(s.Actor, referralID, read, plan)
		return err
	}
	title := "Write the care plan"
	if current != nil {
		title = "Change the care plan"
	}
	d.formDialog = newFormDialog(title, "Save as a new version", 680, form, s.Window, save, onDone)
	d.ShowFocused(d.Goals)
	return d
}
