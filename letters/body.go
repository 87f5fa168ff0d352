package letters

import "strings"

// blockKind is the kind of a block of body text.
type blockKind uint8

const (
	blockPara    blockKind = iota // a paragraph; each element of lines is a hard line
	blockHeading                  // a heading line
	blockBullet                   // one bullet point
)

// block is a paragraph, heading or bullet point of the body.
type block struct {
	kind     blockKind
	lines    []string
	newChunk bool // preceded by a blank line (or first in the body)
}

// parseBody splits merged body text into blocks, following the markup in
// the package documentation.
func parseBody(s string) []block {
	var out []block
	newChunk := true
	for _, raw := range strings.Split(s, "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			newChunk = true
			continue
		}
		var last *block
		if n := len(out); n > 0 && !newChunk {
			last = &out[n-1]
		}
		literal := strings.HasPrefix(t, `\`)
		if literal {
			t = t[1:]
		}
		if h, ok := headingText(t); ok && !literal {
			out = append(out, block{kind: blockHeading, lines: []string{h}, newChunk: newChunk})
		} else if b, ok := bulletText(t); ok && !literal {
			out = append(out, block{kind: blockBullet, lines: []string{b}, newChunk: newChunk})
		} else if last != nil && last.kind == blockBullet {
			last.lines[0] += " " + t
		} else if last != nil && last.kind == blockPara {
			last.lines = append(last.lines, t)
		} else {
			out = append(out, block{kind: blockPara, lines: []string{t}, newChunk: newChunk})
		}
		newChunk = false
	}
	return out
}

// headingText recognises "# Heading" (any number of #).
func headingText(t string) (string, bool) {
	rest := strings.TrimLeft(t, "#")
	if rest == t || !strings.HasPrefix(rest, " ") {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	return rest, rest != ""
}

// bulletText recognises "- item", "* item" and "• item".
func bulletText(t string) (string, bool) {
	for _, m := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(t, m) {
			rest := strings.TrimSpace(t[len(m):])
			return rest, rest != ""
		}
	}
	return "", false
}

// bodyBoxes lays out the body as boxes for the pager. It keeps a heading
// with the text after it and avoids leaving a single line of a paragraph
// alone at the foot or the head of a page.
func (m *measurer) bodyBoxes(p *prepared) []box {
	st := p.st
	var out []box
	prev := blockKind(255)
	for i, b := range parseBody(p.body) {
		var lines []line
		indent, size, color := 0.0, st.body, black
		switch b.kind {
		case blockHeading:
			size, color = st.heading, nhsBlue
			lines = m.wrapMarked(b.lines[0], true, size, textW)
		case blockBullet:
			indent = st.bulletIndent
			lines = m.wrapMarked(b.lines[0], false, size, textW-indent)
		default:
			for _, hard := range b.lines {
				lines = append(lines, m.wrapMarked(hard, false, size, textW)...)
			}
		}
		lead := st.lead
		if b.kind == blockHeading {
			lead = ptToMM(size) * 1.2
		}
		gap := st.paraGap
		switch {
		case i == 0:
			gap = 0
		case b.kind == blockHeading:
			gap = st.paraGap * 1.2
		case prev == blockHeading:
			gap = st.bulletGap * 0.75
		case !b.newChunk:
			gap = st.bulletGap
		}
		first := len(out)
		for li, l := range lines {
			bx := m.textBox(l, marginL+indent, lead, size, color)
			if li == 0 {
				bx.spaceBefore = gap
				if b.kind == blockBullet {
					bx.ops = append(bx.ops, textOp(marginL+st.bulletIndent*0.2, baseline(0, lead, size), "•", false, size, nhsBlue))
				}
			}
			out = append(out, bx)
		}
		if n := len(out) - first; n >= 2 {
			out[first].keepWithNext = true // no orphan
			out[len(out)-2].keepWithNext = true
		}
		if b.kind == blockHeading {
			for k := first; k < len(out); k++ {
				out[k].keepWithNext = true
			}
		}
		prev = b.kind
	}
	return out
}

// textBox makes a box for one line of text at x, with a link over any web
// address so that it can be opened from the PDF.
func (m *measurer) textBox(l line, x, lead, size float64, color rgb) box {
	bx := box{height: lead}
	y := baseline(0, lead, size)
	for _, r := range l.runs {
		bx.ops = append(bx.ops, textOp(x+r.x, y, r.text, r.bold, size, color))
	}
	for _, k := range l.links {
		bx.ops = append(bx.ops, op{kind: opLink, x: x + k.x, w: k.w, h: lead, text: k.url})
	}
	return bx
}

// urlOf returns the web address a word is, without trailing punctuation,
// or "" if it is not one.
func urlOf(text string) string {
	if !strings.HasPrefix(text, "https://") && !strings.HasPrefix(text, "http://") {
		return ""
	}
	return strings.TrimRight(text, ".,;:)!?'\"")
}

// Literal returns free text (a note, a reason) for a body, so that the
// markup reads it as plain text: a line that would start a heading or a
// bullet, or that starts with a backslash, gets a backslash before it, and
// a double asterisk is split so it is not read as bold.
func Literal(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "**", "* *"), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if _, ok := headingText(t); ok || strings.HasPrefix(t, `\`) {
			lines[i] = `\` + t
		} else if _, ok := bulletText(t); ok {
			lines[i] = `\` + t
		}
	}
	return strings.Join(lines, "\n")
}
