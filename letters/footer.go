package letters

import "fmt"

// footer lays out what every page carries at its foot: the woman's name,
// date of birth and NHS number, "Private and confidential", and the page
// number within this letter.
func (m *measurer) footer(p *prepared, page, pages int) []op {
	id := []piece{
		{p.name, true},
		{"   Date of birth " + p.dob, false},
		{"   NHS number " + p.nhs, false},
	}
	num := fmt.Sprintf("Page %d of %d", page, pages)
	// Shrink the line, rarely, if a long name would collide with the page number.
	size := smallSize
	for ; size > 6; size -= 0.5 {
		w := m.width(num, false, size) + 6
		for _, pc := range id {
			w += m.width(pc.text, pc.bold, size)
		}
		if w <= textW {
			break
		}
	}
	y1 := footerRuleY + 4.6
	y2 := y1 + smallLead + 0.4
	ops := []op{{kind: opRule, x: marginL, y: footerRuleY, w: textW, h: 0.25, color: ruleGrey}}
	x := marginL
	for _, pc := range id {
		ops = append(ops, textOp(x, y1, pc.text, pc.bold, size, black))
		x += m.width(pc.text, pc.bold, size)
	}
	ops = append(ops,
		rightText(m, num, rightX, y1, false, size, black),
		textOp(marginL, y2, "Private and confidential", true, smallSize, black),
		rightText(m, p.service.Name, rightX, y2, false, smallSize-0.5, midGrey),
	)
	return ops
}

// continuation lays out the header of the second and later pages.
func (m *measurer) continuation(p *prepared) []op {
	y := contHeaderY + 3.2
	return []op{
		textOp(marginL, y, p.service.Name, true, smallSize, nhsBlue),
		rightText(m, "Letter of "+p.date+", continued", rightX, y, false, smallSize, darkGrey),
		{kind: opRule, x: marginL, y: y + 2.4, w: textW, h: 0.25, color: ruleGrey},
	}
}
