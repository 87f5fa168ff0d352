package app

import (
	"strings"

	"perinatal-caseload/letters"
	"perinatal-caseload/models"
)

// signpostWords are the services screening can signpost to, as letters
// tell them: to her ("you") and to her referrer ("she"). They are the only
// services a letter names, so that, for example, a woman living outside
// the area is never sent to the local talking-therapies service. The codes'
// staff labels (models.SignpostLabel) are never printed.
var signpostWords = map[string]struct{ her, referrer string }{
	models.SignpostVitaMinds: {
		"**VitaMinds** is the NHS talking therapies service for Leicester, Leicestershire and Rutland. It helps with anxiety and low mood, and you can refer yourself.",
		"**VitaMinds**, the NHS talking therapies service for Leicester, Leicestershire and Rutland, may help with mild to moderate anxiety or depression. She can refer herself.",
	},
	models.SignpostSubstanceMisuseService: {
		"If alcohol or drugs are a worry for you, the local **drug and alcohol service** can help. Your GP can tell you how to contact them.",
		"If drug or alcohol use is the main difficulty, please refer her to the local **drug and alcohol service**. We can work jointly with them if she also has a severe mental illness.",
	},
	models.SignpostEatingDisorderService: {
		"If you are struggling with eating, your GP can refer you to the **eating disorder service**.",
		"If an eating disorder is the main difficulty, please refer her to the **eating disorder service**. We can work jointly with them if she also has a severe mental illness.",
	},
	models.SignpostPrimaryCare: {
		"**Your GP** can keep supporting you, and can help you find other support near you.",
		"Her **GP and primary care team** are best placed to support her at the moment.",
	},
	models.SignpostDutyWorker: {
		"The person who referred you can ring **our duty worker** for advice about the help you need.",
		"Please ring **our duty worker** to talk about her care; the number is below.",
	},
	models.SignpostLocalPerinatalService: {
		"**The perinatal mental health team where you live** can help you. Your GP or midwife can refer you to them.",
		"Please refer her to the **perinatal mental health team for the area where she lives**.",
	},
}

// signpostText returns the services screening chose, one bullet point
// each, in words for the reader: her, or her referrer. Codes the program
// does not know are left out.
func signpostText(codes []string, toReferrer bool) string {
	var lines []string
	for _, code := range codes {
		w, ok := signpostWords[code]
		if !ok {
			continue
		}
		text := w.her
		if toReferrer {
			text = w.referrer
		}
		lines = append(lines, "- "+text)
	}
	return strings.Join(lines, "\n")
}

// herReasons say why our service is not the right one for her, in plain
// words, by the service screening chose for her instead.
var herReasons = map[string]string{
	models.SignpostLocalPerinatalService:  "Our team can only care for women who live in Leicester, Leicestershire or Rutland and are registered with a GP here.",
	models.SignpostDutyWorker:             "We can only see women who have agreed to be referred to us.",
	models.SignpostVitaMinds:              "From what we were told, we think talking therapies are the best help for you at the moment.",
	models.SignpostSubstanceMisuseService: "From what we were told, a service that helps with alcohol or drugs is the right place to start.",
	models.SignpostEatingDisorderService:  "From what we were told, the eating disorder service is the right place to start.",
	models.SignpostPrimaryCare:            "From what we were told, your GP is the best person to support you at the moment.",
}

// decisionFields fills the reason for a decision not to accept her, and
// the services screening chose, for a letter of kind. The reason is the
// clinician's when they gave one; otherwise, to her, the plain reason of
// the first service chosen, and to her referrer the screening's own
// reasons, which are written for referrers.
func decisionFields(f *letters.Fields, r *models.Referral, kind models.LetterKind) {
	rec, err := StoredRecommendation(r)
	if err != nil {
		rec = models.Recommendation{}
	}
	toReferrer := letters.WrittenToReferrer(kind)
	f.SignpostText = signpostText(rec.Signpost, toReferrer)
	if kind != models.LetterNotAccepted && kind != models.LetterAssessmentNotNeeded {
		return
	}
	if f.Reason = strings.TrimSpace(r.DecisionReason); f.Reason != "" {
		return
	}
	if toReferrer {
		f.Reason = strings.Join(rec.Reasons, " ")
		return
	}
	for _, code := range rec.Signpost {
		if why, ok := herReasons[code]; ok {
			f.Reason = why
			return
		}
	}
}
