package letters

// signOffBoxes lays out the closing, the author's signature (or a space to
// sign), and the author's name, then role and professional registration on
// one line, kept together on one page, followed by the line saying who
// issued the letter on the author's behalf, if someone else did.
func (m *measurer) signOffBoxes(p *prepared) []box {
	st := p.st
	plain := func(text string, bold bool, c rgb, before float64) []box {
		var out []box
		for i, l := range m.wrapPlain(text, bold, st.body, textW) {
			b := m.textBox(l, marginL, st.lead, st.body, c)
			if i == 0 {
				b.spaceBefore = before
			}
			out = append(out, b)
		}
		return out
	}
	var out []box
	out = append(out, plain(p.closing, false, black, st.paraGap*1.2)...)
	if sig := p.sigPicture; sig != nil {
		out = append(out, box{height: sig.h, spaceBefore: 1.5,
			ops: []op{{kind: opImage, x: marginL, y: 0, w: sig.w, h: sig.h, text: sig.name}}})
		out = append(out, plain(p.authorName, true, black, 1.5)...)
	} else {
		out = append(out, plain(p.authorName, true, black, st.signatureGap)...)
	}
	if role := joinNonEmpty(", ", p.authorRole, p.authorReg); role != "" {
		out = append(out, plain(role, false, black, 0)...)
	}
	if p.onBehalf != "" {
		out = append(out, plain(p.onBehalf, false, darkGrey, st.bulletGap)...)
	}
	for i := range out[:len(out)-1] {
		out[i].keepWithNext = true
	}
	return out
}

// copyBoxes lays out the "Copy to:" list: the label, then one entry per
// person with a hanging indent.
func (m *measurer) copyBoxes(p *prepared) []box {
	if len(p.copyTo) == 0 {
		return nil
	}
	const label = "Copy to:"
	st := p.st
	lead := st.lead - 0.3
	indent := m.width(label, true, st.body) + 4
	var out []box
	for i, c := range p.copyTo {
		for j, l := range m.wrapPlain(c, false, st.body, textW-indent) {
			b := m.textBox(l, marginL+indent, lead, st.body, black)
			switch {
			case i == 0 && j == 0:
				b.spaceBefore = st.paraGap * 1.2
				b.ops = append(b.ops, textOp(marginL, baseline(0, lead, st.body), label, true, st.body, black))
			case j == 0:
				b.spaceBefore = 0.6
			}
			out = append(out, b)
		}
	}
	// A short list is kept whole; a long one keeps the label with the
	// first entry, and each entry's lines together.
	const shortList = 6
	for i := range out[:len(out)-1] {
		out[i].keepWithNext = len(out) <= shortList || out[i+1].spaceBefore == 0 || i == 0
	}
	return out
}
