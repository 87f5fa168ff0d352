package views

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// ukDate shows an instant as a UK date in Europe/London ("02/01/2006"), or
// "" for the zero time.
func ukDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(models.London).Format("02/01/2006")
}

// ukDateTime shows an instant as a UK date and time in Europe/London.
func ukDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(models.London).Format("02/01/2006 15:04")
}

// groupThousands writes n with commas between groups of three digits, as
// in "100,000".
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// countText gives a count with its noun: "1 referral", "1,234 referrals".
func countText(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupThousands(n) + " " + many
}

// sentence turns an error into a sentence for people: it starts with a
// capital letter and ends with a full stop. Errors from the app package
// already say what to do; this only tidies their punctuation.
func sentence(err error) string {
	if err == nil {
		return ""
	}
	var open *app.OpenError
	if errors.As(err, &open) {
		return sentence(errors.New(open.Error() + "; check the --db setting or ask for the file to be restored"))
	}
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return "Something went wrong; try again."
	}
	s = capitalised(s)
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?", last) {
		s += "."
	}
	return s
}

// yesNo writes a yes/no fact.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// orNotStated returns s, or "Not stated" when it is blank.
func orNotStated(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Not stated"
	}
	return s
}

// capitalised starts s with a capital letter.
func capitalised(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// labelsOf returns the label of each of xs, in order, as choices for a
// select or radio group.
func labelsOf[T any](xs []T, label func(T) string) []string {
	labels := make([]string, len(xs))
	for i, x := range xs {
		labels[i] = label(x)
	}
	return labels
}
