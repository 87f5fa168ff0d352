package models

// The outcome measures perinatal teams report (DOMAIN.md, "Outcome
// measures"; the Royal College of Psychiatrists' perinatal outcome set).
// Item labels are the project's own short descriptions: the official forms
// hold the wording, which is not copied here. Scoring rules cite the
// published scoring sheet each follows.

// up returns the scores 0, 1, … n-1 for n responses scored in printed order.
func up(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// down returns the scores n-1 … 0 for a reversed item of n responses.
func down(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = n - 1 - i
	}
	return s
}

// items builds items that share one set of scores, with a few reversed.
func items(scores, reversed []int, labels ...string) []MeasureItem {
	out := make([]MeasureItem, len(labels))
	for i, l := range labels {
		out[i] = MeasureItem{Label: l, Scores: scores}
	}
	for _, r := range reversed {
		s := make([]int, len(scores))
		for j := range scores {
			s[j] = scores[len(scores)-1-j]
		}
		out[r].Scores = s
	}
	return out
}

// measureDefs is the one table of measures.
var measureDefs = []*MeasureDef{
	{
		Code: "EPDS", Name: "Edinburgh Postnatal Depression Scale",
		// SNOMED CT 450320001 "Edinburgh postnatal depression scale score",
		// as the Danish KL Children FHIR guide (hl7dk/kl-children) codes it.
		// Not checked in the NHS SNOMED CT browser.
		SNOMED: "450320001", SNOMEDSource: "KL Children FHIR implementation guide; not checked against the NHS SNOMED CT browser",
		// Cox, Holden and Sagovsky (1987), Br J Psychiatry 150:782-6, and
		// its scoring sheet: items 1, 2 and 4 score 0-3 down the printed
		// responses; items 3 and 5-10 score 3-0. Total 0-30; 10 or more
		// possible depression, 13 or more probable depression; any score
		// on item 10 needs immediate assessment of risk.
		Source: "Cox, Holden & Sagovsky 1987 scoring sheet (DOMAIN.md)",
		Items: []MeasureItem{
			{"Item 1: finding things funny", up(4)},
			{"Item 2: looking forward to things", up(4)},
			{"Item 3: blaming herself when things go wrong", down(4)},
			{"Item 4: worrying without good reason", up(4)},
			{"Item 5: feeling frightened or panicky", down(4)},
			{"Item 6: feeling overwhelmed", down(4)},
			{"Item 7: unhappiness spoiling her sleep", down(4)},
			{"Item 8: feeling sad or miserable", down(4)},
			{"Item 9: crying from unhappiness", down(4)},
			{"Item 10: thoughts of harming herself", down(4)},
		},
		Bands:   []MeasureBand{{0, "Below the cut-off"}, {10, "Possible depression"}, {13, "Probable depression"}},
		CutOffs: []MeasureCutOff{{10, "possible depression"}, {13, "probable depression"}},
		Risk:    &MeasureRisk{Item: 9, MinScore: 1, Label: "thoughts of harming herself"},
		Routine: true,
	},
	{
		Code: "PHQ-9", Name: "Patient Health Questionnaire (9 items)",
		// SNOMED CT 720433000 "Patient Health Questionnaire Nine Item
		// score (observable entity)": listed so in a SNOMED CT usage
		// table and in an MHSDS coded-assessment reference table.
		SNOMED: "720433000", SNOMEDSource: "SNOMED CT code usage listing and an MHSDS coded-assessment reference table",
		// Kroenke, Spitzer and Williams (2001), J Gen Intern Med 16:606-13:
		// each item 0-3, total 0-27; 5, 10, 15 and 20 are the lower edges of
		// mild, moderate, moderately severe and severe; 10 or more is the
		// usual cut-off for major depression. Any score on item 9 needs
		// follow-up of risk.
		Source: "Kroenke, Spitzer & Williams 2001 (DOMAIN.md)",
		Items: items(up(4), nil,
			"Item 1: little pleasure in doing things",
			"Item 2: feeling low or hopeless",
			"Item 3: trouble with sleep",
			"Item 4: tiredness or low energy",
			"Item 5: appetite too low or too high",
			"Item 6: feeling bad about herself",
			"Item 7: trouble concentrating",
			"Item 8: slowed down, or restless",
			"Item 9: thoughts of death or self-harm"),
		ResponseLabels: []string{"Never", "On some days", "On most days", "Almost every day"},
		Bands: []MeasureBand{{0, "Minimal"}, {5, "Mild"}, {10, "Moderate"},
			{15, "Moderately severe"}, {20, "Severe"}},
		CutOffs: []MeasureCutOff{{10, "clinical cut-off"}},
		Risk:    &MeasureRisk{Item: 8, MinScore: 1, Label: "thoughts of death or self-harm"},
	},
	{
		Code: "GAD-7", Name: "Generalised Anxiety Disorder Assessment (7 items)",
		// Two public tables give different codes (445455005 and
		// 717440006), so none is recorded until one is checked.
		SNOMEDSource: "not verified",
		// Spitzer, Kroenke, Williams and Löwe (2006), Arch Intern Med
		// 166:1092-7: each item 0-3, total 0-21; 5, 10 and 15 are the lower
		// edges of mild, moderate and severe; 10 or more is the cut-off.
		Source: "Spitzer et al. 2006 (DOMAIN.md)",
		Items: items(up(4), nil,
			"Item 1: feeling nervous or on edge",
			"Item 2: unable to stop worrying",
			"Item 3: worrying about many things",
			"Item 4: finding it hard to relax",
			"Item 5: too restless to keep still",
			"Item 6: quick to feel irritated",
			"Item 7: dreading that something awful will happen"),
		ResponseLabels: []string{"Never", "On some days", "On most days", "Almost every day"},
		Bands:          []MeasureBand{{0, "Minimal"}, {5, "Mild"}, {10, "Moderate"}, {15, "Severe"}},
		CutOffs:        []MeasureCutOff{{10, "clinical cut-off"}},
	},
	{
		Code: "CORE-10", Name: "Clinical Outcomes in Routine Evaluation (10 items)",
		// SNOMED CT 718583008 "Clinical Outcomes in Routine Evaluation - 10
		// clinical score", from an MHSDS coded-assessment reference table.
		SNOMED: "718583008", SNOMEDSource: "an MHSDS coded-assessment reference table; not checked against the NHS SNOMED CT browser",
		// Barkham et al. (2013), Counselling and Psychotherapy Research
		// 13:3-13, and the CORE-10 scoring sheet: items 0-4, items 2 and 3
		// (positively worded) 4-0; total 0-40; bands from 0 healthy, 6 low,
		// 11 mild, 15 moderate, 20 moderate-severe, 25 severe; clinical
		// cut-off 11. Item 6 asks about plans to end her life.
		Source: "Barkham et al. 2013, CORE-10 scoring sheet (DOMAIN.md)",
		Items: items(up(5), []int{1, 2},
			"Item 1: feeling tense or anxious",
			"Item 2: having someone to turn to",
			"Item 3: feeling able to cope",
			"Item 4: finding people too much",
			"Item 5: panic or terror",
			"Item 6: plans to end her life",
			"Item 7: trouble sleeping",
			"Item 8: feeling despairing or hopeless",
			"Item 9: feeling unhappy",
			"Item 10: distressing images or memories"),
		ResponseLabels: []string{"Never", "Rarely", "At times", "Often", "Nearly always"},
		Bands: []MeasureBand{{0, "Healthy"}, {6, "Low"}, {11, "Mild"}, {15, "Moderate"},
			{20, "Moderate-severe"}, {25, "Severe"}},
		CutOffs: []MeasureCutOff{{11, "clinical cut-off"}},
		Risk:    &MeasureRisk{Item: 5, MinScore: 1, Label: "plans to end her life"},
		Routine: true,
	},
	{
		Code: "GBO", Name: "Goal-based outcomes",
		// The NHS coded GBO concepts found (959951000000108 and goal 1-3)
		// are the child and young person's goal progress chart, so none is
		// recorded for the adult use here.
		SNOMEDSource: "not verified",
		// Law and Jacob (2015), Goals and Goal Based Outcomes (GBOs), CAMHS
		// Press: up to three goals, each rated 0-10 at each review; a change
		// of 3 or more points on a goal counts as meaningful (DOMAIN.md).
		Source:           "Law & Jacob 2015 (DOMAIN.md)",
		Items:            items(up(11), nil, "Goal 1", "Goal 2", "Goal 3"),
		MinItems:         1,
		GoalBased:        true,
		MeaningfulChange: 3,
		HigherIsBetter:   true,
		Routine:          true,
	},
}
