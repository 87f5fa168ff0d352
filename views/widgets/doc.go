// Package widgets holds the parts of the desktop screens that know nothing
// of referrals or the services: background work and typing pauses, lists
// fed a page at a time and laid out as tables, form entries that save on
// Ctrl+S, drop-downs of coded values, editable lists of rows, layouts, the
// theme, the remembered window size, pointer and typing activity for the
// idle lock, and PDF files handed to the system's viewer.
//
// It imports Fyne and nothing from this program, so the screens in package
// views can be read for what they do rather than how a list pages.
package widgets
