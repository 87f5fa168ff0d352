package letters

import (
	"fmt"
	"slices"

	"perinatal-caseload/models"
)

// footerPlan is how the footer of one letter is arranged. Her name, date of
// birth and NHS number share the first line with the page number when they
// fit; a long name takes the first line to itself, with the date of birth
// and NHS number on the next, and the body ends higher to make room.
type footerPlan struct {
	size   float64 // type size of the identity line, at most footerSize
	split  bool    // the date of birth and NHS number have a line of their own
	ruleY  float64 // the rule above the footer
	bottom float64 // no body text below this
}

// planFooter arranges the footer of p's letter.
func (m *measurer) planFooter(p *prepared) footerPlan {
	num := m.width("Page 99 of 99", false, footerSize) + 6
	nameW := m.width(p.name, true, footerSize)
	rest := m.width(p.idRest(), false, footerSize)
	if nameW+rest+num <= textW {
		return footerPlan{size: footerSize, ruleY: footerRuleY, bottom: bodyBottom}
	}
	size := footerSize
	for ; size > 7 && m.width(p.name, true, size)+num > textW; size -= 0.5 {
	}
	return footerPlan{size: size, split: true, ruleY: footerRuleY - footerLead, bottom: bodyBottom - footerLead}
}

// idRest is the identity line after her name.
func (p *prepared) idRest() string {
	return "   Date of birth " + p.dob + "   NHS number " + p.nhs
}

// footer lays out what every page carries at its foot: the woman's name,
// date of birth and NHS number, "Private and confidential", the page
// number within this letter, and the service's name.
func (m *measurer) footer(p *prepared, page, pages int) []op {
	f := p.foot
	num := fmt.Sprintf("Page %d of %d", page, pages)
	y := f.ruleY + 4.6
	ops := []op{
		{kind: opRule, x: marginL, y: f.ruleY, w: textW, h: 0.25, color: ruleGrey},
		textOp(marginL, y, p.name, true, f.size, black),
		rightText(m, num, rightX, y, false, footerSize, black),
	}
	rest := p.idRest()
	if f.split {
		y += footerLead
		ops = append(ops, textOp(marginL, y, rest[3:], false, footerSize, black))
	} else {
		ops = append(ops, textOp(marginL+m.width(p.name, true, f.size), y, rest, false, footerSize, black))
	}
	y += footerLead + 0.4
	return append(ops,
		textOp(marginL, y, "Private and confidential", true, footerSize, black),
		rightText(m, p.service.Name, rightX, y, false, footerSize, darkGrey),
	)
}

// contLead is the height of the continuation header's line, in 12 pt type
// in every layout.
const contLead = 5.0

// continuation lays out the header of the second and later pages: any
// COPY or DRAFT mark, the service's name and which letter (or document)
// this is.
func (m *measurer) continuation(p *prepared) []op {
	ops := m.marks(p, marginL, contHeaderY-2)
	x := marginL + m.marksWidth(p)
	h := contHeaderH(p)
	y := baseline(contHeaderY-2, h+2, minSize)
	cont := "Letter of " + p.date + ", continued"
	if slices.Contains(models.DocumentKinds, p.kind) {
		cont = p.kind.Label() + ", " + p.date + ", continued" // a care plan or a copy of her record is no letter
	}
	ops = append(ops, rightText(m, cont, rightX, y, false, minSize, darkGrey))
	// The service's name, unless it would run into the rest; the footer
	// names the service on every page anyway.
	if x+m.width(p.service.Name, true, minSize)+6+m.width(cont, false, minSize) <= rightX {
		ops = append(ops, textOp(x, y, p.service.Name, true, minSize, nhsBlue))
	}
	return append(ops, op{kind: opRule, x: marginL, y: contHeaderY + h + 1.5, w: textW, h: 0.25, color: ruleGrey})
}

// contHeaderH is the height of the continuation header's line: a line of
// 12 pt type, or the marks when they are taller.
func contHeaderH(p *prepared) float64 {
	if len(p.markLabels()) == 0 {
		return contLead
	}
	return max(contLead, markHeight(p)-2)
}

// contBodyTop is where the body begins on the second and later pages.
func contBodyTop(p *prepared) float64 {
	return contHeaderY + contHeaderH(p) + 1.5 + p.st.lead
}
