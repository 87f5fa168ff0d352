package views

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"perinatal-caseload/app"
	"perinatal-caseload/views/widgets"
)

// A caseload flag is shown as a short word in white on a coloured badge:
// the word carries the meaning, so nobody has to tell colours apart; the
// colour (from the NHS palette) helps the eye find urgent women and CMHT
// joint working in a long list.
var (
	flagShort = map[app.CaseloadFlag]string{
		app.FlagUrgent: "Urgent", app.FlagCMHT: "CMHT", app.FlagInpatient: "Inpatient", app.FlagMBU: "MBU",
		app.FlagMoodStabiliser: "Mood stabiliser", app.FlagSubstanceMisuse: "Substance", app.FlagEatingDisorder: "Eating disorder",
		app.FlagChildProtection: "CP plan", app.FlagChildInNeed: "CIN", app.FlagDomesticAbuse: "DA", app.FlagMARAC: "MARAC",
		app.FlagUnsafeHome: "No letters home",
	}
	flagColour = map[app.CaseloadFlag]color.Color{
		app.FlagUrgent:          color.NRGBA{R: 0xda, G: 0x29, B: 0x1c, A: 0xff}, // NHS red
		app.FlagCMHT:            color.NRGBA{R: 0x00, G: 0x5e, B: 0xb8, A: 0xff}, // NHS blue
		app.FlagInpatient:       color.NRGBA{R: 0x33, G: 0x00, B: 0x72, A: 0xff}, // NHS purple
		app.FlagMBU:             color.NRGBA{R: 0x33, G: 0x00, B: 0x72, A: 0xff},
		app.FlagMoodStabiliser:  color.NRGBA{R: 0x7c, G: 0x28, B: 0x55, A: 0xff}, // NHS dark pink
		app.FlagSubstanceMisuse: color.NRGBA{R: 0x42, G: 0x55, B: 0x63, A: 0xff}, // NHS dark grey
		app.FlagEatingDisorder:  color.NRGBA{R: 0x42, G: 0x55, B: 0x63, A: 0xff},
		// Safeguarding flags in NHS dark red, so they stand apart from the services.
		app.FlagChildProtection: safeguardingColour, app.FlagChildInNeed: safeguardingColour,
		app.FlagDomesticAbuse: safeguardingColour, app.FlagMARAC: safeguardingColour, app.FlagUnsafeHome: safeguardingColour,
	}
	safeguardingColour = color.NRGBA{R: 0x8a, G: 0x15, B: 0x38, A: 0xff} // NHS dark red
)

// flagLegend explains the short words, under the list: the services on
// the first line, the safeguarding flags on the second.
const flagLegend = "Flags: Inpatient = on a psychiatric ward · MBU = in a mother and baby unit · " +
	"CMHT, Substance, Eating disorder = joint working with that service\n" +
	"Safeguarding: CP plan = child protection plan · CIN = child in need · DA = domestic abuse · No letters home = unsafe to write home"

// newFlagBadge returns the badge of flag f.
func newFlagBadge(f app.CaseloadFlag) fyne.CanvasObject {
	text := canvas.NewText(flagShort[f], color.White)
	text.TextSize = theme.CaptionTextSize()
	text.TextStyle.Bold = true
	bg := canvas.NewRectangle(flagColour[f])
	bg.CornerRadius = 4
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(1, 1, 5, 5), text))
}

// newFlagBadges returns a row holding one badge per flag, all hidden,
// centred in the height it is given; setFlagBadges shows those wanted.
// Badges that do not fit the width give way to a "+2" at the end, so a
// woman with many flags never spills into the next column.
func newFlagBadges() fyne.CanvasObject {
	flow := &badgeFlow{wanted: make([]bool, len(app.CaseloadFlags))}
	row := container.New(flow)
	for _, f := range app.CaseloadFlags {
		b := newFlagBadge(f)
		b.Hide() // until a row is laid out with its flags
		row.Add(b)
	}
	more := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	more.TextSize = theme.CaptionTextSize()
	more.TextStyle.Bold = true
	row.Add(more)
	return row
}

// newFittedFlagBadges is newFlagBadges for a line with no column of its
// own, such as a Dashboard row: it is as wide as the badges it shows, at
// most maxWidth, so the text beside it keeps the rest of the line.
func newFittedFlagBadges(maxWidth float32) fyne.CanvasObject {
	row := newFlagBadges().(*fyne.Container)
	row.Layout.(*badgeFlow).fit = maxWidth
	return row
}

// tableRowWithBadges returns an empty row of t whose column col holds
// flag badges.
func tableRowWithBadges(t *widgets.Table, col int) *fyne.Container {
	row := t.Row().(*fyne.Container)
	row.Objects[col] = newFlagBadges()
	return row
}

// setFlagBadges shows the badges of flags, in app.CaseloadFlags order, in
// a row made by newFlagBadges.
func setFlagBadges(o fyne.CanvasObject, flags []app.CaseloadFlag) {
	row := o.(*fyne.Container)
	flow := row.Layout.(*badgeFlow)
	for i, f := range app.CaseloadFlags {
		flow.wanted[i] = false
		for _, x := range flags {
			flow.wanted[i] = flow.wanted[i] || x == f
		}
	}
	row.Refresh()
}

// badgeFlow lays out the wanted badges left to right, vertically centred,
// as many as fit, then "+n" for those that do not. Its last object is the
// "+n" text.
type badgeFlow struct {
	wanted []bool
	// fit, when above 0, makes the row as wide as its wanted badges, at
	// most fit; otherwise it is a badge wide, and its column sets its width.
	fit float32
}

// SpokenText names the wanted flags in words, for a screen reader's name
// of the row (widgets.Row), where the badges show abbreviations and may
// give way to a "+2".
func (b *badgeFlow) SpokenText() string {
	var words []string
	for i, f := range app.CaseloadFlags {
		if b.wanted[i] {
			words = append(words, f.Label())
		}
	}
	return strings.Join(words, ", ")
}

// MinSize is one badge high, and a badge wide or (see fit) the wanted
// badges' width.
func (b *badgeFlow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	size := objects[0].MinSize()
	if b.fit > 0 && len(objects) == len(b.wanted)+1 {
		size.Width = min(b.wantedWidth(objects), b.fit)
	}
	return size
}

// wantedWidth is the width of the wanted badges side by side.
func (b *badgeFlow) wantedWidth(objects []fyne.CanvasObject) float32 {
	w, pad := float32(0), theme.Padding()
	for i, o := range objects[:len(b.wanted)] {
		if b.wanted[i] {
			w += o.MinSize().Width + pad
		}
	}
	return max(w-pad, 0)
}

// Layout places the badges that fit and counts the rest.
func (b *badgeFlow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != len(b.wanted)+1 {
		return
	}
	more := objects[len(objects)-1].(*canvas.Text)
	pad := theme.Padding()
	room := size.Width // all of it when every wanted badge fits, else less room for "+n"
	if b.wantedWidth(objects) > size.Width {
		room -= fyne.MeasureText("+9", more.TextSize, more.TextStyle).Width + pad
	}
	x, hidden := float32(0), 0
	for i, o := range objects[:len(b.wanted)] {
		min := o.MinSize()
		if !b.wanted[i] || hidden > 0 || x+min.Width > room {
			if b.wanted[i] {
				hidden++
			}
			o.Hide()
			continue
		}
		o.Show()
		o.Move(fyne.NewPos(x, (size.Height-min.Height)/2))
		o.Resize(min)
		x += min.Width + pad
	}
	more.Text = ""
	if hidden > 0 {
		more.Text = "+" + strconv.Itoa(hidden)
	}
	tm := more.MinSize()
	more.Move(fyne.NewPos(x, (size.Height-tm.Height)/2))
	more.Resize(tm)
	more.Refresh()
}
