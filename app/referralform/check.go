package referralform

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"perinatal-caseload/models"
)

// checker collects field errors while a document is read, each named by
// its JSON path, which is its field ID (see models.FieldID).
type checker struct {
	errs models.FieldErrors
}

func (c *checker) add(path, format string, args ...any) {
	c.errs.Add(models.FieldID(path), format, args...)
}

// addModel adds a *models.FieldError from a rule in models, such as
// models.NormalisePostcode, under the JSON path of the field it was
// checked for.
func (c *checker) addModel(path string, err error) {
	c.errs = append(c.errs, models.OnField(models.FieldID(path), err))
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// object reads the members of one JSON object. Every member must be asked
// for by name; done reports the rest as unknown fields.
type object struct {
	c     *checker
	path  string
	byKey map[string]*value
	asked map[string]bool
	keys  []string // in file order, without repeats
	// wrong is true when the value was not an object; its fields then
	// read as missing without more errors.
	wrong bool
}

// obj starts reading v as an object. If v is not one, the error is recorded
// and every field then reads as missing without further complaint.
func (c *checker) obj(v *value, path string) *object {
	o := &object{c: c, path: path, byKey: map[string]*value{}, asked: map[string]bool{}}
	if v.kind != kindObject {
		c.add(path, "should be an object with named fields, not %s", v.kind.describe())
		o.wrong = true
		return o
	}
	for _, m := range v.members {
		if _, dup := o.byKey[m.key]; dup {
			c.add(join(path, m.key), "appears more than once; give each field once")
			continue
		}
		o.byKey[m.key] = m.val
		o.keys = append(o.keys, m.key)
	}
	return o
}

// done reports fields that were never asked for.
func (o *object) done() {
	for _, k := range o.keys {
		if !o.asked[k] {
			o.c.add(join(o.path, k), "is not a field of the referral form; remove it or correct its spelling")
		}
	}
}

// field returns the named member, or nil when absent. required reports a
// missing field.
func (o *object) field(name string, required bool) *value {
	o.asked[name] = true
	v := o.byKey[name]
	if v == nil && required && !o.wrong {
		o.c.add(join(o.path, name), "is missing; this field is required")
	}
	return v
}

// typed returns the member if present and of kind k, recording a wrong type.
func (o *object) typed(name string, required bool, k kind) *value {
	v := o.field(name, required)
	if v == nil {
		return nil
	}
	if v.kind != k {
		o.c.add(join(o.path, name), "should be %s, not %s", k.describe(), v.kind.describe())
		return nil
	}
	return v
}

// need says whether a text field must be there and whether it may be blank.
type need int

const (
	optional need = iota // may be left out
	present              // must be there, may be blank
	filled               // must be there and not blank
)

// str reads a text field, trimmed.
func (o *object) str(name string, n need) string {
	v := o.typed(name, n != optional, kindString)
	if v == nil {
		return ""
	}
	s := strings.TrimSpace(v.text)
	if n == filled && s == "" {
		o.c.add(join(o.path, name), "is empty; fill it in")
	}
	return s
}

// has reports whether the field is in the object at all.
func (o *object) has(name string) bool { return o.byKey[name] != nil }

// flag reads a true/false field.
func (o *object) flag(name string, required bool) (val, present bool) {
	v := o.typed(name, required, kindBool)
	if v == nil {
		return false, false
	}
	return v.boolean, true
}

// oneOf reads a text field that must be one of allowed.
func (o *object) oneOf(name string, required bool, allowed []string) string {
	v := o.typed(name, required, kindString)
	if v == nil {
		return ""
	}
	return o.c.enum(join(o.path, name), v.text, allowed)
}

func (c *checker) enum(path, got string, allowed []string) string {
	if slices.Contains(allowed, got) {
		return got
	}
	shown := got
	if len(shown) > 40 {
		shown = shown[:40] + "…"
	}
	c.add(path, "should be one of %s, not %q", strings.Join(allowed, ", "), shown)
	return ""
}

// date reads a YYYY-MM-DD date. The message does not repeat the date, since
// dates of birth identify people and error text may be logged.
func (o *object) date(name string, required bool) models.Date {
	v := o.typed(name, required, kindString)
	if v == nil {
		return models.Date{}
	}
	d, err := models.ParseISODate(v.text)
	if err != nil || len(strings.TrimSpace(v.text)) != len("2006-01-02") {
		o.c.add(join(o.path, name), "is not a real date in the form YYYY-MM-DD, such as 2026-11-23")
		return models.Date{}
	}
	return d
}

// instant reads an RFC 3339 date and time and returns it in UTC.
func (o *object) instant(name string, required bool) (time.Time, bool) {
	v := o.typed(name, required, kindString)
	if v == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(v.text))
	if err != nil {
		o.c.add(join(o.path, name), "is not a date and time in RFC 3339 form with its time zone, such as 2026-11-02T10:30:00Z")
		return time.Time{}, false
	}
	return t.UTC(), true
}

// list reads a list field and returns its items with their paths.
func (o *object) list(name string) ([]*value, string) {
	v := o.typed(name, false, kindArray)
	if v == nil {
		return nil, ""
	}
	return v.items, join(o.path, name)
}

// sub reads a nested object field. It returns nil when absent or not an object.
func (o *object) sub(name string, required bool) *object {
	v := o.field(name, required)
	if v == nil {
		return nil
	}
	return o.c.obj(v, join(o.path, name))
}

// text reads a list item that must be text.
func (c *checker) text(v *value, path string) (string, bool) {
	if v.kind != kindString {
		c.add(path, "should be text, not %s", v.kind.describe())
		return "", false
	}
	return strings.TrimSpace(v.text), true
}
