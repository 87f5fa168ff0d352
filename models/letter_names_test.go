package models

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckNameScript(t *testing.T) {
	cases := []struct {
		name   string
		want   NameCheck
		script string
	}{
		{"Zoë Brontë", NamePrintable, ""},
		{"Siobhán O'Connell", NamePrintable, ""},
		{"Siobhán O’Connell", NamePrintable, ""},
		{"Łucja Wiśniewska-Kowalczyk", NamePrintable, ""},        // Polish
		{"Ștefania Țurcanu", NamePrintable, ""},                  // Romanian comma-below letters
		{"Nguyễn Thị Ánh", NamePrintable, ""},                    // Vietnamese, precomposed
		{"Nguye\u0302\u0303n Thi\u0323", NamePrintable, ""},      // Vietnamese, decomposed
		{"Ιωάννα Παπαδοπούλου", NamePrintable, ""},               // Greek
		{"Олена Шевченко", NamePrintable, ""},                    // Ukrainian, Cyrillic
		{"Ма\u0301рья", NamePrintable, ""},                       // Cyrillic with a combining acute
		{"J. Smith", NamePrintable, ""},                          // an initial
		{"Ngāti Pa\u02BCu", NamePrintable, ""},                   // modifier-letter apostrophe
		{"Mary\u2011Jane", NamePrintable, ""},                    // non-breaking hyphen
		{"", NamePrintable, ""},                                  // emptiness is NameForLetters' concern
		{"فاطمة أحمد", NameOtherScript, "Arabic"},                // Arabic
		{"عائشہ بی بی", NameOtherScript, "Arabic"},               // Urdu
		{"પ્રિયા પટેલ", NameOtherScript, "Gujarati"},             // Gujarati
		{"ਹਰਪ੍ਰੀਤ ਕੌਰ", NameOtherScript, "Gurmukhi"},             // Punjabi
		{"प्रिया शर्मा", NameOtherScript, "Devanagari"},          // Hindi
		{"সুমি বেগম", NameOtherScript, "Bengali"},                // Bengali
		{"王芳", NameOtherScript, "Chinese"},                       // Chinese
		{"ሳባ ተስፋይ", NameOtherScript, "Ethiopic"},                 // Tigrinya
		{"Priya પટેલ", NameOtherScript, "Gujarati"},              // mixed: the Latin form is needed
		{"نرگس\u200cها", NameOtherScript, "Arabic"},              // Persian with a zero-width non-joiner
		{"ᚠᚢᚦ", NameOtherScript, "another script"},               // Runic: not in the list
		{"Anne2", NameNotAName, ""},                              // a digit
		{"Zoë 😀", NameNotAName, ""},                              // a symbol
		{"Anne\tMarie", NameNotAName, ""},                        // a control character
		{"Anne & Marie", NameNotAName, ""},                       // a symbol
		{"\u0301", NamePrintable, ""},                            // a lone combining mark is still printable text
		{"\u064Eفا", NameOtherScript, "Arabic"},                  // an Arabic vowel sign is not a Latin diacritic
		{"Ⅻ", NameNotAName, ""},                                  // a Roman numeral is a number, not a letter
		{"Ｚｏｅ", NamePrintable, ""},                               // fullwidth Latin is Latin; the font check is the renderer's
		{"Anna\u00A0Maria", NameNotAName, ""},                    // no-break space is tidied by NameForLetters, not here
		{"Anne-Marie d'Arc-St. Clair", NamePrintable, ""},        // every separator
		{strings.Repeat("ë", MaxNameRunes+5), NamePrintable, ""}, // the length is checked elsewhere
		{"Đặng Thị Hương", NamePrintable, ""},                    // Vietnamese đ
		{"Ğül Şahin", NamePrintable, ""},                         // Turkish
		{"Mañana Çelik", NamePrintable, ""},                      // Spanish and Turkish
		{"Æthelflæd Øster", NamePrintable, ""},                   // ligatures and ø
		{"Ewa Żółć", NamePrintable, ""},                          // Polish
		{"Ἀθηνᾶ", NamePrintable, ""},                             // polytonic Greek
		{"Ёлка", NamePrintable, ""},                              // Cyrillic ё
		{"Ṣadia", NamePrintable, ""},                             // Latin Extended Additional
		{"Ana María de la Cruz Fernández", NamePrintable, ""},    // a long Spanish name
		{"Siân", NamePrintable, ""},                              // Welsh
		{"Ngozi Ọkọnkwọ", NamePrintable, ""},                     // Igbo
		{"Amani Wanjiru", NamePrintable, ""},                     // plain Latin
		{"Xiǎomíng Wáng", NamePrintable, ""},                     // pinyin tone marks
		{"Nguyễn", NamePrintable, ""},                            // the design's test name
		{"Łucja", NamePrintable, ""},                             // the design's test name
		{"Siobhán", NamePrintable, ""},                           // the design's test name
		{"Zoë", NamePrintable, ""},                               // the design's test name
		{"سارا સારા", NameOtherScript, "Arabic"},                 // two named scripts: the first is named
	}
	for _, c := range cases {
		got, script := CheckNameScript(c.name)
		if got != c.want || script != c.script {
			t.Errorf("CheckNameScript(%q) = %v, %q; want %v, %q", c.name, got, script, c.want, c.script)
		}
	}
}

func TestNameForLetters(t *testing.T) {
	long := strings.Repeat("ë", MaxNameRunes)
	cases := []struct {
		name, latin, want string
		field             string // the FieldError's field, or "" for success
	}{
		{"Zoë  Brontë ", "", "Zoë Brontë", ""},
		{"Zoë Brontë", "Zoe Bronte", "Zoë Brontë", ""}, // a printable name is printed as written
		{"પ્રિયા પટેલ", "Priya Patel", "Priya Patel", ""},
		{"王芳", " Wang  Fang ", "Wang Fang", ""},
		{"પ્રિયા પટેલ", "", "", "Name for letters"},
		{"પ્રિયા પટેલ", "પ્રિયા", "", "Name for letters"},
		{"પ્રિયા પટેલ", "Priya 2", "", "Name for letters"},
		{"", "Priya", "", "Name"},
		{"   ", "", "", "Name"},
		{"Anne2", "", "", "Name"},
		{long, "", long, ""},
		{long + "ë", "", "", "Name"},
		{"王芳", long, long, ""},
		{"王芳", long + "e", "", "Name for letters"},
	}
	for _, c := range cases {
		got, err := NameForLetters(c.name, c.latin)
		var ie *FieldError
		switch {
		case c.field == "" && (err != nil || got != c.want):
			t.Errorf("NameForLetters(%q, %q) = %q, %v; want %q", c.name, c.latin, got, err, c.want)
		case c.field != "" && (!errors.As(err, &ie) || ie.Field.Label() != c.field || got != ""):
			t.Errorf("NameForLetters(%q, %q) = %q, %v; want a FieldError for %q", c.name, c.latin, got, err, c.field)
		case err != nil && (strings.Contains(err.Error(), c.name) && c.name != "" && strings.TrimSpace(c.name) != "" ||
			c.latin != "" && strings.Contains(err.Error(), c.latin)):
			t.Errorf("NameForLetters(%q, %q): the message %q repeats the name", c.name, c.latin, err)
		}
	}
	_, err := NameForLetters("પ્રિયા પટેલ", "")
	if err == nil || !strings.Contains(err.Error(), "Gujarati script") {
		t.Errorf("the message %v does not name the script", err)
	}
}

func TestCheckAddressLines(t *testing.T) {
	line35 := strings.Repeat("a", MaxAddressLineRunes)
	cases := []struct {
		lines []string
		ok    bool
	}{
		{nil, true},
		{[]string{"1 High Street", "Leicester"}, true},
		{[]string{"1", "2", "3", "4", "5"}, true},
		{[]string{"1", "2", "", "3", "  ", "4", "5"}, true}, // blank lines do not count
		{[]string{"1", "2", "3", "4", "5", "6"}, false},
		{[]string{line35}, true},
		{[]string{"  " + line35 + "  "}, true}, // spaces at the ends do not count
		{[]string{line35 + "a"}, false},
		{[]string{strings.Repeat("ł", MaxAddressLineRunes)}, true}, // characters, not bytes
		{[]string{"Flat 2", strings.Repeat("ł", MaxAddressLineRunes+1)}, false},
	}
	for _, c := range cases {
		err := CheckAddressLines(c.lines)
		var ie *FieldError
		if (err == nil) != c.ok || (!c.ok && (!errors.As(err, &ie) || ie.Field.Label() != "Address")) {
			t.Errorf("CheckAddressLines(%q) = %v; want ok %v", c.lines, err, c.ok)
		}
	}
	err := CheckAddressLines([]string{"Flat 2", strings.Repeat("x", 40)})
	if err == nil || !strings.Contains(err.Error(), "line 2 has 40 characters") || strings.Contains(err.Error(), "xxx") {
		t.Errorf("the message %v does not name the line, or repeats it", err)
	}
	if got := AddressLines(" 1  High Street \n\n Leicester\n"); strings.Join(got, "|") != "1 High Street|Leicester" {
		t.Errorf("AddressLines = %q", got)
	}
}
