package letters

import (
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// TestNamesInEveryPrintedScript prints names in the Latin scripts the team
// meets (Vietnamese, Polish, Romanian, Irish, Turkish, …), Cyrillic and
// Greek, and reads each back exactly, on every page and in the window.
// (Names in other scripts reach letters in their Latin form; see
// models.NameForLetters.)
//
// Hazard: HAZ-016.
func TestNamesInEveryPrintedScript(t *testing.T) {
	for script, name := range map[string]string{
		"Vietnamese":  "Nguyễn Thị Thu Hằng",
		"Polish":      "Małgorzata Żółkiewska-Bąk",
		"Romanian":    "Ștefana Țăranu-Mărgărit",
		"Irish":       "Siobhán Ní Mhaoldhomhnaigh",
		"Turkish":     "Ayşegül Çağlar Yıldız",
		"Czech":       "Zdeňka Dvořáčková",
		"Hungarian":   "Erzsébet Kőrösiné Szűcs",
		"Lithuanian":  "Gražina Žemaitytė",
		"Ukrainian":   "Олена Ковальчук",
		"Russian":     "Татьяна Щербакова",
		"Bulgarian":   "Йорданка Ъгълова",
		"Greek":       "Ελένη Παπαγεωργίου",
		"French":      "Anaïs Lefèvre-Cœur",
		"Apostrophes": "Mary-Kate O’Brien-Smith",
	} {
		t.Run(script, func(t *testing.T) {
			if c, _ := models.CheckNameScript(name); c != models.NamePrintable {
				t.Fatalf("intake would not print %q as it is", name)
			}
			l := testLetter(t, models.LetterAcceptance, name)
			pages := pageTexts(t, render(t, l))
			checkEveryPage(t, pages, sampleIdentity(l))
			if !strings.Contains(pages[0], "Re: "+name+",") {
				t.Errorf("the Re: line does not read %q:\n%s", name, pages[0])
			}
			if !strings.Contains(pages[0], "\n"+name) {
				t.Errorf("the window does not read %q", name)
			}
		})
	}
}

// TestEverythingIntakeAcceptsPrints renders a letter to a woman with the
// longest name and address intake accepts: it renders, her name reads back
// whole on every page, and every line of the address shows.
//
// Hazard: HAZ-016.
func TestEverythingIntakeAcceptsPrints(t *testing.T) {
	if err := models.CheckAddressLines(fiveLineAddress[:len(fiveLineAddress)-1]); err != nil {
		t.Fatalf("intake would refuse the address: %v", err)
	}
	if got, err := models.NameForLetters(longName, ""); err != nil || got != longName {
		t.Fatalf("intake would refuse the name: %v", err)
	}
	for _, large := range []bool{false, true} {
		l := testLetter(t, models.LetterAcceptance, longName)
		l.Recipient = Person{Name: longName, Address: fiveLineAddress}
		l.LargePrint = large
		pdf := render(t, l)
		pages := pageTexts(t, pdf)
		for i, p := range pages {
			if !strings.Contains(flat(p), longName) {
				t.Errorf("large=%v: page %d does not show her whole name:\n%s", large, i+1, p)
			}
		}
		first := flat(pages[0])
		for _, a := range fiveLineAddress {
			if !strings.Contains(first, a) {
				t.Errorf("large=%v: the address line %q is missing", large, a)
			}
		}
		for _, w := range pageWords(t, writePDF(t, pdf), 1) {
			if w.y0 > windowTop && w.y0 < windowBottom && w.x0 < 105 && (w.y1 > windowBottom+0.5 || w.x1 > marginL+windowW+0.5) {
				t.Errorf("large=%v: %q is outside the envelope window (x %.0f–%.0f, y %.0f–%.0f mm)", large, w.text, w.x0, w.x1, w.y0, w.y1)
			}
		}
	}
	// A professional's name, role and organisation above the same address
	// still fit.
	l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
	l.Recipient = Person{Name: "Dr Amara Okafor-Wiśniewska", Role: "Consultant obstetrician", Organisation: "University Hospitals of Leicester NHS Trust", Address: fiveLineAddress}
	render(t, l)
}
