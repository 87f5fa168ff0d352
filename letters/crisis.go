package letters

import "perinatal-caseload/models"

// crisisTitle is the bold start of the crisis box: written to her, or, in
// a letter written to her referrer, about her.
func crisisTitle(kind models.LetterKind) string {
	if WrittenToReferrer(kind) {
		return "If she needs help urgently"
	}
	return "If you need help urgently"
}

// crisisBox lays out the boxed panel at the foot of the last page: what to
// do in a crisis, and when and how to reach the duty worker. Its title is
// the bold start of its one paragraph, which keeps the box to four lines
// of 12 pt type, so that a short letter fits on one page.
func (m *measurer) crisisBox(p *prepared) box {
	const (
		pad = 3.0
		bar = 1.6 // the NHS Blue bar down its left side
	)
	st := p.st
	size, lead := st.crisis, st.crisisLead
	s := p.service
	worry := ", or you are worried about your or your baby’s safety, call the Mental Health Central Access Point on "
	if WrittenToReferrer(p.kind) {
		worry = ", or anyone is worried about her or her baby’s safety, call the Mental Health Central Access Point on "
	}
	para := []piece{
		{crisisTitle(p.kind), true},
		{worry, false},
		{s.CrisisLine, true},
		{" (24 hours a day) or ", false},
		{"NHS 111", true},
		{". In an emergency, call ", false}, {"999", true}, {" or go to A&E. ", false},
		{"For advice, ring our duty worker on ", false},
		{s.DutyPhone, true},
		{", " + s.DutyHours + ".", false},
	}
	x := marginL + bar + pad
	w := textW - bar - 2*pad
	var ops []op
	y := pad
	for _, l := range m.wrap(para, size, w) {
		ops = append(ops, m.textBox(l, x, lead, size, black).shiftAll(y)...)
		y += lead
	}
	h := y + pad
	bg := []op{
		{kind: opBox, x: marginL, y: 0, w: textW, h: h, fill: paleBlue},
		{kind: opBox, x: marginL, y: 0, w: bar, h: h, fill: nhsBlue},
	}
	return box{height: h, spaceBefore: 3, ops: append(bg, ops...)}
}
