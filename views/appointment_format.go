package views

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// nhsText shows an NHS number grouped 3-3-4, or says it is not known.
func nhsText(n *string) string {
	if n == nil || strings.TrimSpace(*n) == "" {
		return "NHS number not known"
	}
	return models.FormatNHSNumber(*n)
}

// whenText shows an appointment's start and end in UK time, as
// "Mon 30/11/2026 14:30–15:30".
func whenText(start time.Time, minutes int) string {
	if start.IsZero() {
		return ""
	}
	s := start.In(models.London)
	return s.Format("Mon 02/01/2006 15:04") + "–" + s.Add(time.Duration(minutes)*time.Minute).Format("15:04")
}

// attendanceText shows an MHSDS attendance code with its meaning, as
// "5 · Attended on time".
func attendanceText(a models.Attendance) string {
	return string(a) + " · " + a.Label()
}

// joinNonBlank joins the parts that are not blank with " · ".
func joinNonBlank(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// newTwoLineRow is a list row of two lines: a bold title with a note at
// its right (such as "2 days overdue"), and details below, with her
// safeguarding badges at their right. The title and details cut long text
// short, so narrow lists stay readable; the badges take at most
// twoLineBadgeWidth, and say "+n" for those that do not fit.
func newTwoLineRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	note := widget.NewLabel("")
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	badges := newFittedFlagBadges(twoLineBadgeWidth)
	badges.Hide()
	return container.New(tightRows{}, container.NewBorder(nil, nil, nil, note, title), container.NewBorder(nil, nil, nil, badges, detail))
}

// twoLineBadgeWidth is the most a two-line row's badges take: room for
// "No letters home", or for "CP plan" and "DA" side by side, in a
// Dashboard list at 1024x768.
const twoLineBadgeWidth = 110

// fillTwoLineRow fills a row made by newTwoLineRow, with badges for the
// safeguarding flags; a problem shows the note and details in the danger
// colour.
func fillTwoLineRow(o fyne.CanvasObject, title, note, detail string, problem bool, flags []app.CaseloadFlag) {
	cells := o.(*fyne.Container).Objects
	top := cells[0].(*fyne.Container).Objects    // a Border: the centre first, then the right
	bottom := cells[1].(*fyne.Container).Objects // the same
	top[0].(*widget.Label).SetText(title)
	importance := widget.MediumImportance
	if problem {
		importance = widget.DangerImportance
	}
	for _, l := range []*widget.Label{top[1].(*widget.Label), bottom[0].(*widget.Label)} {
		l.Importance = importance
	}
	top[1].(*widget.Label).SetText(note)
	bottom[0].(*widget.Label).SetText(detail)
	setFlagBadges(bottom[1], flags)
	showIf(bottom[1], len(flags) > 0)
	cells[1].Refresh() // the badges' width changes with the flags
}

// tightRows stacks its objects with their labels' inner padding
// overlapping, so two lines of text read as one item.
type tightRows struct{}

// overlap is how much of each label's padding the rows share.
const overlap = 10

// MinSize is the objects' heights, less the shared padding.
func (tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objects {
		s := o.MinSize()
		w, h = max(w, s.Width), h+s.Height
	}
	return fyne.NewSize(w, h-overlap*float32(max(len(objects)-1, 0)))
}

// Layout stacks the objects at full width.
func (tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - overlap
	}
}

// countHeading gives a list's heading with its count, and says when only
// the first rows are listed: "Overdue (3)", "Overdue (100 of 250)".
func countHeading(title string, total int64, shown int) string {
	if total > int64(shown) {
		return fmt.Sprintf("%s (%d of %s)", title, shown, groupThousands(total))
	}
	return fmt.Sprintf("%s (%s)", title, groupThousands(total))
}
