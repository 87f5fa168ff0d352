package letters

import (
	"fmt"
	"strings"

	"perinatal-caseload/models"
)

// The default template bodies. They follow the Academy of Medical Royal
// Colleges' "Please, write to me" guidance: written to the woman as "you",
// in plain English, short sentences and everyday words. The same letter is
// copied to her referrer and the other professionals. The assessment-not-
// needed letter is the exception: it is written to the referrer, who
// referred her and is told the decision.
//
// The outcome letters carry what the clinician wrote at the assessment
// (see clinicalSection): in her letter under plain headings, and in the
// professionals' copies under headings of the PRSB Outpatient Letter
// standard.
//
// Each body starts with the salutation; the renderer adds the closing, the
// author's name and role, the copy list and the crisis box.
var defaultTemplates = map[models.LetterKind]string{
	models.LetterAcceptance: `Dear {{.FirstName}}

{{.ReferrerName}} referred you to the {{.ServiceName}}. We help women with their mental health in pregnancy and in the year after birth. We would like to offer you an assessment, to hear how you are feeling and what would help.
{{if .AppointmentDate}}
# Your appointment

` + appointmentSection("AppointmentDate", "AppointmentTime", "AppointmentWith") + `{{else}}
# What happens next

We will contact you soon to arrange a time for your assessment that suits you. If you have questions, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{end}}`,

	models.LetterOutcomeCaseload: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}. We think our team can help you, so we would like to keep working with you.

**Your key worker is {{.KeyWorkerName}}**{{if .KeyWorkerRole}}, {{.KeyWorkerRole}}{{end}}. They will contact you soon to arrange your first appointment and plan your care with you. To leave them a message, ring {{.ServicePhone}}, {{.OfficeHours}}.
` + clinicalSection,

	models.LetterOutcomeMedical: `Dear {{.FirstName}}

Thank you for talking with us{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}. We would like you to have a medical review, to talk about your mental health and which medicines suit you in pregnancy or while breastfeeding. Until then, please keep taking any medicines as prescribed.

# Your medical review
{{if .ReviewDate}}
` + appointmentSection("ReviewDate", "ReviewTime", "ReviewClinician") + `{{else}}
We will contact you soon to arrange a date and time that suits you{{if .ReviewClinician}}, with {{.ReviewClinician}}{{end}}. If you have questions before then, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{end}}` + clinicalSection,

	models.LetterOutcomeDischarge: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}. We do not think you need our specialist support now, so we will not arrange more appointments.
` + clinicalSection + `
# Our advice

- Keep talking to your GP, midwife or health visitor about how you are feeling. If things change, they can refer you to us again.
- Rest when you can, eat regularly, and accept help from people you trust.
{{if .SignpostText}}{{.SignpostText}}
{{end}}`,

	models.LetterNotAccepted: `Dear {{.FirstName}}

{{.ReferrerName}} referred you to the {{.ServiceName}}. We have looked at your referral carefully as a team, and we are sorry, but our service is not the right one to help you at the moment.
{{if .Reason}}
{{.Reason}}
{{end}}
This does not mean that your difficulties are not real, or that help is not available.{{if .SignpostText}} These may be able to help you:

{{.SignpostText}}
- Your GP, midwife and health visitor can keep supporting you.
{{else}} Your GP, midwife and health visitor can keep supporting you.
{{end}}
To talk about this decision, you or {{.ReferrerName}} can ring our duty worker on {{.DutyPhone}}, {{.DutyHours}}. If things change, your GP, midwife or health visitor can refer you to us again at any time during your pregnancy or in the year after your baby is born.
`,

	models.LetterAssessmentNotNeeded: `{{.ReferrerSalutation}}

Thank you for referring {{.FullName}} to the {{.ServiceName}}{{if .ReferralDate}} on {{.ReferralDate}}{{end}}. We have reviewed the referral as a team, and we do not think she needs an assessment by our service at the moment.
{{if .Reason}}
{{.Reason}}
{{end}}{{if .SignpostText}}
# Our advice

{{.SignpostText}}
{{end}}
You can refer her again at any time during the perinatal period if you are concerned. Our duty worker is happy to give advice on {{.DutyPhone}}, {{.DutyHours}}.
`,

	models.LetterClosureTreatmentComplete: `Dear {{.FirstName}}

{{if .KeyWorkerName}}You and {{.KeyWorkerName}} have{{else}}You and our team have{{end}} agreed that your care with our team can now come to an end. Thank you for working with us; we are glad that things are better for you.
{{if .WhatHelped}}
# What helped

{{.WhatHelped}}
{{end}}
# Signs to look out for
{{if .WarningSigns}}
The early signs we talked about, which may mean you are becoming unwell again:

{{.WarningSigns}}
{{else}}
Everyone has good and bad days, especially with a young baby. It may mean you are becoming unwell again if you sleep badly for several nights even when your baby settles, stop enjoying things, or feel very low or anxious on most days.
{{end}}
If you notice them, please talk to your GP, midwife or health visitor early.

# Coming back to us

Your GP, midwife or health visitor can refer you to us again during your pregnancy or in the year after your baby is born. They can ring our duty worker for advice.
`,

	models.LetterClosurePerinatalEnd: `Dear {{.FirstName}}

Our team helps women during pregnancy and in the year after their baby is born. That time has now come to an end for you, so your care with the {{.ServiceName}} has finished. Thank you for working with us.

# Who can help you now

Your GP can keep supporting you with your mental health. If you need more help, your GP can refer you to the mental health services for adults where you live.

# If you become unwell

If you feel your mental health is getting worse, please talk to your GP soon. If you are pregnant again, or planning another pregnancy, your GP or midwife can refer you to us again.
`,

	models.LetterClosureMovedAway: `Dear {{.FirstName}}

You have moved to a new area. Our team can only care for women who live in Leicester, Leicestershire or Rutland, so your care with the {{.ServiceName}} has now finished.

# Your new team

Your care is now with:

{{.TransferredTo}}

Please contact them if you have questions about your care, or if you are worried about your mental health.

If you have not yet registered with a GP near your new home, please do so soon. Your new GP can also help you.
`,

	models.LetterClosureTransferred: `Dear {{.FirstName}}

Your care is moving from the {{.ServiceName}} to another service, which is better placed to support you now. We have closed your referral with us.

# Your new team

Your care is now with:

{{.TransferredTo}}

Please contact them if you have questions about your care, or if you are worried about your mental health. Your GP, midwife and health visitor can keep supporting you too.
`,

	models.LetterClosureDeclinedContact: `Dear {{.FirstName}}

You have told us that you do not want any more contact with the {{.ServiceName}}. We respect your decision, and we have closed your referral. We will not contact you again about it.

Your GP, midwife and health visitor can keep supporting you.

# If you change your mind

You can ask for our help again at any time during your pregnancy or in the year after your baby is born. Please talk to your GP, midwife or health visitor, who can refer you to us again, or ring us on {{.ServicePhone}}, {{.OfficeHours}}.
`,

	models.LetterClosureDidNotAttend: `Dear {{.FirstName}}

We have not been able to meet you at the appointments we offered, and we have not been able to reach you. Because of this, we have closed your referral to the {{.ServiceName}} for now.

We know that it can be hard to get to appointments, especially during pregnancy or with a young baby.

# If you would like our help

If you would still like to see us, please ring us on {{.ServicePhone}}, {{.OfficeHours}}. We will try to offer you a time, and a way of meeting, that suits you better: by video, by telephone, at one of our clinics or at your home.

Your GP, midwife or health visitor can also refer you to us again at any time during your pregnancy or in the year after your baby is born.
`,
}

// appointmentSection is the part of a letter that offers an appointment:
// when it is and with whom, from the fields named, then how it is held,
// with what she needs to know for that way (the video link and how to join;
// when we will ring and from which number; the clinic's address; who will
// visit her at home), and the number to ring if it does not suit her. The
// video instructions follow the DOMAIN conventions for an Attend Anywhere
// invitation.
func appointmentSection(date, clock, with string) string {
	r := strings.NewReplacer("DATE", "{{."+date+"}}", "TIME", "{{."+clock+"}}", "WITH", "{{."+with+"}}")
	return r.Replace(`**When:** DATE at TIME
{{if eq .AppointmentMode "home visit"}}**Where:** at your home
**Who will visit:** WITH

You are welcome to have someone you trust with you. If this time does not suit you, or you would rather meet somewhere else, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{else}}**With:** WITH
{{if eq .AppointmentMode "video"}}**How:** by video on Attend Anywhere
**Link:** {{.VideoLink}}

You need a phone, tablet or computer with a camera and a microphone, and the web browser Chrome, Safari or Edge; there is nothing to download. Find a quiet, private place. Join a few minutes early: type the link into your browser and follow the instructions. We will join you in the online waiting room.

If you cannot join, or you would rather be seen another way, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{else if eq .AppointmentMode "telephone"}}**How:** by telephone

We will ring you at this time on the number we have for you. The call will come from {{.CallFromNumber}}. Please be somewhere quiet and private, where you can talk freely. If we do not have the right number for you, or you would rather be seen another way, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{else if eq .AppointmentMode "face to face"}}**Where:** {{.AppointmentPlace}}

Please arrive a few minutes early and tell reception you are here. You are welcome to bring someone you trust with you. If you cannot come at this time, or you would rather be seen another way, please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
{{end}}{{end}}`)
}

// clinicalSection carries what the clinician wrote with the assessment
// outcome. In the professionals' copies it uses the headings of the PRSB
// Outpatient Letter standard (Professional Record Standards Body; section
// names as in NHS Digital's ITK3 FHIR Outpatient Letter specification):
// "Clinical summary", "Medications and medical devices", and "Plan and
// requested actions" with its elements "Actions for healthcare
// professionals" and "Actions for patient or their carer". In her letter
// the same content is under one plain heading, each part led by plain
// words in bold.
const clinicalSection = `{{if eq .Reader "professional"}}
# Clinical summary

Initial assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}. Outcome: {{.OutcomeWords}}.{{if .Summary}} {{.Summary}}{{end}}
{{if .MedicationAdvice}}
# Medications and medical devices

{{.MedicationAdvice}}
{{end}}{{if or .GPActions .Plan}}
# Plan and requested actions
{{if .GPActions}}
**Actions for healthcare professionals:** {{.GPActions}}
{{end}}{{if .Plan}}
**Actions for patient or their carer:** {{.Plan}}
{{end}}{{end}}{{else}}{{if or .Summary .Plan .MedicationAdvice .GPActions}}
# Your assessment
{{if .Summary}}
**What we talked about:** {{.Summary}}
{{end}}{{if .Plan}}
**What we agreed:** {{.Plan}}
{{end}}{{if .MedicationAdvice}}
**Your medicines:** {{.MedicationAdvice}}
{{end}}{{if .GPActions}}
**We have asked your GP:** {{.GPActions}}
{{end}}{{end}}{{end}}`

// DefaultTemplate returns the standard body of a kind of letter, the
// starting point an administrator edits.
func DefaultTemplate(kind models.LetterKind) (string, error) {
	t, ok := defaultTemplates[kind]
	if !ok {
		return "", fmt.Errorf("letters: %q is not a kind of letter; use one of %s", string(kind), kindList())
	}
	return t, nil
}

// WrittenToReferrer reports whether a kind of letter is written to the
// referrer rather than to the woman. Only the assessment-not-needed letter
// is.
func WrittenToReferrer(kind models.LetterKind) bool {
	return kind == models.LetterAssessmentNotNeeded
}
