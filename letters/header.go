package letters

import (
	"fmt"

	"perinatal-caseload/models"
)

// letterhead lays out the top of the first page: the trust's logo and the
// service's name and contact details on the right, the recipient's address
// in the envelope window on the left, the date, and the Re: block. It
// returns the ops and the y at which the body begins.
func (m *measurer) letterhead(p *prepared) ([]op, float64, error) {
	st := p.st
	s := p.service
	var ops []op

	// The logo, the service and the trust, right-aligned.
	y := letterheadTop
	if p.logo != nil {
		ops = append(ops, op{kind: opImage, x: rightX - p.logo.w, y: y, w: p.logo.w, h: p.logo.h, text: p.logo.name})
		y += p.logo.h + 2.5
	}
	titleLead := ptToMM(st.title) * 1.25
	for _, l := range m.wrapPlain(s.Name, true, st.title, titleW) {
		ops = append(ops, rightRuns(l, rightX, baseline(y, titleLead, st.title), st.title, nhsBlue)...)
		y += titleLead
	}
	detail := func(c rgb, pieces ...piece) {
		for _, l := range m.wrap(pieces, st.detail, letterheadW) {
			ops = append(ops, rightRuns(l, rightX, baseline(y, st.detailLead, st.detail), st.detail, c)...)
			y += st.detailLead
		}
	}
	if s.Organisation != "" {
		detail(black, piece{s.Organisation, true})
	}
	y += 1
	for i, a := range s.Address {
		if i == 0 && a == s.Name {
			continue // the address often repeats the name as its first line
		}
		detail(darkGrey, piece{a, false})
	}
	if s.Phone != "" {
		detail(darkGrey, piece{"Telephone ", true}, piece{s.Phone, false})
	}
	if s.Email != "" {
		detail(darkGrey, piece{"Email ", true}, piece{s.Email, false})
	}
	letterheadEnd := y

	// COPY and DRAFT, top left, clear of the letterhead and the window.
	ops = append(ops, m.marks(p, marginL, markTop)...)

	// The recipient, placed for the envelope window.
	pcLead := ptToMM(minSize) * 1.3
	ops = append(ops, textOp(marginL, baseline(windowTop, pcLead, minSize), "Private and confidential", true, minSize, black))
	top := windowTop + pcLead + 0.5
	lines, size, lead, err := m.windowFit(p.window, windowBottom-top)
	if err != nil {
		return nil, 0, err
	}
	y = top
	for _, l := range lines {
		ops = append(ops, m.textBox(l, marginL, lead, size, black).shiftAll(y)...)
		y += lead
	}
	windowEnd := y

	// The date, on the right, level with the address or below the letterhead.
	dateTop := max(top, letterheadEnd+2)
	ops = append(ops, rightText(m, p.date, rightX, baseline(dateTop, st.lead, st.body), false, st.body, black))
	dateEnd := dateTop + st.lead

	// The Re: block.
	y = max(bodyTopFirst, windowEnd+6, dateEnd+6)
	re := fmt.Sprintf("%s, date of birth %s, NHS number %s", p.name, p.dob, p.nhs)
	label := m.width("Re:", true, st.body) + 1.8
	for i, l := range m.wrapPlain(re, true, st.body, textW-label) {
		if i == 0 {
			ops = append(ops, textOp(marginL, baseline(y, st.lead, st.body), "Re:", true, st.body, black))
		}
		ops = append(ops, m.textBox(l, marginL+label, st.lead, st.body, black).shiftAll(y)...)
		y += st.lead
	}
	return ops, y + st.paraGap, nil
}

// windowSizes are the type sizes tried for the address in the envelope
// window, largest first. The address is printed at 12 pt, like the rest of
// the letter, and made smaller only when it would not otherwise fit the
// window: so that any name and address that intake accepts (see
// models.MaxNameRunes and models.MaxAddressLines) can be posted.
var windowSizes = []float64{12, 11, 10, 9, 8}

// windowFit wraps the address lines to the window's width at the largest
// size at which they fit its height, or says why they cannot fit.
func (m *measurer) windowFit(lines []string, height float64) ([]line, float64, float64, error) {
	for _, size := range windowSizes {
		lead := ptToMM(size) * 1.25
		var out []line
		for _, l := range lines {
			out = append(out, m.wrapPlain(l, false, size, windowW)...)
		}
		if float64(len(out))*lead <= height {
			return out, size, lead, nil
		}
	}
	return nil, 0, 0, fieldErr(models.FieldLetterRecipientAddr, "it has too many lines to show through the envelope window, even in small type; shorten it")
}

// shiftAll returns the box's ops moved down by dy.
func (b box) shiftAll(dy float64) []op {
	out := make([]op, len(b.ops))
	for i, o := range b.ops {
		out[i] = o.shift(dy)
	}
	return out
}

// rightRuns places a wrapped line so that it ends at right, baseline y.
func rightRuns(l line, right, y, size float64, c rgb) []op {
	var ops []op
	for _, r := range l.runs {
		ops = append(ops, textOp(right-l.width+r.x, y, r.text, r.bold, size, c))
	}
	return ops
}

// rightText places text so that it ends at right, baseline y.
func rightText(m *measurer, s string, right, y float64, bold bool, size float64, c rgb) op {
	return textOp(right-m.width(s, bold, size), y, s, bold, size, c)
}
