package letters

import (
	"fmt"

	"perinatal-caseload/models"
)

// letterhead lays out the top of the first page: the service's name and
// contact details on the right, the recipient's address in the envelope
// window on the left, the date, and the Re: block. It returns the ops and
// the y at which the body begins.
func (m *measurer) letterhead(p *prepared) ([]op, float64, error) {
	var ops []op
	s := p.service

	// The service, right-aligned, in NHS Blue.
	y := letterheadTop
	for _, l := range m.wrapPlain(s.Name, true, 15, 95) {
		y += 6.4
		ops = append(ops, rightRuns(l, rightX, y, 15, nhsBlue)...)
	}
	y += 0.6
	detail := func(c rgb, pieces ...piece) {
		for _, l := range m.wrap(pieces, 9.5, 80) {
			y += smallLead
			ops = append(ops, rightRuns(l, rightX, y, 9.5, c)...)
		}
	}
	if s.Organisation != "" {
		detail(darkGrey, piece{s.Organisation, true})
	}
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
	letterheadEnd := y + 2

	// The recipient, placed for the envelope window.
	pc := "Private and confidential"
	ops = append(ops, textOp(marginL, windowTop+3.2, pc, true, 9.5, black))
	size, lead, err := m.windowFit(p.window)
	if err != nil {
		return nil, 0, err
	}
	y = windowTop + 5.5
	for _, a := range p.window {
		ops = append(ops, textOp(marginL, baseline(y, lead, size), a, false, size, black))
		y += lead
	}
	windowEnd := y

	// The date, on the right, level with the address or below the letterhead.
	dateTop := max(windowTop+5.5, letterheadEnd)
	ops = append(ops, rightText(m, p.date, rightX, baseline(dateTop, bodyLeadMM, bodySize), false, bodySize, black))
	dateEnd := dateTop + bodyLeadMM

	// The Re: block.
	y = max(bodyTopFirst, windowEnd+8, dateEnd+8)
	re := fmt.Sprintf("%s, date of birth %s, NHS number %s", p.name, p.dob, p.nhs)
	label := m.width("Re:", true, bodySize) + 1.8
	for i, l := range m.wrapPlain(re, true, bodySize, textW-label) {
		if i == 0 {
			ops = append(ops, textOp(marginL, baseline(y, bodyLeadMM, bodySize), "Re:", true, bodySize, black))
		}
		ops = append(ops, m.textBox(l, marginL+label, bodyLeadMM, bodySize, black).shiftAll(y)...)
		y += bodyLeadMM
	}
	return ops, y + 5, nil
}

// windowFit chooses the largest type size at which every address line fits
// the envelope window, or says which line is too long.
func (m *measurer) windowFit(lines []string) (size, lead float64, err error) {
	for _, size := range []float64{11, 10, 9} {
		lead := ptToMM(size) * 1.25
		fits := float64(len(lines))*lead <= windowBottom-windowTop-5.5
		for _, l := range lines {
			if m.width(l, false, size) > windowW {
				fits = false
			}
		}
		if fits {
			return size, lead, nil
		}
	}
	for i, l := range lines {
		if m.width(l, false, 9) > windowW {
			return 0, 0, fieldErr(models.FieldLetterRecipientAddr, "line %d is too long to show through the envelope window; split or shorten it", i+1)
		}
	}
	return 0, 0, fieldErr(models.FieldLetterRecipientAddr, "it has too many lines to show through the envelope window; shorten it")
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
