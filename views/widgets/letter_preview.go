package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// LetterPreview is what the template editor's live preview shows of a
// sample letter, as text: the PDF itself opens with "Preview PDF". (Drawing
// the PDF as a picture would need poppler, which office PCs lack.)
type LetterPreview struct {
	To        []string // the recipient's name and address lines
	Date      string
	Re        string // name, date of birth and NHS number
	Body      string // merged body text, with the letters markup
	Closing   string // "Yours sincerely" when empty
	Signature []string
	CopyTo    []string
}

// blockStyle is a paragraph style with a text style, one line per segment.
func blockStyle(ts fyne.TextStyle) widget.RichTextStyle {
	s := widget.RichTextStyleParagraph
	s.TextStyle = ts
	return s
}

// Segments draws the preview as rich text, following the body markup the
// letters package prints: "# " starts a heading and "- ", "* " or "• " a
// bullet point; blank lines separate paragraphs.
func (p LetterPreview) Segments() []widget.RichTextSegment {
	plain, bold := widget.RichTextStyleParagraph, blockStyle(fyne.TextStyle{Bold: true})
	var out []widget.RichTextSegment
	line := func(text string, style widget.RichTextStyle) {
		out = append(out, &widget.TextSegment{Text: text, Style: style})
	}
	marked := func(text string) { out = append(out, boldRuns(text, plain)...) }
	gap := func() { line(" ", plain) }
	for _, t := range p.To {
		line(t, plain)
	}
	gap()
	line(p.Date, plain)
	gap()
	line("Private and confidential", bold)
	line("Re: "+p.Re, bold)
	gap()
	var bullets []string // the bullet points of the list being read, with their marks
	flush := func() {
		if len(bullets) > 0 {
			items := make([]widget.RichTextSegment, len(bullets))
			for i, b := range bullets {
				items[i] = &widget.ParagraphSegment{Texts: boldRuns(b, plain)}
			}
			out = append(out, &widget.ListSegment{Items: items})
			bullets = nil
		}
	}
	for _, raw := range strings.Split(p.Body, "\n") {
		t := strings.TrimSpace(raw)
		switch {
		case t == "":
			flush()
			gap()
		case strings.HasPrefix(t, "#") && strings.HasPrefix(strings.TrimLeft(t, "#"), " "):
			flush()
			line(strings.TrimSpace(strings.TrimLeft(t, "#")), bold)
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• "):
			_, item, _ := strings.Cut(t, " ")
			bullets = append(bullets, strings.TrimSpace(item))
		case len(bullets) > 0: // a bullet point continued on the next line
			bullets[len(bullets)-1] += " " + t
		default:
			marked(t)
		}
	}
	flush()
	gap()
	closing := p.Closing
	if closing == "" {
		closing = "Yours sincerely"
	}
	line(closing, plain)
	gap()
	for i, s := range p.Signature {
		if i == 0 {
			line(s, bold)
		} else {
			line(s, plain)
		}
	}
	if len(p.CopyTo) > 0 {
		gap()
		line("Copy to:", bold)
		for _, c := range p.CopyTo {
			line(c, plain)
		}
	}
	return out
}

// boldRuns splits a line at its **bold** marks into inline runs, ending with
// a run in the block style so the line ends there.
func boldRuns(text string, block widget.RichTextStyle) []widget.RichTextSegment {
	pieces := strings.Split(text, "**")
	if len(pieces)%2 == 0 { // an unmatched ** prints as it is
		pieces = []string{text}
	}
	var out []widget.RichTextSegment
	for i, p := range pieces {
		bold := i%2 == 1
		style := widget.RichTextStyleInline
		if bold {
			style = widget.RichTextStyleStrong
		}
		if i == len(pieces)-1 {
			style = block
			style.TextStyle.Bold = bold
		}
		if p != "" || i == len(pieces)-1 {
			out = append(out, &widget.TextSegment{Text: p, Style: style})
		}
	}
	return out
}
