package models

import "strings"

// titles are the courtesy and professional titles recognised at the start
// of a full name typed in one box ("Dr Amira Patel"), in the form letters
// print them: British style, without a full stop.
var titles = map[string]string{
	"dr": "Dr", "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx",
	"prof": "Professor", "professor": "Professor", "sister": "Sister", "nurse": "Nurse",
	"rev": "Revd", "revd": "Revd", "sir": "Sir", "dame": "Dame", "lady": "Lady", "lord": "Lord",
}

// Salutation returns the greeting of a letter to a professional, in the
// British style of title and family name: "Dear Dr Patel".
//
//   - With a family name: title and family name ("Dear Dr Patel"), or,
//     with no title, given and family name ("Dear Amira Patel"), since a
//     title must not be guessed.
//   - Otherwise, from fullName as typed in one box: a recognised title
//     followed by one or two words becomes title and last word ("Dr Amira
//     Patel" → "Dear Dr Patel"); a longer name is used whole, since its
//     family name cannot be told apart ("Dr Ana de la Cruz" → "Dear Dr Ana
//     de la Cruz"); a name with no title is used whole. A title given
//     apart counts as the first word.
//   - With no name at all: "Dear colleague".
//
// Spaces are tidied and a title's full stop is dropped ("Dr." → "Dr").
func Salutation(title, given, family, fullName string) string {
	title, given, family = tidyName(title), tidyName(given), tidyName(family)
	if t, ok := titles[strings.ToLower(strings.TrimSuffix(title, "."))]; ok {
		title = t
	} else {
		title = strings.TrimSuffix(title, ".")
	}
	if family != "" {
		if title != "" {
			return "Dear " + title + " " + family
		}
		return "Dear " + strings.TrimSpace(given+" "+family)
	}
	words := strings.Fields(fullName)
	if len(words) == 0 {
		if given != "" {
			return "Dear " + given // a title goes with the family name only
		}
		return "Dear colleague"
	}
	if t, ok := titles[strings.ToLower(strings.TrimSuffix(words[0], "."))]; ok {
		words[0] = t
	} else if title != "" {
		words = append([]string{title}, words...) // the title was given apart
	} else {
		return "Dear " + strings.Join(words, " ")
	}
	switch len(words) {
	case 1:
		return "Dear colleague" // a title and no name
	case 2, 3:
		return "Dear " + words[0] + " " + words[len(words)-1]
	}
	return "Dear " + strings.Join(words, " ")
}

// Salutation greets the professional by the name on their record; see the
// function Salutation.
func (p *Professional) Salutation() string { return Salutation("", "", "", p.Name) }

func tidyName(s string) string { return strings.Join(strings.Fields(s), " ") }
