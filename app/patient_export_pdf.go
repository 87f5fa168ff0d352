package app

import (
	"fmt"
	"strings"
	"time"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// renderRecordCopy prints the record as a document to her, in the letter
// layout: her details on every page, the service's letterhead and the
// crisis box. Characters the letter font cannot draw print as "?";
// record.json holds the text exactly.
func renderRecordCopy(c *core, rec *PatientRecord) ([]byte, error) {
	body, err := letters.Printable(recordCopyBody(rec))
	if err != nil {
		return nil, err
	}
	p := &rec.Patient
	name, err := letters.Printable(p.LetterName())
	if err != nil {
		return nil, err
	}
	doc := letters.Letter{
		Kind: models.DocumentRecordCopy, Date: models.LondonDate(rec.ExportedAt),
		Patient:   letters.Patient{Name: name, DateOfBirth: p.DateOfBirth, NHSNumber: nhsDigits(p), Address: p.Address()},
		Recipient: letters.Person{Name: name, Address: p.Address()},
		Author:    letters.Person{Name: rec.ExportedBy},
		Body:      body,
		Service:   c.letterhead(),
	}
	pdf, err := letters.Render(doc)
	if err != nil {
		return nil, fmt.Errorf("cannot print the copy of her record: %w", err)
	}
	return pdf, nil
}

// recordCopyBody writes the record in the letters' body markup, one
// heading for each part.
func recordCopyBody(rec *PatientRecord) string {
	var b recordWriter
	p := &rec.Patient
	b.para("Dear " + p.LetterGivenName() + ",")
	b.para(fmt.Sprintf("You asked for a copy of the information our service holds about you. "+
		"This document sets all of it out as it stood on %s. The file record.json beside it holds the same "+
		"information for a computer to read, and the letters folder holds a copy of each letter we sent.", models.LondonDate(rec.ExportedAt).Long()))
	b.heading("Your details")
	b.field("Name", p.FullName())
	b.field("Preferred name", p.PreferredName)
	b.field("Date of birth", p.DateOfBirth.UK())
	b.field("NHS number", p.NHSNumberText())
	b.field("Address", strings.Join(p.Address(), ", "))
	b.field("Telephone", p.Phone)
	b.field("Messages may be left", p.PhoneMessages.Label())
	b.field("Ethnic category", p.EthnicCategory.Label())
	b.field("Email", p.Email)
	b.field("GP practice", p.GPPractice)
	b.field("Communication needs", strings.Join(p.CommunicationNeeds.Flags(), "; "))
	b.list("Previous addresses", len(rec.PreviousAddresses), func(i int) string {
		a := rec.PreviousAddresses[i]
		return fmt.Sprintf("%s, %s, until %s", strings.ReplaceAll(a.AddressLines, "\n", ", "), a.Postcode, a.CurrentUntil.UK())
	})
	b.list("Births", len(rec.Births), func(i int) string {
		x := rec.Births[i]
		return strings.TrimSpace(x.BornOn.UK() + " " + x.BabyName)
	})
	b.list("People around you", len(rec.People), func(i int) string {
		x := rec.People[i]
		s := fmt.Sprintf("%s, %s; you agreed to us sharing information with them: %s", x.Name, x.Relationship.Label(), x.ConsentToShare.Label())
		if x.PartnerAssessment != "" {
			s += "; assessment for your partner: " + x.PartnerAssessment.Label()
		}
		return s
	})
	for i := range rec.Referrals {
		b.referral(&rec.Referrals[i])
	}
	b.list("Key workers", len(rec.Allocations), func(i int) string {
		a := rec.Allocations[i]
		end := "now"
		if a.EndedAt != nil {
			end = ukDate(*a.EndedAt)
		}
		return fmt.Sprintf("%s, from %s to %s", a.KeyWorkerName, ukDate(a.AllocatedAt), end)
	})
	b.list("Appointments", len(rec.Appointments), func(i int) string {
		a := rec.Appointments[i]
		return fmt.Sprintf("%s, %s, %s: %s", ukDateTime(a.StartsAt), a.Kind.Label(), a.Mode.Label(), a.Attendance.Label())
	})
	b.contacts(rec.Contacts)
	b.list("Questionnaires (outcome measures)", len(rec.Measures), func(i int) string {
		m := rec.Measures[i]
		s := fmt.Sprintf("%s, %s: total %d", m.TakenOn.UK(), m.Measure, m.Total)
		if m.Band != "" {
			s += " (" + m.Band + ")"
		}
		if m.RiskItemPositive {
			s += "; the question about harming yourself was answered yes"
		}
		return s
	})
	b.list("Risk summaries", len(rec.RiskSummaries), func(i int) string {
		x := rec.RiskSummaries[i]
		return fmt.Sprintf("Reviewed %s (%s), next review %s: %s", x.ReviewedOn.UK(), x.Level.Label(), x.ReviewDue.UK(), x.Summary)
	})
	b.list("Safeguarding", len(rec.SafeguardingFlags), func(i int) string {
		x := rec.SafeguardingFlags[i]
		s := x.Kind.Label() + ", from " + x.RaisedOn.UK()
		if !x.EndedOn.IsZero() {
			s += " to " + x.EndedOn.UK()
		}
		if x.Note != "" {
			s += ": " + x.Note
		}
		return s
	})
	for _, c := range rec.CarePlans {
		b.heading(fmt.Sprintf("Care plan, version %d of %s", c.Number, ukDate(c.SavedAt)))
		b.field("Goals", c.Goals)
		b.field("Crisis plan", c.CrisisPlan)
		b.field("Signs of relapse", c.RelapseSigns)
		b.field("Contingency plan", c.Contingency)
		b.field("Review date", c.ReviewDate.UK())
	}
	b.list("Tasks for the team", len(rec.Tasks), func(i int) string {
		t := rec.Tasks[i]
		s := t.Title + ", due " + t.DueDate.UK()
		if t.CompletedAt != nil {
			s += ", done " + ukDate(*t.CompletedAt)
		}
		return s
	})
	b.list("Other services working with us", len(rec.JointWorking), func(i int) string {
		j := rec.JointWorking[i]
		return strings.TrimSpace(j.Service.Label()+" "+j.Team) + ", from " + j.StartDate.UK()
	})
	b.list("Letters", len(rec.Letters), func(i int) string {
		l := rec.Letters[i]
		s := fmt.Sprintf("%s, %s, to %s", ukDate(l.IssuedAt), l.Kind.Label(), l.RecipientName)
		if l.File != "" {
			s += " (" + l.File + ")"
		}
		return s
	})
	b.list("Who has looked at or changed your record", len(rec.Trail), func(i int) string {
		e := rec.Trail[i]
		s := fmt.Sprintf("%s, %s: %s %s", ukDateTime(e.At), e.Actor, e.Action, strings.ReplaceAll(e.Entity, "_", " "))
		if e.Detail != "" {
			s += " (" + e.Detail + ")"
		}
		return s
	})
	return b.String()
}

// recordWriter builds a body in the letters' markup.
type recordWriter struct{ strings.Builder }

func (b *recordWriter) para(s string) { b.WriteString(letters.Literal(s) + "\n\n") }

func (b *recordWriter) heading(s string) { b.WriteString("# " + s + "\n\n") }

// field writes "Label: value", or nothing for an empty value.
func (b *recordWriter) field(label, value string) {
	if strings.TrimSpace(value) != "" {
		b.WriteString("**" + label + ":** " + letters.Literal(value) + "\n\n")
	}
}

// list writes a heading and one bullet per item, or says there are none.
func (b *recordWriter) list(title string, n int, item func(int) string) {
	b.heading(title)
	if n == 0 {
		b.para("None.")
		return
	}
	for i := range n {
		b.WriteString("- " + letters.Literal(item(i)) + "\n")
	}
	b.WriteString("\n")
}

func (b *recordWriter) referral(r *models.Referral) {
	b.heading(fmt.Sprintf("Referral %s, received %s", models.ReferralReference(r.ID), ukDate(r.ReceivedAt)))
	b.field("Referred by", strings.TrimSpace(r.Referrer.Name+", "+r.Referrer.Organisation))
	b.field("Where it stands", r.Status.Label())
	b.field("Decision", strings.TrimSpace(models.Decision(r.Decision).Label()+" "+r.DecisionReason))
	b.field("Reason for the referral", r.ReasonForReferral)
	b.field("Risks the referrer described", r.RiskSummary)
	b.field("Due date", r.ExpectedDeliveryDate.UK())
	b.field("Baby's date of birth", r.BabyDateOfBirth.UK())
	if r.ClosedAt != nil {
		b.field("Closed", ukDate(*r.ClosedAt)+", "+r.ClosureReason)
	}
}

func (b *recordWriter) contacts(cs []ExportedContact) {
	b.heading("Contacts and notes")
	if len(cs) == 0 {
		b.para("None.")
		return
	}
	for _, c := range cs {
		head := fmt.Sprintf("%s, %s, %d minutes, %s, by %s", ukDateTime(c.At), c.Mode.Label(), c.DurationMinutes, c.Attendance.Label(), c.AuthorName)
		b.field("Contact", head)
		if c.Note != "" {
			b.para(c.Note)
		}
		for _, a := range c.Addenda {
			b.field("Added "+ukDateTime(a.At), a.Text)
		}
	}
}

func ukDate(t time.Time) string { return models.LondonDate(t).UK() }

func ukDateTime(t time.Time) string { return t.In(models.London).Format("02/01/2006 15:04") }
