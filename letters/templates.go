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

{{.ReferrerName}} referred you to the {{.ServiceName}}. We are a team of health professionals who help women with their mental health during pregnancy and in the year after their baby is born.

We have looked at your referral as a team, and we are pleased to offer you an assessment. This is a chance for you to tell us how you are feeling and what would help, and for us to understand how we can support you.
{{if .AppointmentDate}}
# Your appointment

` + appointmentSection("AppointmentDate", "AppointmentTime", "AppointmentWith") + `{{else}}
# What happens next

Someone from our team will contact you soon to arrange a time for your assessment that suits you.
{{end}}
# If you have questions

Please ring us on {{.ServicePhone}}, {{.OfficeHours}}.
`,

	models.LetterOutcomeCaseload: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

We think our team can help you, so we would like to keep working with you. This means you will have support from us during your pregnancy and in the year after your baby is born.

# Your key worker

Your key worker is {{.KeyWorkerName}}{{if .KeyWorkerRole}}, {{.KeyWorkerRole}}{{end}}. They will contact you soon to arrange your first appointment.

Your key worker will get to know you and plan your care with you. They are the person to talk to about how you are feeling and about anything you are worried about.
` + clinicalSection + `
# Contacting us

You can leave a message for your key worker by ringing our office on {{.ServicePhone}}, {{.OfficeHours}}.

We have sent a copy of this letter to the professionals listed below, so that everyone involved in your care knows our plan.
`,

	models.LetterOutcomeMedical: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

We would like you to have a medical review{{if .ReviewClinician}} with {{.ReviewClinician}}{{end}}. This is a chance to talk about your mental health and about any medicines, including which are right for you during pregnancy or while you are breastfeeding.
` + clinicalSection + `
# Your medical review
{{if .ReviewDate}}
` + appointmentSection("ReviewDate", "ReviewTime", "ReviewClinician") + `{{else}}
We will contact you soon to arrange a date and time that suits you.
{{end}}
# Until then

Please keep taking any medicines as prescribed, unless a doctor has told you otherwise. If you have questions before your review, ring us on {{.ServicePhone}}, {{.OfficeHours}}.
`,

	models.LetterOutcomeDischarge: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

After talking with you, we do not think you need support from our specialist team at the moment. We will not arrange any more appointments, and we have let the professionals listed below know.
` + clinicalSection + `
# Our advice

- Keep talking to your GP, midwife or health visitor about how you are feeling. They know you and can help.
- Try to rest when you can, eat regularly, and accept offers of help from people you trust.
{{if .SignpostText}}{{.SignpostText}}
{{end}}
# If things change

If you become unwell, or you are worried about your mental health, please talk to your GP, midwife or health visitor. They can refer you to us again at any time during your pregnancy or in the year after your baby is born.
`,

	models.LetterNotAccepted: `Dear {{.FirstName}}

{{.ReferrerName}} referred you to the {{.ServiceName}}. We have looked at your referral carefully as a team. We are sorry, but our service is not the right one to help you at the moment.
{{if .Reason}}
{{.Reason}}
{{end}}
This does not mean that your difficulties are not real, or that help is not available.{{if .SignpostText}} These may be able to help you:

{{.SignpostText}}
- Your GP, midwife and health visitor can keep supporting you.
{{else}} Your GP, midwife and health visitor can keep supporting you.
{{end}}
If you or {{.ReferrerName}} would like to talk about this decision, please ring our duty worker on {{.DutyPhone}}, {{.DutyHours}}.

If things change, your GP, midwife or health visitor can refer you to us again at any time during your pregnancy or in the year after your baby is born.
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

{{if .KeyWorkerName}}You and {{.KeyWorkerName}} have{{else}}You and our team have{{end}} agreed that your care with the {{.ServiceName}} can now come to an end. Thank you for working with us. We are glad that things are better for you.
{{if .WhatHelped}}
# What helped

{{.WhatHelped}}
{{end}}
# Signs to look out for
{{if .WarningSigns}}
These are the early signs we talked about, which may mean you are becoming unwell again:

{{.WarningSigns}}
{{else}}
Everyone has good and bad days, especially with a young baby. It may mean you are becoming unwell again if you sleep badly for several nights even when your baby settles, stop enjoying things, or feel very low or anxious on most days.
{{end}}
If you notice these signs, please do not wait until things feel very bad. Talk to your GP, midwife or health visitor early.

# Coming back to us

If you need our help again during your pregnancy or in the year after your baby is born, your GP, midwife or health visitor can refer you to us again. They can ring our duty worker on {{.DutyPhone}}, {{.DutyHours}}, for advice.
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
// its date, time and clinician from the fields named, then how it is held,
// with what she needs to know for that way (the video link and how to join;
// when we will ring and from which number; the clinic's address; who will
// visit her at home). The video instructions follow the DOMAIN conventions
// for an Attend Anywhere invitation.
func appointmentSection(date, clock, with string) string {
	r := strings.NewReplacer("DATE", "{{."+date+"}}", "TIME", "{{."+clock+"}}", "WITH", "{{."+with+"}}")
	return r.Replace(`**Date:** DATE
**Time:** TIME
{{if eq .AppointmentMode "home visit"}}**Where:** at your home
**Who will visit:** WITH

WITH will come to see you at home. You are welcome to have someone you trust with you. If this time does not suit you, or you would rather meet somewhere else, please ring us on {{.ServicePhone}}.
{{else}}**With:** WITH
{{if eq .AppointmentMode "video"}}**How:** a video call on Attend Anywhere
**Link:** {{.VideoLink}}

To join the call you need a smartphone, tablet or computer with a camera and a microphone, and the internet browser Google Chrome, Safari or Microsoft Edge. You do not need to download anything. Please find a quiet, private place where you can talk freely, and join a few minutes early: type the link into your browser and follow the instructions on the screen. You will wait in our online waiting room until we join you.

If you cannot join, or you would rather be seen another way, please ring us on {{.ServicePhone}} and we will arrange something that suits you.
{{else if eq .AppointmentMode "telephone"}}**How:** a telephone call

We will ring you at this time on the number we have for you. The call will come from {{.CallFromNumber}}. Please be somewhere quiet and private, where you can talk freely.

If we do not have the right number for you, or you would rather be seen another way, please ring us on {{.ServicePhone}}.
{{else if eq .AppointmentMode "face to face"}}**Where:** {{.AppointmentPlace}}

Please arrive a few minutes early and tell the reception staff you are here. You are welcome to bring someone you trust with you. If you cannot come at this time, or you would rather be seen another way, please ring us on {{.ServicePhone}} and we will find another time.
{{end}}{{end}}`)
}

// clinicalSection carries what the clinician wrote with the assessment
// outcome. In the professionals' copies it uses the headings of the PRSB
// Outpatient Letter standard (Professional Record Standards Body; section
// names as in NHS Digital's ITK3 FHIR Outpatient Letter specification):
// "Clinical summary", "Medications and medical devices", and "Plan and
// requested actions" with its elements "Actions for healthcare
// professionals" and "Actions for patient or their carer". In her letter
// the same content has plain headings.
const clinicalSection = `{{if eq .Reader "professional"}}
# Clinical summary

Initial assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}. Outcome: {{.OutcomeWords}}.
{{if .Summary}}
{{.Summary}}
{{end}}{{if .MedicationAdvice}}
# Medications and medical devices

{{.MedicationAdvice}}
{{end}}{{if or .GPActions .Plan}}
# Plan and requested actions
{{if .GPActions}}
**Actions for healthcare professionals**

{{.GPActions}}
{{end}}{{if .Plan}}
**Actions for patient or their carer**

{{.Plan}}
{{end}}{{end}}{{else}}{{if .Summary}}
# What we talked about

{{.Summary}}
{{end}}{{if .Plan}}
# What we agreed

{{.Plan}}
{{end}}{{if .MedicationAdvice}}
# Your medicines

{{.MedicationAdvice}}
{{end}}{{if .GPActions}}
# What we have asked your GP to do

{{.GPActions}}
{{end}}{{end}}`

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
