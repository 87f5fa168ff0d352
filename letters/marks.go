package letters

// The marks a letter can carry on every page.
const (
	markDraft = "DRAFT"
	markCopy  = "COPY"
)

// markLabels returns the marks a letter carries: DRAFT for a preview, COPY
// for a copy, both for a preview of a copy, none for an issued original.
func (p *prepared) markLabels() []string {
	var out []string
	if p.draft {
		out = append(out, markDraft)
	}
	if p.copy {
		out = append(out, markCopy)
	}
	return out
}

// marks lays out the letter's marks as framed labels side by side, the
// first with its top left corner at x, y. It returns nothing for an issued
// original.
func (m *measurer) marks(p *prepared, x, y float64) []op {
	var ops []op
	size := p.st.markSize
	h := markHeight(p)
	for _, label := range p.markLabels() {
		w := m.width(label, true, size) + 5
		ops = append(ops,
			op{kind: opFrame, x: x, y: y, w: w, h: h, color: darkRed, line: 0.6},
			textOp(x+2.5, baseline(y, h, size), label, true, size, darkRed),
		)
		x += w + 3
	}
	return ops
}

// markHeight is the height of a mark's frame.
func markHeight(p *prepared) float64 { return ptToMM(p.st.markSize) * 1.45 }

// marksWidth is the width marks take, with the space after them.
func (m *measurer) marksWidth(p *prepared) float64 {
	w := 0.0
	for _, label := range p.markLabels() {
		w += m.width(label, true, p.st.markSize) + 5 + 3
	}
	return w
}

// watermark lays "DRAFT" across the middle of a draft's page, faintly,
// behind the text, so that a printed preview can never pass for an issued
// letter. It returns nothing for any other letter.
func (p *prepared) watermark() []op {
	if !p.draft {
		return nil
	}
	return []op{{kind: opWatermark, x: pageW / 2, y: pageH / 2, text: markDraft, size: 110, color: paleRed}}
}
