package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// piece is a stretch of text in one weight.
type piece struct {
	text string
	bold bool
}

// word is text between spaces; it may change weight part-way
// ("**Date:**," is a bold word followed by a regular comma).
type word struct {
	pieces []piece
	width  float64
	// glue forbids a line break before this word. Groups of digits
	// ("0116 225 6846", "943 476 5919") are glued so that a telephone
	// number never breaks across lines.
	glue bool
	// link is the web address the word is, if it is one. Both parts of a
	// long address split across lines link to the whole address.
	link string
}

// run is text in one weight placed on a line at x (relative to the line's
// left edge).
type run struct {
	x    float64
	text string
	bold bool
}

// line is one line of wrapped text.
type line struct {
	runs  []run
	links []linkSpan
	width float64
}

// linkSpan is a web link over part of a line.
type linkSpan struct {
	x, w float64
	url  string
}

// inline splits text on "**" markers into regular and bold pieces. An
// unmatched final marker is printed as it is. allBold makes every piece bold.
func inline(s string, allBold bool) []piece {
	parts := strings.Split(s, "**")
	if len(parts)%2 == 0 { // an odd number of markers: the last one is literal
		n := len(parts)
		parts = append(parts[:n-2], parts[n-2]+"**"+parts[n-1])
	}
	var out []piece
	for i, p := range parts {
		if p != "" {
			out = append(out, piece{text: p, bold: allBold || i%2 == 1})
		}
	}
	return out
}

// words splits pieces into words at spaces and measures them.
func (m *measurer) words(pieces []piece, size float64) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur.pieces) == 0 {
			return
		}
		text := ""
		for _, p := range cur.pieces {
			cur.width += m.width(p.text, p.bold, size)
			text += p.text
		}
		cur.link = urlOf(text)
		if n := len(out); n > 0 && startsWithDigit(cur) && endsWithDigit(out[n-1]) {
			cur.glue = true
		}
		out = append(out, cur)
		cur = word{}
	}
	for _, p := range pieces {
		for i, f := range strings.Split(p.text, " ") {
			if i > 0 {
				flush()
			}
			if f != "" {
				cur.pieces = append(cur.pieces, piece{text: f, bold: p.bold})
			}
		}
	}
	flush()
	return out
}

func startsWithDigit(w word) bool {
	r, _ := utf8.DecodeRuneInString(w.pieces[0].text)
	return unicode.IsDigit(r)
}

func endsWithDigit(w word) bool {
	r, _ := utf8.DecodeLastRuneInString(w.pieces[len(w.pieces)-1].text)
	return unicode.IsDigit(r)
}

// wrapMarked wraps text with **bold** markup.
func (m *measurer) wrapMarked(text string, allBold bool, size, width float64) []line {
	return m.wrap(inline(text, allBold), size, width)
}

// wrapPlain wraps text in one weight, taking it literally.
func (m *measurer) wrapPlain(text string, bold bool, size, width float64) []line {
	return m.wrap([]piece{{text: text, bold: bold}}, size, width)
}

// wrap breaks pieces of text into lines no wider than width (millimetres), breaking
// at spaces, keeping glued words together where they fit, and breaking a
// word that is wider than a whole line (such as a long web link) between
// characters.
func (m *measurer) wrap(pieces []piece, size, width float64) []line {
	ws := m.words(pieces, size)
	space := m.width(" ", false, size)
	var lines []line
	var cur []word
	curW := 0.0
	emit := func() {
		lines = append(lines, m.placeLine(cur, size))
		cur, curW = nil, 0
	}
	for i := 0; i < len(ws); {
		// A unit is a word and any words glued to it.
		j, unitW := i+1, ws[i].width
		for j < len(ws) && ws[j].glue {
			unitW += space + ws[j].width
			j++
		}
		unit := ws[i:j]
		if unitW > width { // too wide for any line: place word by word
			j, unit, unitW = i+1, ws[i:i+1], ws[i].width
		}
		need := unitW
		if len(cur) > 0 {
			need += space
		}
		switch {
		case curW+need <= width:
			cur = append(cur, unit...)
			curW += need
			i = j
		case len(cur) > 0:
			emit()
		default: // a single word wider than the line
			head, tail := m.splitWord(ws[i], size, width)
			cur = append(cur, head)
			emit()
			if len(tail.pieces) == 0 {
				i++ // it fitted after all (rounding)
			} else {
				ws[i] = tail
			}
		}
	}
	if len(cur) > 0 {
		emit()
	}
	return lines
}

// splitWord cuts a word so that its head fits in width; the head always
// has at least one character.
func (m *measurer) splitWord(w word, size, width float64) (head, tail word) {
	used := 0.0
	for pi, p := range w.pieces {
		for bi, r := range p.text {
			rw := m.width(string(r), p.bold, size)
			if used+rw > width && (pi > 0 || bi > 0) {
				head.pieces = append(append(head.pieces, w.pieces[:pi]...), piece{text: p.text[:bi], bold: p.bold})
				tail.pieces = append([]piece{{text: p.text[bi:], bold: p.bold}}, w.pieces[pi+1:]...)
				head.pieces = dropEmpty(head.pieces)
				head.width, head.link = used, w.link
				tail.width, tail.link = w.width-used, w.link
				return head, tail
			}
			used += rw
		}
	}
	return w, word{}
}

func dropEmpty(ps []piece) []piece {
	out := ps[:0]
	for _, p := range ps {
		if p.text != "" {
			out = append(out, p)
		}
	}
	return out
}

// placeLine joins words into runs of one weight, each with its position.
// A space ends the run before it, in that run's weight, so every run is
// drawn exactly as wide as it was measured and the text copies out with its
// spaces.
func (m *measurer) placeLine(ws []word, size float64) line {
	var l line
	x := 0.0
	for i, w := range ws {
		if n := len(l.runs); i > 0 && n > 0 {
			l.runs[n-1].text += " "
			x += m.width(" ", l.runs[n-1].bold, size)
		}
		start := x
		for _, p := range w.pieces {
			if n := len(l.runs); n > 0 && l.runs[n-1].bold == p.bold {
				l.runs[n-1].text += p.text
			} else {
				l.runs = append(l.runs, run{x: x, text: p.text, bold: p.bold})
			}
			x += m.width(p.text, p.bold, size)
		}
		if w.link != "" {
			l.links = append(l.links, linkSpan{x: start, w: x - start, url: w.link})
		}
	}
	l.width = x
	return l
}
