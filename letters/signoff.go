package letters

// signOffBoxes lays out the closing, a space to sign, and the author's
// name, role and team, kept together on one page.
func (m *measurer) signOffBoxes(p *prepared) []box {
	plain := func(text string, bold bool, c rgb, before float64) []box {
		var out []box
		for i, l := range m.wrapPlain(text, bold, bodySize, textW) {
			b := m.textBox(l, marginL, bodyLeadMM, bodySize, c)
			if i == 0 {
				b.spaceBefore = before
			}
			out = append(out, b)
		}
		return out
	}
	var out []box
	out = append(out, plain(p.closing, false, black, 7)...)
	out = append(out, plain(p.authorName, true, black, 14)...)
	if p.authorRole != "" {
		out = append(out, plain(p.authorRole, false, black, 0)...)
	}
	out = append(out, plain(p.service.Name, false, darkGrey, 0)...)
	for i := range out[:len(out)-1] {
		out[i].keepWithNext = true
	}
	return out
}

// copyBoxes lays out the "Copy to:" list: the label, then one entry per
// person with a hanging indent. The label stays with the first entry.
func (m *measurer) copyBoxes(p *prepared) []box {
	if len(p.copyTo) == 0 {
		return nil
	}
	const label = "Copy to:"
	const size = bodySize - 1
	lead := bodyLeadMM - 0.5
	indent := m.width(label, true, size) + 4
	var out []box
	for i, c := range p.copyTo {
		for j, l := range m.wrapPlain(c, false, size, textW-indent) {
			b := m.textBox(l, marginL+indent, lead, size, black)
			switch {
			case i == 0 && j == 0:
				b.spaceBefore = 8
				b.ops = append(b.ops, textOp(marginL, baseline(0, lead, size), label, true, size, black))
			case j == 0:
				b.spaceBefore = 0.6
			}
			b.keepWithNext = i == 0 && j == 0
			out = append(out, b)
		}
	}
	return out
}
