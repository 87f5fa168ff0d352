package letters

import (
	"fmt"
	"time"

	"perinatal-caseload/models"
)

// LongDate formats a date for a letter with its weekday: "Monday 30
// November 2026". The zero date gives "".
func LongDate(d models.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("Monday 2 January 2006")
}

// ClockTime formats the time of day of t in Europe/London as a letter
// gives it: "2:30pm", "10:00am". (On the hour, "2:00pm" rather than "2pm",
// so that a time is never mistaken for a number.)
func ClockTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(models.London)
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	ampm := "am"
	if t.Hour() >= 12 {
		ampm = "pm"
	}
	return fmt.Sprintf("%d:%02d%s", h, t.Minute(), ampm)
}
