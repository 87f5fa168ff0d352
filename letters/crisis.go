package letters

// crisisBox lays out the boxed panel at the foot of the last page: what to
// do in a crisis, and when and how to reach the duty worker.
func (m *measurer) crisisBox(p *prepared) box {
	const (
		pad   = 3.5
		bar   = 1.6 // the NHS Blue bar down its left side
		title = "If you need help urgently"
	)
	st := p.st
	size, lead := st.crisis, st.crisisLead
	s := p.service
	paras := [][]piece{{
		{"If you are in crisis or worried about your or your baby’s safety, call the Mental Health Central Access Point on ", false},
		{s.CrisisLine, true},
		{" (24 hours a day, every day) or ", false},
		{"NHS 111", true},
		{". In an emergency, call ", false}, {"999", true}, {" or go to A&E. ", false},
		{"For advice, call our duty worker on ", false},
		{s.DutyPhone, true},
		{", " + s.DutyHours + ".", false},
	}}
	x := marginL + bar + pad
	w := textW - bar - 2*pad
	titleSize := st.heading
	titleLead := ptToMM(titleSize) * 1.3
	var ops []op
	y := pad - 0.5
	ops = append(ops, textOp(x, baseline(y, titleLead, titleSize), title, true, titleSize, nhsBlue))
	y += titleLead + 0.8
	for i, para := range paras {
		if i > 0 {
			y += st.bulletGap
		}
		for _, l := range m.wrap(para, size, w) {
			ops = append(ops, m.textBox(l, x, lead, size, black).shiftAll(y)...)
			y += lead
		}
	}
	h := y + pad
	bg := []op{
		{kind: opBox, x: marginL, y: 0, w: textW, h: h, fill: paleBlue},
		{kind: opBox, x: marginL, y: 0, w: bar, h: h, fill: nhsBlue},
	}
	return box{height: h, spaceBefore: 5, ops: append(bg, ops...)}
}
