// Package letters renders the team's letters as PDF documents and holds the
// letter templates.
//
// It works from plain data structs (Letter, Patient, Person, Service,
// Fields) and knows nothing of the database or of the GUI: the app package
// gathers the data, and this package turns it into bytes.
//
// # Rendering
//
// Render lays out one A4 letter; RenderBatch puts many letters into one PDF
// for the printer. Both are deterministic: the same input gives the same
// bytes, because the PDF creation date is derived from the letter date and
// every part of the output is written in a fixed order. (Identical bytes are
// guaranteed for the same build; a different Go or gofpdf version may
// compress differently, which is why the register keeps the issued bytes.)
//
// Every page carries, in its footer, the woman's name, date of birth and NHS
// number, "Private and confidential" and "Page x of y", numbered within its
// own letter. Text is set in Noto Sans, embedded, so names with diacritics
// print exactly; a character the font cannot draw is refused with an error
// naming the field rather than printed wrongly.
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
//   - **text between double asterisks** is bold.
package letters
