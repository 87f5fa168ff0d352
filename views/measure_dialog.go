package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// measureDialog enters one outcome measure item by item: a drop-down per
// item, labelled in the project's words (the paper form holds the
// questionnaire's own), with the total, band and change from her first
// result shown as answers are chosen, and a warning in red as soon as the
// risk item is positive. Which items there are, what each response
// scores and the bands all come from the measure's definition
// (models.MeasureDef), so a new measure needs no change here.
type measureDialog struct {
	*formDialog
	Measure *widgets.Choice
	Date    *widgets.FormEntry
	// Items are the drop-downs of the chosen measure, one per item (for
	// goal-based outcomes, each goal's rating).
	Items []*widget.Select
	// Goals name the goals of a goal-based outcome.
	Goals []*widgets.FormEntry
	// Total shows the total, band and change so far.
	Total *widget.Label
	// Risk warns that the risk item is positive.
	Risk *widget.Label

	s          *session
	referralID uint
	first      map[string]models.MeasureResult // her first result of each measure
	items      *fyne.Container
}

// showMeasureDialog shows the dialog for referral referralID; overview is
// her measures so far, for the change from the first. code, if not empty,
// chooses the measure to start with. onDone runs after saving.
func showMeasureDialog(s *session, referralID uint, overview *app.MeasuresOverview, code string, onDone func()) *measureDialog {
	d := &measureDialog{s: s, referralID: referralID, first: map[string]models.MeasureResult{}}
	if overview != nil {
		for _, m := range overview.Measures {
			if len(m.Results) > 0 {
				d.first[m.Def.Code] = m.Results[0]
			}
		}
	}
	var codes []string
	for _, m := range models.Measures() {
		codes = append(codes, m.Code)
	}
	d.Measure = widgets.NewChoice(codes, func(c string) string { return c + ": " + models.MeasureByCode(c).Name }, "Choose the measure", d.build)
	submit := func() { d.Submit() }
	d.Date = widgets.NewHintedFormEntry("DD/MM/YYYY", submit)
	d.Date.SetText(models.LondonDate(s.Services.Clock().Now()).UK())
	d.Total = widget.NewLabel("Choose the measure, then a response for each item.")
	d.Total.TextStyle.Bold = true
	d.Risk = messageLabel("")
	d.Risk.Hide()
	d.items = container.NewVBox()
	form := widget.NewForm(required("Measure", d.Measure.Select), widget.NewFormItem("Date completed", d.Date))
	body := container.NewVBox(form, d.items, d.Total, d.Risk)
	d.formDialog = newFormDialog("Record an outcome measure", "Save", 640, body, s.Window, d.save, onDone)
	if code != "" {
		d.Measure.SetCode(code)
	}
	d.ShowFocused(d.Measure.Select)
	return d
}

// def returns the chosen measure's definition, or nil.
func (d *measureDialog) def() *models.MeasureDef { return models.MeasureByCode(d.Measure.Code()) }

// build lays out the items of the chosen measure.
func (d *measureDialog) build() {
	def := d.def()
	d.Items, d.Goals = nil, nil
	form := widget.NewForm()
	if def != nil {
		for i, it := range def.Items {
			options := make([]string, def.Responses(i))
			for pos := range options {
				options[pos] = def.ResponseLabel(i, pos)
			}
			sel := widget.NewSelect(options, func(string) { d.update() })
			sel.PlaceHolder = "Choose a response"
			label := it.Label
			if def.GoalBased {
				sel.PlaceHolder = "Rating 0 to 10"
				goal := widgets.NewHintedFormEntry("The goal, in her words", func() { d.Submit() })
				d.Goals = append(d.Goals, goal)
				form.Append(label, goal)
				label += " rating"
			}
			d.Items = append(d.Items, sel)
			form.Append(label, sel)
		}
	}
	d.items.Objects = []fyne.CanvasObject{form}
	d.items.Refresh()
	d.update()
}

// answers returns the chosen positions, -1 where none is chosen.
func (d *measureDialog) answers() []int {
	out := make([]int, len(d.Items))
	for i, sel := range d.Items {
		out[i] = sel.SelectedIndex()
	}
	// Goal-based outcomes: unrated goals after the last rated one are not asked.
	if def := d.def(); def != nil && def.GoalBased {
		for len(out) > 1 && out[len(out)-1] < 0 {
			out = out[:len(out)-1]
		}
	}
	return out
}

// update shows the total, band, change and risk item for the answers so far.
func (d *measureDialog) update() {
	def := d.def()
	if def == nil {
		return
	}
	score, _ := def.Score(d.answers())
	var parts []string
	switch {
	case def.GoalBased:
		var ratings []string
		for _, s := range score.ItemScores {
			if s >= 0 {
				ratings = append(ratings, strconv.Itoa(s))
			}
		}
		parts = append(parts, "Goal ratings: "+orText(strings.Join(ratings, ", "), "none yet"))
	case score.Complete:
		parts = append(parts, fmt.Sprintf("Total %d of %d · %s", score.Total, def.MaxTotal(), score.Band))
	default:
		parts = append(parts, fmt.Sprintf("Total so far %d · %d of %d items to answer", score.Total, len(def.Items)-score.Answered, len(def.Items)))
	}
	if first, ok := d.first[def.Code]; ok {
		parts = append(parts, changeText(def, first, score))
	}
	d.Total.SetText(strings.Join(parts, " · "))
	if score.RiskPositive {
		d.Risk.SetText(fmt.Sprintf("Item %d (%s) is positive: saving makes a task for today for her key worker and the duty clinician. Make sure she is safe now.",
			def.Risk.Item+1, def.Risk.Label))
		showMessage(d.Risk, d.Risk.Text, true)
		d.Risk.Show()
	} else {
		d.Risk.Hide()
	}
}

// changeText says how the answers so far compare with her first result.
func changeText(def *models.MeasureDef, first models.MeasureResult, score models.MeasureScore) string {
	if def.GoalBased {
		fs := first.ItemScores()
		var goals []string
		for g, s := range score.ItemScores {
			if s >= 0 && g < len(fs) && fs[g] >= 0 {
				goals = append(goals, fmt.Sprintf("goal %d %+d", g+1, s-fs[g]))
			}
		}
		return fmt.Sprintf("change from the first (%s): %s", first.TakenOn.UK(), orText(strings.Join(goals, ", "), "none yet"))
	}
	if !score.Complete {
		return fmt.Sprintf("first: %d on %s", first.Total, first.TakenOn.UK())
	}
	return fmt.Sprintf("change from the first (%d on %s): %+d", first.Total, first.TakenOn.UK(), score.Total-first.Total)
}

// orText returns s, or alt when s is empty.
func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// save asks the service to record the measure.
func (d *measureDialog) save() error {
	on, err := dateField(models.FieldMeasureDate, d.Date.Text)
	if err != nil {
		return err
	}
	e := app.MeasureEntry{ReferralID: d.referralID, Measure: d.Measure.Code(), TakenOn: on, Answers: d.answers()}
	for _, g := range d.Goals {
		e.Goals = append(e.Goals, g.Text)
	}
	_, err = d.s.Services.Measures.Record(d.s.Actor, e)
	return err
}
