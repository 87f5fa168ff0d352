package models

import "strings"

// Language is a language a woman may need an interpreter for, identified by
// its ISO 639 code as BCP 47 uses it: the two-letter ISO 639-1 code where
// there is one, otherwise the three-letter ISO 639-3 code (Mandarin "cmn",
// Cantonese "yue", the Kurdish varieties). Letter templates in her language
// are looked up by the same code.
type Language struct {
	Code string // "pl"
	Name string // "Polish", the English name used in letters and lists
}

// Languages are the languages the team meets most often in Leicester,
// Leicestershire and Rutland, in the order lists offer them. A language not
// here is recorded with LanguageOther and its name in words.
//
// Codes from ISO 639-1 and ISO 639-3 (registration authority: SIL
// International); the list of languages is the team's, not a standard.
var Languages = []Language{
	{"gu", "Gujarati"},
	{"pa", "Punjabi"},
	{"ur", "Urdu"},
	{"bn", "Bengali"},
	{"hi", "Hindi"},
	{"pl", "Polish"},
	{"ar", "Arabic"},
	{"so", "Somali"},
	{"ro", "Romanian"},
	{"cmn", "Mandarin Chinese"},
	{"yue", "Cantonese Chinese"},
	{"pt", "Portuguese"},
	{"ti", "Tigrinya"},
	{"ckb", "Kurdish (Sorani)"},
	{"kmr", "Kurdish (Kurmanji)"},
	{"fa", "Farsi"},
	{"prs", "Dari"},
	{"ps", "Pashto"},
	{"ta", "Tamil"},
	{"bg", "Bulgarian"},
	{"lt", "Lithuanian"},
	{"ru", "Russian"},
	{"uk", "Ukrainian"},
	{"tr", "Turkish"},
	{"sq", "Albanian"},
	{"am", "Amharic"},
	{"sw", "Swahili"},
	{"fr", "French"},
	{"es", "Spanish"},
	{"vi", "Vietnamese"},
}

// LanguageOther is the code recorded for a language not in Languages; its
// name is kept beside it in words.
const LanguageOther = "other"

// otherNames are further words people type for a listed language.
var otherNames = map[string]string{
	"mandarin": "cmn", "chinese": "cmn", "chinese (mandarin)": "cmn", "putonghua": "cmn",
	"cantonese": "yue", "chinese (cantonese)": "yue",
	"kurdish": "", // ambiguous: ask which
	"sorani":  "ckb", "kurmanji": "kmr", "persian": "fa", "panjabi": "pa",
}

// LanguageName returns the English name of a language code, or "" for a
// code that is not in Languages (including LanguageOther).
func LanguageName(code string) string {
	for _, l := range Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return ""
}

// ParseLanguage reads a language as typed or as stored in older records:
// its code ("pl"), its name ("Polish") or another common name
// ("Mandarin"), in any case. It returns the code. Anything it does not know
// is an *InputError naming the "Language" field; the caller may record it
// as LanguageOther with the name in words.
func ParseLanguage(s string) (string, error) {
	key := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if key == "" {
		return "", &FieldError{FieldLanguage, "choose the language she speaks"}
	}
	for _, l := range Languages {
		if key == l.Code || key == strings.ToLower(l.Name) {
			return l.Code, nil
		}
	}
	if code, ok := otherNames[key]; ok {
		if code == "" {
			return "", &FieldError{FieldLanguage, "say which one: " + strings.Join(namesStarting(key), " or ")}
		}
		return code, nil
	}
	return "", &FieldError{FieldLanguage, "this language is not in the list; choose Other and type its name"}
}

// namesStarting lists the names in Languages that start with prefix.
func namesStarting(prefix string) []string {
	var out []string
	for _, l := range Languages {
		if strings.HasPrefix(strings.ToLower(l.Name), prefix) {
			out = append(out, l.Name)
		}
	}
	return out
}

// LanguageFromText records a language typed freely, as older records and
// the referral form hold it: the code of a language ParseLanguage knows, or
// LanguageOther with the text as its name (at most 60 characters). Blank
// text gives "", "".
func LanguageFromText(text string) (code, otherName string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return "", ""
	}
	if code, err := ParseLanguage(text); err == nil {
		return code, ""
	}
	if r := []rune(text); len(r) > 60 {
		text = string(r[:60])
	}
	return LanguageOther, text
}
