// Package letters renders the team's letters as PDF documents and holds the
// letter templates.
//
// It works from plain data structs (Letter, Patient, Person, Service,
// Fields) and knows nothing of the database or of the GUI: the app package
// gathers the data, and this package turns it into bytes.
//
// # Rendering
//
// Render lays out one A4 letter. It is deterministic: the same input gives
// the same bytes, because the PDF creation date is derived from the letter
// date and every part of the output is written in a fixed order. (Identical
// bytes are guaranteed for the same build; a different Go or gofpdf version
// may compress differently, which is why the register keeps the issued
// bytes.) Combine joins issued letters into one PDF for the printer, taking
// their pages over unchanged.
//
// Every page carries, in its footer, the woman's name, date of birth and NHS
// number, "Private and confidential" and "Page x of y", numbered within its
// own letter. Text is set in Noto Sans, embedded, so names in Latin
// (Vietnamese, Polish and Romanian among them), Greek and Cyrillic print
// exactly; a character the font cannot draw is refused with an error naming
// the field rather than printed wrongly. (Names in other scripts reach
// letters in Latin script: see models.NameForLetters.)
//
// # Legibility
//
// Text is 12 pt or larger, except the page footer (9 pt) and, only when an
// address would not otherwise fit the envelope window, the window address;
// text colours have a contrast ratio of at least 4.5:1. A large-print letter
// (Letter.LargePrint) sets everything she reads in 16 pt. The letterhead
// carries the trust's logo (Service.Logo, see CheckImage), the service and
// the trust, the return address, telephone and email. A draft (a preview)
// is marked DRAFT on every page, with a faint DRAFT drawn across it; a copy
// is marked COPY on every page.
//
// Pages are broken so that a heading stays with its text, no line of a
// paragraph is left alone, and the sign-off stays with the end of the text.
// The crisis box sits at the foot of the last page; when it does not fit,
// the sign-off or the copy list is carried over with it, so that no page but
// the last is left more than a third empty and the last page holds more
// than the box.
//
// # Templates
//
// The body of each kind of letter is a Go text/template over the Fields
// struct, editable by an administrator. ValidateTemplate checks a template
// when it is saved (it must parse and use only known fields); Merge fills it
// in, and refuses to print a field that has no value. See Fields for the
// field set and DefaultTemplate for the starting text of each kind.
//
// # Body markup
//
// The merged body is plain text with a little structure:
//
//   - paragraphs are separated by a blank line; a single line break inside a
//     paragraph is kept;
//   - a line starting with "# " is a heading;
//   - a line starting with "- " (or "* ") is a bullet point; following lines
//     without a marker continue that bullet, until a blank line;
//   - **text between double asterisks** is bold;
//   - a line starting with a backslash is plain text, the backslash
//     dropped, even when it then starts like a heading or a bullet
//     (Literal escapes free text this way).
package letters
