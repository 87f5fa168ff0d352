package letters

import (
	"fmt"

	"perinatal-caseload/models"
)

// The default template bodies. They follow the Academy of Medical Royal
// Colleges' "Please, write to me" guidance: written to the woman as "you",
// in plain English, short sentences and everyday words. The same letter is
// copied to her referrer and the other professionals. The assessment-not-
// needed letter is the exception: it is written to the referrer, who
// referred her and is told the decision.
//
// Each body starts with the salutation; the renderer adds the closing, the
// author's name and role, the copy list and the crisis box.
var defaultTemplates = map[models.LetterKind]string{
	models.LetterAcceptance: `Dear {{.FirstName}}

{{.ReferrerName}} referred you to the {{.ServiceName}}. We are a team of health professionals who help women with their mental health during pregnancy and in the year after their baby is born.

We have looked at your referral as a team, and we are pleased to offer you an assessment. This is a chance for you to tell us how you are feeling and what would help, and for us to understand how we can support you.
{{if .VideoLink}}
# Your appointment

Your first appointment will be a video call using Attend Anywhere. You do not need to download anything.

**Date:** {{.AppointmentDate}}
**Time:** {{.AppointmentTime}}
**With:** {{.AppointmentWith}}
**Link:** {{.VideoLink}}

To join the video call you will need:

- a smartphone, tablet or computer with a camera and a microphone
- the internet browser Google Chrome, Safari or Microsoft Edge
- a quiet, private place where you can talk freely

Please join a few minutes early. Type the link into your internet browser and follow the instructions on the screen. You will then wait in our online waiting room until we join you.

If you cannot join, or you would rather be seen another way, please ring us on {{.ServicePhone}} and we will arrange something that suits you.
{{else}}
# What happens next

A key worker from our team will contact you soon to arrange a time to meet you.
{{end}}
# If you have questions

Please ring us on {{.ServicePhone}}, {{.OfficeHours}}. You are welcome to bring someone you trust to your appointment.
`,

	models.LetterOutcomeCaseload: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

We think our team can help you, so we would like to keep working with you. This means you will have support from us during your pregnancy and in the year after your baby is born.

# Your key worker

Your key worker is {{.KeyWorkerName}}{{if .KeyWorkerRole}}, {{.KeyWorkerRole}}{{end}}. They will contact you soon to arrange your first appointment.

Your key worker will get to know you and plan your care with you. They are the person to talk to about how you are feeling and about anything you are worried about.

# Contacting us

You can leave a message for your key worker by ringing our office on {{.ServicePhone}}, {{.OfficeHours}}.

We have sent a copy of this letter to the professionals listed below, so that everyone involved in your care knows our plan.
`,

	models.LetterOutcomeMedical: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

We would like you to have a medical review{{if .ReviewClinician}} with {{.ReviewClinician}}{{end}}. This is a chance to talk about your mental health and about any medicines, including which are right for you during pregnancy or while you are breastfeeding.

# Your medical review
{{if .ReviewDate}}
**Date:** {{.ReviewDate}}
**Time:** {{.ReviewTime}}
{{if .VideoLink}}**Link:** {{.VideoLink}}

This will be a video call. You will need a smartphone, tablet or computer with a camera and a microphone, the browser Google Chrome, Safari or Microsoft Edge, and a quiet, private place. Please join a few minutes early.
{{end}}
If you cannot come at this time, please ring us on {{.ServicePhone}} and we will find another time.
{{else}}
We will contact you soon to arrange a date and time that suits you.
{{end}}
# Until then

Please keep taking any medicines as prescribed, unless a doctor has told you otherwise. If you have questions before your review, ring us on {{.ServicePhone}}, {{.OfficeHours}}.
`,

	models.LetterOutcomeDischarge: `Dear {{.FirstName}}

Thank you for talking with us at your assessment{{if .AssessmentDate}} on {{.AssessmentDate}}{{end}}.

After talking with you, we do not think you need support from our specialist team at the moment. {{if .Reason}}{{.Reason}} {{end}}We will not arrange any more appointments, and we have let the professionals listed below know.

# Our advice

- Keep talking to your GP, midwife or health visitor about how you are feeling. They know you and can help.
- **VitaMinds** is the NHS talking therapies service for Leicester, Leicestershire and Rutland. It can help with anxiety and low mood, and you can refer yourself.
- Try to rest when you can, eat regularly, and accept offers of help from people you trust.
{{if .SignpostText}}
{{.SignpostText}}
{{end}}
# If things change

If you become unwell, or you are worried about your mental health, please talk to your GP, midwife or health visitor. They can refer you to us again at any time during your pregnancy or in the year after your baby is born.
`,

	models.LetterNotAccepted: `Dear {{.FirstName}}

{{.ReferrerName}} referred you to the {{.ServiceName}}. We have looked at your referral carefully as a team. We are sorry, but our service is not the right one to help you at the moment.
{{if .Reason}}
{{.Reason}}
{{end}}
This does not mean that your difficulties are not real, or that help is not available. These services may be able to help you:

- **VitaMinds** is the NHS talking therapies service for Leicester, Leicestershire and Rutland. It helps with anxiety and low mood. You can refer yourself.
- If alcohol or drugs are a worry for you, the local **substance misuse service** can help. Your GP can tell you how to contact them.
- If you are struggling with eating, your GP can refer you to the **eating disorder service**.
- Your GP, midwife and health visitor can keep supporting you.
{{if .SignpostText}}
{{.SignpostText}}
{{end}}
If you or {{.ReferrerName}} would like to talk about this decision, please ring our duty worker on {{.DutyPhone}}, {{.DutyHours}}.

If things change, your GP, midwife or health visitor can refer you to us again at any time during your pregnancy or in the year after your baby is born.
`,

	models.LetterAssessmentNotNeeded: `{{.ReferrerSalutation}}

Thank you for referring {{.FullName}} to the {{.ServiceName}}{{if .ReferralDate}} on {{.ReferralDate}}{{end}}. We have reviewed the referral as a team, and we do not think she needs an assessment by our service at the moment.
{{if .Reason}}
{{.Reason}}
{{end}}
# Our advice
{{if .SignpostText}}
{{.SignpostText}}
{{end}}
- For mild to moderate anxiety or depression, **VitaMinds** (NHS talking therapies for Leicester, Leicestershire and Rutland) may help. She can refer herself.
- If drug or alcohol misuse is the main difficulty, please refer her to the local **substance misuse service**. We can work jointly with them if she also has a severe mental illness.
- If an eating disorder is the main difficulty, please refer her to the **eating disorder service**. We can work jointly with them if she also has a severe mental illness.

You can refer her again at any time during the perinatal period if you are concerned. Our duty worker is happy to give advice on {{.DutyPhone}}, {{.DutyHours}}.
`,
}

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
