package letters

// crisisBox lays out the boxed panel at the foot of the last page: what to
// do in a crisis, and when and how to reach the duty worker.
func (m *measurer) crisisBox(p *prepared) box {
	const (
		pad   = 4.5
		bar   = 1.6 // the NHS Blue bar down its left side
		size  = 10.0
		lead  = 4.9
		title = "If you need help urgently"
	)
	s := p.service
	paras := [][]piece{
		{
			{"If you are in crisis, or worried about your safety or your baby’s safety, call the Mental Health Central Access Point on ", false},
			{s.CrisisLine, true},
			{". It is open 24 hours a day, every day. You can also call ", false},
			{"NHS 111", true}, {".", false},
		},
		{{"In an emergency, call ", false}, {"999", true}, {" or go to your nearest A&E.", false}},
		{
			{"For advice from our team, call the duty worker on ", false},
			{s.DutyPhone, true},
			{", " + s.DutyHours + ".", false},
		},
	}
	x := marginL + bar + pad
	w := textW - bar - 2*pad
	var ops []op
	y := pad
	ops = append(ops, textOp(x, baseline(y, lead+0.6, size+1), title, true, size+1, nhsBlue))
	y += lead + 1.8
	for i, para := range paras {
		if i > 0 {
			y += 1.4
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
	return box{height: h, spaceBefore: 8, ops: append(bg, ops...)}
}
